"""Every request placed: minimise breaks with all meetings as hard constraints, and prove a bound.

Used when a schedule placing every request exists (found here or by phase 1) and every weight is
positive: the weight is then the largest possible whatever the weights, so the weight objective
disappears and the model only has to arrange meetings in time.

Variables: ``x[r, s]`` per open (request, slot) pair, exactly one per request, at most one per
person and slot, at most the free tables per slot (tables are interchangeable, assigned
afterwards); ``busy[p, s]`` is the linear sum of p's variables at ``s``. Breaks: per session,
``after[p, s] >= busy[p, s]``, ``after[p, s] >= after[p, s+1]`` (p meets at ``s`` or later) and
``gap[p, s] >= busy[p, s-1] - busy[p, s] + after[p, s+1] - 1`` (a break starts at ``s``), lower
bounds only since breaks are minimised. Redundant: each person's breaks are at least their
single-person bound (``person_bounds.py``), which CP-SAT's own relaxation cannot see.

Measured choice: the run-counting ("blocks") encoding of ``blocks.py`` is exact and is what the
single-person bounds use, but as the main model it made CP-SAT's local search find good
schedules slower (forum-shaped event of 67 people, 232 meetings, 19 slots, 10 s, 2 workers:
12-40 breaks left with blocks, 0-1 with this chain; see docs/scheduling.md).

Two stages on the same model:

1. minimise total breaks; CP-SAT's proven lower bound (or the sum of the single-person bounds)
   is ``breaks_lower_bound``;
2. with total breaks fixed at the best found, minimise the largest breaks of one person.

Example::

    model = AllPlacedModel(instance, reduced)
    slot_of, status = model.place_all(time_limit=5, hint=greedy)
    model.add_person_bounds(person_lower_bounds(instance, reduced))
    result = model.minimise_breaks(time_limit=20, hint=slot_of)
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .breaks import max_breaks_possible
from .model import Instance
from .reduction import Reduced


@dataclass
class AllPlacedResult:
    """What a stage gave: best schedule (request -> slot) or None, its value, the proven bound."""

    slot_of: dict[int, int] | None
    value: int
    bound: int
    proven: bool
    seconds: float
    best_at: float
    phase: dict = field(default_factory=dict)


class SolutionTimer(cp_model.CpSolverSolutionCallback):
    """Remembers when the last improving solution was found (seconds since it was made)."""

    def __init__(self) -> None:
        super().__init__()
        self.start = time.perf_counter()
        self.best_at = 0.0

    def on_solution_callback(self) -> None:
        self.best_at = time.perf_counter() - self.start


class AllPlacedModel:
    """The model described in the module docstring, for one instance."""

    def __init__(self, instance: Instance, reduced: Reduced, num_workers: int = 2) -> None:
        self.instance = instance
        self.reduced = reduced
        self.num_workers = num_workers
        self.model = model = cp_model.CpModel()
        self.x = {pair: model.new_bool_var(f"x{pair[0]}_{pair[1]}") for pair in reduced.pairs}
        by_request: dict[int, list] = defaultdict(list)
        by_slot: dict[int, list] = defaultdict(list)
        for (r, s), v in self.x.items():
            by_request[r].append(v)
            by_slot[s].append(v)
        for r in range(len(instance.requests)):
            if r not in reduced.fixed_slot:
                model.add_exactly_one(by_request.get(r, []))
        for s, vs in by_slot.items():
            if reduced.free_tables[s] < len(vs):
                model.add(cp_model.LinearExpr.sum(vs) <= reduced.free_tables[s])
        self.busy: dict[tuple[int, int], object] = {}
        for (p, s), idx in reduced.by_person_slot.items():
            vs = [self.x[reduced.pairs[i]] for i in idx]
            if len(vs) > 1:
                model.add_at_most_one(vs)
            self.busy[p, s] = vs[0] if len(vs) == 1 else cp_model.LinearExpr.sum(vs)
        for key in reduced.fixed_busy:
            self.busy[key] = 1
        self.person_breaks: list = []
        self.max_breaks = model.new_int_var(0, max_breaks_possible(instance), "max_breaks")
        for p in range(len(instance.participants)):
            gaps = [gap for k, session in enumerate(instance.sessions)
                    for gap in _gap_chain(model, [self.busy.get((p, s), 0) for s in session], f"{p}_{k}")]
            expr = cp_model.LinearExpr.sum(gaps)
            if gaps:
                model.add(expr <= self.max_breaks)
            self.person_breaks.append(expr)
        self.total = cp_model.LinearExpr.sum(self.person_breaks)
        self.floor = 0

    def add_person_bounds(self, person_bounds: Mapping[int, int]) -> None:
        """Post ``breaks of p >= person_bounds[p]`` (redundant, proven by ``person_bounds.py``)."""
        for p, bound in person_bounds.items():
            if bound > 0:
                self.model.add(self.person_breaks[p] >= bound)
        self.floor = max(self.floor, sum(person_bounds.values()))

    def place_all(self, time_limit: float, hint: Mapping[int, int]) -> tuple[dict[int, int] | None, str]:
        """Any schedule placing every request, no objective: (schedule or None, CP-SAT status name)."""
        self.model.clear_objective()
        result = self._solve("place every request", time_limit, hint)
        return result.slot_of, result.phase["status"]

    def _hint(self, slot_of: Mapping[int, int]) -> None:
        self.model.clear_hints()
        for (r, s), v in self.x.items():
            self.model.add_hint(v, slot_of.get(r) == s)

    def _read(self, solver: cp_model.CpSolver) -> dict[int, int]:
        slot_of = dict(self.reduced.fixed_slot)
        for (r, s), v in self.x.items():
            if solver.boolean_value(v):
                slot_of[r] = s
        return slot_of

    def _solve(self, name: str, time_limit: float, hint: Mapping[int, int], core: bool = False) -> AllPlacedResult:
        self._hint(hint)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, time_limit)
        solver.parameters.num_workers = self.num_workers
        if core:
            # The full-problem worker searches on unsatisfiable cores (raising the lower bound as
            # MaxSAT solvers do) instead of the default LP search; the LNS and local-search workers
            # still run interleaved. Measured: better bounds, schedules as good (docs/scheduling.md).
            solver.parameters.subsolvers.extend(["core", "default_lp"])
        timer = SolutionTimer()
        status = solver.solve(self.model, timer)
        seconds = time.perf_counter() - timer.start
        found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        has_objective = self.model.has_objective()
        value = round(solver.objective_value) if found and has_objective else -1
        bound = round(solver.best_objective_bound) if has_objective and status != cp_model.INFEASIBLE else -1
        phase = {"phase": name, "status": solver.status_name(status).lower(), "objective": value,
                 "bound": bound, "seconds": round(seconds, 3), "best_at": round(timer.best_at, 3)}
        return AllPlacedResult(self._read(solver) if found else None, value, bound,
                               status == cp_model.OPTIMAL, seconds, timer.best_at, phase)

    def minimise_breaks(self, time_limit: float, hint: Mapping[int, int]) -> AllPlacedResult:
        """Stage 1: fewest total breaks; ``bound`` is a proven lower bound on them."""
        self.model.minimize(self.total)
        result = self._solve("breaks (all placed)", time_limit, hint, core=True)
        result.bound = max(result.bound, self.floor)
        return result

    def minimise_largest(self, time_limit: float, total: int, hint: Mapping[int, int]) -> AllPlacedResult:
        """Stage 2: total breaks fixed at ``total``, fewest breaks for the worst-off person."""
        self.model.add(self.total == total)
        self.model.minimize(self.max_breaks)
        return self._solve("largest breaks (all placed)", time_limit, hint)


def _gap_chain(model: cp_model.CpModel, busy: list, name: str) -> list:
    """Break-start booleans of one session: ``after[i] >= busy[i]``, ``after[i] >= after[i+1]``,
    ``gap[i] >= busy[i-1] - busy[i] + after[i+1] - 1`` (lower bounds only: breaks are minimised)."""
    possible = [not (isinstance(b, int) and not b) for b in busy]
    if sum(possible) < 2:
        return []
    gaps = []
    after_next = None
    for i in range(len(busy) - 1, -1, -1):
        b = busy[i]
        if after_next is not None and i > 0 and possible[i - 1] and not (isinstance(b, int) and b):
            gap = model.new_bool_var(f"gap{name}_{i}")
            model.add(gap >= busy[i - 1] - b + after_next - 1)
            gaps.append(gap)
        if not any(possible[i:]):
            continue
        after = model.new_bool_var(f"after{name}_{i}")
        if possible[i]:
            model.add(after >= b)
        if after_next is not None:
            model.add(after >= after_next)
        after_next = after
    return gaps
