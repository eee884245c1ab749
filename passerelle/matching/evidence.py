"""Evidence behind a pair's components — the shared terms, tags, matched phrases — gathered
from the same vectors the score uses, so that explanations name what actually scored.
"""

from __future__ import annotations

import numpy as np

from .complementarity import kind_code, technique_site_matches
from .documents import Document
from .explanations import Evidence
from .features import DocVectors, FeatureSpace, cso_features
from .text import surface_forms

SHOWN_TERMS = 3


def _shared_terms(space: FeatureSpace, names: np.ndarray, q: DocVectors, qi: int, index: DocVectors, j: int,
                  texts: list[str]) -> tuple[str, ...]:
    a, b = q.centroid, index.centroid
    cols_a, vals_a = a.indices[a.indptr[qi] : a.indptr[qi + 1]], a.data[a.indptr[qi] : a.indptr[qi + 1]]
    cols_b, vals_b = b.indices[b.indptr[j] : b.indptr[j + 1]], b.data[b.indptr[j] : b.indptr[j + 1]]
    shared, in_a, in_b = np.intersect1d(cols_a, cols_b, assume_unique=True, return_indices=True)
    if len(shared) == 0:
        return ()
    weight = vals_a[in_a] * vals_b[in_b]
    order = np.lexsort((shared, -weight))
    columns = shared[order]
    chosen = [str(names[c]) for c in columns if " " not in str(names[c])][:SHOWN_TERMS]
    forms = surface_forms(texts, set(chosen))
    return tuple(forms.get(term, term) for term in chosen)


def _best_phrases(rows_a, phrases_a: tuple[str, ...], rows_b, phrases_b: tuple[str, ...]):
    """(phrase of a, phrase of b) with the highest cosine, and that cosine."""
    if rows_a.shape[0] == 0 or rows_b.shape[0] == 0:
        return None, 0.0
    cosines = (rows_a @ rows_b.T).toarray()
    a, b = np.unravel_index(int(np.argmax(cosines)), cosines.shape)
    strength = float(cosines[a, b])
    return ((phrases_a[a], phrases_b[b]) if strength > 0 else None), strength


def _by_rarity(values: list[str], idf: dict[str, float]) -> tuple[str, ...]:
    return tuple(sorted(values, key=lambda v: -idf.get(v, 0.0)))


def gather_evidence(
    space: FeatureSpace, names: np.ndarray, query: Document, q: DocVectors, qi: int,
    candidate: Document, index: DocVectors, j: int,
) -> Evidence:
    """Everything the pair (query, candidate) shares or completes, seen from the query."""
    tq, tc = query.tags, candidate.tags
    shared_sites = [s for s in tq.sites if s in set(tc.sites)]
    shared_techniques = [t for t in tq.techniques if t in set(tc.techniques)]
    shared_cso = [c for c in tq.cso if c in set(tc.cso)]
    ancestors_q = {f for c in tq.cso for f, _ in cso_features(c)[1:]}
    ancestors_c = {f for c in tc.cso for f, _ in cso_features(c)[1:]}
    related = sorted((ancestors_q | set(tq.cso)) & (ancestors_c | set(tc.cso)) - set(shared_cso))
    offer_match, offer_strength = _best_phrases(
        index.offers[index.offer_ptr[j] : index.offer_ptr[j + 1]], tc.offers,
        q.seeks[q.seek_ptr[qi] : q.seek_ptr[qi + 1]], tq.seeks,
    )
    seek_match, seek_strength = _best_phrases(
        index.seeks[index.seek_ptr[j] : index.seek_ptr[j + 1]], tc.seeks,
        q.offers[q.offer_ptr[qi] : q.offer_ptr[qi + 1]], tq.offers,
    )
    kq, kc = kind_code(tq.kind), kind_code(tc.kind)
    matches = [(t, s, "theirs") for t, s in technique_site_matches(tc.techniques, tq.sites)]
    matches += [(t, s, "yours") for t, s in technique_site_matches(tq.techniques, tc.sites)]
    return Evidence(
        shared_terms=_shared_terms(space, names, q, qi, index, j, list(query.texts + candidate.texts)),
        shared_sites=_by_rarity(shared_sites, space.tag_idf["sites"]),
        shared_cso=_by_rarity(shared_cso, space.tag_idf["cso"]),
        related_cso=_by_rarity(related, space.tag_idf["cso"]),
        shared_techniques=_by_rarity(shared_techniques, space.tag_idf["techniques"]),
        offer_match=offer_match,
        offer_strength=offer_strength,
        seek_match=seek_match,
        seek_strength=seek_strength,
        kinds=(kq, kc) if kq and kc and kq != kc else None,
        technique_matches=tuple(matches),
    )
