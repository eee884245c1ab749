"""Lower bounds on breaks, one participant at a time, when every request must be placed.

Alone, participant ``p`` must still hold each of their meetings in a distinct slot among that
meeting's open slots (allowed, everyone available, nobody held by a fixed meeting, a table
free), plus their fixed meetings. The fewest breaks of that small problem, ignoring everyone
else, is a lower bound on ``p``'s breaks in any schedule that places every request, so the sum
over participants bounds the total. Example: someone unavailable at the 3rd of 6 morning slots
with 5 morning meetings must have a break.

Each bound is a tiny exact CP-SAT model (one boolean per meeting and open slot, the run counting
of ``blocks.py``); people who can obviously meet in one run per session are
skipped (bound 0).

Example::

    bounds = person_lower_bounds(instance, reduced, time_limit=2.0)   # {p: breaks >= bounds[p]}
"""
from __future__ import annotations

import math
import time
from collections import defaultdict

from ortools.sat.python import cp_model

from .blocks import session_breaks
from .model import Instance
from .reduction import Reduced


def person_lower_bounds(instance: Instance, reduced: Reduced, time_limit: float = 2.0) -> dict[int, int]:
    """Participant index -> a proven lower bound on their breaks (only people with a positive bound)."""
    deadline = time.perf_counter() + time_limit
    slots_of: dict[int, list[int]] = defaultdict(list)
    for r, s in reduced.pairs:
        slots_of[r].append(s)
    bounds: dict[int, int] = {}
    for p in range(len(instance.participants)):
        if time.perf_counter() > deadline:
            break
        options = [tuple(slots_of[r]) for r in instance.requests_of[p]
                   if r not in reduced.fixed_slot and slots_of.get(r)]
        held = {s for (q, s) in reduced.fixed_busy if q == p}
        if len(options) + len(held) < 2:
            continue
        bound = single_person_bound(instance.sessions, options, held, max(0.01, deadline - time.perf_counter()))
        if bound:
            bounds[p] = bound
    return bounds


def single_person_bound(sessions: tuple[tuple[int, ...], ...], options: list[tuple[int, ...]],
                        held: set[int], time_limit: float) -> int:
    """Fewest breaks of one person whose meetings take distinct slots among ``options``; 0 if unknown."""
    model = cp_model.CpModel()
    by_slot: dict[int, list] = defaultdict(list)
    for k, slots in enumerate(options):
        xs = [model.new_bool_var(f"x{k}_{s}") for s in slots]
        model.add_exactly_one(xs)
        for s, v in zip(slots, xs, strict=True):
            by_slot[s].append(v)
    for s, vs in by_slot.items():
        if s in held:
            for v in vs:
                model.add(v == 0)
        elif len(vs) > 1:
            model.add_at_most_one(vs)
    breaks = []
    for k, session in enumerate(sessions):
        busy: list = []
        for s in session:
            if s in held:
                busy.append(1)
            elif by_slot.get(s):
                b = model.new_bool_var(f"b{s}")
                model.add(b == cp_model.LinearExpr.sum(by_slot[s]))
                busy.append(b)
            else:
                busy.append(0)
        breaks.append(session_breaks(model, busy, f"_{k}"))
    if not breaks:
        return 0
    model.minimize(cp_model.LinearExpr.sum(breaks))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return 0  # the caller only asks when a full schedule exists; be safe anyway
    return max(0, math.ceil(solver.best_objective_bound - 1e-6))

