"""The matching index: fit on a corpus of documents, then score pairs, suggest the best
partners of a document (in the index or not) and explain each suggestion.

    >>> index = build_index([
    ...     {"id": "a", "texts": ["radiomics of glioblastoma MRI"], "tags": {"territory": "QC"}},
    ...     {"id": "b", "texts": ["MRI radiomics for brain tumours"], "tags": {"territory": "AURA"}},
    ...     {"id": "c", "texts": ["health economics of screening"], "tags": {"territory": "AURA"}},
    ... ])
    >>> [s.id for s in index.top("a", k=2)]
    ['b', 'c']

How ``top`` stays fast on 50,000 profiles without losing the best: a linear approximation
of the score (centroid text cosine plus tag and complementarity products, one sparse and one
small dense matrix product) ranks everyone and keeps ``STAGE_ONE`` candidates per query
(``STAGE_ONE_SINGLE`` for one person); those get their exact text value, the best
``k + margin`` of them the full exact score (components.py). Up to ``EXACT_LIMIT`` documents
every allowed candidate is scored exactly. For ``top_all`` above ``PRUNE_LIMIT`` documents
the approximation keeps each profile's ``TERMS_PER_ROW`` heaviest terms, and queries are
processed in blocks, in forked processes when asked (:func:`worker_count` caps them).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from .complementarity import KINDS, kind_affinity_matrix
from .components import (
    COMPONENTS,
    QueryScratch,
    Weights,
    text_similarity_for_query,
    weighted_components,
)
from .documents import Document, as_document
from .evidence import gather_evidence, term_document_frequency
from .explanations import Labels, Reason, explain
from .features import DocVectors, fit_and_vectorise
from .filters import Eligibility, TopOptions
from .weighting import TextModel

EXACT_LIMIT = 500
PRUNE_LIMIT = 20000
TERMS_PER_ROW = 32
BLOCK_SIZE = 256
CANDIDATE_MARGIN = 10  # extra candidates re-scored exactly beyond k
STAGE_ONE = 300  # top_all: candidates kept by the approximation, then re-ranked with their exact text
STAGE_ONE_SINGLE = 3000  # one person's query: the same, with the unpruned approximation
_KIND_AFFINITY = np.pad(kind_affinity_matrix(), ((0, 1), (0, 1)))  # last row/column: unknown kind


class UnknownDocument(KeyError):
    """An id that is not in the index."""


@dataclass(slots=True)
class Suggestion:
    """A suggested partner: its id, score, each component's contribution, and the reasons."""

    id: str
    score: float
    components: dict[str, float]
    reasons: list[Reason] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": round(self.score, 6),
            "components": {k: round(v, 6) for k, v in self.components.items()},
            "reasons": [r.as_dict() for r in self.reasons],
        }


def _prune_rows(matrix: sp.csr_matrix, keep: int, max_df: int) -> sp.csr_matrix:
    """Keep each row's ``keep`` largest entries, dropping columns present in > ``max_df`` rows."""
    matrix = matrix.tocsr().copy()
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    matrix.data[df[matrix.indices] > max_df] = 0
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((-matrix.data, rows))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - matrix.indptr[rows[order]]
    matrix.data[rank >= keep] = 0
    matrix.eliminate_zeros()
    return matrix


class MatchingIndex:
    """Documents with their fitted vectors; see the module docstring."""

    def __init__(
        self, documents: Sequence[Document], weights: Weights | None = None, text_model: TextModel | None = None
    ) -> None:
        self.documents = list(documents)
        self.weights = weights or Weights()
        self.space, self.vectors = fit_and_vectorise(self.documents, text_model)
        self.text_model = self.space.text_model
        self.eligibility = Eligibility(self.documents)
        self.position = self.eligibility.position
        names = self.space.vectoriser.get_feature_names_out() if self.space.vectoriser else []
        self._names = np.asarray(names, dtype=object)
        self._doc_sides: dict[bool, tuple[sp.csr_matrix, np.ndarray]] = {}
        self._df = term_document_frequency(self.vectors)

    def __len__(self) -> int:
        return len(self.documents)

    # -- the linear approximation used to pick candidates ---------------------------------
    def _doc_centroid(self, pruned: bool) -> sp.csr_matrix:
        if not pruned:
            return self.vectors.centroid
        return _prune_rows(self.vectors.centroid, TERMS_PER_ROW, max(50, len(self) // 20))

    def _sparse_side(self, v: DocVectors, query: bool) -> sp.csr_matrix:
        w = self.weights
        if query:
            blocks = [w.sites * v.tags["sites"], w.techniques * v.tags["techniques"],
                      w.offers_seeks * v.offer_centroid, w.offers_seeks * v.seek_centroid]
        else:
            blocks = [v.tags["sites"], v.tags["techniques"], v.seek_centroid, v.offer_centroid]
        return sp.hstack(blocks, format="csr", dtype=np.float32)

    def _dense_side(self, v: DocVectors, query: bool) -> np.ndarray:
        w, cso = self.weights, v.tags["cso"].toarray()
        kinds = np.eye(len(KINDS) + 1)[np.where(v.kinds >= 0, v.kinds, len(KINDS))]  # one-hot, last: unknown
        if query:
            parts = [w.cso * cso, 0.5 * w.technique_site * v.served, 0.5 * w.technique_site * v.site_groups,
                     w.kind * kinds @ _KIND_AFFINITY]
        else:
            parts = [cso, v.site_groups, v.served, kinds]
        return np.hstack(parts).astype(np.float32)

    def _doc_side(self, pruned: bool) -> tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray, sp.csr_matrix]:
        """The document side of the approximation, transposed: centroids (pruned or not), the other
        sparse parts (tags, phrases), the dense parts (CSO, site groups, kinds), and the last two
        stacked as one sparse matrix."""
        if pruned not in self._doc_sides:
            centroid = sp.csr_matrix(self._doc_centroid(pruned).T, dtype=np.float32).tocsr()
            sparse_only = self._sparse_side(self.vectors, query=False)
            dense_side = self._dense_side(self.vectors, query=False)
            with_dense = sp.hstack([sparse_only, sp.csr_matrix(dense_side)], format="csr", dtype=np.float32)
            self._doc_sides[pruned] = (centroid, sparse_only.T.tocsr(), dense_side.T.copy(), with_dense.T.tocsr())
        return self._doc_sides[pruned]

    def _approximate(self, q: DocVectors, rows: np.ndarray, pruned: bool) -> tuple[np.ndarray, np.ndarray]:
        """(len(rows) × n) approximate scores of query rows ``rows`` of ``q`` — the weighted centroid
        cosine plus the tag, phrase and complementarity products — and their text part alone."""
        centroid_doc, sparse_doc, dense_doc, stacked_doc = self._doc_side(pruned)
        sub = _subset(q, rows)  # the query side keeps all its terms: pruning the doc side bounds the cost
        text = ((self.weights.text * sub.centroid) @ centroid_doc).toarray()
        query_sparse, query_dense = self._sparse_side(sub, query=True), self._dense_side(sub, query=True)
        if len(rows) <= 8:  # a few queries: the "dense" parts are mostly zeros, one sparse product is cheaper
            query_side = sp.hstack([query_sparse, sp.csr_matrix(query_dense)], format="csr")
            scores = (query_side @ stacked_doc).toarray()
        else:  # a block: a small dense matrix product (BLAS) for the dense parts
            scores = (query_sparse @ sparse_doc).toarray()
            scores += query_dense @ dense_doc
        scores += text
        return scores, text

    # -- exact scoring ---------------------------------------------------------------------
    def _exact(
        self, q: DocVectors, qdocs: np.ndarray, docs: np.ndarray, text: np.ndarray | None = None
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        return weighted_components(q, qdocs, self.vectors, docs, self.weights, self.text_model, text)

    def _shortlist(
        self, q: DocVectors, qi: int, allowed: np.ndarray, k: int, first: np.ndarray | None,
        approx: tuple[np.ndarray, np.ndarray] | None, scratch: QueryScratch,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The allowed documents worth a full exact score for query row ``qi``, with their exact
        text values. ``first``: the candidates the approximation ``approx`` (that query's row)
        kept, or None to take every allowed document. The candidates are re-ranked with their
        exact text value in place of the approximate one, and the best ``k + margin`` stay."""
        first = np.flatnonzero(allowed) if first is None else np.sort(first[allowed[first]])
        text = text_similarity_for_query(q, qi, self.vectors, first, self.text_model, scratch)
        margin = k + max(k // 2, CANDIDATE_MARGIN)
        if approx is not None and len(first) > margin:
            estimate, text_estimate = approx
            second = estimate[first] - text_estimate[first] + self.weights.text * text
            keep = np.sort(np.argpartition(-second, margin - 1)[:margin])
            first, text = first[keep], text[keep]
        return first, text

    @staticmethod
    def _stage_one(approx: np.ndarray, allowed: np.ndarray, size: int) -> list[np.ndarray | None]:
        """Per row, the ``size`` best allowed documents by the approximation (None: keep every
        allowed one, there are few enough).

        A threshold from every 8th column (its best 2·size/8 allowed values) keeps about 2·size
        columns of the row, among which an exact partition finds the best ``size``; a row the
        threshold leaves short (rare) is partitioned in full.
        """
        n = approx.shape[1]
        counts = allowed.sum(axis=1)
        if n <= size:
            return [None] * approx.shape[0]
        stride = 8
        sample = np.where(allowed[:, ::stride], approx[:, ::stride], -np.inf)
        keep = min(sample.shape[1], max(1, 2 * size // stride))
        threshold = np.partition(sample, sample.shape[1] - keep, axis=1)[:, sample.shape[1] - keep]
        out: list[np.ndarray | None] = []
        for r in range(approx.shape[0]):
            if counts[r] <= size:
                out.append(None)
                continue
            row = approx[r]
            above = np.flatnonzero((row >= threshold[r]) & allowed[r]) if np.isfinite(threshold[r]) else []
            if len(above) < size:
                above = np.flatnonzero(allowed[r])
            out.append(above[np.argpartition(row[above], len(above) - size)[len(above) - size :]])
        return out

    @staticmethod
    def _best(
        candidates: np.ndarray, scores: np.ndarray, contributions: dict[str, np.ndarray], k: int, min_score: float
    ) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
        """The ``k`` best of exactly scored candidates (ties broken by index order)."""
        keep = np.flatnonzero(scores >= min_score)
        picked = keep[np.lexsort((candidates[keep], -scores[keep]))[:k]]
        return candidates[picked], scores[picked], {c: v[picked] for c, v in contributions.items()}

    def _suggestions(
        self, query: Document, q: DocVectors, qi: int, ranked: tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]],
        with_reasons: bool, language: str, labels: Labels | None,
    ) -> list[Suggestion]:
        docs, scores, contributions = ranked
        if not len(docs):
            return []
        table = np.column_stack([contributions[c] for c in COMPONENTS]).tolist()
        documents = self.documents
        weights = [getattr(self.weights, c) for c in COMPONENTS]
        if not with_reasons:  # top_all: a million of these at 50,000 profiles, keep the loop lean
            return [Suggestion(documents[j].id, score, dict(zip(COMPONENTS, row, strict=True)), [])
                    for j, score, row in zip(docs.tolist(), scores.tolist(), table, strict=True)]
        out = []
        for r, j in enumerate(docs.tolist()):
            parts = dict(zip(COMPONENTS, table[r], strict=True))
            ev = gather_evidence(self.space, self._names, query, q, qi, documents[j], self.vectors, j, self._df)
            values = {c: (v / w if w > 0 else 0.0) for (c, v), w in zip(parts.items(), weights, strict=True)}
            reasons: list[Reason] = explain(parts, ev, language=language, labels=labels, values=values)
            out.append(Suggestion(documents[j].id, float(scores[r]), parts, reasons))
        return out

    def _top_vectors(
        self, query: Document, q: DocVectors, position: int | None, k: int, options: TopOptions,
        with_reasons: bool, language: str, labels: Labels | None,
    ) -> list[Suggestion]:
        allowed = self.eligibility.block_mask([query], [position], options, self.eligibility.static_mask(options))
        qi = 0 if position is None else position
        approx, first = None, None
        if len(self) > EXACT_LIMIT:
            estimate, text_estimate = self._approximate(q, np.array([qi]), pruned=False)
            first = self._stage_one(estimate, allowed, STAGE_ONE_SINGLE)[0]
            approx = (estimate[0], text_estimate[0])
        candidates, text = self._shortlist(q, qi, allowed[0], k, first, approx, self._scratch())
        scores, contributions = self._exact(q, np.full(len(candidates), qi), candidates, text)
        ranked = self._best(candidates, scores, contributions, k, options.min_score)
        return self._suggestions(query, q, qi, ranked, with_reasons, language, labels)

    def _scratch(self) -> QueryScratch:
        return QueryScratch(self.vectors.texts.shape[1])

    # -- public API ------------------------------------------------------------------------
    def _require(self, doc_id: str) -> int:
        if doc_id not in self.position:
            raise UnknownDocument(doc_id)
        return self.position[doc_id]

    def top(
        self, doc_id: str, k: int = 10, options: TopOptions | None = None, *,
        language: str = "en", labels: Labels | None = None, with_reasons: bool = True,
    ) -> list[Suggestion]:
        """The ``k`` best partners of indexed document ``doc_id``, best first."""
        i = self._require(doc_id)
        return self._top_vectors(self.documents[i], self.vectors, i, k, options or TopOptions(),
                                 with_reasons, language, labels)

    def query(
        self, document: Document | Mapping[str, Any], k: int = 10, options: TopOptions | None = None, *,
        language: str = "en", labels: Labels | None = None, with_reasons: bool = True,
    ) -> list[Suggestion]:
        """The ``k`` best partners for an ad-hoc ``document`` (e.g. a pasted project idea).

        The document is vectorised with the index's vocabulary and IDF; it is not added.
        """
        doc = as_document(document)
        q = self.space.vectorise([doc])
        return self._top_vectors(doc, q, None, k, options or TopOptions(), with_reasons, language, labels)

    def components(self, a: str, b: str) -> dict[str, float]:
        """Each component's contribution to ``score(a, b)``."""
        i, j = self._require(a), self._require(b)
        _, parts = self._exact(self.vectors, np.array([i]), np.array([j]))
        return {c: float(v[0]) for c, v in parts.items()}

    def score(self, a: str, b: str) -> float:
        """The score of the pair (no filtering); symmetric in ``a`` and ``b``."""
        return float(sum(self.components(a, b).values()))

    def score_pairs(self, pairs: Iterable[tuple[str, str]]) -> list[float]:
        """Scores of many pairs, in order (no filtering)."""
        rows = np.array([[self._require(a), self._require(b)] for a, b in pairs], dtype=np.int64).reshape(-1, 2)
        scores = np.zeros(len(rows))
        for start in range(0, len(rows), 20_000):  # bounds the text-by-text expansion's memory
            part = rows[start : start + 20_000]
            scores[start : start + len(part)] = self._exact(self.vectors, part[:, 0], part[:, 1])[0]
        return [float(s) for s in scores]

    def _rank_block(
        self, start: int, k: int, options: TopOptions, static: np.ndarray, block_size: int,
    ) -> list[tuple[int, tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]]]:
        """The ranked best ``k`` of every query row in ``[start, start + block_size)``."""
        pruned, exact = len(self) > PRUNE_LIMIT, len(self) <= EXACT_LIMIT
        rows = np.arange(start, min(start + block_size, len(self)))
        masks = self.eligibility.block_mask([self.documents[i] for i in rows], list(rows), options, static)
        approx = None if exact else self._approximate(self.vectors, rows, pruned)
        firsts = [None] * len(rows) if approx is None else self._stage_one(approx[0], masks, STAGE_ONE)
        scratch = self._scratch()
        shortlists = [self._shortlist(self.vectors, int(i), masks[r], k, firsts[r],
                                      None if approx is None else (approx[0][r], approx[1][r]), scratch)
                      for r, i in enumerate(rows)]
        candidates = [c for c, _ in shortlists]
        sizes = np.array([len(c) for c in candidates])
        flat = np.concatenate(candidates) if candidates else np.zeros(0, dtype=np.int64)
        text = np.concatenate([t for _, t in shortlists]) if shortlists else np.zeros(0)
        scores, contributions = self._exact(self.vectors, np.repeat(rows, sizes), flat, text)
        bounds = np.concatenate(([0], np.cumsum(sizes)))
        ranked = []
        for r, i in enumerate(rows):
            part = slice(bounds[r], bounds[r + 1])
            ranked.append((int(i), self._best(candidates[r], scores[part],
                                              {c: v[part] for c, v in contributions.items()}, k, options.min_score)))
        return ranked

    def top_all(
        self, k: int = 10, options: TopOptions | None = None, *, with_reasons: bool = False,
        language: str = "en", labels: Labels | None = None, block_size: int | None = None, workers: int = 1,
    ) -> dict[str, list[Suggestion]]:
        """Every indexed document's ``k`` best partners, processed in blocks of queries.

        ``block_size``: queries per block (default ``BLOCK_SIZE``). ``workers`` > 1 ranks the blocks
        in forked processes (POSIX only), at most one per block and per CPU (:func:`worker_count`),
        which share the index copy-on-write and send back plain arrays; the result is the same as
        with one.
        """
        block_size = block_size or BLOCK_SIZE
        options = options or TopOptions()
        static = self.eligibility.static_mask(options)
        starts = list(range(0, len(self), block_size))
        workers = worker_count(workers, len(starts))
        if workers > 1:
            blocks = _rank_blocks_in_processes(self, starts, k, options, static, block_size, workers)
        else:
            blocks = (self._rank_block(start, k, options, static, block_size) for start in starts)
        result: dict[str, list[Suggestion]] = {}
        for block in blocks:
            for i, ranked in block:
                result[self.documents[i].id] = self._suggestions(
                    self.documents[i], self.vectors, i, ranked, with_reasons, language, labels)
        return result


def worker_count(requested: int, blocks: int, cpus: int | None = None) -> int:
    """Processes worth forking: never more than the blocks to rank nor the machine's CPUs, at least 1.

    ``top --workers 300`` on 12 blocks forks at most 12 processes (fewer on a smaller machine).
    """
    cpus = cpus if cpus is not None else (os.cpu_count() or 1)
    return max(1, min(int(requested), blocks, cpus))


_FORKED: tuple[Any, ...] | None = None  # what forked workers inherit: (index, k, options, static, block_size)


def _rank_forked_block(start: int) -> list[tuple[int, tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]]]:
    index, k, options, static, block_size = _FORKED
    return index._rank_block(start, k, options, static, block_size)


def _rank_blocks_in_processes(
    index: MatchingIndex, starts: list[int], k: int, options: TopOptions, static: np.ndarray, block_size: int,
    workers: int,
) -> Iterator[list[tuple[int, tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]]]]:
    """Blocks in order, as the workers finish them: the caller turns each into suggestions while the
    workers rank the next ones."""
    global _FORKED
    index._doc_side(len(index) > PRUNE_LIMIT)  # built once here, inherited by every worker
    _FORKED = (index, k, options, static, block_size)
    pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        yield from pool.imap(_rank_forked_block, starts, chunksize=max(1, len(starts) // (8 * workers)))
    finally:
        # close + join, not terminate (what ``with Pool()`` does): a worker that inherited a SIGTERM
        # handler (pytest-xdist installs one) ignores terminate while it waits for work, and the
        # join then hangs for ever. Closed, every worker takes its sentinel and exits by itself.
        pool.close()
        pool.join()
        _FORKED = None


def _subset(v: DocVectors, rows: np.ndarray) -> DocVectors:
    """The per-document (non-ragged) parts of ``v`` restricted to ``rows``."""
    return DocVectors(
        texts=v.texts, text_ptr=v.text_ptr, centroid=v.centroid[rows], offers=v.offers, offer_ptr=v.offer_ptr,
        seeks=v.seeks, seek_ptr=v.seek_ptr, offer_centroid=v.offer_centroid[rows],
        seek_centroid=v.seek_centroid[rows], tags={f: m[rows] for f, m in v.tags.items()},
        kinds=v.kinds[rows], served=v.served[rows], site_groups=v.site_groups[rows],
    )


def build_index(
    documents: Iterable[Document | Mapping[str, Any]], weights: Weights | None = None,
    text_model: TextModel | None = None,
) -> MatchingIndex:
    """Fit a :class:`MatchingIndex` on ``documents`` (Documents or their JSON-like mappings);
    ``text_model``: the text component's weighting and aggregation (default :class:`TextModel`).

    Raises ``ValueError`` on duplicate ids.
    """
    docs = [as_document(d) for d in documents]
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            raise ValueError(f"duplicate document id {doc.id!r}")
        seen.add(doc.id)
    return MatchingIndex(docs, weights, text_model)
