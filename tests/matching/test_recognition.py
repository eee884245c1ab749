"""Recognition of sites, techniques and categories in free text (pure, no Django)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.matching.recognition import Vocabulary

VOCABULARY = Vocabulary.build([
    ("site", "64", "cancer colorectal"), ("site", "64", "colorectal cancer"), ("site", "64", "CRC"),
    ("site", "7", "cancer du sein"), ("site", "7", "breast cancer"), ("site", "27", "ALL"),
    ("technique", "liquid-biopsy", "biopsie liquide"), ("technique", "liquid-biopsy", "ADN tumoral circulant"),
    ("technique", "liquid-biopsy", "ctDNA"), ("technique", "pet", "PET"), ("technique", "car-t", "CAR-T"),
    ("category", "1.4", "métastatique"),
])


def codes(text: str) -> list[str]:
    return [r.code for r in VOCABULARY.recognise(text)]


def test_french_summary_with_plurals_accents_and_agreement():
    text = ("L'ADN tumoral circulant par biopsies liquides dans les cancers colorectaux métastatiques ; "
            "l'ADN tumoral circulant sera dosé.")
    found = VOCABULARY.recognise(text)
    assert [(r.code, r.evidence) for r in found] == [
        ("liquid-biopsy", "ADN tumoral circulant"), ("64", "cancers colorectaux"), ("1.4", "métastatiques")]
    assert found[0].mentions == 3  # twice « ADN tumoral circulant », once « biopsies liquides »


def test_english_and_acronyms():
    assert codes("ctDNA in CRC and breast cancer") == ["liquid-biopsy", "64", "7"]
    assert codes("CAR-T cells") == ["car-t"]


def test_acronyms_must_be_written_in_capitals_and_stop_words_are_never_tags():
    assert codes("my pet project on car travel") == []
    assert codes("ALL of them, all of us") == []  # « ALL » is also "all"


def test_everyday_french_is_not_a_site():
    assert codes("Au sein de notre équipe, le colorectal") == []


@given(st.lists(st.sampled_from(["le", "projet", "vise", "à", "mieux", "comprendre", "the", "aim", "is", "data",
                                 "😀", "—", "(", ")", "2024"]), max_size=30))
@settings(max_examples=200)
def test_a_known_phrase_is_found_wherever_it_stands(words):
    cut = len(words) // 2
    text = " ".join(words[:cut] + ["biopsie", "liquide"] + words[cut:])
    assert "liquid-biopsy" in codes(text)
    assert set(codes(" ".join(words))) == set()


@given(st.text(max_size=200))
@settings(max_examples=200)
def test_any_text_is_read_without_error_and_evidence_is_in_the_text(text):
    for found in VOCABULARY.recognise(text):
        assert found.mentions >= 1 and found.evidence
