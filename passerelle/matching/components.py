"""The score of a pair and its components — the one place where the blend is defined.

    score(a, b) = w_text·T + w_sites·S + w_cso·C + w_techniques·Q + w_offers·O + w_kind·K + w_technique_site·N

* T, text: ``½·cos(centroids) + ½·soft-max of the text-by-text cosines`` (the best pair of
  texts weighs 1, the second ½, the third ¼, normalised); a profile is thereby compared
  publication by publication as well as as a whole. 0 when either side has no text.
* S, C, Q: cosine of the tag vectors weighted by IDF (rare values count more; a CSO code
  also carries its ancestors at half weight, so "5.3" and "5.1" share "5").
* O, offers ↔ seeks: ``1 − (1 − o_ab)(1 − o_ba)`` where ``o_ab`` is the best cosine between
  an offer phrase of a and a seek phrase of b.
* K, kind: the kind-affinity table (clinician ↔ company ↔ researcher), see complementarity.py.
* N, technique ↔ site: mean of the share of b's site groups served by a's techniques and
  the converse.

Every value lies in [0, 1]; every component is symmetric in (a, b); with no tags the score is
``w_text·T``. The weights are set by hand (nothing is learned) and documented in docs/matching.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import scipy.sparse as sp

from .complementarity import kind_affinity_matrix
from .features import DocVectors

COMPONENTS = ("text", "sites", "cso", "techniques", "offers_seeks", "kind", "technique_site")
SOFT_MAX_WEIGHTS = np.array([1.0, 0.5, 0.25])
CENTROID_SHARE = 0.5
_KIND_AFFINITY = kind_affinity_matrix()


@dataclass(frozen=True)
class Weights:
    """Weight of each component in the score (see the module docstring)."""

    text: float = 1.0
    sites: float = 0.15
    cso: float = 0.10
    techniques: float = 0.10
    offers_seeks: float = 0.25
    kind: float = 0.05
    technique_site: float = 0.15

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _rows(ptr: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row indices of ``docs``'s ragged rows, and each document's row count."""
    starts, counts = ptr[docs], ptr[docs + 1] - ptr[docs]
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64), counts
    offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
    return offsets + np.arange(total), counts


def segment_top_mean(values: np.ndarray, counts: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted mean of the largest values of each segment of columns of ``values``.

    ``values`` is (m × r); its columns are split into consecutive segments of ``counts``
    columns. For each segment, the largest entries over all its m·count cells are averaged
    with ``weights`` (truncated to the number of cells). Empty segments give 0.
    """
    out = np.zeros(len(counts))
    m = values.shape[0]
    if m == 0 or values.shape[1] == 0:
        return out
    segment = np.repeat(np.arange(len(counts)), counts)
    cells = values.T.ravel()  # column-major: the cells of one segment are contiguous
    cell_segment = np.repeat(segment, m)
    order = np.lexsort((-cells, cell_segment))
    sizes = counts * m
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    total_weight = np.zeros(len(counts))
    for rank, weight in enumerate(weights):
        has = sizes > rank
        out[has] += weight * cells[order[starts[has] + rank]]
        total_weight[has] += weight
    nonzero = total_weight > 0
    out[nonzero] /= total_weight[nonzero]
    return out


def _best_pair(q_rows: sp.csr_matrix, rows: sp.csr_matrix, ptr: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """For each doc in ``docs``: the best cosine between a row of ``q_rows`` and one of its rows."""
    index, counts = _rows(ptr, docs)
    if q_rows.shape[0] == 0 or len(index) == 0:
        return np.zeros(len(docs))
    products = (q_rows @ rows[index].T).toarray()
    return segment_top_mean(products, counts, np.array([1.0]))


def text_similarity(q: DocVectors, qi: int, index: DocVectors, docs: np.ndarray) -> np.ndarray:
    """T for query row ``qi`` of ``q`` against index rows ``docs`` (see module docstring)."""
    q_texts = q.texts[q.text_ptr[qi] : q.text_ptr[qi + 1]]
    if q_texts.shape[0] == 0 or len(docs) == 0:
        return np.zeros(len(docs))
    centroid = np.asarray((q.centroid[qi] @ index.centroid[docs].T).toarray()).ravel()
    rows, counts = _rows(index.text_ptr, docs)
    soft = np.zeros(len(docs))
    if len(rows):
        soft = segment_top_mean((q_texts @ index.texts[rows].T).toarray(), counts, SOFT_MAX_WEIGHTS)
    has_text = counts > 0
    return np.where(has_text, CENTROID_SHARE * centroid + (1 - CENTROID_SHARE) * soft, 0.0)


def component_values(q: DocVectors, qi: int, index: DocVectors, docs: np.ndarray) -> dict[str, np.ndarray]:
    """Unweighted values in [0, 1] of every component, for query row ``qi`` against ``docs``."""
    docs = np.asarray(docs, dtype=np.int64)
    values = {"text": text_similarity(q, qi, index, docs)}
    for family in ("sites", "cso", "techniques"):
        values[family] = np.asarray((q.tags[family][qi] @ index.tags[family][docs].T).toarray()).ravel()
    q_offers = q.offers[q.offer_ptr[qi] : q.offer_ptr[qi + 1]]
    q_seeks = q.seeks[q.seek_ptr[qi] : q.seek_ptr[qi + 1]]
    offered = _best_pair(q_offers, index.seeks, index.seek_ptr, docs)
    sought = _best_pair(q_seeks, index.offers, index.offer_ptr, docs)
    values["offers_seeks"] = np.clip(1.0 - (1.0 - offered) * (1.0 - sought), 0.0, 1.0)
    kinds = index.kinds[docs]
    kind_value = np.zeros(len(docs))
    if q.kinds[qi] >= 0:
        known = kinds >= 0
        kind_value[known] = _KIND_AFFINITY[q.kinds[qi], kinds[known]]
    values["kind"] = kind_value
    forward = index.site_groups[docs] @ q.served[qi]
    backward = index.served[docs] @ q.site_groups[qi]
    values["technique_site"] = 0.5 * (forward + backward).astype(np.float64)
    return {name: np.clip(values[name].astype(np.float64), 0.0, 1.0) for name in COMPONENTS}


def weighted_components(
    q: DocVectors, qi: int, index: DocVectors, docs: np.ndarray, weights: Weights
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Scores of query row ``qi`` against ``docs`` and each component's contribution (weight × value)."""
    values = component_values(q, qi, index, docs)
    w = weights.as_dict()
    contributions = {name: w[name] * values[name] for name in COMPONENTS}
    score = np.zeros(len(docs))
    for name in COMPONENTS:
        score += contributions[name]
    return score, contributions
