"""The CP-SAT model of the meeting schedule, solved in lexicographic phases.

Variables: one boolean ``x[r, s]`` per request ``r`` and candidate slot ``s`` (allowed, all
participants available, none of them in a fixed meeting then, a table still free). Tables are
interchangeable, so there are no per-table variables (that would only multiply symmetric
solutions): a per-slot capacity stands for them and ``solution.assign_tables`` names the tables
afterwards. Fixed meetings are constants.

Constraints: each request at most once; each participant at most once per slot; at most
``max_meetings`` (minus the fixed ones) per participant, with the implied aggregate
``sum x <= min(max_meetings, free slots)``; at most the free tables per slot.

Phase 1 maximises the (integer-scaled) weight. Phase 2 keeps ``weight >= phase-1 best`` and
minimises ``K * total breaks + largest breaks of one person`` with ``K`` above any person's
possible breaks, i.e. breaks then fairness, exactly lexicographic. Breaks (see ``breaks.py``):
``later[p, s]`` means "p meets at s or after in the session" (only bounded below: minimisation
makes it exact); a break starts at ``s`` when ``busy[s-1] - busy[s] + later[s+1] - 1 >= 1``.

Example::

    model = ScheduleModel(instance)
    slot_of, phase = model.maximise_weight(time_limit=10, hint=greedy_slots(instance))
"""
from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .break_model import BreakEncoding, busy_pairs
from .breaks import max_breaks_possible, schedule_breaks
from .model import Instance
from .reduction import reduce_instance
from .weights import integer_weights

STATUS_NAMES = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible",
                cp_model.INFEASIBLE: "infeasible", cp_model.MODEL_INVALID: "invalid",
                cp_model.UNKNOWN: "unknown"}


@dataclass
class PhaseResult:
    """What one CP-SAT phase gave: its status name, objective and bound (scaled), seconds."""

    name: str
    status: str
    objective: float
    bound: float
    seconds: float

    def as_dict(self) -> dict:
        """Plain dict for the JSON output."""
        return {"phase": self.name, "status": self.status, "objective": self.objective,
                "bound": self.bound, "seconds": round(self.seconds, 3)}


class ScheduleModel:
    """The CP-SAT model of one instance; phases are solved one after the other on it."""

    def __init__(self, instance: Instance, num_workers: int = 2, only: set[int] | None = None) -> None:
        self.instance = instance
        self.num_workers = num_workers
        self.weights, self.scale, self.exact_scale = integer_weights([r.weight for r in instance.requests])
        self.model = cp_model.CpModel()
        self.reduced = reduce_instance(instance, only)
        self.fixed_slot = self.reduced.fixed_slot
        self.fixed_busy = self.reduced.fixed_busy
        self.x = {pair: self.model.new_bool_var(f"x{pair[0]}_{pair[1]}") for pair in self.reduced.pairs}
        self.by_person_slot = {key: [self.x[self.reduced.pairs[i]] for i in idx]
                               for key, idx in self.reduced.by_person_slot.items()}
        self._add_constraints()
        self.weight_expr = cp_model.LinearExpr.weighted_sum(list(self.x.values()), [self.weights[r] for r, _ in self.x])
        self.fixed_weight = sum(self.weights[r] for r in self.fixed_slot)
        self.breaks_encoding: BreakEncoding | None = None
        self.min_weight = -1

    def _add_constraints(self) -> None:
        by_request: dict[int, list] = defaultdict(list)
        by_slot: dict[int, list] = defaultdict(list)
        by_person: dict[int, list] = defaultdict(list)
        for (r, s), v in self.x.items():
            by_request[r].append(v)
            by_slot[s].append(v)
        for vs in by_request.values():
            if len(vs) > 1:
                self.model.add_at_most_one(vs)
        for (p, _), vs in self.by_person_slot.items():
            by_person[p].extend(vs)
            if len(vs) > 1:
                self.model.add_at_most_one(vs)
        # implied: a person meets at most min(limit, open slots) times
        for p, cap in self.reduced.person_caps(self.instance).items():
            if cap < len(by_person[p]):
                self.model.add(cp_model.LinearExpr.sum(by_person[p]) <= cap)
        for s, vs in by_slot.items():
            if self.reduced.free_tables[s] < len(vs):
                self.model.add(cp_model.LinearExpr.sum(vs) <= self.reduced.free_tables[s])

    def _solve(self, name: str, time_limit: float) -> tuple[cp_model.CpSolver, PhaseResult]:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, time_limit)
        solver.parameters.num_workers = self.num_workers
        start = time.perf_counter()
        status = solver.solve(self.model)
        has_solution = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        result = PhaseResult(name, STATUS_NAMES.get(status, "unknown"),
                             solver.objective_value if has_solution else 0.0,
                             solver.best_objective_bound, time.perf_counter() - start)
        return solver, result

    def _read_slots(self, solver: cp_model.CpSolver) -> dict[int, int]:
        slot_of = dict(self.fixed_slot)
        for (r, s), v in self.x.items():
            if solver.boolean_value(v):
                slot_of[r] = s
        return slot_of

    def _hint(self, slot_of: Mapping[int, int]) -> None:
        self.model.clear_hints()
        for (r, s), v in self.x.items():
            self.model.add_hint(v, slot_of.get(r) == s)

    def scaled_weight(self, slot_of: Mapping[int, int]) -> int:
        """The integer-scaled weight of a schedule."""
        return sum(self.weights[r] for r in slot_of)

    def maximise_weight(self, time_limit: float, hint: Mapping[int, int] | None = None,
                        known_bound: float | None = None) -> tuple[dict[int, int] | None, PhaseResult]:
        """Phase 1. Returns (request -> slot or None if no solution, result); bound is scaled.

        ``known_bound`` (weight units, proven elsewhere) is added as an implied constraint, so
        the search stops as soon as a schedule reaches it.
        """
        if known_bound is not None and self.exact_scale:
            self.model.add(self.weight_expr <= math.floor(known_bound * self.scale + 1e-6) - self.fixed_weight)
        self.model.maximize(self.weight_expr)
        if hint:
            self._hint(hint)
        solver, result = self._solve("weight", time_limit)
        result.objective += self.fixed_weight
        result.bound += self.fixed_weight
        if result.status not in ("optimal", "feasible"):
            return None, result
        return self._read_slots(solver), result

    def _busy_of(self, p: int, s: int) -> tuple[object, bool, bool]:
        if (p, s) in self.fixed_busy:
            return 1, True, True
        vs = self.by_person_slot.get((p, s), [])
        return (cp_model.LinearExpr.sum(vs) if vs else 0), bool(vs), False

    def minimise_breaks(self, time_limit: float, min_weight: int, hint: Mapping[int, int]
                        ) -> tuple[dict[int, int] | None, PhaseResult]:
        """Phase 2: weight >= ``min_weight`` (scaled, fixed included), then breaks, then fairness.

        The objective is ``K * breaks + max_breaks``; the result's objective and bound use it.
        May be called again (e.g. after a neighbourhood search found a better hint): the break
        encoding is built once, a higher ``min_weight`` only adds its constraint.
        """
        instance = self.instance
        if self.breaks_encoding is None:
            self.breaks_encoding = BreakEncoding(self.model, instance.sessions, range(len(instance.participants)),
                                                 self._busy_of, max_breaks_possible(instance))
            self.model.minimize(self.breaks_encoding.objective)
        if min_weight > self.min_weight:
            self.model.add(self.weight_expr >= min_weight - self.fixed_weight)
            self.min_weight = min_weight
        self._hint(hint)
        self.breaks_encoding.hint(busy_pairs(instance.requests, hint), max(schedule_breaks(instance, hint), default=0))
        solver, result = self._solve("breaks", time_limit)
        if result.status not in ("optimal", "feasible"):
            return None, result
        return self._read_slots(solver), result
