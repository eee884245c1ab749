"""The independent validator catches every broken rule (it judges the solvers, so it is tested first)."""
from passerelle.scheduling.validation import count_breaks, validate_schedule

from .instances import two_people

THREE = {"slots": ["a", "b", "c"], "tables": ["T1", "T2"],
         "participants": [{"id": "p1", "unavailable": ["c"], "max_meetings": 1}, {"id": "p2"}, {"id": "p3"}],
         "requests": [{"id": "r1", "participants": ["p1", "p2"], "weight": 2},
                      {"id": "r2", "participants": ["p2", "p3"], "slots": ["a"]},
                      {"id": "r3", "participants": ["p1", "p3"]}]}


def output(*meetings, **figures) -> dict:
    return {"status": "feasible", "meetings": [{"request": r, "slot": s, "table": t} for r, s, t in meetings],
            **figures}


def test_valid_schedule_has_no_problem():
    assert validate_schedule(THREE, output(("r1", "a", "T1"), ("r2", "a", "T2"))) == [
        "participant 'p2' is in 2 meetings in slot 'a'"]
    assert validate_schedule(THREE, output(("r1", "b", "T1"), ("r2", "a", "T2"), objective=3, breaks=0)) == []


def test_person_in_two_meetings_of_one_slot():
    problems = validate_schedule(THREE, output(("r1", "a", "T1"), ("r2", "a", "T2")))
    assert problems == ["participant 'p2' is in 2 meetings in slot 'a'"]


def test_unavailable_slot_and_disallowed_slot():
    assert validate_schedule(THREE, output(("r3", "c", "T1"))) == [
        "meeting of request 'r3' in slot 'c': participant 'p1' is unavailable"]
    assert validate_schedule(THREE, output(("r2", "b", "T1"))) == [
        "meeting of request 'r2' in slot 'b': slot not allowed for the request"]


def test_max_meetings_and_table_twice_and_request_twice():
    assert "participant 'p1' has 2 meetings, max_meetings is 1" in validate_schedule(
        THREE, output(("r1", "a", "T1"), ("r3", "b", "T1")))
    assert validate_schedule(THREE, output(("r1", "b", "T1"), ("r2", "a", "T1"))) == []
    assert validate_schedule(THREE, output(("r1", "b", "T1"), ("r3", "b", "T1")))[-1] == \
        "table 'T1' holds 2 meetings in slot 'b'"
    assert "request 'r1' scheduled 2 times" in validate_schedule(THREE, output(("r1", "a", "T1"), ("r1", "b", "T1")))


def test_unknown_items_are_reported():
    assert validate_schedule(THREE, output(("r9", "a", "T1"))) == [
        "meeting of request 'r9' in slot 'a': unknown request"]
    assert validate_schedule(THREE, output(("r1", "z", "T1"))) == ["meeting of request 'r1' in slot 'z': unknown slot"]
    assert validate_schedule(THREE, output(("r1", "a", 0))) == ["meeting of request 'r1' in slot 'a': unknown table 0"]


def test_fixed_meeting_moved_or_dropped():
    data = two_people(fixed=[{"request": "r1", "slot": "s2", "table": 0}])
    assert validate_schedule(data, output(("r1", "s1", 0))) == ["fixed meeting of request 'r1' was not kept"]
    assert validate_schedule(data, output()) == ["fixed meeting of request 'r1' was not kept"]
    assert validate_schedule(data, output(("r1", "s2", 0))) == []


def test_reported_figures_are_checked():
    assert validate_schedule(THREE, output(("r1", "b", "T1"), objective=5)) == [
        "objective 5 but the meetings weigh 2"]
    assert validate_schedule(THREE, output(("r1", "b", "T1"), objective=2, upper_bound=1)) == [
        "upper_bound 1 is below the objective 2"]
    assert validate_schedule(THREE, output(("r1", "b", "T1"), breaks=1)) == ["breaks 1 but the schedule has 0"]


def test_count_breaks_by_person():
    data = {"slots": ["a", "b", "c", "d"], "tables": 2,
            "participants": [{"id": "x"}, {"id": "y"}, {"id": "z"}],
            "requests": [{"id": "r1", "participants": ["x", "y"]}, {"id": "r2", "participants": ["x", "z"]}]}
    meetings = output(("r1", "a", 0), ("r2", "d", 0))["meetings"]
    assert count_breaks(data, meetings) == {"x": 1, "y": 0, "z": 0}
    data["sessions"] = [["a", "b"], ["c", "d"]]
    assert count_breaks(data, meetings) == {"x": 0, "y": 0, "z": 0}


def test_infeasible_output_lists_no_meeting():
    assert validate_schedule(THREE, {"status": "infeasible", "meetings": []}) == []
    assert validate_schedule(THREE, {"status": "infeasible", "meetings": [{"request": "r1", "slot": "a",
                                                                          "table": "T1"}]})
