"""Every request placed: minimise breaks with all meetings as hard constraints, and prove a bound.

Used when phase 1 has placed every request (so the weight is optimal by itself, whatever the
weights): the weight objective disappears and the model only has to arrange meetings in time.

Variables: ``x[r, s]`` per open (request, slot) pair, exactly one per request; ``busy[p, s]``
equals the sum of p's variables at ``s`` (at most one); breaks are counted as runs
(``blocks.py``): ``start[p, s] = busy[p, s] and not busy[p, s-1]``, breaks of p in a session
``= sum start - any``. Per-slot table capacity (tables are interchangeable, assigned
afterwards). Redundant constraints that help the proof: each person's breaks are at least
their single-person bound (``person_bounds.py``). Objective, in two stages on the same model:

1. minimise total breaks; CP-SAT's proven lower bound becomes ``breaks_lower_bound``;
2. with total breaks fixed at the best found, minimise the largest breaks of one person
   (fairness), proven when its bound is reached.

Example::

    model = AllPlacedModel(instance, reduced)
    model.add_person_bounds(person_lower_bounds(instance, reduced))
    result = model.minimise_breaks(time_limit=20, hint=slot_of)
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .blocks import session_breaks
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


class _Timer(cp_model.CpSolverSolutionCallback):
    """Remembers when the last improving solution was found."""

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
            if len(vs) == 1:
                self.busy[p, s] = vs[0]
            else:
                b = model.new_bool_var(f"busy{p}_{s}")
                model.add(b == cp_model.LinearExpr.sum(vs))
                self.busy[p, s] = b
        for key in reduced.fixed_busy:
            self.busy[key] = 1
        self.person_breaks: list = []
        self.max_breaks = model.new_int_var(0, max_breaks_possible(instance), "max_breaks")
        for p in range(len(instance.participants)):
            terms = []
            for k, session in enumerate(instance.sessions):
                expr = session_breaks(model, [self.busy.get((p, s), 0) for s in session], f"{p}_{k}")
                if not isinstance(expr, int):
                    count = model.new_int_var(0, (len(session) - 1) // 2, f"breaks{p}_{k}")
                    model.add(count == expr)
                    terms.append(count)
            expr = cp_model.LinearExpr.sum(terms)
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

    def _solve(self, name: str, time_limit: float, hint: Mapping[int, int]) -> AllPlacedResult:
        self._hint(hint)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, time_limit)
        solver.parameters.num_workers = self.num_workers
        timer = _Timer()
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
        result = self._solve("breaks (all placed)", time_limit, hint)
        result.bound = max(result.bound, self.floor)
        return result

    def minimise_largest(self, time_limit: float, total: int, hint: Mapping[int, int]) -> AllPlacedResult:
        """Stage 2: total breaks fixed at ``total``, fewest breaks for the worst-off person."""
        self.model.add(self.total == total)
        self.model.minimize(self.max_breaks)
        return self._solve("largest breaks (all placed)", time_limit, hint)
