"""Term weighting and aggregation of the text component (weighting.py)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.matching import TextModel, build_index
from passerelle.matching.weighting import TextVectoriser

CORPUS = ["liquid biopsy of lung cancer", "lung imaging with MRI", "glioma MRI radiomics", "breast screening"]


def test_text_model_refuses_unknown_weighting():
    with pytest.raises(ValueError):
        TextModel(tf="raw")
    with pytest.raises(ValueError):
        TextModel(centroid_share=1.5)


@pytest.mark.parametrize("tf", ["sublinear", "bm25"])
def test_rows_are_unit_vectors(tf):
    rows = TextVectoriser(TextModel(tf=tf)).fit_transform(CORPUS)
    assert np.allclose(np.sqrt(rows.multiply(rows).sum(axis=1)), 1.0, atol=1e-5)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=2, max_value=40))
def test_bm25_term_frequency_saturates(repeats):
    model = TextModel(tf="bm25", bigram_weight=0.0)
    vectoriser = TextVectoriser(model).fit(CORPUS)
    row = vectoriser.transform([" ".join(["lung"] * repeats + ["biopsy"])]).toarray()[0]
    lung, biopsy = (vectoriser.vocabulary_[t] for t in ("lung", "biopsy"))
    ratio = (row[lung] / vectoriser.idf[lung]) / (row[biopsy] / vectoriser.idf[biopsy])
    length_factor = model.k1 * (1 - model.b + model.b * (repeats + 1) / vectoriser.average_length)
    # a word repeated n times weighs less than n single words, and never more than (1 + K) of one
    assert 1.0 < ratio < repeats
    assert ratio < 1 + length_factor + 1e-5


def test_bigrams_weigh_less_than_their_words():
    vectoriser = TextVectoriser(TextModel(bigram_weight=0.5)).fit(CORPUS)
    row = vectoriser.transform(["liquid biopsy"]).toarray()[0]
    assert row[vectoriser.vocabulary_["liquid biopsy"]] < row[vectoriser.vocabulary_["liquid"]]


def test_best_matching_publication_counts_more_than_the_average():
    reviewer_focused = {"id": "focused", "texts": ["glioma MRI radiomics"]}
    reviewer_broad = {"id": "broad", "texts": ["glioma MRI radiomics", "breast screening", "lung imaging"]}
    paper = {"id": "paper", "texts": ["radiomics of glioma on MRI"]}
    docs = [reviewer_focused, reviewer_broad, paper, {"id": "x", "texts": ["liquid biopsy of lung cancer"]}]
    top_k = build_index(docs, text_model=TextModel(centroid_share=0.0, top_weights=(1.0,)))
    centroid = build_index(docs, text_model=TextModel(centroid_share=1.0))
    # with the best publication only, the broad reviewer loses nothing for also working on other subjects
    assert top_k.score("broad", "paper") == pytest.approx(top_k.score("focused", "paper"), abs=1e-6)
    assert centroid.score("broad", "paper") < centroid.score("focused", "paper")
