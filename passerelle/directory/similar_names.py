"""Likely duplicates of an imported person: the first person of the same organisation whose folded
name is similar (``difflib`` ratio at least 0.88), found without comparing with every name.

Comparing each row of a 20,000-row file with every person of its organisations made the preview
quadratic. The index keeps, per organisation, each name's trigrams; only names that pass two
bounds are compared with ``difflib``, and the answer is exactly the one of comparing with all:

* length: the ratio is at most ``2·min(la, lb) / (la + lb)``;
* a shared trigram: the ratio is ``2M / S`` (``M`` matched characters, ``S = la + lb``), and the
  matched characters form at most ``S − 2M + 1`` blocks (consecutive blocks are separated by at
  least one unmatched character), so the longest block is at least ``M / (S − 2M + 1)`` long.
  With ``M ≥ 0.44·S`` that is 3 or more as soon as ``S > 10``: two such names share a trigram.
  Pairs with ``S ≤ 10`` (short names) are all compared.

Pure Python, no Django.
"""
from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

THRESHOLD = 0.88
# Up to this combined length, two similar names need not share a trigram (see above; holds for 0.88).
SHORT_PAIR = 10


def trigrams(name: str) -> set[str]:
    return {name[i:i + 3] for i in range(len(name) - 2)}


@dataclass
class _Entry(Generic[T]):
    name: str
    item: T
    letters: Counter = field(repr=False)
    matcher: difflib.SequenceMatcher | None = field(default=None, repr=False)


class _Organisation(Generic[T]):
    def __init__(self) -> None:
        self.entries: list[_Entry[T]] = []
        self.by_trigram: dict[str, list[int]] = {}
        self.short: list[int] = []  # entries whose name is at most SHORT_PAIR long

    def add(self, name: str, item: T) -> None:
        index = len(self.entries)
        self.entries.append(_Entry(name, item, Counter(name)))
        for gram in trigrams(name):
            self.by_trigram.setdefault(gram, []).append(index)
        if len(name) <= SHORT_PAIR:
            self.short.append(index)

    def candidates(self, name: str) -> list[int]:
        found: set[int] = {i for i in self.short if len(name) + len(self.entries[i].name) <= SHORT_PAIR}
        for gram in trigrams(name):
            found.update(self.by_trigram.get(gram, ()))
        return sorted(found)  # insertion order: the first similar name is the one reported


class SimilarNames(Generic[T]):
    """Folded names per organisation id; :meth:`first_similar` gives the item of the first one
    whose ``difflib.SequenceMatcher(None, name, other).ratio()`` is at least ``THRESHOLD``."""

    def __init__(self) -> None:
        self._organisations: dict[int, _Organisation[T]] = {}

    def add(self, organisation_id: int, name: str, item: T) -> None:
        self._organisations.setdefault(organisation_id, _Organisation()).add(name, item)

    def first_similar(self, organisation_id: int, name: str) -> T | None:
        organisation = self._organisations.get(organisation_id)
        if organisation is None:
            return None
        letters: Counter | None = None
        for index in organisation.candidates(name):
            entry = organisation.entries[index]
            total = len(name) + len(entry.name)
            if total:  # both bounds computed as difflib computes its ratio, so they never differ by rounding
                if 2.0 * min(len(name), len(entry.name)) / total < THRESHOLD:
                    continue
                letters = letters if letters is not None else Counter(name)
                if 2.0 * sum((letters & entry.letters).values()) / total < THRESHOLD:
                    continue
            if entry.matcher is None:
                entry.matcher = difflib.SequenceMatcher(None, "", entry.name)  # caches its analysis of the name
            entry.matcher.set_seq1(name)
            if entry.matcher.ratio() >= THRESHOLD:
                return entry.item
        return None
