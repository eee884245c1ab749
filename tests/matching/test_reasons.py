"""Reasons are claims, and claims are checked: every reason's evidence is verified against the
two documents, shared terms are never general-language words, and an offer ↔ seek reason only
quotes phrases really in one side's offers and the other side's seeks."""

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.matching import TopOptions, build_index
from passerelle.matching.complementarity import kind_code
from passerelle.matching.evidence import PHRASE_MIN_SIMILARITY, max_term_df
from passerelle.matching.features import cso_features
from passerelle.matching.general_words import FRENCH_GENERAL_WORDS, GENERAL_WORDS, general_terms
from passerelle.matching.text import fold, terms

DOMAIN = ["glioblastome", "radiomique", "IRM", "biopsie liquide", "ADN tumoral circulant", "cancer colorectal",
          "leucémie myéloïde", "CAR-T", "organoïdes", "cancer du pancréas", "modèles animaux in vivo",
          "immunothérapie", "lymphome", "séquençage", "cohorte", "circulating tumour DNA", "liquid biopsy",
          "colorectal cancer", "single-cell sequencing", "proton therapy", "mélanome uvéal", "sarcome"]
GENERAL = ["améliorer", "également", "utilise", "portent", "objectif", "cherchons", "monter", "projet", "haut",
           "grade", "nouveau", "étude", "analyse", "développement", "approach", "novel", "study", "data"]
SITES = ["6", "7", "27", "64", "37"]
TECHNIQUES = ["radiomics", "organoids", "car-t", "liquid-biopsy", "immunotherapy"]
CSO = ["1.3", "4.1", "4.2", "5.1", "5.3"]

words = st.sampled_from(DOMAIN + GENERAL + ["de la", "des", "dans le", "and the", "of"])
texts = st.lists(st.lists(words, min_size=1, max_size=10).map(" ".join), min_size=0, max_size=3)
phrases = st.lists(st.lists(words, min_size=1, max_size=4).map(" ".join), max_size=2)
tags = st.fixed_dictionaries({
    "sites": st.lists(st.sampled_from(SITES), max_size=2, unique=True),
    "techniques": st.lists(st.sampled_from(TECHNIQUES), max_size=2, unique=True),
    "cso": st.lists(st.sampled_from(CSO), max_size=2, unique=True),
    "kind": st.sampled_from(["clinician", "researcher", "company", "patient", ""]),
    "territory": st.sampled_from(["AURA", "QC"]),
    "offers": phrases,
    "seeks": phrases,
})
corpora = st.lists(st.tuples(texts, tags), min_size=2, max_size=10).map(
    lambda docs: [{"id": f"d{i}", "texts": t, "tags": g} for i, (t, g) in enumerate(docs)])
EXAMPLES = int(os.environ.get("REASON_EXAMPLES", "40"))  # raise it to search longer
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _folded_in(form: str, text: str) -> bool:
    return fold(form) in fold(text)


def check_reason(reason, query, candidate, n_docs: int, df_of) -> None:
    """Every claim of ``reason`` holds for the two documents (dicts as given to build_index)."""
    ev, qt, ct = reason.evidence, query["tags"], candidate["tags"]
    if reason.component == "text":
        assert ev["terms"], reason  # a text reason always names its terms
        for term in ev["terms"]:
            q_form, c_form = term["query"]["form"], term["candidate"]["form"]
            assert _folded_in(q_form, query["texts"][term["query"]["text"]])
            assert _folded_in(c_form, candidate["texts"][term["candidate"]["text"]])
            assert terms(q_form) == terms(c_form) == term["term"].split(" ")
            assert not set(term["term"].split(" ")) & general_terms()
            assert df_of(term["term"]) <= max_term_df(n_docs)
            assert q_form in reason.text
    elif reason.component in ("sites", "techniques"):
        assert ev["codes"]
        for code in ev["codes"]:
            assert code in qt[reason.component] and code in candidate["tags"][reason.component]
    elif reason.component == "cso":
        for code in ev["codes"]:
            if ev["related"]:
                assert any(code == f for c in qt["cso"] for f, _ in cso_features(c))
                assert any(code == f for c in ct["cso"] for f, _ in cso_features(c))
            else:
                assert code in qt["cso"] and code in ct["cso"]
    elif reason.component == "offers_seeks":
        assert ev["similarity"] >= PHRASE_MIN_SIMILARITY
        if "candidate_offers" in ev:
            assert ev["candidate_offers"] in ct["offers"] and ev["query_seeks"] in qt["seeks"]
            assert ev["candidate_offers"] in reason.text and ev["query_seeks"] in reason.text
        else:
            assert ev["candidate_seeks"] in ct["seeks"] and ev["query_offers"] in qt["offers"]
            assert ev["candidate_seeks"] in reason.text and ev["query_offers"] in reason.text
        shared = set(terms(reason.text.split("(")[0])) & set(terms(reason.text.split("(")[-1]))
        assert shared - general_terms()
    elif reason.component == "kind":
        assert ev["query_kind"] == kind_code(qt["kind"]) and ev["candidate_kind"] == kind_code(ct["kind"])
    elif reason.component == "technique_site":
        owner, other = (ct, qt) if ev["technique_of"] == "candidate" else (qt, ct)
        assert ev["technique"] in owner["techniques"] and ev["site"] in other["sites"]


def _df_function(docs):
    def df_of(term: str) -> int:
        words = term.split(" ")
        count = 0
        for doc in docs:
            analysed = [terms(t) for t in doc["texts"]]
            if any(any(a[i : i + len(words)] == words for i in range(len(a))) for a in analysed):
                count += 1
        return count
    return df_of


@SETTINGS
@given(corpora, st.sampled_from(["en", "fr"]))
def test_every_reason_is_true_of_both_profiles(docs, language):
    index = build_index(docs)
    by_id = {d["id"]: d for d in docs}
    df_of = _df_function(docs)
    for doc in docs:
        for s in index.top(doc["id"], k=5, options=TopOptions(any_territory=True), language=language):
            for reason in s.reasons:
                check_reason(reason, doc, by_id[s.id], len(docs), df_of)
                assert reason.as_dict()["evidence"] == dict(reason.evidence)


@SETTINGS
@given(corpora, st.lists(words, min_size=1, max_size=12).map(" ".join))
def test_reasons_of_an_ad_hoc_idea_are_true(docs, idea_text):
    index = build_index(docs)
    by_id = {d["id"]: d for d in docs}
    idea = {"id": "idea", "texts": [idea_text], "tags": {"sites": [], "techniques": [], "cso": [], "kind": "",
                                                         "territory": "", "offers": [], "seeks": []}}
    for s in index.query(idea, k=5, language="fr"):
        for reason in s.reasons:
            check_reason(reason, idea, by_id[s.id], len(docs), _df_function(docs))


def test_general_list_holds_hundreds_of_french_and_english_words():
    assert len(GENERAL_WORDS) >= 300
    assert len({fold(w) for w in FRENCH_GENERAL_WORDS}) >= 300
    for word in GENERAL:
        assert fold(word) in GENERAL_WORDS


def test_no_general_word_is_ever_a_shared_term():
    """Each of 300+ general words is written by exactly two profiles (so it is rare and would
    pass the frequency rule): none may be quoted."""
    rng = random.Random(7)
    general = sorted(GENERAL_WORDS)
    assert len(general) >= 300
    docs = []
    for i in range(0, len(general), 6):
        chunk = general[i : i + 6]
        domain = rng.choice(DOMAIN)
        for side in ("AURA", "QC"):
            docs.append({"id": f"{side}{i}", "texts": [" ".join(chunk) + " " + domain],
                         "tags": {"territory": side}})
    index = build_index(docs)
    quoted = set()
    for doc in docs:
        for s in index.top(doc["id"], k=3):
            for reason in s.reasons:
                if reason.component == "text" and "terms" in reason.evidence:
                    for term in reason.evidence["terms"]:
                        quoted.add(fold(term["query"]["form"]))
                        assert not set(term["term"].split(" ")) & general_terms()
    assert quoted  # the domain words are quoted …
    for form in quoted:
        assert not set(form.split()) & GENERAL_WORDS  # … never a general word


def test_multi_word_terms_are_preferred():
    a = {"id": "a", "texts": ["Biopsie liquide et ADN tumoral circulant dans le cancer colorectal métastatique"],
         "tags": {"territory": "AURA"}}
    b = {"id": "b", "texts": ["ADN tumoral circulant et biopsie liquide du cancer colorectal"],
         "tags": {"territory": "QC"}}
    others = [{"id": f"o{i}", "texts": [f"cancer du sein imagerie {i}"], "tags": {"territory": "QC"}}
              for i in range(30)]
    reason = build_index([a, b, *others]).top("a", k=1, language="fr")[0].reasons[0]
    assert reason.component == "text"
    forms = [t["query"]["form"] for t in reason.evidence["terms"]]
    assert "ADN tumoral circulant" in forms and "Biopsie liquide" in forms
    assert all(" " in form for form in forms)


def test_an_unrelated_offer_is_never_claimed():
    """The false claim of issue 14: « recherche « des modèles animaux in vivo … cancer du pancréas »,
    que vous proposez » shown to a leukaemia researcher who offers nothing of the kind."""
    pancreas = {"id": "pancreas", "texts": ["cancer du pancréas, modèles murins"],
                "tags": {"territory": "AURA", "seeks": ["des modèles animaux in vivo pour le cancer du pancréas"]}}
    leukaemia = {"id": "leukaemia", "texts": ["leucémie myéloïde aiguë, cancer"],
                 "tags": {"territory": "QC", "offers": ["séquençage de cellules uniques en cancer de la leucémie"]}}
    silent = {"id": "silent", "texts": ["leucémie myéloïde aiguë"], "tags": {"territory": "QC"}}
    others = [{"id": f"o{i}", "texts": [f"cancer cohorte {i}"], "tags": {"territory": "QC"}} for i in range(10)]
    index = build_index([pancreas, leukaemia, silent, *others])
    for viewer in ("leukaemia", "silent"):
        for s in index.top(viewer, k=20, language="fr"):
            assert all(r.component != "offers_seeks" for r in s.reasons), s.reasons
    assert index.components("leukaemia", "pancreas")["offers_seeks"] > 0  # the score still counts it


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_matching_offer_quotes_both_phrases(language):
    clinician = {"id": "c", "texts": ["glioblastome"], "tags": {"territory": "QC",
                 "seeks": ["analyse radiomique des IRM de glioblastome"]}}
    company = {"id": "co", "texts": ["radiomics"], "tags": {"territory": "AURA",
               "offers": ["plateforme d'analyse radiomique des IRM"]}}
    reasons = build_index([clinician, company]).top("c", k=1, language=language)[0].reasons
    offer = next(r for r in reasons if r.component == "offers_seeks")
    assert offer.evidence["candidate_offers"] == "plateforme d'analyse radiomique des IRM"
    assert offer.evidence["query_seeks"] == "analyse radiomique des IRM de glioblastome"
