"""Breaks counted on hand examples, by the library and by the solvers' reports."""
import pytest

from passerelle.scheduling import parse_instance, solve
from passerelle.scheduling.breaks import participant_breaks

ONE_SESSION = ((0, 1, 2, 3, 4, 5),)


@pytest.mark.parametrize(("busy", "expected"), [
    (set(), 0), ({3}, 0), ({1, 2}, 0), ({0, 2}, 1), ({0, 3}, 1), ({0, 2, 3, 5}, 2), ({0, 5}, 1),
    ({1, 3, 5}, 2), ({0, 1, 2, 3, 4, 5}, 0),
])
def test_breaks_in_one_session(busy, expected):
    assert participant_breaks(busy, ONE_SESSION) == expected


def test_idle_time_across_sessions_is_not_a_break():
    sessions = ((0, 1, 2), (3, 4, 5))
    assert participant_breaks({2, 3}, sessions) == 0
    assert participant_breaks({0, 5}, sessions) == 0
    assert participant_breaks({0, 2, 3, 5}, sessions) == 2


def test_solver_packs_meetings_without_breaks():
    data = {"slots": ["a", "b", "c", "d", "e"], "tables": 1,
            "participants": [{"id": h} for h in ("host", "v1", "v2", "v3")],
            "requests": [{"id": f"r{i}", "participants": ["host", f"v{i}"]} for i in (1, 2, 3)]}
    instance = parse_instance(data)
    result = solve(instance, time_limit=5).to_dict(instance)
    assert (result["status"], result["objective"], result["breaks"], result["max_breaks"]) == ("optimal", 3, 0, 0)


def test_solver_reports_unavoidable_break():
    data = {"slots": ["a", "b", "c"], "tables": 1,
            "participants": [{"id": "host"}, {"id": "v1"}, {"id": "v2"}],
            "requests": [{"id": "r1", "participants": ["host", "v1"], "slots": ["a"]},
                         {"id": "r2", "participants": ["host", "v2"], "slots": ["c"]}]}
    instance = parse_instance(data)
    result = solve(instance, time_limit=5).to_dict(instance)
    assert (result["objective"], result["breaks"], result["max_breaks"]) == (2, 1, 1)
