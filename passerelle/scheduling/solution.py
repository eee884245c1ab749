"""Turn a choice of slots (request -> slot) into a full ``Solution``: tables, breaks, reasons.

Tables are interchangeable, so the solvers only respect a per-slot capacity; tables are given
here, afterwards: fixed meetings keep their table, the others take the free tables in order.

Example::

    solution = build_solution(instance, {0: 3, 5: 1}, status="feasible", upper_bound=7.0)
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from .breaks import schedule_breaks
from .model import Instance, Meeting, Reason, Solution


def assign_tables(instance: Instance, slot_of: Mapping[int, int]) -> list[Meeting]:
    """Meetings with tables; raises ValueError if a slot holds more meetings than tables."""
    by_slot: dict[int, list[int]] = defaultdict(list)
    for r, s in slot_of.items():
        by_slot[s].append(r)
    fixed = instance.fixed_by_request
    meetings: list[Meeting] = []
    for s, requests in sorted(by_slot.items()):
        taken = {fixed[r].table for r in requests if r in fixed and fixed[r].table is not None}
        free = iter(t for t in range(len(instance.tables)) if t not in taken)
        for r in sorted(requests):
            given = fixed[r].table if r in fixed else None
            table = given if given is not None else next(free, None)
            if table is None:
                raise ValueError(f"slot {instance.slots[s]!r} holds more meetings than tables")
            meetings.append(Meeting(r, s, table))
    return meetings


def unscheduled_reasons(instance: Instance, slot_of: Mapping[int, int]) -> dict[int, Reason]:
    """Why each request left out could not be added to this schedule (request index -> reason)."""
    busy: dict[tuple[int, int], int] = {}
    count = [0] * len(instance.participants)
    per_slot = [0] * len(instance.slots)
    for r, s in slot_of.items():
        per_slot[s] += 1
        for p in instance.requests[r].participants:
            busy[p, s] = r
            count[p] += 1
    return {r: _reason(instance, r, busy, count, per_slot)
            for r in range(len(instance.requests)) if r not in slot_of}


def _reason(instance: Instance, r: int, busy: dict, count: list[int], per_slot: list[int]) -> Reason:
    request = instance.requests[r]
    if not request.slots:
        return Reason("no_slot")
    if not instance.candidate_slots(r):
        return Reason("unavailable", {"participants": [instance.participants[p].id for p in request.participants]})
    for p in request.participants:
        limit = instance.participants[p].max_meetings
        if limit is not None and count[p] >= limit:
            return Reason("limit", {"participant": instance.participants[p].id, "max_meetings": limit})
    open_slots = [s for s in instance.candidate_slots(r) if per_slot[s] < len(instance.tables)]
    if not open_slots:
        return Reason("no_table")
    return Reason("busy")


def build_solution(instance: Instance, slot_of: Mapping[int, int], *, status: str,
                   upper_bound: float, solve_seconds: float = 0.0) -> Solution:
    """A Solution from a request -> slot map; objective and breaks are recomputed here."""
    breaks = schedule_breaks(instance, slot_of)
    return Solution(
        status=status,
        meetings=assign_tables(instance, slot_of),
        objective=sum(instance.requests[r].weight for r in slot_of),
        upper_bound=upper_bound,
        breaks=sum(breaks),
        max_breaks=max(breaks, default=0),
        solve_seconds=solve_seconds,
        unscheduled=unscheduled_reasons(instance, slot_of),
    )
