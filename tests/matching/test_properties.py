"""Invariants of the engine, checked with hypothesis on small random corpora."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.matching import COMPONENTS, TopOptions, build_index

WORDS = ["glioblastoma", "radiomics", "MRI", "breast", "immunotherapy", "organoids", "sein", "tumeur",
         "séquençage", "cohort", "lymphoma", "biopsie", "liquid", "dose", "CAR-T", "survival"]
SITES = ["6", "7", "28", "27", "64"]
TECHNIQUES = ["radiomics", "organoids", "car-t", "genomics", "immunotherapy"]
CSO = ["1.3", "4.1", "5.1", "5.3", "6.1"]
KINDS = ["clinician", "researcher", "company", "patient", ""]

texts = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join), max_size=3)
phrases = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join), max_size=2)
tags = st.fixed_dictionaries({
    "sites": st.lists(st.sampled_from(SITES), max_size=2, unique=True),
    "techniques": st.lists(st.sampled_from(TECHNIQUES), max_size=2, unique=True),
    "cso": st.lists(st.sampled_from(CSO), max_size=2, unique=True),
    "kind": st.sampled_from(KINDS),
    "territory": st.sampled_from(["AURA", "QC", ""]),
    "organisation": st.sampled_from(["o1", "o2", "o3", ""]),
    "offers": phrases,
    "seeks": phrases,
})
corpora = st.lists(st.tuples(texts, tags), min_size=2, max_size=8).map(
    lambda docs: [{"id": f"d{i}", "texts": t, "tags": g} for i, (t, g) in enumerate(docs)]
)
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(corpora)
def test_score_is_symmetric(docs):
    index = build_index(docs)
    for a in docs:
        for b in docs:
            assert index.score(a["id"], b["id"]) == pytest.approx(index.score(b["id"], a["id"]), abs=1e-6)


@SETTINGS
@given(corpora, st.sampled_from(["sites", "techniques", "cso"]), st.data())
def test_score_grows_with_a_shared_tag(docs, family, data):
    value = data.draw(st.sampled_from({"sites": SITES, "techniques": TECHNIQUES, "cso": CSO}[family]))
    before = build_index(docs).score("d0", "d1")
    for doc in docs[:2]:
        if value not in doc["tags"][family]:
            doc["tags"][family] = [*doc["tags"][family], value]
    after = build_index(docs).score("d0", "d1")
    assert after >= before - 1e-6


@SETTINGS
@given(corpora, st.booleans())
def test_never_oneself_nor_own_organisation_nor_own_territory(docs, any_territory):
    index = build_index(docs)
    options = TopOptions(any_territory=any_territory)
    for doc in docs:
        for s in index.top(doc["id"], k=10, options=options):
            other = index.documents[index.position[s.id]].tags
            assert s.id != doc["id"]
            assert not (doc["tags"]["organisation"] and other.organisation == doc["tags"]["organisation"])
            if not any_territory and doc["tags"]["territory"] and other.territory:
                assert other.territory != doc["tags"]["territory"]


@SETTINGS
@given(corpora, st.sampled_from(["en", "fr"]))
def test_reasons_come_from_positive_components(docs, language):
    index = build_index(docs)
    all_top = index.top_all(k=5, options=TopOptions(any_territory=True), with_reasons=True, language=language)
    for doc in docs:
        single = index.top(doc["id"], k=5, options=TopOptions(any_territory=True), language=language)
        assert [s.id for s in single] == [s.id for s in all_top[doc["id"]]]
        for s in single:
            assert set(s.components) == set(COMPONENTS)
            assert s.score == pytest.approx(sum(s.components.values()), abs=1e-9)
            assert len(s.reasons) <= 4
            for reason in s.reasons:
                assert s.components[reason.component] > 0
                assert reason.contribution == pytest.approx(s.components[reason.component])
            contributions = [r.contribution for r in s.reasons]
            assert contributions == sorted(contributions, reverse=True)


@SETTINGS
@given(corpora)
def test_scores_are_deterministic_and_finite(docs):
    pairs = [(a["id"], b["id"]) for a in docs for b in docs]
    first = build_index(docs).score_pairs(pairs)
    assert first == build_index(docs).score_pairs(pairs)
    assert np.all(np.isfinite(first))


@SETTINGS
@given(corpora, st.data())
def test_only_restricts_the_suggestions_without_reordering_them(docs, data):
    index = build_index(docs)
    only = frozenset(data.draw(st.lists(st.sampled_from([d["id"] for d in docs]), unique=True)))
    for doc in docs:
        everyone = index.top(doc["id"], k=len(docs), options=TopOptions(any_territory=True))
        restricted = index.top(doc["id"], k=len(docs), options=TopOptions(any_territory=True, only=only))
        assert [(s.id, s.score) for s in restricted] == [(s.id, s.score) for s in everyone if s.id in only]


@SETTINGS
@given(corpora)
def test_reasons_name_the_same_components_in_every_language(docs):
    index = build_index(docs)
    for doc in docs:
        english = index.top(doc["id"], k=5, options=TopOptions(any_territory=True), language="en")
        french = index.top(doc["id"], k=5, options=TopOptions(any_territory=True), language="fr")
        assert [[r.component for r in s.reasons] for s in english] == [[r.component for r in s.reasons] for s in french]
