"""Evidence behind a pair's components — the shared terms, tags, matched phrases — gathered
from the same vectors the score uses, and checked before a reason may quote it.

The checks (documented in docs/matching.md):

* a **shared term** is a word, or better a run of words, that both profiles' texts contain
  (found again in each side's own words), that is no general-language word
  (general_words.py: neither the term nor any of its words), has at least
  ``MIN_TERM_LETTERS`` letters per word, and is rare: used by at most
  ``max(MIN_TERM_DF_ALLOWANCE, MAX_TERM_DF_SHARE × N)`` of the N indexed profiles.
  Multi-word terms come first ("ADN tumoral circulant", "biopsie liquide"); a word already
  inside a chosen multi-word term is not repeated.
* an **offer ↔ seek** match quotes a phrase of one side's offers and one of the other side's
  seeks whose cosine is at least ``PHRASE_MIN_SIMILARITY`` and which share a domain term
  (a word that is neither a stop word nor a general word).
* **codes** (sites, techniques, CSO) are quoted only when both tag sets hold them (or, for
  related CSO categories, a common ancestor).
"""

from __future__ import annotations

import numpy as np

from .complementarity import kind_code, technique_site_matches
from .documents import Document
from .explanations import Evidence, TermEvidence
from .features import DocVectors, FeatureSpace, cso_features
from .general_words import is_general_term
from .text import find_written, terms

SHOWN_TERMS = 3
MAX_TERM_DF_SHARE = 0.05
MIN_TERM_DF_ALLOWANCE = 3
MIN_TERM_LETTERS = 3
PHRASE_MIN_SIMILARITY = 0.35
_EXAMINED_COLUMNS = 60  # the heaviest shared columns looked at, to bound the cost


def max_term_df(n_docs: int) -> int:
    """The most profiles a term may appear in and still be quoted as a shared term."""
    return max(MIN_TERM_DF_ALLOWANCE, int(MAX_TERM_DF_SHARE * n_docs))


def distinctive(term: str, df: int, n_docs: int) -> bool:
    """Whether an analysed term may be quoted: no general word, long enough, rare enough."""
    words = term.split(" ")
    if any(len(w) < MIN_TERM_LETTERS or not w.isalpha() and not any(c.isalpha() for c in w) for w in words):
        return False
    return not is_general_term(term) and df <= max_term_df(n_docs)


def _shared_terms(
    names: np.ndarray, df: np.ndarray, n_docs: int, q: DocVectors, qi: int, index: DocVectors, j: int,
    query_texts: list[str], candidate_texts: list[str],
) -> tuple[TermEvidence, ...]:
    a, b = q.centroid, index.centroid
    cols_a, vals_a = a.indices[a.indptr[qi] : a.indptr[qi + 1]], a.data[a.indptr[qi] : a.indptr[qi + 1]]
    cols_b, vals_b = b.indices[b.indptr[j] : b.indptr[j + 1]], b.data[b.indptr[j] : b.indptr[j + 1]]
    shared, in_a, in_b = np.intersect1d(cols_a, cols_b, assume_unique=True, return_indices=True)
    if len(shared) == 0:
        return ()
    weight = vals_a[in_a] * vals_b[in_b]
    columns = shared[np.lexsort((shared, -weight))][:_EXAMINED_COLUMNS]
    names_found = [str(names[c]) for c in columns if distinctive(str(names[c]), int(df[c]), n_docs)]
    # multi-word terms first, each in weight order
    ordered = [n for n in names_found if " " in n] + [n for n in names_found if " " not in n]
    chosen: list[tuple[str, ...]] = []
    for name in ordered:
        words = tuple(name.split(" "))
        merged = _merge(chosen, words)
        if merged is not None:  # "dna tumoral" + "tumoral circulant" → "dna tumoral circulant"
            found = _found_on_both(merged[1], query_texts, candidate_texts)
            if found:
                chosen[merged[0]] = merged[1]
            continue
        if any(set(words) <= set(c) for c in chosen) or len(chosen) == SHOWN_TERMS:
            continue
        if _found_on_both(words, query_texts, candidate_texts):
            chosen.append(words)
    out = []
    for words in chosen:
        found = _found_on_both(words, query_texts, candidate_texts)
        if found:
            (qt, qf), (ct, cf) = found
            out.append(TermEvidence(" ".join(words), qf, qt, cf, ct))
    return tuple(out)


def _merge(chosen: list[tuple[str, ...]], words: tuple[str, ...]) -> tuple[int, tuple[str, ...]] | None:
    """A chosen run that ``words`` (a bigram) extends by one word at either end, and the longer run."""
    if len(words) != 2:
        return None
    for i, run in enumerate(chosen):
        if len(run) >= 2 and run[-1] == words[0] and words[1] not in run:
            return i, run + (words[1],)
        if len(run) >= 2 and run[0] == words[1] and words[0] not in run:
            return i, (words[0],) + run
    return None


def _found_on_both(words: tuple[str, ...], query_texts: list[str], candidate_texts: list[str]):
    in_query = find_written(query_texts, words)
    if in_query is None:
        return None
    in_candidate = find_written(candidate_texts, words)
    return (in_query, in_candidate) if in_candidate is not None else None


def phrases_agree(phrase_a: str, phrase_b: str, similarity: float) -> bool:
    """Whether an offer and a seek phrase may be quoted as a match: similar enough, and sharing
    a domain term (not a stop word, not a general word)."""
    if similarity < PHRASE_MIN_SIMILARITY:
        return False
    common = set(terms(phrase_a)) & set(terms(phrase_b))
    return any(not is_general_term(t) for t in common)


def _best_phrases(rows_a, phrases_a: tuple[str, ...], rows_b, phrases_b: tuple[str, ...]):
    """(phrase of a, phrase of b) with the highest cosine, and that cosine."""
    if rows_a.shape[0] == 0 or rows_b.shape[0] == 0:
        return None, 0.0
    cosines = (rows_a @ rows_b.T).toarray()
    for flat in np.argsort(-cosines, axis=None, kind="stable"):
        a, b = np.unravel_index(int(flat), cosines.shape)
        strength = float(cosines[a, b])
        if strength < PHRASE_MIN_SIMILARITY:
            break
        if phrases_agree(phrases_a[a], phrases_b[b], strength):
            return (phrases_a[a], phrases_b[b]), strength
    return None, 0.0


def _by_rarity(values: list[str], idf: dict[str, float]) -> tuple[str, ...]:
    return tuple(sorted(values, key=lambda v: -idf.get(v, 0.0)))


def gather_evidence(
    space: FeatureSpace, names: np.ndarray, query: Document, q: DocVectors, qi: int,
    candidate: Document, index: DocVectors, j: int, df: np.ndarray | None = None,
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
        shared_terms=_shared_terms(names, term_document_frequency(index) if df is None else df, index.n,
                                   q, qi, index, j, list(query.texts), list(candidate.texts)),
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


def term_document_frequency(index: DocVectors) -> np.ndarray:
    """For each text column, the number of indexed profiles whose texts use it."""
    return np.bincount(index.centroid.indices, minlength=index.centroid.shape[1])
