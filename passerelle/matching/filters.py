"""Who may be suggested to whom: never oneself, never one's own organisation, the other
territory by default (only when both sides name a territory), optionally not existing
partners, and the caller's filters (kinds of actor, territories, CSO categories, ids).

The masks are boolean numpy arrays over the documents of an index, computed for one query
or a block of queries at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .complementarity import kind_code
from .documents import Document


@dataclass(frozen=True)
class TopOptions:
    """Constraints and preferences for suggestions.

    ``any_territory``: allow the query's own territory too (default: the other one only,
    when both sides have a territory). ``exclude_partners``: leave out existing partners.
    ``kinds``/``territories``: only suggest these kinds of actor (raw or canonical, e.g.
    "company") / territories. ``cso``: only suggest documents with a CSO code equal to or
    under one of these codes. ``exclude``: ids never to suggest. ``only``: when given, the only
    ids that may be suggested (e.g. what the viewer may see, an event's participants).
    ``min_score``: drop weaker ones.
    """

    any_territory: bool = False
    exclude_partners: bool = False
    kinds: frozenset[str] | None = None
    territories: frozenset[str] | None = None
    cso: frozenset[str] | None = None
    exclude: frozenset[str] = frozenset()
    only: frozenset[str] | None = None
    min_score: float = 0.0


def _codes(values: Sequence[str]) -> tuple[np.ndarray, dict[str, int]]:
    table: dict[str, int] = {}
    codes = np.array([table.setdefault(v, len(table)) if v else -1 for v in values], dtype=np.int64)
    return codes, table


class Eligibility:
    """Precomputed per-document facts that the filters need."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = documents
        self.position = {d.id: i for i, d in enumerate(documents)}
        self.org, self.org_table = _codes([d.tags.organisation for d in documents])
        self.territory, self.territory_table = _codes([d.tags.territory.upper() for d in documents])
        self.listed_by: dict[str, list[int]] = {}
        rows, cols = [], []
        for i, doc in enumerate(documents):
            for partner in doc.tags.partners:
                self.listed_by.setdefault(partner, []).append(i)
                if partner in self.position:
                    rows += [i, self.position[partner]]
                    cols += [self.position[partner], i]
        n = len(documents)
        self.partners = sp.csr_matrix((np.ones(len(rows), dtype=bool), (rows, cols)), shape=(n, n))

    def query_codes(self, doc: Document) -> tuple[int, int]:
        """Organisation and territory codes of ``doc`` (-1: none; -2: unknown to the index)."""
        org = self.org_table.get(doc.tags.organisation, -2) if doc.tags.organisation else -1
        territory = doc.tags.territory.upper()
        return org, (self.territory_table.get(territory, -2) if territory else -1)

    def partner_columns(self, doc: Document, position: int | None) -> np.ndarray:
        if position is not None:
            return self.partners[position].indices
        listed = [self.position[p] for p in doc.tags.partners if p in self.position]
        return np.array(sorted(set(listed) | set(self.listed_by.get(doc.id, []))), dtype=np.int64)

    def static_mask(self, options: TopOptions) -> np.ndarray:
        """Documents allowed by the caller's filters, whoever asks."""
        mask = np.ones(len(self.documents), dtype=bool)
        if options.kinds is not None:
            kinds = {k.lower() for k in options.kinds}
            mask &= np.array([d.tags.kind.lower() in kinds or kind_code(d.tags.kind) in kinds for d in self.documents])
        if options.territories is not None:
            wanted = {t.upper() for t in options.territories}
            mask &= np.array([d.tags.territory.upper() in wanted for d in self.documents])
        if options.cso is not None:
            mask &= np.array([_has_cso_under(d.tags.cso, options.cso) for d in self.documents])
        if options.only is not None:
            allowed = np.zeros(len(self.documents), dtype=bool)
            allowed[[self.position[i] for i in options.only if i in self.position]] = True
            mask &= allowed
        for doc_id in options.exclude:
            if doc_id in self.position:
                mask[self.position[doc_id]] = False
        return mask

    def block_mask(
        self, queries: Sequence[Document], positions: Sequence[int | None], options: TopOptions, static: np.ndarray
    ) -> np.ndarray:
        """(len(queries) × n) mask of the documents each query may be offered."""
        codes = np.array([self.query_codes(q) for q in queries], dtype=np.int64).reshape(-1, 2)
        mask = np.repeat(static[None, :], len(queries), axis=0)
        org = codes[:, :1]
        mask &= ~((org >= 0) & (self.org[None, :] == org))
        if not options.any_territory:
            territory = codes[:, 1:]
            mask &= ~((territory != -1) & (self.territory[None, :] >= 0) & (self.territory[None, :] == territory))
        for row, (query, position) in enumerate(zip(queries, positions, strict=True)):
            if position is not None:
                mask[row, position] = False
            elif query.id in self.position:
                mask[row, self.position[query.id]] = False
            if options.exclude_partners:
                mask[row, self.partner_columns(query, position)] = False
        return mask


def _has_cso_under(codes: Iterable[str], wanted: Iterable[str]) -> bool:
    return any(code == w or code.startswith(w + ".") for code in codes for w in wanted)
