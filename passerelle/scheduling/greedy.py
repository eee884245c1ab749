"""The greedy baseline: first come, first served by weight, each request in its earliest slot.

Fixed meetings are placed first; then requests by decreasing weight (ties: input order) go to
the earliest slot where they are allowed, all their participants are available, free and under
``max_meetings``, and a table is free. O(R * S * k) for R requests, S slots, k people a request.

Example::

    slot_of = greedy_slots(instance)         # {request index: slot index}
    solution = greedy_schedule(instance)     # a full Solution, status "feasible"
"""
from __future__ import annotations

import time

from .model import Instance, Solution
from .solution import build_solution


class Occupancy:
    """Who is busy when, how many meetings each person has, how many tables each slot uses."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.busy: set[tuple[int, int]] = set()
        self.count = [0] * len(instance.participants)
        self.per_slot = [0] * len(instance.slots)

    def fits(self, r: int, s: int) -> bool:
        """True if request ``r`` can be added at slot ``s`` (availability checked by caller)."""
        if self.per_slot[s] >= len(self.instance.tables):
            return False
        for p in self.instance.requests[r].participants:
            limit = self.instance.participants[p].max_meetings
            if (p, s) in self.busy or (limit is not None and self.count[p] >= limit):
                return False
        return True

    def place(self, r: int, s: int) -> None:
        """Record request ``r`` at slot ``s``."""
        self.per_slot[s] += 1
        for p in self.instance.requests[r].participants:
            self.busy.add((p, s))
            self.count[p] += 1


def greedy_slots(instance: Instance, first: set[int] | None = None) -> dict[int, int]:
    """Request index -> slot index, fixed meetings included, by the first-come rule above.

    ``first`` (optional) are placed before all others, the ones with fewest slots first: used to
    place the requests chosen by ``selection.py``.
    """
    occupancy = Occupancy(instance)
    slot_of: dict[int, int] = {}
    for f in instance.fixed:
        occupancy.place(f.request, f.slot)
        slot_of[f.request] = f.slot
    first = first or set()
    order = sorted(range(len(instance.requests)), key=lambda r: (
        r not in first, len(instance.candidate_slots(r)) if r in first else 0, -instance.requests[r].weight))
    for r in order:
        if r in slot_of:
            continue
        for s in instance.candidate_slots(r):
            if occupancy.fits(r, s):
                occupancy.place(r, s)
                slot_of[r] = s
                break
    return slot_of


def greedy_schedule(instance: Instance, upper_bound: float | None = None) -> Solution:
    """The greedy schedule as a Solution; ``upper_bound`` defaults to the total weight."""
    start = time.perf_counter()
    slot_of = greedy_slots(instance)
    bound = sum(r.weight for r in instance.requests) if upper_bound is None else upper_bound
    return build_solution(instance, slot_of, status="feasible", upper_bound=bound,
                          solve_seconds=time.perf_counter() - start)
