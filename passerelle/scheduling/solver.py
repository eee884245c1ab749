"""Solve an instance: greedy warm start, CP-SAT phases, bounds, and a valid answer whatever happens.

Steps: refuse jointly infeasible fixed meetings (``status: infeasible``); run the greedy
baseline; phase 1 (CP-SAT, hinted by greedy) maximises weight; phase 2 keeps that weight and
minimises breaks then the largest breaks of one person. ``time_limit`` covers everything and is
split: about 45 % for phase 1, the rest for phase 2 (phase 1 returns early when proven optimal).
The best valid schedule found is always returned, greedy's at worst.

Example::

    solution = solve(parse_instance(data), time_limit=30)
    solution.to_dict(instance)["status"]   # "optimal" | "feasible" | "infeasible"
"""
from __future__ import annotations

import time
from collections import Counter

from .bounds import lp_bound, trivial_bound
from .cpsat import ScheduleModel
from .greedy import greedy_slots
from .model import Instance, Solution
from .solution import build_solution
from .weights import bound_in_units

PHASE1_SHARE = 0.45
LP_SHARE = 0.15
SAFETY_SECONDS = 0.5


def fixed_conflicts(instance: Instance) -> list[str]:
    """Rules that the fixed meetings break together (too many for a person or for a slot)."""
    per_person = Counter(p for f in instance.fixed for p in instance.requests[f.request].participants)
    per_slot = Counter(f.slot for f in instance.fixed)
    problems = []
    for p, n in sorted(per_person.items()):
        person = instance.participants[p]
        if person.max_meetings is not None and n > person.max_meetings:
            problems.append(f"participant {person.id!r} has {n} fixed meetings, max_meetings is {person.max_meetings}")
    for s, n in sorted(per_slot.items()):
        if n > len(instance.tables):
            problems.append(f"slot {instance.slots[s]!r} has {n} fixed meetings for {len(instance.tables)} tables")
    return problems


def solve(instance: Instance, time_limit: float = 30.0, num_workers: int = 2) -> Solution:
    """The best schedule found within ``time_limit`` seconds (wall clock, all phases)."""
    start = time.perf_counter()
    conflicts = fixed_conflicts(instance)
    if conflicts:
        return Solution(status="infeasible", message="; ".join(conflicts),
                        solve_seconds=time.perf_counter() - start)
    greedy = greedy_slots(instance)
    schedule = ScheduleModel(instance, num_workers=num_workers)
    phases: list[dict] = []
    best, proven, bound = _phase_weight(schedule, greedy, start, time_limit, phases)
    remaining = time_limit - (time.perf_counter() - start) - SAFETY_SECONDS
    final, breaks_proven = best, False
    if schedule.x and remaining > 0.05:
        found, result = schedule.minimise_breaks(remaining, schedule.scaled_weight(best), best)
        phases.append(result.as_dict())
        if found is not None and schedule.scaled_weight(found) >= schedule.scaled_weight(best):
            final, breaks_proven = found, result.status == "optimal"
    elif not schedule.x:
        breaks_proven = True
    status = "optimal" if proven and breaks_proven else "feasible"
    solution = build_solution(instance, final, status=status, upper_bound=bound,
                              solve_seconds=time.perf_counter() - start)
    solution.upper_bound = max(solution.upper_bound, solution.objective)
    solution.phases = phases
    return solution


def _phase_weight(schedule: ScheduleModel, greedy: dict[int, int], start: float, time_limit: float,
                  phases: list[dict]) -> tuple[dict[int, int], bool, float]:
    """Phase 1: (best request -> slot map, weight proven optimal?, upper bound in weight units)."""
    instance = schedule.instance
    bound = trivial_bound(instance, schedule.reduced)
    greedy_weight = sum(instance.requests[r].weight for r in greedy)
    if not schedule.x or greedy_weight >= bound:
        return greedy, True, greedy_weight
    budget = max(0.1, (time_limit - (time.perf_counter() - start)) * PHASE1_SHARE)
    found, result = schedule.maximise_weight(budget, hint=greedy)
    phases.append(result.as_dict())
    best = greedy
    if found is not None and schedule.scaled_weight(found) > schedule.scaled_weight(greedy):
        best = found
    best_weight = sum(instance.requests[r].weight for r in best)
    if result.status == "optimal" and schedule.exact_scale:
        return best, True, best_weight
    n = len(instance.requests)
    bound = min(bound, bound_in_units(result.bound, schedule.scale, schedule.exact_scale, n))
    if bound > best_weight:
        lp = lp_bound(instance, time_limit=max(0.5, time_limit * LP_SHARE))
        if lp is not None:
            bound = min(bound, lp)
    return best, bound <= best_weight, bound
