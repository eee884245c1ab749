"""Solve an instance: greedy warm start, CP-SAT phases, bounds, and a valid answer whatever happens.

Steps: refuse jointly infeasible fixed meetings (``status: infeasible``); run the greedy
baseline. Small events (at most ``FULL_MODEL_PAIRS`` open request-slot pairs, or
``ALL_PLACED_PAIRS`` when every request may fit):

- *every request may fit* (each has an open slot, nobody has more requests than
  ``max_meetings``, all weights positive): the all-placed model (``all_placed.py``) looks for a
  schedule placing them all (at most ``PLACE_ALL_SHARE`` of the time). Found: the weight is the
  largest possible, so the rest of the time goes to breaks only: single-person lower bounds
  (``person_bounds.py``), cheap single-meeting moves, then CP-SAT minimises breaks with every
  meeting hard and proves a lower bound, then the largest breaks of one person.
- otherwise phase 1 (CP-SAT, hinted by greedy) maximises weight (about 45 % of the time); if
  it places everything, the all-placed path above follows; else phase 2 keeps that weight and
  minimises breaks then the largest breaks of one person: a short exact attempt, the
  neighbourhood search (stopping once nobody has a break), then the exact model again.

Large events: the selection model (``selection.py``) gives the bound and the wanted requests,
greedy places them first, and the neighbourhood search (``decomposition.py``) improves until
the deadline. The best valid schedule found is always returned, greedy's at worst.

``status: optimal`` means: the weight is proven maximal, the breaks equal a proven lower bound
among schedules of that weight (``breaks_lower_bound``), and the largest breaks of one person is
proven minimal among schedules of that weight and those breaks.

Example::

    solution = solve(parse_instance(data), time_limit=30)
    solution.to_dict(instance)["status"]   # "optimal" | "feasible" | "infeasible"
"""
from __future__ import annotations

import math
import time
from collections import Counter

from .all_placed import AllPlacedModel
from .bounds import lp_bound, trivial_bound
from .breaks import schedule_breaks
from .cpsat import ScheduleModel
from .decomposition import NeighbourhoodSearch
from .greedy import greedy_slots
from .model import Instance, Solution
from .person_bounds import person_lower_bounds
from .reduction import Reduced, reduce_instance
from .selection import select_requests
from .solution import build_solution
from .weights import bound_in_units

PHASE1_SHARE = 0.45
LP_SHARE = 0.15
SELECTION_SHARE = 0.15
FULL_MODEL_PAIRS = 6000
ALL_PLACED_PAIRS = 12000  # events where every request may fit take the exact path up to this size
LNS_SHARE_EXACT = 0.7
QUICK_BREAKS_SECONDS = 1.0  # the first exact attempt at phase 2 (proves tiny events)
QUICK_BREAKS_SHARE = 0.15
SAFETY_SECONDS = 0.5
PLACE_ALL_SHARE = 0.25  # of the time limit, to find a schedule placing every request (else phase 1 as usual)
PERSON_BOUNDS_SECONDS = 2.0
ALL_PLACED_BREAKS_SHARE = 0.97  # of what is left; the rest for the fairness stage once breaks are proven


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


def solve(instance: Instance, time_limit: float = 30.0, num_workers: int = 2, seed: int = 0) -> Solution:
    """The best schedule found within ``time_limit`` seconds (wall clock, all phases).

    Small events (at most ``FULL_MODEL_PAIRS`` open request-slot pairs) get the exact CP-SAT
    phases; larger ones the decomposition (selection, then neighbourhood search).
    """
    start = time.perf_counter()
    conflicts = fixed_conflicts(instance)
    if conflicts:
        return Solution(status="infeasible", message="; ".join(conflicts),
                        solve_seconds=time.perf_counter() - start)
    greedy = greedy_slots(instance)
    reduced = reduce_instance(instance)
    if len(reduced.pairs) <= FULL_MODEL_PAIRS or (len(reduced.pairs) <= ALL_PLACED_PAIRS
                                                  and _may_place_all(instance, reduced)):
        final, status, bound, lower, phases = _solve_exact(instance, greedy, reduced, start, time_limit,
                                                           num_workers)
    else:
        final, status, bound, phases = _solve_large(instance, greedy, reduced, start, time_limit, seed)
        lower = 0
    solution = build_solution(instance, final, status=status, upper_bound=bound,
                              solve_seconds=time.perf_counter() - start)
    solution.breaks_lower_bound = min(lower, solution.breaks)
    solution.upper_bound = max(solution.upper_bound, solution.objective)
    solution.phases = phases
    return solution


def _solve_exact(instance: Instance, greedy: dict[int, int], reduced: Reduced, start: float, time_limit: float,
                 num_workers: int) -> tuple[dict[int, int], str, float, int, list[dict]]:
    """CP-SAT on the full model: phase 1 (weight) then phase 2 (breaks, fairness).

    Returns (schedule, status, weight bound, proven lower bound on breaks, phases). When phase 1
    placed every request (all weights positive), the weight is optimal by itself and phase 2 is
    the all-placed model of ``all_placed.py`` instead.
    """
    phases: list[dict] = []
    if _may_place_all(instance, reduced):
        model = AllPlacedModel(instance, reduced, num_workers)
        tick = time.perf_counter()
        placed, status = model.place_all(max(0.1, (time_limit - (tick - start)) * PLACE_ALL_SHARE), greedy)
        phases.append({"phase": "place every request", "status": status,
                       "seconds": round(time.perf_counter() - tick, 3)})
        if placed is not None:
            bound = float(sum(r.weight for r in instance.requests))
            final, status, lower = _solve_all_placed(instance, reduced, placed, start, time_limit, model, phases)
            return final, status, bound, lower, phases
    schedule = ScheduleModel(instance, num_workers=num_workers)
    best, proven, bound = _phase_weight(schedule, greedy, start, time_limit, phases)
    if _places_everything(instance, best):
        model = AllPlacedModel(instance, reduced, num_workers)
        final, status, lower = _solve_all_placed(instance, reduced, best, start, time_limit, model, phases)
        return final, status, bound, lower, phases
    final, breaks_proven, lower = best, not schedule.x, 0
    if schedule.x:
        final, breaks_proven = _phase_breaks(schedule, best, start, time_limit, phases)
        lower = _breaks_floor(schedule, phases)
    if breaks_proven:
        lower = sum(schedule_breaks(instance, final))
    return final, ("optimal" if proven and breaks_proven else "feasible"), bound, lower, phases


def _may_place_all(instance: Instance, reduced: Reduced) -> bool:
    """Placing every request may be possible and would be weight-optimal: all weights positive,
    each request fixed or with an open slot, nobody's ``max_meetings`` below their number of
    requests (the all-placed model has no such limit)."""
    if any(r.weight <= 0 for r in instance.requests):
        return False
    if any(person.max_meetings is not None and len(instance.requests_of[p]) > person.max_meetings
           for p, person in enumerate(instance.participants)):
        return False
    return {r for r, _ in reduced.pairs} | set(reduced.fixed_slot) == set(range(len(instance.requests)))


def _places_everything(instance: Instance, slot_of: dict[int, int]) -> bool:
    """Every request placed and none weighs zero (a zero-weight one may be better left out)."""
    return len(slot_of) == len(instance.requests) and all(r.weight > 0 for r in instance.requests)


def _breaks_floor(schedule: ScheduleModel, phases: list[dict]) -> int:
    """The best lower bound on breaks proven by the phase-2 solves (their objective is K * breaks + max)."""
    if schedule.breaks_encoding is None:
        return 0
    bounds = [p["bound"] for p in phases if p["phase"] == "breaks" and p["status"] in ("optimal", "feasible")]
    return max((int(math.floor(b + 1e-6)) // schedule.breaks_encoding.weight for b in bounds), default=0)


def _fewer_breaks(instance: Instance, a: dict[int, int], b: dict[int, int]) -> dict[int, int]:
    """The better of two schedules of equal weight: fewer breaks, then a smaller largest number."""
    def key(slot_of: dict[int, int]) -> tuple[int, int]:
        breaks = schedule_breaks(instance, slot_of)
        return sum(breaks), max(breaks, default=0)
    return b if key(b) < key(a) else a


def _solve_all_placed(instance: Instance, reduced: Reduced, best: dict[int, int], start: float,
                      time_limit: float, model: AllPlacedModel, phases: list[dict]) -> tuple[dict[int, int], str, int]:
    """Every request placed: (schedule, status, proven lower bound on breaks).

    Single-person bounds first (``person_bounds.py``), cheap single-meeting moves for a better
    hint, then the all-placed model minimises breaks and proves its bound; when the breaks are
    proven and the largest breaks of one person is above its own bound, a second stage minimises
    it at that number of breaks. ``optimal`` = every request placed (so the weight is the
    largest possible), breaks equal to the proven bound, and the largest breaks of one person
    proven minimal among such schedules.
    """
    def remaining() -> float:
        return time_limit - (time.perf_counter() - start) - SAFETY_SECONDS

    tick = time.perf_counter()
    bounds = person_lower_bounds(instance, reduced, max(0.05, min(PERSON_BOUNDS_SECONDS, remaining() * 0.1)))
    lower = sum(bounds.values())
    polished = NeighbourhoodSearch(instance, best).polish(time.perf_counter() + min(1.0, max(0.0, remaining()) * 0.05))
    best = _fewer_breaks(instance, best, polished)
    breaks = schedule_breaks(instance, best)
    found_at = time.perf_counter() - start
    phases.append({"phase": "single-person bounds and moves", "status": "feasible", "bound": lower,
                   "objective": sum(breaks), "seconds": round(time.perf_counter() - tick, 3)})
    model.add_person_bounds(bounds)
    if sum(breaks) > lower and remaining() > 0.1:
        tick = time.perf_counter()
        result = model.minimise_breaks(remaining() * ALL_PLACED_BREAKS_SHARE, best)
        phases.append(result.phase)
        if result.slot_of is not None and _fewer_breaks(instance, best, result.slot_of) is result.slot_of:
            best, found_at = result.slot_of, tick - start + result.best_at
        lower = max(lower, result.bound)
        breaks = schedule_breaks(instance, best)
    breaks_proven = sum(breaks) <= lower
    largest_floor = max([*bounds.values(), 1 if sum(breaks) else 0, -(-sum(breaks) // max(1, len(breaks)))])
    fair_proven = max(breaks, default=0) <= largest_floor
    if breaks_proven and not fair_proven and remaining() > 0.1:
        tick = time.perf_counter()
        result = model.minimise_largest(remaining(), sum(breaks), best)
        phases.append(result.phase)
        if result.slot_of is not None and _fewer_breaks(instance, best, result.slot_of) is result.slot_of:
            best, found_at = result.slot_of, tick - start + result.best_at
        fair_proven = result.proven or max(schedule_breaks(instance, best), default=0) <= max(largest_floor,
                                                                                              result.bound)
    phases.append({"phase": "all placed", "status": "optimal" if breaks_proven and fair_proven else "feasible",
                   "breaks_lower_bound": min(lower, sum(breaks)), "found_at": round(found_at, 3),
                   "seconds": round(time.perf_counter() - start, 3)})
    return best, ("optimal" if breaks_proven and fair_proven else "feasible"), min(lower, sum(breaks))


def _phase_breaks(schedule: ScheduleModel, best: dict[int, int], start: float, time_limit: float,
                  phases: list[dict]) -> tuple[dict[int, int], bool]:
    """Phase 2 at phase 1's weight: (schedule, breaks and fairness proven optimal?).

    CP-SAT's lower bound on breaks stays at zero on dense events (its relaxation spreads meetings
    fractionally), so proofs come from *finding* a schedule whose breaks meet the bound: zero
    breaks is optimal by itself. Hence three steps: a short exact attempt (tiny events are proven
    there), the neighbourhood search, which finds low-break schedules far faster than one big
    model, stopping as soon as nobody has a break, then the exact model again, hinted by it.
    """
    instance = schedule.instance

    def remaining() -> float:
        return time_limit - (time.perf_counter() - start) - SAFETY_SECONDS

    if not sum(schedule_breaks(instance, best)):
        return best, True
    best, proven = _try_breaks(schedule, best, min(QUICK_BREAKS_SECONDS, remaining() * QUICK_BREAKS_SHARE), phases)
    if proven or not sum(schedule_breaks(instance, best)):
        return best, True
    if remaining() > 0.5:
        tick = time.perf_counter()
        search = NeighbourhoodSearch(instance, best)
        improved = search.run(deadline=tick + remaining() * LNS_SHARE_EXACT)
        phases.append({"phase": "neighbourhood search", "status": "feasible", "steps": search.steps,
                       "improvements": search.improvements, "seconds": round(time.perf_counter() - tick, 3)})
        if _key(schedule, improved) >= _key(schedule, best):
            best = improved
        if not sum(schedule_breaks(instance, best)):
            return best, True
    if remaining() > 0.05:
        best, proven = _try_breaks(schedule, best, remaining(), phases)
    return best, proven or not sum(schedule_breaks(instance, best))


def _try_breaks(schedule: ScheduleModel, hint: dict[int, int], budget: float,
                phases: list[dict]) -> tuple[dict[int, int], bool]:
    """One exact phase-2 solve hinted by ``hint``: (the better of the two, proven optimal?)."""
    if budget <= 0.05:
        return hint, False
    found, result = schedule.minimise_breaks(budget, schedule.scaled_weight(hint), hint)
    phases.append(result.as_dict())
    if found is not None and _key(schedule, found) >= _key(schedule, hint):
        return found, result.status == "optimal"
    return hint, False


def _key(schedule: ScheduleModel, slot_of: dict[int, int]) -> tuple[int, int, int]:
    """Lexicographic quality: weight, then fewer breaks, then a smaller largest number of breaks."""
    breaks = schedule_breaks(schedule.instance, slot_of)
    return schedule.scaled_weight(slot_of), -sum(breaks), -max(breaks, default=0)


def _lexicographic_key(instance: Instance, slot_of: dict[int, int]) -> tuple[float, int]:
    return sum(instance.requests[r].weight for r in slot_of), -sum(schedule_breaks(instance, slot_of))


def _solve_large(instance: Instance, greedy: dict[int, int], reduced: Reduced, start: float,
                 time_limit: float, seed: int) -> tuple[dict[int, int], str, float, list[dict]]:
    """Selection (HiGHS) for the bound and the wanted requests, then neighbourhood search."""
    phases: list[dict] = []
    tick = time.perf_counter()
    chosen, bound, proven = select_requests(instance, reduced, time_limit * SELECTION_SHARE, set(greedy))
    bound = min(bound, trivial_bound(instance, reduced))
    phases.append({"phase": "selection", "status": "optimal" if proven else "feasible", "bound": bound,
                   "seconds": round(time.perf_counter() - tick, 3)})
    tick = time.perf_counter()
    placed = greedy_slots(instance, first=chosen)
    best = max(greedy, placed, key=lambda slot_of: _lexicographic_key(instance, slot_of))
    search = NeighbourhoodSearch(instance, best, seed=seed, wanted=chosen)
    best = search.run(deadline=start + time_limit - SAFETY_SECONDS)
    phases.append({"phase": "neighbourhood search", "status": "feasible", "steps": search.steps,
                   "improvements": search.improvements, "seconds": round(time.perf_counter() - tick, 3)})
    return best, "feasible", bound, phases


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
