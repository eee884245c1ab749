"""Invariants on generated instances, and optimality against brute force on tiny ones."""
import itertools

from hypothesis import HealthCheck, given, settings

from passerelle.scheduling import fixed_conflicts, greedy_schedule, parse_instance, solve, validate_schedule
from passerelle.scheduling.validation import count_breaks

from .instances import instances

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(instances())
def test_solver_and_greedy_always_give_valid_schedules(data):
    instance = parse_instance(data)
    result = solve(instance, time_limit=2).to_dict(instance)
    if fixed_conflicts(instance):
        assert result["status"] == "infeasible" and result["meetings"] == []
        return
    assert result["status"] in ("optimal", "feasible")
    assert validate_schedule(data, result) == []
    baseline = greedy_schedule(instance).to_dict(instance)
    assert validate_schedule(data, baseline) == []
    assert result["objective"] >= baseline["objective"] - 1e-9


@FAST
@given(instances())
def test_fixed_meetings_never_move(data):
    instance = parse_instance(data)
    result = solve(instance, time_limit=2).to_dict(instance)
    if result["status"] == "infeasible":
        return
    placed = {m["request"]: m for m in result["meetings"]}
    for f in data["fixed"]:
        assert placed[f["request"]]["slot"] == f["slot"]
        if "table" in f:
            assert placed[f["request"]]["table"] == f["table"]


def _give_tables(data: dict, meetings: list[dict]) -> None:
    """Tables are interchangeable: fixed meetings keep theirs, the others take free ones in order."""
    ids = list(range(data["tables"])) if isinstance(data["tables"], int) else list(data["tables"])
    wanted = {f["request"]: f.get("table") for f in data["fixed"]}
    for slot in data["slots"]:
        here = [m for m in meetings if m["slot"] == slot]
        taken = {wanted.get(m["request"]) for m in here} - {None}
        free = iter(t for t in ids if t not in taken)
        for m in here:
            m["table"] = wanted.get(m["request"]) if wanted.get(m["request"]) is not None else next(free)


def brute_force(data: dict) -> tuple[float, int, int] | None:
    """Best (weight, -breaks, -max breaks) over every assignment of requests to slots or nothing."""
    options = [[None, *data["slots"]] for _ in data["requests"]]
    tables = data["tables"] if isinstance(data["tables"], int) else len(data["tables"])
    best = None
    for choice in itertools.product(*options):
        meetings = [{"request": r["id"], "slot": s} for r, s in zip(data["requests"], choice, strict=True) if s]
        per_slot = {s: sum(1 for m in meetings if m["slot"] == s) for s in data["slots"]}
        if any(n > tables for n in per_slot.values()):
            continue
        _give_tables(data, meetings)
        if validate_schedule(data, {"status": "feasible", "meetings": meetings}):
            continue
        breaks = count_breaks(data, meetings)
        key = (sum(r.get("weight", 1) for r, s in zip(data["requests"], choice, strict=True) if s),
               -sum(breaks.values()), -max(breaks.values(), default=0))
        best = key if best is None or key > best else best
    return best


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_slots=4, max_people=4, max_requests=5))
def test_small_instances_match_brute_force(data):
    instance = parse_instance(data)
    if fixed_conflicts(instance):
        return
    # the brute force keeps fixed meetings too: its validator rejects assignments that move them
    result = solve(instance, time_limit=10).to_dict(instance)
    expected = brute_force(data)
    assert result["status"] == "optimal"
    got = (result["objective"], -result["breaks"], -result["max_breaks"])
    assert abs(got[0] - expected[0]) < 1e-9 and got[1:] == expected[1:]
