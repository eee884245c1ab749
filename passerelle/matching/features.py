"""Vectors of documents: TF-IDF text vectors (one row per text, plus a centroid per
document), offer and seek phrase vectors, rarity-weighted tag vectors (CSO codes with their
ancestors) and the complementarity vectors, all fitted on the corpus given.

``fit_feature_space(documents)`` learns the vocabularies and IDF weights;
``space.vectorise(documents)`` turns any documents (in the corpus or not) into
:class:`DocVectors`, whose rows are L2-normalised so that dot products are cosines.

    >>> from passerelle.matching.documents import Document
    >>> space = fit_feature_space([Document("a", ("glioma imaging",)), Document("b", ("breast surgery",))])
    >>> space.vectorise([Document("c", ("glioma",))]).centroid.shape[0]
    1
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .complementarity import (
    KINDS,
    SITE_GROUP_NAMES,
    TECHNIQUE_NAMES,
    kind_code,
    site_group,
    technique_need_matrix,
)
from .documents import Document
from .weighting import TextModel, TextVectoriser

TAG_FAMILIES = ("sites", "cso", "techniques")
CSO_ANCESTOR_WEIGHT = 0.5


@dataclass
class DocVectors:
    """Row-aligned vectors of ``n`` documents (row i ↔ the i-th document given).

    Ragged per-document rows (texts, offers, seeks) are stored contiguously with ``*_ptr``
    offsets: the rows of document i are ``ptr[i]:ptr[i + 1]``.
    """

    texts: sp.csr_matrix
    text_ptr: np.ndarray
    centroid: sp.csr_matrix
    offers: sp.csr_matrix
    offer_ptr: np.ndarray
    seeks: sp.csr_matrix
    seek_ptr: np.ndarray
    offer_centroid: sp.csr_matrix
    seek_centroid: sp.csr_matrix
    tags: dict[str, sp.csr_matrix]
    kinds: np.ndarray
    served: np.ndarray
    site_groups: np.ndarray

    @property
    def n(self) -> int:
        return self.centroid.shape[0]


def _normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix, dtype=np.float32)


def _ptr(counts: Sequence[int]) -> np.ndarray:
    return np.concatenate(([0], np.cumsum(counts, dtype=np.int64)))


def _group_sum(rows: sp.csr_matrix, ptr: np.ndarray) -> sp.csr_matrix:
    """Sum the rows of each document (``ptr`` offsets) into one row per document."""
    n_docs, n_rows = len(ptr) - 1, rows.shape[0]
    owner = np.repeat(np.arange(n_docs), np.diff(ptr))
    summing = sp.csr_matrix((np.ones(n_rows, dtype=np.float32), (owner, np.arange(n_rows))), shape=(n_docs, n_rows))
    return sp.csr_matrix(summing @ rows)


def cso_features(code: str) -> list[tuple[str, float]]:
    """A CSO code and its ancestors with their share of weight: "5.3" → [("5.3", 1), ("5", .5)]."""
    parts = code.split(".")
    depths = range(len(parts), 0, -1)
    return [(".".join(parts[:depth]), CSO_ANCESTOR_WEIGHT ** (len(parts) - depth)) for depth in depths]


def _tag_features(doc: Document, family: str) -> dict[str, float]:
    values = getattr(doc.tags, family)
    if family != "cso":
        return {v: 1.0 for v in values}
    features: dict[str, float] = {}
    for code in values:
        for feature, share in cso_features(code):
            features[feature] = max(features.get(feature, 0.0), share)
    return features


class FeatureSpace:
    """Vocabularies and IDF weights fitted on a corpus of documents."""

    def __init__(self, vectoriser: TextVectoriser | None, tag_idf: dict[str, dict[str, float]], n_docs: int,
                 text_model: TextModel | None = None) -> None:
        self.vectoriser = vectoriser
        self.text_model = text_model or TextModel()
        self.tag_idf = tag_idf
        self.n_docs = n_docs
        self.tag_columns = {family: {v: i for i, v in enumerate(sorted(idf))} for family, idf in tag_idf.items()}
        self.need = technique_need_matrix()

    @property
    def vocabulary_size(self) -> int:
        return len(self.vectoriser.vocabulary_) if self.vectoriser is not None else 0

    def transform_texts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """L2-normalised TF-IDF rows of ``texts`` (zero rows for texts with no known term)."""
        if self.vectoriser is None or not texts:
            return sp.csr_matrix((len(texts), self.vocabulary_size), dtype=np.float32)
        return sp.csr_matrix(self.vectoriser.transform(texts), dtype=np.float32)

    def unseen_idf(self) -> float:
        return math.log((1 + self.n_docs) / 1) + 1.0

    def _tag_matrix(self, documents: Sequence[Document], family: str) -> sp.csr_matrix:
        columns, idf = self.tag_columns[family], self.tag_idf[family]
        rows, cols, vals = [], [], []
        for r, doc in enumerate(documents):
            features = _tag_features(doc, family)
            # Unseen values count in the norm (they are real tags that match nobody).
            norm = math.sqrt(sum((share * idf.get(f, self.unseen_idf())) ** 2 for f, share in features.items()))
            for feature, share in features.items():
                if feature in columns:
                    rows.append(r)
                    cols.append(columns[feature])
                    vals.append(share * idf[feature] / norm)
        shape = (len(documents), len(columns))
        return sp.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=shape)

    def _complement_arrays(self, documents: Sequence[Document]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        n = len(documents)
        kinds = np.full(n, -1, dtype=np.int64)
        techniques = np.zeros((n, len(TECHNIQUE_NAMES)))
        groups = np.zeros((n, len(SITE_GROUP_NAMES)))
        for r, doc in enumerate(documents):
            code = kind_code(doc.tags.kind) if doc.tags.kind else ""
            kinds[r] = KINDS.index(code) if code else -1
            for technique in doc.tags.techniques:
                if technique in TECHNIQUE_NAMES:
                    techniques[r, TECHNIQUE_NAMES.index(technique)] = 1.0
            for site in doc.tags.sites:
                group = site_group(site)
                if group:
                    groups[r, SITE_GROUP_NAMES.index(group)] = 1.0
        served = np.minimum(techniques @ self.need, 1.0)
        return kinds, served.astype(np.float32), groups.astype(np.float32)

    def vectorise(self, documents: Sequence[Document], transformed: sp.csr_matrix | None = None) -> DocVectors:
        """All vectors of ``documents``, in their order.

        ``transformed``: the rows of :func:`_corpus` of these documents, already computed.
        """
        text_ptr = _ptr([len(d.texts) for d in documents])
        offer_ptr = _ptr([len(d.tags.offers) for d in documents])
        seek_ptr = _ptr([len(d.tags.seeks) for d in documents])
        if transformed is None:
            transformed = self.transform_texts(_corpus(documents))
        transformed = sp.csr_matrix(transformed, dtype=np.float32)
        texts = transformed[: text_ptr[-1]]
        offers = transformed[text_ptr[-1] : text_ptr[-1] + offer_ptr[-1]]
        seeks = transformed[text_ptr[-1] + offer_ptr[-1] :]
        kinds, served, site_groups = self._complement_arrays(documents)
        return DocVectors(
            texts=texts,
            text_ptr=text_ptr,
            centroid=_normalise_rows(_group_sum(texts, text_ptr)),
            offers=offers,
            offer_ptr=offer_ptr,
            seeks=seeks,
            seek_ptr=seek_ptr,
            offer_centroid=_normalise_rows(_group_sum(offers, offer_ptr)),
            seek_centroid=_normalise_rows(_group_sum(seeks, seek_ptr)),
            tags={family: self._tag_matrix(documents, family) for family in TAG_FAMILIES},
            kinds=kinds,
            served=served,
            site_groups=site_groups,
        )


def _corpus(documents: Sequence[Document]) -> list[str]:
    """All texts, then all offer phrases, then all seek phrases of ``documents``."""
    return ([t for d in documents for t in d.texts] + [p for d in documents for p in d.tags.offers]
            + [p for d in documents for p in d.tags.seeks])


def fit_and_vectorise(
    documents: Sequence[Document], text_model: TextModel | None = None
) -> tuple[FeatureSpace, DocVectors]:
    """Fit text IDF (texts and offer/seek phrases) and tag IDF on ``documents``, and vectorise them.

    Text: the :class:`TextModel`'s term weighting over the analyser's uni- and bigrams, smooth
    IDF, L2 norm (weighting.py). Tags: IDF ``ln((1 + N) / (1 + df)) + 1`` of each value (CSO
    ancestors counted as values).
    """
    text_model = text_model or TextModel()
    vectoriser: TextVectoriser | None = TextVectoriser(text_model)
    corpus = _corpus(documents)
    try:
        transformed = vectoriser.fit_transform(corpus)
    except ValueError:  # no text at all, or no term survives the analyser
        vectoriser, transformed = None, None
    n = len(documents)
    tag_idf: dict[str, dict[str, float]] = {}
    for family in TAG_FAMILIES:
        df: Counter[str] = Counter()
        for doc in documents:
            df.update(_tag_features(doc, family).keys())
        tag_idf[family] = {v: math.log((1 + n) / (1 + c)) + 1.0 for v, c in df.items()}
    space = FeatureSpace(vectoriser, tag_idf, n, text_model)
    return space, space.vectorise(documents, transformed)


def fit_feature_space(documents: Sequence[Document], text_model: TextModel | None = None) -> FeatureSpace:
    """Fit the feature space on ``documents`` (see :func:`fit_and_vectorise`)."""
    return fit_and_vectorise(documents, text_model)[0]
