"""How the words of a text become a vector, and how a profile's texts are compared:
the :class:`TextModel` (term weighting and aggregation over texts) and the vectoriser that
applies it.

Term weighting of one text (a publication, an expertise statement, an offer phrase):

* ``tf="sublinear"``: ``1 + ln(tf)``, the classic TF-IDF choice;
* ``tf="bm25"``: ``tf·(k1 + 1) / (tf + k1·(1 − b + b·len/avglen))``, BM25's saturating term
  frequency with length normalisation (a long abstract does not win by repeating words);

times the smooth IDF ``ln((1 + N) / (1 + df)) + 1`` fitted on the corpus texts; word bigrams
(``"liquid biopsy"``) carry ``bigram_weight`` times their weight (½ by default: a bigram's
words already count as unigrams); terms with a general-language word (general_words.py:
projet, améliorer, approach, novel …) carry ``general_weight`` (0.3) times theirs, so that two
texts are not "close" for sharing the words of any project; rows are L2-normalised.

Aggregation over two profiles' texts (components.text_similarity):
``centroid_share · cos(centroids) + (1 − centroid_share) · top-mean`` where the top-mean is the
weighted mean of the best text-pair cosines with ``top_weights``. By default the centroid share
is 0: a profile's expertise is that of its best-matching publications (the best pair weighs 1,
the second ½, the third ¼), not of the average of everything it wrote. The defaults were chosen
on the generated expertise set of benchmarks/matching_synth.py; docs/matching.md has the figures.

    >>> v = TextVectoriser(TextModel()).fit(["liquid biopsy of lung cancer", "lung imaging"])
    >>> v.transform(["liquid biopsy"]).shape[0]
    1
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from .general_words import is_general_term
from .text import analyse


@dataclass(frozen=True)
class TextModel:
    """Term weighting and aggregation of the text component (see the module docstring)."""

    tf: str = "bm25"
    k1: float = 1.2
    b: float = 0.75
    bigram_weight: float = 0.5
    general_weight: float = 0.3
    centroid_share: float = 0.0
    top_weights: tuple[float, ...] = (1.0, 0.5, 0.25)

    def __post_init__(self) -> None:
        if self.tf not in ("sublinear", "bm25"):
            raise ValueError(f"tf must be 'sublinear' or 'bm25', not {self.tf!r}")
        if not 0.0 <= self.centroid_share <= 1.0:
            raise ValueError("centroid_share must lie in [0, 1]")


class TextVectoriser:
    """Counts the analyser's terms, then weights them as :class:`TextModel` says."""

    def __init__(self, model: TextModel) -> None:
        self.model = model
        self.counter = CountVectorizer(analyzer=analyse, dtype=np.float32)
        self.idf = np.zeros(0, dtype=np.float32)
        self.average_length = 1.0

    @property
    def vocabulary_(self) -> dict[str, int]:
        return self.counter.vocabulary_

    def get_feature_names_out(self) -> np.ndarray:
        return self.counter.get_feature_names_out()

    def fit(self, texts: Sequence[str]) -> TextVectoriser:
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Learn the vocabulary, IDF and mean length of ``texts``; ``ValueError`` when no term survives."""
        counts = sp.csr_matrix(self.counter.fit_transform(texts), dtype=np.float32)
        n = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        self.idf = (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)
        names = self.get_feature_names_out()
        self.column_weight = np.where([" " in name for name in names], self.model.bigram_weight, 1.0)
        if self.model.general_weight != 1.0:
            general = np.array([is_general_term(name) for name in names], dtype=bool)
            self.column_weight = np.where(general, self.column_weight * self.model.general_weight, self.column_weight)
        self.column_weight = (self.column_weight * self.idf).astype(np.float32)
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        self.average_length = float(lengths[lengths > 0].mean()) if np.any(lengths > 0) else 1.0
        return self._weigh(counts)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        return self._weigh(sp.csr_matrix(self.counter.transform(texts), dtype=np.float32))

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        m = self.model
        weighted = counts.copy()
        if m.tf == "sublinear":
            weighted.data = 1.0 + np.log(weighted.data)
        else:
            lengths = np.asarray(counts.sum(axis=1)).ravel()
            row_of = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
            norm = m.k1 * (1.0 - m.b + m.b * lengths[row_of] / self.average_length)
            weighted.data = weighted.data * (m.k1 + 1.0) / (weighted.data + norm)
        weighted.data *= self.column_weight[weighted.indices]
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ weighted, dtype=np.float32)
