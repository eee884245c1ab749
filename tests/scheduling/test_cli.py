"""The command line: JSON out, bad input named on stderr with exit code 2, never a traceback."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from passerelle.scheduling.cli import main

from .instances import two_people


def write(tmp_path: Path, data) -> str:
    path = tmp_path / "instance.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def test_solve_writes_the_documented_json(tmp_path, capsys):
    out = tmp_path / "out.json"
    assert main(["solve", write(tmp_path, two_people()), "--time-limit", "5", "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert {"status", "objective", "upper_bound", "breaks", "breaks_lower_bound", "meetings",
            "solve_seconds"} <= set(result)
    assert result["status"] == "optimal"
    assert [(m["request"], m["table"]) for m in result["meetings"]] == [("r1", 0)]


def test_table_ids_are_written_when_tables_are_a_list(tmp_path, capsys):
    assert main(["solve", write(tmp_path, two_people(tables=["Salon A"])), "--time-limit", "5"]) == 0
    assert json.loads(capsys.readouterr().out)["meetings"][0]["table"] == "Salon A"


BAD_INPUTS = [
    ("{not json", "malformed JSON"),
    (two_people(requests=[{"id": "r1", "participants": ["p1", "p9"]}]), "request 'r1': unknown participant 'p9'"),
    (two_people(participants=[{"id": "p1"}, {"id": "p1"}]), "participant 'p1': duplicate participant id"),
    (two_people(requests=[{"id": "r1", "participants": ["p1", "p2"]}] * 2), "request 'r1': duplicate request id"),
    (two_people(slots=["s1", "s1"]), "slot 's1': duplicate slot id"),
    (two_people(participants=[{"id": "p1", "unavailable": ["s9"]}, {"id": "p2"}]), "unknown slot 's9'"),
    (two_people(requests=[{"id": "r1", "participants": ["p1", "p2"], "slots": ["zz"]}]),
     "request 'r1': unknown slot 'zz'"),
    (two_people(requests=[{"id": "r1", "participants": ["p1", "p2"], "weight": "high"}]),
     "request 'r1': weight must be"),
    (two_people(tables="many"), "'tables' must be a list"),
    (two_people(participants=[{"id": "p1", "max_meetings": -1}, {"id": "p2"}]), "participant 'p1': max_meetings"),
    (two_people(fixed=[{"request": "r9", "slot": "s1"}]), "unknown request 'r9'"),
    (two_people(fixed=[{"request": "r1", "slot": "s1", "table": 5}]), "unknown table 5"),
    (two_people(participants=[{"id": "p1", "unavailable": ["s1"]}, {"id": "p2"}],
                fixed=[{"request": "r1", "slot": "s1"}]), "participant 'p1' is unavailable then"),
    (two_people(requests=[{"id": "r1", "participants": ["p1", "p2"], "slots": ["s2"]}],
                fixed=[{"request": "r1", "slot": "s1"}]), "not among the request's allowed slots"),
    (two_people(requests=[{"id": "r1", "participants": ["p1", "p2"]}, {"id": "r2", "participants": ["p2", "p1"]}],
                fixed=[{"request": "r1", "slot": "s1"}, {"request": "r2", "slot": "s1"}]),
     "participant 'p2' is already fixed in request 'r1' at that slot"),
    (two_people(fixed=[{"request": "r1", "slot": "s1"}, {"request": "r1", "slot": "s2"}]), "is fixed twice"),
    ([1, 2], "must be a JSON object"),
]


@pytest.mark.parametrize(("data", "message"), BAD_INPUTS)
def test_bad_input_names_the_item_and_exits_2(tmp_path, capsys, data, message):
    assert main(["solve", write(tmp_path, data)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_missing_file_and_bad_time_limit_exit_2(tmp_path, capsys):
    assert main(["solve", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["solve", write(tmp_path, two_people()), "--time-limit", "-1"]) == 2


def test_module_entry_point_in_a_subprocess(tmp_path):
    path = write(tmp_path, two_people(requests=[{"id": "r1", "participants": ["p1", "ghost"]}]))
    run = subprocess.run([sys.executable, "-m", "passerelle.scheduling", "solve", path],
                         capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 2
    assert run.stderr.strip() == "error: request 'r1': unknown participant 'ghost'"


def test_jointly_infeasible_fixed_part_is_status_infeasible(tmp_path, capsys):
    data = two_people(participants=[{"id": "p1", "max_meetings": 1}, {"id": "p2"}, {"id": "p3"}],
                      requests=[{"id": "r1", "participants": ["p1", "p2"]}, {"id": "r2", "participants": ["p1", "p3"]}],
                      fixed=[{"request": "r1", "slot": "s1"}, {"request": "r2", "slot": "s2"}])
    assert main(["solve", write(tmp_path, data)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "infeasible"
    assert result["meetings"] == []
    assert "participant 'p1' has 2 fixed meetings, max_meetings is 1" in result["message"]
