"""The score of a pair and its components — the one place where the blend is defined.

    score(a, b) = w_text·T + w_sites·S + w_cso·C + w_techniques·Q + w_offers·O + w_kind·K + w_technique_site·N

* T, text: ``s·cos(centroids) + (1 − s)·top-mean of the text-by-text cosines`` (the best pair
  of texts weighs 1, the second ½, the third ¼, normalised), with the centroid share s = 0 by
  default (weighting.TextModel): a profile is compared publication by publication, by its
  best-matching ones. 0 when either side has no text.
* S, C, Q: cosine of the tag vectors weighted by IDF (rare values count more; a CSO code
  also carries its ancestors at half weight, so "5.3" and "5.1" share "5").
* O, offers ↔ seeks: ``1 − (1 − o_ab)(1 − o_ba)`` where ``o_ab`` is the best cosine between
  an offer phrase of a and a seek phrase of b.
* K, kind: the kind-affinity table (clinician ↔ company ↔ researcher), see complementarity.py.
* N, technique ↔ site: ½ (n_ab + n_ba), n_ab = 1 when a's techniques serve at least one of
  b's site groups, else 0. (A share of b's groups would make a new shared site lower the
  score; an "any" keeps the score monotonic in shared tags.)

Every value lies in [0, 1]; every component is symmetric in (a, b); with no tags the score is
``w_text·T``. The weights are set by hand (nothing is learned) and documented in docs/matching.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import scipy.sparse as sp

from .complementarity import kind_affinity_matrix
from .features import DocVectors
from .weighting import TextModel

DEFAULT_TEXT_MODEL = TextModel()

COMPONENTS = ("text", "sites", "cso", "techniques", "offers_seeks", "kind", "technique_site")
_KIND_AFFINITY = np.pad(kind_affinity_matrix(), ((0, 1), (0, 1)))  # index -1: unknown kind
_CHUNK = 50_000


@dataclass(frozen=True)
class Weights:
    """Weight of each component in the score (see the module docstring)."""

    text: float = 1.0
    sites: float = 0.15
    cso: float = 0.10
    techniques: float = 0.10
    offers_seeks: float = 0.25
    kind: float = 0.05
    technique_site: float = 0.10

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def pair_dots(a: sp.csr_matrix, rows_a: np.ndarray, b: sp.csr_matrix, rows_b: np.ndarray) -> np.ndarray:
    """Dot products of row ``rows_a[p]`` of ``a`` with row ``rows_b[p]`` of ``b``, for every p.

    Linear in the non-zeros of the rows involved (an element-wise product of the gathered
    rows); chunked to bound memory.
    """
    out = np.zeros(len(rows_a))
    if a.shape[1] == 0:
        return out
    for start in range(0, len(rows_a), _CHUNK):
        stop = start + _CHUNK
        product = a[rows_a[start:stop]].multiply(b[rows_b[start:stop]])
        out[start:stop] = np.asarray(product.sum(axis=1)).ravel()
    return out


def _expand(ptr_a: np.ndarray, docs_a: np.ndarray, ptr_b: np.ndarray, docs_b: np.ndarray):
    """All (row of a-doc, row of b-doc) combinations of each pair, with the pair they belong to."""
    count_a = ptr_a[docs_a + 1] - ptr_a[docs_a]
    count_b = ptr_b[docs_b + 1] - ptr_b[docs_b]
    sizes = count_a * count_b
    pair = np.repeat(np.arange(len(docs_a)), sizes)
    local = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    width = count_b[pair]
    return pair, ptr_a[docs_a][pair] + local // width, ptr_b[docs_b][pair] + local % width, sizes


def segment_top_mean(values: np.ndarray, segment: np.ndarray, n_segments: int, weights: np.ndarray) -> np.ndarray:
    """Per segment, the weighted mean of its largest ``values`` (weights truncated to its size).

    ``segment`` gives each value's segment (non-decreasing); empty segments give 0. Values are
    cosines in [-1, 1]; one sort on the key ``segment + (1 − value) / 4`` orders each segment's
    values from the largest (one key sorts faster than a two-key lexsort).
    """
    out = np.zeros(n_segments)
    if len(values) == 0:
        return out
    values = np.asarray(values, dtype=np.float64)
    key = segment.astype(np.float64) + (1.0 - np.clip(values, -1.0, 1.0)) * 0.25
    order = np.argsort(key, kind="stable")
    sizes = np.bincount(segment, minlength=n_segments)
    starts = np.cumsum(sizes) - sizes
    total_weight = np.zeros(n_segments)
    for rank, weight in enumerate(weights):
        has = sizes > rank
        out[has] += weight * values[order[starts[has] + rank]]
        total_weight[has] += weight
    nonzero = total_weight > 0
    out[nonzero] /= total_weight[nonzero]
    return out


def _best_of_pairs(rows_q, ptr_q, qdocs, rows_i, ptr_i, docs, weights: np.ndarray) -> np.ndarray:
    pair, ra, rb, _ = _expand(ptr_q, qdocs, ptr_i, docs)
    return segment_top_mean(pair_dots(rows_q, ra, rows_i, rb), pair, len(docs), weights)


def _rows_of(ptr: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The ragged rows of ``docs`` (``ptr`` offsets), concatenated, and each document's count."""
    counts = ptr[docs + 1] - ptr[docs]
    total = int(counts.sum())
    starts = np.repeat(ptr[docs], counts)
    local = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return starts + local, counts


def take_rows(matrix: sp.csr_matrix, rows: np.ndarray) -> sp.csr_matrix:
    """``matrix[rows]`` for a CSR matrix, without SciPy's fancy-indexing checks (which cost more
    than the copy for the few hundred rows taken per query)."""
    rows = np.asarray(rows, dtype=np.int64)
    starts = matrix.indptr[rows].astype(np.int64)
    lengths = matrix.indptr[rows + 1] - starts
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    where = np.repeat(starts - indptr[:-1], lengths) + np.arange(indptr[-1])
    return sp.csr_matrix((matrix.data[where], matrix.indices[where], indptr), shape=(len(rows), matrix.shape[1]))


def row_range(matrix: sp.csr_matrix, start: int, stop: int) -> sp.csr_matrix:
    """Rows ``start:stop`` of a CSR matrix as a view-like CSR (no fancy-indexing overhead)."""
    begin, end = int(matrix.indptr[start]), int(matrix.indptr[stop])
    indptr = (matrix.indptr[start : stop + 1] - begin).astype(np.int64)
    return sp.csr_matrix((matrix.data[begin:end], matrix.indices[begin:end], indptr),
                         shape=(stop - start, matrix.shape[1]))


class QueryScratch:
    """Reusable dense buffers (vocabulary × query rows) for the products of
    :func:`text_similarity_for_query`: filled with a query's few non-zeros and cleared after,
    which is much cheaper than allocating a dense query for every query."""

    MAX_ROWS = 8  # queries with more texts use a fresh dense array

    def __init__(self, vocabulary_size: int) -> None:
        self.vocabulary_size = vocabulary_size
        self.buffers: dict[int, np.ndarray] = {}

    def dots(self, matrix: sp.csr_matrix, rows: np.ndarray, q_rows: sp.csr_matrix) -> np.ndarray:
        """``matrix[rows] @ q_rows.T`` as a dense (len(rows) × q_rows.shape[0]) array."""
        t_q = q_rows.shape[0]
        gathered = take_rows(matrix, rows)
        if t_q > self.MAX_ROWS:
            return gathered @ q_rows.T.toarray()
        buffer = self.buffers.get(t_q)
        if buffer is None:
            buffer = self.buffers[t_q] = np.zeros((self.vocabulary_size, t_q), dtype=np.float32)
        q_owner = np.repeat(np.arange(t_q), np.diff(q_rows.indptr))
        buffer[q_rows.indices, q_owner] = q_rows.data
        try:
            return gathered @ buffer
        finally:
            buffer[q_rows.indices, :] = 0.0


def text_similarity_for_query(
    q: DocVectors, qi: int, index: DocVectors, docs: np.ndarray, model: TextModel = DEFAULT_TEXT_MODEL,
    scratch: QueryScratch | None = None,
) -> np.ndarray:
    """T between query row ``qi`` of ``q`` and each of the index rows ``docs``.

    All text-pair cosines come from one sparse product (the candidates' text rows times the
    query's text rows); each candidate's cosines are contiguous, so the top-mean is one
    segmented pass. A pair's value depends on that pair only (never on the other candidates).
    """
    docs = np.asarray(docs, dtype=np.int64)
    out = np.zeros(len(docs))
    q_rows = row_range(q.texts, int(q.text_ptr[qi]), int(q.text_ptr[qi + 1]))
    t_q = q_rows.shape[0]
    if t_q == 0 or len(docs) == 0:
        return out
    rows, counts = _rows_of(index.text_ptr, docs)
    if len(rows) == 0:
        return out
    scratch = scratch or QueryScratch(index.texts.shape[1])
    cosines = scratch.dots(index.texts, rows, q_rows)  # (candidate texts × query texts)
    segment = np.repeat(np.arange(len(docs)), counts * t_q)
    soft = segment_top_mean(cosines.ravel().astype(np.float64), segment, len(docs),
                            np.asarray(model.top_weights, dtype=float))
    share = model.centroid_share
    if share > 0:
        centroid = scratch.dots(index.centroid, docs, row_range(q.centroid, qi, qi + 1))[:, 0]
        soft = share * centroid + (1 - share) * soft
    return np.where(counts > 0, soft, 0.0)


def text_similarity(
    q: DocVectors, qdocs: np.ndarray, index: DocVectors, docs: np.ndarray, model: TextModel = DEFAULT_TEXT_MODEL
) -> np.ndarray:
    """T for the pairs (query row ``qdocs[p]`` of ``q``, index row ``docs[p]``), computed query by
    query with :func:`text_similarity_for_query`."""
    qdocs, docs = np.asarray(qdocs, dtype=np.int64), np.asarray(docs, dtype=np.int64)
    out = np.zeros(len(docs))
    if len(docs) == 0:
        return out
    order = np.argsort(qdocs, kind="stable")
    queries, starts = np.unique(qdocs[order], return_index=True)
    bounds = np.append(starts, len(order))
    scratch = QueryScratch(index.texts.shape[1])
    for r, qi in enumerate(queries.tolist()):
        members = order[bounds[r] : bounds[r + 1]]
        out[members] = text_similarity_for_query(q, qi, index, docs[members], model, scratch)
    return out


def component_values(
    q: DocVectors, qdocs: np.ndarray, index: DocVectors, docs: np.ndarray, model: TextModel = DEFAULT_TEXT_MODEL,
    text: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Unweighted values in [0, 1] of every component for the pairs (``qdocs[p]``, ``docs[p]``);
    ``text``: the text values of these pairs when already computed (:func:`text_similarity`)."""
    qdocs, docs = np.asarray(qdocs, dtype=np.int64), np.asarray(docs, dtype=np.int64)
    values = {"text": text_similarity(q, qdocs, index, docs, model) if text is None else np.asarray(text)}
    for family in ("sites", "cso", "techniques"):
        values[family] = pair_dots(q.tags[family], qdocs, index.tags[family], docs)
    one = np.array([1.0])
    offered = _best_of_pairs(q.offers, q.offer_ptr, qdocs, index.seeks, index.seek_ptr, docs, one)
    sought = _best_of_pairs(q.seeks, q.seek_ptr, qdocs, index.offers, index.offer_ptr, docs, one)
    values["offers_seeks"] = 1.0 - (1.0 - np.clip(offered, 0, 1)) * (1.0 - np.clip(sought, 0, 1))
    values["kind"] = _KIND_AFFINITY[q.kinds[qdocs], index.kinds[docs]]
    forward = np.minimum((q.served[qdocs] * index.site_groups[docs]).sum(axis=1), 1.0)
    backward = np.minimum((index.served[docs] * q.site_groups[qdocs]).sum(axis=1), 1.0)
    values["technique_site"] = 0.5 * (forward + backward)
    return {name: np.clip(values[name].astype(np.float64), 0.0, 1.0) for name in COMPONENTS}


def weighted_components(
    q: DocVectors, qdocs: np.ndarray, index: DocVectors, docs: np.ndarray, weights: Weights,
    model: TextModel = DEFAULT_TEXT_MODEL, text: np.ndarray | None = None,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Scores of the pairs (query row ``qdocs[p]``, index row ``docs[p]``) and each component's
    contribution (weight × value); the score is the sum of the contributions."""
    values = component_values(q, qdocs, index, docs, model, text)
    w = weights.as_dict()
    contributions = {name: w[name] * values[name] for name in COMPONENTS}
    score = np.zeros(len(docs))
    for name in COMPONENTS:
        score += contributions[name]
    return score, contributions
