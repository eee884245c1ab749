"""Forum-shaped events where every meeting fits: the all-placed model, its proven lower bound on
breaks, and the optimum checked by brute force on tiny ones."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from ortools.sat.python import cp_model

from passerelle.scheduling import parse_instance, solve, validate_schedule
from passerelle.scheduling.blocks import session_breaks
from passerelle.scheduling.breaks import participant_breaks, schedule_breaks
from passerelle.scheduling.person_bounds import single_person_bound

from .instances import forums, small_forum


def brute_force_all_placed(data: dict) -> tuple[int, int]:
    """(fewest breaks, then fewest for the worst-off person) over every placement of every meeting."""
    instance = parse_instance(data)
    options = [instance.candidate_slots(r) for r in range(len(instance.requests))]
    best = None
    for choice in itertools.product(*options):
        per_slot: dict[int, int] = {}
        busy: set[tuple[int, int]] = set()
        ok = True
        for r, s in enumerate(choice):
            per_slot[s] = per_slot.get(s, 0) + 1
            for p in instance.requests[r].participants:
                ok = ok and (p, s) not in busy and per_slot[s] <= len(instance.tables)
                busy.add((p, s))
        if not ok:
            continue
        breaks = schedule_breaks(instance, dict(enumerate(choice)))
        key = (sum(breaks), max(breaks, default=0))
        best = key if best is None or key < best else best
    assert best is not None, "the generator only draws events where every meeting fits"
    return best


@pytest.mark.parametrize("seed", range(12))
def test_small_forums_reach_the_brute_force_optimum_and_prove_it(seed):
    data = small_forum(seed)
    instance = parse_instance(data)
    result = solve(instance, time_limit=10).to_dict(instance)
    assert validate_schedule(data, result) == []
    assert len(result["meetings"]) == len(data["requests"])
    assert (result["breaks"], result["max_breaks"]) == brute_force_all_placed(data)
    assert result["status"] == "optimal"
    assert result["breaks_lower_bound"] == result["breaks"]


def test_some_small_forums_have_unavoidable_breaks():
    """The brute-force test above would be weak if every optimum were zero."""
    assert any(brute_force_all_placed(small_forum(seed))[0] > 0 for seed in range(12))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forums())
def test_generated_forums_are_valid_fully_placed_and_bounded(data):
    instance = parse_instance(data)
    result = solve(instance, time_limit=3).to_dict(instance)
    assert validate_schedule(data, result) == []
    assert len(result["meetings"]) == len(data["requests"])
    assert 0 <= result["breaks_lower_bound"] <= result["breaks"]
    if result["status"] == "optimal":
        assert result["breaks_lower_bound"] == result["breaks"]


def test_an_unavailable_middle_slot_forces_a_proven_break():
    """p0 meets four people in a four-slot morning but misses the second slot: one break at
    least, which the single-person bound proves without any search."""
    slots = ["a", "b", "c", "d", "e"]
    data = {"slots": slots, "sessions": [slots], "tables": 4,
            "participants": [{"id": "p0", "unavailable": ["b"]}] + [{"id": f"q{i}"} for i in range(4)],
            "requests": [{"id": f"r{i}", "participants": ["p0", f"q{i}"]} for i in range(4)]}
    instance = parse_instance(data)
    result = solve(instance, time_limit=10).to_dict(instance)
    assert validate_schedule(data, result) == []
    assert (result["breaks"], result["breaks_lower_bound"], result["status"]) == (1, 1, "optimal")


def test_the_single_person_bound_counts_forced_breaks():
    sessions = ((0, 1, 2, 3, 4),)
    # three meetings, slots 0, 2, 4 only: two breaks whatever happens
    assert single_person_bound(sessions, [(0, 2, 4)] * 3, set(), 5) == 2
    # held at slot 0, one meeting at 1 or 3: no break needed
    assert single_person_bound(sessions, [(1, 3)], {0}, 5) == 0
    # held at 0 and 4, one meeting anywhere in between: at least one break remains
    assert single_person_bound(sessions, [(1, 2, 3)], {0, 4}, 5) == 1


@pytest.mark.parametrize("pattern", list(itertools.product((0, 1), repeat=5)))
def test_the_run_counting_equals_the_break_count(pattern):
    """For every busy pattern of a 5-slot session, fixed through variables or constants, the
    blocks expression evaluates to exactly the breaks ``participant_breaks`` counts."""
    model = cp_model.CpModel()
    busy: list = []
    for i, value in enumerate(pattern):
        if i % 2:
            busy.append(value)  # constants on odd slots, variables fixed by constraints elsewhere
        else:
            v = model.new_bool_var(f"b{i}")
            model.add(v == value)
            busy.append(v)
    expr = session_breaks(model, busy, "t")
    target = participant_breaks({i for i, v in enumerate(pattern) if v}, (tuple(range(5)),))
    for sense in (model.minimize, model.maximize):
        sense(expr)
        solver = cp_model.CpSolver()
        assert solver.solve(model) == cp_model.OPTIMAL
        assert round(solver.objective_value) == target


def test_fixed_meetings_stay_when_everything_is_placed():
    data = small_forum(3)
    unavailable = {p["id"]: set(p["unavailable"]) for p in data["participants"]}
    first = data["requests"][0]
    slot = next(s for s in (first.get("slots") or data["slots"])
                if all(s not in unavailable[p] for p in first["participants"]))
    data["fixed"] = [{"request": first["id"], "slot": slot, "table": 1}]
    instance = parse_instance(data)
    result = solve(instance, time_limit=10).to_dict(instance)
    assert validate_schedule(data, result) == []
    assert len(result["meetings"]) == len(data["requests"])
    placed = {m["request"]: m for m in result["meetings"]}
    assert (placed[first["id"]]["slot"], placed[first["id"]]["table"]) == (slot, 1)
