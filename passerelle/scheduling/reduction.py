"""What remains to decide once the fixed meetings are placed: the open (request, slot) pairs.

A pair ``(r, s)`` is open when ``r`` is not fixed, ``s`` is allowed for ``r``, all participants
are available at ``s`` and not in a fixed meeting then, a table is still free at ``s``, and no
participant has already used up ``max_meetings``. Shared by the CP-SAT model and the LP bound.

Example::

    reduced = reduce_instance(instance)
    reduced.pairs        # [(r, s), ...]
    reduced.limits[p]    # meetings still allowed to p (None: no limit)
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import Instance


@dataclass
class Reduced:
    """Open pairs and remaining capacities (see the module docstring)."""

    pairs: list[tuple[int, int]]
    limits: list[int | None]
    free_tables: list[int]
    fixed_slot: dict[int, int]
    fixed_busy: set[tuple[int, int]]
    by_person_slot: dict[tuple[int, int], list[int]] = field(default_factory=dict)

    def person_caps(self, instance: Instance) -> dict[int, int]:
        """For each participant with open pairs, the most meetings they can still get.

        That is min(remaining max_meetings, number of slots where they have an open pair).
        """
        slots_open: dict[int, int] = defaultdict(int)
        for p, _ in self.by_person_slot:
            slots_open[p] += 1
        return {p: n if self.limits[p] is None else min(n, self.limits[p]) for p, n in slots_open.items()}


def reduce_instance(instance: Instance, only: set[int] | None = None) -> Reduced:
    """Compute the open pairs; ``by_person_slot`` maps (p, s) -> indices into ``pairs``.

    ``only`` restricts the open pairs to those requests (the decomposition of ``selection.py``).
    """
    fixed_count = [0] * len(instance.participants)
    free_tables = [len(instance.tables)] * len(instance.slots)
    fixed_busy: set[tuple[int, int]] = set()
    for f in instance.fixed:
        free_tables[f.slot] -= 1
        for p in instance.requests[f.request].participants:
            fixed_count[p] += 1
            fixed_busy.add((p, f.slot))
    limits = [None if person.max_meetings is None else person.max_meetings - fixed_count[p]
              for p, person in enumerate(instance.participants)]
    fixed_slot = {f.request: f.slot for f in instance.fixed}
    pairs: list[tuple[int, int]] = []
    by_person_slot: dict[tuple[int, int], list[int]] = defaultdict(list)
    for r, request in enumerate(instance.requests):
        if r in fixed_slot or (only is not None and r not in only):
            continue
        if any(limits[p] is not None and limits[p] <= 0 for p in request.participants):
            continue
        for s in instance.candidate_slots(r):
            if free_tables[s] > 0 and not any((p, s) in fixed_busy for p in request.participants):
                for p in request.participants:
                    by_person_slot[p, s].append(len(pairs))
                pairs.append((r, s))
    return Reduced(pairs, limits, free_tables, fixed_slot, fixed_busy, dict(by_person_slot))
