"""Large-neighbourhood search for big events: many small CP-SAT models instead of one huge one.

Each step frees the meetings of a small group of people (the people of a *wanted* request left
out, e.g. one chosen by ``selection.py``, or one person with breaks; then their partners,
breadth first, up to ``size`` people), keeps every
other meeting where it is, and solves the small model exactly: the freed meetings and the
unscheduled requests among the group may take any open slot (or be left out), maximising
weight, then minimising breaks, then the largest breaks of anyone (people outside the group
count as constants). A step is kept only if it does not worsen (weight, -breaks, -max_breaks),
so the schedule stays valid and only improves. Cost per step: O(size * S) variables.

Example::

    search = NeighbourhoodSearch(instance, slot_of, seed=1, wanted=chosen_requests)
    slot_of = search.run(deadline=time.perf_counter() + 60)
"""
from __future__ import annotations

import random
import time
from collections import deque
from collections.abc import Mapping

from ortools.sat.python import cp_model

from .break_model import BreakEncoding
from .breaks import max_breaks_possible, participant_breaks
from .model import Instance
from .weights import integer_weights


class NeighbourhoodSearch:
    """Holds the current schedule and improves it step by step (see module docstring)."""

    def __init__(self, instance: Instance, slot_of: Mapping[int, int], seed: int = 0, size: int = 4,
                 wanted: set[int] | None = None) -> None:
        self.instance = instance
        self.wanted = sorted(wanted or ())
        self.slot_of = dict(slot_of)
        self.rng = random.Random(seed)
        self.size = size
        self.weights, _, _ = integer_weights([r.weight for r in instance.requests])
        self.fixed = set(instance.fixed_by_request)
        self.candidates = [instance.candidate_slots(r) for r in range(len(instance.requests))]
        self.busy = {(p, s): r for r, s in self.slot_of.items() for p in instance.requests[r].participants}
        self.per_slot = [0] * len(instance.slots)
        for s in self.slot_of.values():
            self.per_slot[s] += 1
        self.horizon = max_breaks_possible(instance)
        self.breaks = [self._person_breaks(p) for p in range(len(instance.participants))]
        self.steps = self.improvements = 0

    def _person_breaks(self, p: int) -> int:
        slots = {s for s in range(len(self.instance.slots)) if (p, s) in self.busy}
        return participant_breaks(slots, self.instance.sessions)

    def _seed(self) -> list[int]:
        """Whom to start a group from: the people of a wanted unplaced request, or one with breaks."""
        wanted = [r for r in self.wanted if r not in self.slot_of]
        if wanted and self.rng.random() < 0.4:
            return list(self.instance.requests[self.rng.choice(wanted)].participants)
        people = range(len(self.instance.participants))
        with_breaks = [p for p in people if self.breaks[p] > 0]
        pool = with_breaks if with_breaks and self.rng.random() < 0.8 else list(people)
        return [self.rng.choice(pool)]

    def _group(self) -> set[int]:
        """The seed people and their meeting partners, breadth first, up to ``size`` people."""
        queue = deque(self._seed())
        group: set[int] = set()
        while queue and len(group) < self.size:
            p = queue.popleft()
            if p in group:
                continue
            group.add(p)
            partners = [q for r in self.instance.requests_of[p] if r in self.slot_of
                        for q in self.instance.requests[r].participants if q not in group]
            self.rng.shuffle(partners)
            queue.extend(partners)
        return group

    def run(self, deadline: float, step_seconds: float = 0.2, num_workers: int = 1) -> dict[int, int]:
        """Improve until ``deadline`` (a ``time.perf_counter()`` value); returns request -> slot."""
        if not self.instance.participants:
            return self.slot_of
        self.polish(deadline)
        while time.perf_counter() < deadline - 0.05 and not self._nothing_to_gain():
            limit = min(step_seconds, deadline - time.perf_counter())
            self.steps += 1
            self.improvements += self._step(self._group(), limit, num_workers)
        return self.slot_of

    def polish(self, deadline: float) -> dict[int, int]:
        """Single-meeting moves until none helps (or ``deadline``); returns request -> slot."""
        while time.perf_counter() < deadline and self._hill_climb(deadline):
            pass
        return self.slot_of

    def _hill_climb(self, deadline: float) -> bool:
        """One pass of single-meeting moves that lower total breaks without raising the maximum.

        Cheap (no solver): O(meetings * S * k * S) per pass; True if anything moved.
        """
        moved = False
        ceiling = max(self.breaks, default=0)
        for r in list(self.slot_of):
            if r in self.fixed or time.perf_counter() > deadline:
                continue
            people = self.instance.requests[r].participants
            before = sum(self.breaks[p] for p in people)
            home = self.slot_of[r]
            for s in self.candidates[r]:
                if s == home or self.per_slot[s] >= len(self.instance.tables) or any(
                        (p, s) in self.busy for p in people):
                    continue
                self._move(r, s)
                after = {p: self._person_breaks(p) for p in people}
                if sum(after.values()) < before and max(after.values()) <= ceiling:
                    for p, b in after.items():
                        self.breaks[p] = b
                    moved = True
                    break
                self._move(r, home)
        return moved

    def _nothing_to_gain(self) -> bool:
        return max(self.breaks) == 0 and all(r in self.slot_of for r in self.wanted)

    def _step(self, group: set[int], time_limit: float, num_workers: int) -> bool:
        requests = self.instance.requests
        freed = {r for p in group for r in self.instance.requests_of[p]
                 if r not in self.fixed and (r in self.slot_of or all(q in group for q in requests[r].participants))}
        if not freed:
            return False
        affected = {q for r in freed for q in requests[r].participants}
        sub = _Subproblem(self, freed, affected)
        found = sub.solve(time_limit, num_workers)
        if found is None:
            return False
        return self._apply(freed, affected, found, sub)

    def _apply(self, freed: set[int], affected: set[int], found: dict[int, int], sub: _Subproblem) -> bool:
        """Put ``found`` in place if it is lexicographically no worse; True if strictly better."""
        before = {r: self.slot_of[r] for r in freed if r in self.slot_of}
        old = (sum(self.weights[r] for r in before), -sum(self.breaks[p] for p in affected), -max(self.breaks))
        self._replace(before, found)
        new_person = {p: self._person_breaks(p) for p in affected}
        new_max = max(sub.outside_max, max(new_person.values(), default=0))
        new = (sum(self.weights[r] for r in found), -sum(new_person.values()), -new_max)
        if new < old:
            self._replace(found, before)
            return False
        for p, b in new_person.items():
            self.breaks[p] = b
        return new > old

    def _replace(self, current: Mapping[int, int], replacement: Mapping[int, int]) -> None:
        for r in current:
            self._move(r, None)
        for r, s in replacement.items():
            self._move(r, s)

    def _move(self, r: int, s: int | None) -> None:
        people = self.instance.requests[r].participants
        if r in self.slot_of:
            old = self.slot_of.pop(r)
            self.per_slot[old] -= 1
            for p in people:
                del self.busy[p, old]
        if s is not None:
            self.slot_of[r] = s
            self.per_slot[s] += 1
            for p in people:
                self.busy[p, s] = r


class _Subproblem:
    """The small CP-SAT model of one step; everything outside ``freed`` is held in place."""

    def __init__(self, search: NeighbourhoodSearch, freed: set[int], affected: set[int]) -> None:
        inst = search.instance
        self.model = model = cp_model.CpModel()
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        held = {(p, s) for (p, s), r in search.busy.items() if p in affected and r not in freed}
        table_free = [len(inst.tables) - n for n in search.per_slot]
        for r in freed:
            if r in search.slot_of:
                table_free[search.slot_of[r]] += 1
        count = {p: sum(1 for (q, _) in held if q == p) for p in affected}
        by_ps: dict[tuple[int, int], list] = {}
        for r in sorted(freed):
            people = inst.requests[r].participants
            if any(inst.participants[p].max_meetings is not None
                   and count[p] >= inst.participants[p].max_meetings for p in people):
                continue
            for s in search.candidates[r]:
                if table_free[s] > 0 and not any((p, s) in held for p in people):
                    v = self.x[r, s] = model.new_bool_var(f"x{r}_{s}")
                    model.add_hint(v, search.slot_of.get(r) == s)
                    for p in people:
                        by_ps.setdefault((p, s), []).append(v)
        self._constraints(inst, by_ps, count, table_free)
        self.outside_max = max((b for p, b in enumerate(search.breaks) if p not in affected), default=0)

        def busy_of(p: int, s: int) -> tuple[object, bool, bool]:
            if (p, s) in held:
                return 1, True, True
            vs = by_ps.get((p, s))
            return (cp_model.LinearExpr.sum(vs) if vs else 0), bool(vs), False

        enc = BreakEncoding(model, inst.sessions, sorted(affected), busy_of, search.horizon, self.outside_max)
        enc.hint(set(held) | {(p, s) for (r, s) in self.x if search.slot_of.get(r) == s
                              for p in inst.requests[r].participants},
                 max(search.breaks))
        big = enc.weight * (len(affected) * search.horizon + 1) + search.horizon + 1
        weight = cp_model.LinearExpr.weighted_sum(list(self.x.values()), [search.weights[r] for r, _ in self.x])
        model.maximize(big * weight - enc.objective)

    def _constraints(self, inst: Instance, by_ps: dict, count: dict, table_free: list[int]) -> None:
        by_request: dict[int, list] = {}
        by_slot: dict[int, list] = {}
        by_person: dict[int, list] = {}
        for (r, s), v in self.x.items():
            by_request.setdefault(r, []).append(v)
            by_slot.setdefault(s, []).append(v)
        for vs in by_request.values():
            self.model.add_at_most_one(vs)
        for (p, _), vs in by_ps.items():
            self.model.add_at_most_one(vs)
            by_person.setdefault(p, []).extend(vs)
        for p, vs in by_person.items():
            limit = inst.participants[p].max_meetings
            if limit is not None:
                self.model.add(cp_model.LinearExpr.sum(vs) <= limit - count[p])
        for s, vs in by_slot.items():
            if len(vs) > table_free[s]:
                self.model.add(cp_model.LinearExpr.sum(vs) <= table_free[s])

    def solve(self, time_limit: float, num_workers: int) -> dict[int, int] | None:
        """The new slots of the freed requests that are placed, or None without a solution."""
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.02, time_limit)
        solver.parameters.num_workers = num_workers
        status = solver.solve(self.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return {r: s for (r, s), v in self.x.items() if solver.boolean_value(v)}
