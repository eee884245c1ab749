"""The analyser: accents, stop words, light bilingual stemming, bigrams; and the doctests."""

import doctest
import importlib

import pytest

from passerelle.matching.text import analyse, fold, stem, terms


def test_fold_removes_accents_and_ligatures():
    assert fold("Œsophage, Génomique, thérapie") == "oesophage, genomique, therapie"


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("génomique", "genomics"),
        ("tumeurs", "tumours"),
        ("glioblastome", "glioblastoma"),
        ("mammaire", "mammary"),
        ("immunothérapie", "immunotherapy"),
        ("toxicité", "toxicity"),
        ("cellulaire", "cellular"),
        ("sein", "breast"),
        ("IRM", "MRI"),
        ("leucémie", "leukaemia"),
    ],
)
def test_french_and_english_forms_share_a_term(french, english):
    assert terms(french) == terms(english)


def test_stop_words_of_both_languages_are_dropped():
    assert terms("the role of the tumour dans le traitement des patients") == ["role", "tumor", "treatment", "patient"]


def test_bigrams_follow_the_unigrams():
    assert analyse("radiomics glioblastoma MRI") == [
        "radiomic", "glioblastoma", "mri", "radiomic glioblastoma", "glioblastoma mri",
    ]


def test_short_hyphenated_compounds_are_joined():
    assert terms("PD-L1 and CAR-T") == ["pdl1", "cart"]


def test_stem_is_idempotent_on_common_words():
    for word in ["tumor", "radiomic", "genomic", "patient", "study"]:
        assert stem(word) == word


@pytest.mark.parametrize(
    "module",
    ["text", "documents", "complementarity", "features", "explanations", "evaluation", "engine", "filters",
     "weighting", "general_words", "evidence", "components"],
)
def test_module_examples_run(module):
    result = doctest.testmod(importlib.import_module(f"passerelle.matching.{module}"))
    assert result.failed == 0


@pytest.mark.parametrize(("inflected", "base"), [
    ("learning", "learn"), ("learned", "learns"), ("modelling", "model"), ("targeted", "target"),
    ("mapping", "map"), ("sequencing", "sequences"), ("screened", "screening"), ("embeddings", "embedded"),
    ("findings", "find"),
])
def test_english_inflections_share_a_term(inflected, base):
    assert terms(inflected) == terms(base)


@pytest.mark.parametrize("word", ["seed", "bring", "red", "string", "need"])
def test_short_or_vowelless_stems_are_not_cut(word):
    assert terms(word) == [stem(word)] and len(stem(word)) >= 3
