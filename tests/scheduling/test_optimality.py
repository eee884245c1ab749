"""Proving small events optimal: the bound on the weight grid, phase 2 run twice on one model, and
schedules with no break reported optimal (zero breaks is a lower bound by itself)."""
from __future__ import annotations

from passerelle.scheduling import parse_instance, solve, validate_schedule
from passerelle.scheduling.bounds import lp_bound
from passerelle.scheduling.breaks import schedule_breaks
from passerelle.scheduling.cpsat import ScheduleModel
from passerelle.scheduling.greedy import greedy_slots


def triangle(weight: float) -> dict:
    """Three people who all want to meet each other, one slot: only one meeting fits."""
    return {"slots": ["a"], "tables": 3, "participants": [{"id": p} for p in ("p0", "p1", "p2")],
            "requests": [{"id": f"r{i}", "participants": pair, "weight": weight}
                         for i, pair in enumerate((["p0", "p1"], ["p1", "p2"], ["p0", "p2"]))]}


def test_the_lp_bound_drops_to_the_grid_of_the_weights():
    # The LP takes every request at one half: 2.25; schedules weigh multiples of 1.5, so 1.5 holds.
    assert lp_bound(parse_instance(triangle(1.5))) == 1.5
    assert lp_bound(parse_instance(triangle(1.0))) == 1.0
    mixed = triangle(1.5)
    mixed["requests"][0]["weight"] = 1.0  # multiples of 0.5 now: the LP's 2.0 stays
    assert lp_bound(parse_instance(mixed)) == 2.0


def test_a_half_point_weight_optimum_is_reported_optimal():
    instance = parse_instance(triangle(1.5))
    result = solve(instance, time_limit=5).to_dict(instance)
    assert (result["objective"], result["upper_bound"], result["status"]) == (1.5, 1.5, "optimal")


def test_phase_two_may_run_again_from_a_better_hint():
    data = {"slots": ["a", "b", "c", "d"], "tables": 2, "participants": [{"id": f"p{i}"} for i in range(4)],
            "requests": [{"id": "r1", "participants": ["p0", "p1"]}, {"id": "r2", "participants": ["p0", "p2"]},
                         {"id": "r3", "participants": ["p1", "p3"]}]}
    instance = parse_instance(data)
    model = ScheduleModel(instance, num_workers=1)
    hint, _ = model.maximise_weight(5, hint=greedy_slots(instance))
    first, result_1 = model.minimise_breaks(5, model.scaled_weight(hint), hint)
    again, result_2 = model.minimise_breaks(5, model.scaled_weight(first), first)
    assert (result_1.status, result_2.status) == ("optimal", "optimal")
    assert sum(schedule_breaks(instance, again)) == 0 and len(again) == 3


def test_a_dense_small_event_with_a_compact_schedule_is_proven_optimal():
    """Every person meets everyone of the other side (3 × 3) in 4 slots with 3 tables: greedy
    leaves gaps, CP-SAT's bound on breaks stays at zero, and the answer is proven by reaching it."""
    left, right = ["a0", "a1", "a2"], ["b0", "b1", "b2"]
    data = {"slots": [f"s{i}" for i in range(4)], "tables": 3,
            "participants": [{"id": p} for p in left + right] + [{"id": "late", "unavailable": ["s0", "s1"]}],
            "requests": [{"id": f"{a}{b}", "participants": [a, b]} for a in left for b in right]
            + [{"id": "late-a0", "participants": ["late", "a0"]}]}
    instance = parse_instance(data)
    result = solve(instance, time_limit=20).to_dict(instance)
    assert validate_schedule(data, result) == []
    assert (result["objective"], result["breaks"], result["status"]) == (10, 0, "optimal")
