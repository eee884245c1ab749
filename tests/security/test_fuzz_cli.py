"""Random and broken input on the two engines' command lines (``python -m passerelle.matching``,
``python -m passerelle.scheduling``): exit 0 with valid JSON, or exit 2 with one ``error:``
line; never a traceback, and no output file left behind by a failed run."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.matching.cli import main as matching_main
from passerelle.scheduling.cli import main as scheduling_main

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
INSTANCE = {
    "slots": ["d1-09:00", "d1-09:20", "d1-09:40"],
    "sessions": [["d1-09:00", "d1-09:20", "d1-09:40"]],
    "tables": 2,
    "participants": [{"id": "p1", "unavailable": ["d1-09:20"], "max_meetings": 2}, {"id": "p2"}, {"id": "p3"}],
    "requests": [{"id": "r1", "participants": ["p1", "p2"], "weight": 3},
                 {"id": "r2", "participants": ["p2", "p3"], "slots": ["d1-09:40"]}],
    "fixed": [{"request": "r2", "slot": "d1-09:40", "table": 1}],
}
DOCUMENT = {"id": "a", "texts": ["glioblastoma radiomics"], "tags": {"sites": ["6"], "territory": "QC"}}


def mutated(base: dict) -> st.SearchStrategy:
    """The valid example with one key (top level or in a first list item) replaced or removed."""
    def mutate(choice: tuple[str, object, bool, bool]) -> dict:
        key, value, nested, remove = choice
        data = json.loads(json.dumps(base))
        target = data
        if nested and isinstance(data.get(key), list) and data[key] and isinstance(data[key][0], dict):
            target, key = data[key][0], next(iter(data[key][0]))
        if remove:
            target.pop(key, None)
        else:
            target[key] = value
        return data
    return st.tuples(st.sampled_from(sorted(base)), json_values, st.booleans(), st.booleans()).map(mutate)


def check_outcome(code: int, out: str, err: str, output: Path | None = None) -> None:
    assert "Traceback" not in err
    assert code in (0, 2), (code, err)
    if code == 2:
        assert err.startswith("error:") or err.startswith("usage:"), err
        if output is not None:
            assert not output.exists() or output.read_text() == "", "a failed run left a half-written file"


@FUZZ
@given(instance=mutated(INSTANCE) | json_values, command=st.sampled_from(["greedy", "solve"]))
def test_scheduling_cli_answers_any_instance(tmp_path, capsys, instance, command):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(instance), encoding="utf-8")
    output = tmp_path / "schedule.json"
    output.unlink(missing_ok=True)
    code = scheduling_main([command, str(path), "--time-limit", "0.5", "--workers", "1", "--out", str(output)])
    captured = capsys.readouterr()
    check_outcome(code, captured.out, captured.err, output)
    if code == 0:
        assert json.loads(output.read_text())["status"] in ("optimal", "feasible", "infeasible")


@FUZZ
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_scheduling_cli_answers_any_bytes(tmp_path, capsys, raw):
    path = tmp_path / "instance.json"
    path.write_bytes(raw)
    code = scheduling_main(["greedy", str(path)])
    captured = capsys.readouterr()
    check_outcome(code, captured.out, captured.err)


@FUZZ
@given(documents=st.lists(mutated(DOCUMENT) | json_values, min_size=1, max_size=4),
       pairs=st.lists(st.dictionaries(st.sampled_from(["a", "b", "x"]), json_values, max_size=3), max_size=3),
       command=st.sampled_from(["score", "top"]))
def test_matching_cli_answers_any_documents(tmp_path, capsys, documents, pairs, command):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    pairs_path = tmp_path / "pairs.jsonl"
    pairs_path.write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    output.unlink(missing_ok=True)
    args = ["score", "--documents", str(docs), "--pairs", str(pairs_path)] if command == "score" else \
        ["top", "--documents", str(docs), "--k", "2"]
    code = matching_main([*args, "--out", str(output)])
    captured = capsys.readouterr()
    check_outcome(code, captured.out, captured.err, output)
    if code == 0:
        assert all(json.loads(line) for line in output.read_text().splitlines())


@FUZZ
@given(raw=st.binary(max_size=200))
def test_matching_cli_answers_any_bytes(tmp_path, capsys, raw):
    docs = tmp_path / "docs.jsonl"
    docs.write_bytes(raw)
    code = matching_main(["top", "--documents", str(docs)])
    captured = capsys.readouterr()
    check_outcome(code, captured.out, captured.err)


@pytest.mark.parametrize("module", ["passerelle.matching", "passerelle.scheduling"])
def test_module_entry_points_report_usage_errors_without_traceback(module):
    result = subprocess.run([sys.executable, "-m", module, "no-such-command"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
