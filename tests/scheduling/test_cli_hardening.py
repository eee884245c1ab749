"""Hostile inputs to the command line: a clear one-line error and exit 2, never a traceback;
reading stays linear in the input (issue #17, finding 10)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from passerelle.scheduling.cli import main
from passerelle.scheduling.parsing import MAX_TABLES, InstanceError, load_instance, parse_instance

from .instances import two_people


def write(tmp_path: Path, text: str, name: str = "instance.json") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def with_weight(raw_weight: str) -> str:
    """The two-people instance with a weight written verbatim (numbers json.dumps cannot write)."""
    return json.dumps(two_people()).replace('"participants": ["p1", "p2"]}',
                                            f'"participants": ["p1", "p2"], "weight": {raw_weight}}}')


HOSTILE = [
    (with_weight("1e300"), "weight must be a number between 0 and"),
    (with_weight(str(10**30)), "weight must be a number between 0 and"),
    (with_weight("9" * 4000), "4000-digit number"),
    (with_weight("9" * 5000), "malformed JSON"),
    (with_weight("1e400"), "weight must be a number between 0 and"),
    (with_weight("NaN"), "weight must be a number between 0 and"),
    (json.dumps(two_people(tables=10**18)), "number of tables must be between 0 and"),
    (json.dumps(two_people(tables=-3)), "number of tables must be between 0 and"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    (json.dumps(two_people(participants=[{"id": "p1"}, {"id": "p2"}, {"id": "\ud800"}])), "lone surrogate"),
    (json.dumps(two_people(slots=["s1", "\udfff"])), "lone surrogate"),
    (json.dumps(two_people(tables=["A", "\ud800"])), "lone surrogate"),
]


@pytest.mark.parametrize(("text", "message"), HOSTILE)
def test_hostile_instances_exit_2_with_a_clear_error(tmp_path, capsys, text, message):
    assert main(["solve", write(tmp_path, text), "--time-limit", "1"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err and err.count("\n") == 1 and len(err) < 300


def test_a_lone_surrogate_in_a_request_id_is_refused():
    data = two_people(requests=[{"id": "r\ud800", "participants": ["p1", "p2"]}])
    with pytest.raises(InstanceError, match="lone surrogate"):
        load_instance(json.dumps(data))


@pytest.mark.parametrize("limit", ["nan", "inf", "-inf", "-1", "0", "1e308", "soon"])
def test_time_limits_that_are_not_positive_finite_numbers_are_refused(tmp_path, capsys, limit):
    assert main(["solve", write(tmp_path, json.dumps(two_people())), f"--time-limit={limit}"]) == 2
    err = capsys.readouterr().err
    assert "--time-limit" in err and "Traceback" not in err


def test_workers_out_of_range_are_refused(tmp_path, capsys):
    assert main(["solve", write(tmp_path, json.dumps(two_people())), "--workers=100000"]) == 2
    assert "--workers" in capsys.readouterr().err


@pytest.mark.parametrize("schedule", ["[]", '"valid"', "3", '{"meetings": 5}', '{"meetings": [[1]]}',
                                      '{"meetings": [{"request": ["r1"], "slot": "s1", "table": 0}]}',
                                      '{"meetings": [], "breaks": "two"}', "[" * 50_000])
def test_validate_refuses_a_schedule_that_is_not_an_output_object(tmp_path, capsys, schedule):
    instance = write(tmp_path, json.dumps(two_people()))
    assert main(["validate", instance, write(tmp_path, schedule, "schedule.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err


def test_validate_refuses_an_instance_that_is_not_an_object(tmp_path, capsys):
    schedule = write(tmp_path, '{"meetings": []}', "schedule.json")
    assert main(["validate", write(tmp_path, "[1, 2]"), schedule]) == 2
    assert "must be a JSON object" in capsys.readouterr().err


def test_validate_still_judges_a_well_formed_schedule(tmp_path, capsys):
    instance = write(tmp_path, json.dumps(two_people()))
    good = {"status": "feasible", "meetings": [{"request": "r1", "slot": "s1", "table": 0}]}
    bad = {"status": "feasible", "meetings": [{"request": "r1", "slot": "s1", "table": 7}]}
    assert main(["validate", instance, write(tmp_path, json.dumps(good), "good.json")]) == 0
    assert main(["validate", instance, write(tmp_path, json.dumps(bad), "bad.json")]) == 1


class CountedId(str):
    """A table id that counts how often it is compared for equality."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        CountedId.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_reading_many_table_ids_is_linear():
    """60,000 table ids used to take 45 s: each id was counted in the whole list (n² comparisons).
    Counted without a clock: reading n ids may compare a few times n, never n²."""
    n = 2_000
    CountedId.comparisons = 0
    parse_instance(two_people(tables=[CountedId(f"t{i}") for i in range(n)]))
    assert CountedId.comparisons < 10 * n


def test_too_many_table_ids_are_refused():
    with pytest.raises(InstanceError, match="at most"):
        load_instance(json.dumps(two_people(tables=list(range(MAX_TABLES + 1)))))


def test_duplicate_table_ids_are_still_named():
    with pytest.raises(InstanceError, match="table 'A': duplicate table id"):
        load_instance(json.dumps(two_people(tables=["A", "B", "A"])))
