from passerelle.core.text import fold, search_document, search_terms


def test_fold_lowers_case_and_strips_accents():
    assert fold("Étienne GLIOBLASTOME à Montréal") == "etienne glioblastome a montreal"


def test_search_terms_keep_letters_and_digits_only_without_stop_words():
    assert search_terms("  Cancer du sein (HER2+), l'œsophage; 5.3 ") == [
        "cancer", "sein", "her2", "oesophage", "5", "3"
    ]
    assert search_terms("Biology of the lung") == ["biology", "lung"]


def test_a_query_of_stop_words_only_is_kept():
    assert search_terms("De la") == ["de", "la"]


def test_search_terms_are_limited():
    assert len(search_terms(" ".join(f"w{i}" for i in range(40)))) == 12


def test_search_document_joins_folded_parts():
    assert search_document("Hélène", "", "Radiothérapie-FLASH") == "helene radiotherapie flash helen radiotherapy"
