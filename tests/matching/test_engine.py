"""Fixed examples of the engine: ranking, filters, ad-hoc queries, explanations."""

import pytest

from passerelle.matching import TopOptions, UnknownDocument, build_index

CLINICIAN = {
    "id": "clinician",
    "texts": ["Neuro-oncology: care of glioblastoma patients and MRI follow-up of brain tumours"],
    "tags": {"sites": ["6"], "cso": ["5.4"], "kind": "clinician", "territory": "QC", "organisation": "chum",
             "seeks": ["radiomics analysis of MRI scans"]},
}
RADIOMICS_COMPANY = {
    "id": "radiomics-co",
    "texts": ["Radiomics software: deep learning features from MRI of brain tumours"],
    "tags": {"techniques": ["radiomics"], "cso": ["4.1"], "kind": "company", "territory": "AURA",
             "organisation": "acme", "offers": ["radiomics analysis platform for MRI"]},
}
UNRELATED = {
    "id": "economist",
    "texts": ["Health economics of breast cancer screening programmes"],
    "tags": {"sites": ["7"], "cso": ["6.4"], "kind": "researcher", "territory": "AURA", "organisation": "ucbl"},
}
COLLEAGUE = {
    "id": "colleague",
    "texts": ["Glioblastoma MRI radiomics in brain tumours"],
    "tags": {"territory": "QC", "organisation": "mcgill"},
}
SAME_ORG = {
    "id": "same-org",
    "texts": ["Radiomics of glioblastoma MRI"],
    "tags": {"territory": "AURA", "organisation": "chum"},
}
FILLER = [{"id": f"filler{i}", "texts": [f"Epidemiology of cancer incidence number {i} in rural areas"],
           "tags": {"territory": "AURA"}} for i in range(5)]


@pytest.fixture(scope="module")
def index():
    return build_index([CLINICIAN, RADIOMICS_COMPANY, UNRELATED, COLLEAGUE, SAME_ORG, *FILLER])


def test_radiomics_company_ranks_above_unrelated_for_glioblastoma_clinician(index):
    ranked = [s.id for s in index.top("clinician", k=3)]
    assert ranked[0] == "radiomics-co"
    assert index.score("clinician", "radiomics-co") > index.score("clinician", "economist")


def test_top_is_other_territory_by_default_and_never_own_organisation(index):
    ids = {s.id for s in index.top("clinician", k=20)}
    assert "colleague" not in ids  # same territory (QC)
    assert "same-org" not in ids
    assert "clinician" not in ids


def test_any_territory_allows_the_same_territory(index):
    ids = {s.id for s in index.top("clinician", k=20, options=TopOptions(any_territory=True))}
    assert "colleague" in ids
    assert "same-org" not in ids


def test_existing_partners_can_be_excluded():
    docs = [dict(CLINICIAN, tags={**CLINICIAN["tags"], "partners": ["radiomics-co"]}), RADIOMICS_COMPANY, UNRELATED]
    index = build_index(docs)
    assert "radiomics-co" in {s.id for s in index.top("clinician", k=5)}
    excluded = index.top("clinician", k=5, options=TopOptions(exclude_partners=True))
    assert "radiomics-co" not in {s.id for s in excluded}
    # the relation is symmetric: the company does not get the clinician either
    assert "clinician" not in {s.id for s in index.top("radiomics-co", k=5, options=TopOptions(exclude_partners=True))}


def test_top_scores_equal_pair_scores_and_are_sorted(index):
    suggestions = index.top("clinician", k=5)
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)
    for s in suggestions:
        assert s.score == pytest.approx(index.score("clinician", s.id), abs=1e-9)
        assert s.score == pytest.approx(sum(s.components.values()), abs=1e-9)


def test_reasons_name_the_offer_the_terms_and_the_kinds(index):
    best = index.top("clinician", k=1)[0]
    texts = [r.text for r in best.reasons]
    assert "offers radiomics analysis platform for MRI, which you seek (“radiomics analysis of MRI scans”)" in texts
    # "MRI" is in 4 of the 10 profiles: not rare enough; the two-word term is
    assert "shared terms: brain tumours" in texts
    assert 2 <= len(best.reasons) <= 4


def test_reasons_in_french_use_the_given_labels(index):
    labels = {"sites": {"6": "glioblastome"}, "techniques": {"radiomics": "radiomique"}}
    best = index.top("clinician", k=1, language="fr", labels=labels)[0]
    texts = [r.text for r in best.reasons]
    assert ("propose «\u00a0radiomics analysis platform for MRI\u00a0», que vous recherchez "
            "(«\u00a0radiomics analysis of MRI scans\u00a0»)") in texts
    assert "leur radiomique sert vos travaux sur\u00a0: glioblastome" in texts
    assert "un clinicien et une entreprise" in texts


def test_ad_hoc_query_in_french_finds_the_radiomics_company(index):
    idea = {"id": "idea", "texts": ["Radiomique des tumeurs cérébrales en IRM"], "tags": {"territory": "QC"}}
    assert index.query(idea, k=1)[0].id == "radiomics-co"


def test_without_tags_the_score_is_the_text_similarity():
    index = build_index([{"id": d["id"], "texts": d["texts"]} for d in (CLINICIAN, RADIOMICS_COMPANY, UNRELATED)])
    components = index.components("clinician", "radiomics-co")
    assert components["text"] > 0
    assert {k for k, v in components.items() if v} == {"text"}
    assert index.score("clinician", "radiomics-co") == pytest.approx(components["text"])


def test_a_profile_is_compared_text_by_text():
    # one matching publication among unrelated ones still counts (the soft maximum)
    many = {"id": "many", "texts": ["glioblastoma radiomics MRI", "tax law", "medieval poetry", "football tactics"]}
    index = build_index([many, {"id": "q", "texts": ["glioblastoma radiomics MRI"]}, {"id": "z", "texts": ["tax"]}])
    components = index.components("q", "many")
    assert components["text"] > 0.5  # one blob of four texts would give about 0.5


def test_unknown_id_raises(index):
    with pytest.raises(UnknownDocument):
        index.top("nobody")


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="duplicate"):
        build_index([{"id": "a", "texts": ["x"]}, {"id": "a", "texts": ["y"]}])


def test_documents_without_any_text_can_still_match_on_tags():
    index = build_index([{"id": "a", "tags": {"sites": ["6"]}}, {"id": "b", "tags": {"sites": ["6"]}},
                         {"id": "c", "tags": {"sites": ["7"]}}])
    assert index.score("a", "b") > index.score("a", "c") == 0


def test_cso_codes_share_their_parent():
    index = build_index([{"id": "a", "tags": {"cso": ["5.3"]}}, {"id": "b", "tags": {"cso": ["5.1"]}},
                         {"id": "c", "tags": {"cso": ["1.1"]}}])
    assert index.score("a", "b") > 0
    assert index.score("a", "c") == 0


@pytest.mark.parametrize("exact_limit", [500, 10])
def test_top_all_in_several_processes_gives_the_same_suggestions(monkeypatch, exact_limit):
    from passerelle.matching import engine

    monkeypatch.setattr(engine, "EXACT_LIMIT", exact_limit)  # 10: the approximation picks candidates
    words = ["glioma", "MRI", "radiomics", "breast", "organoids", "lymphoma", "CAR-T", "cohort", "dose"]
    docs = [{"id": f"d{i}", "texts": [" ".join(words[(i * j) % len(words)] for j in range(1, 5))],
             "tags": {"territory": "QC" if i % 2 else "AURA", "sites": [["6", "7", "27"][i % 3]]}} for i in range(40)]
    index = build_index(docs)
    alone = index.top_all(k=5, block_size=8)
    forked = index.top_all(k=5, block_size=8, workers=2)
    assert {i: [(s.id, s.score) for s in v] for i, v in forked.items()} == {
        i: [(s.id, s.score) for s in v] for i, v in alone.items()}
