"""The command line: happy paths and clear errors (file, line, field; exit status 2)."""

import json
import subprocess
import sys

import pytest

from passerelle.matching.cli import main

DOCS = [
    {"id": "a", "texts": ["glioblastoma MRI radiomics"], "tags": {"territory": "QC", "sites": ["6"]}},
    {"id": "b", "texts": ["radiomics of glioblastoma on MRI"], "tags": {"territory": "AURA", "sites": ["6"]}},
    {"id": "c", "texts": ["breast cancer screening economics"], "tags": {"territory": "AURA"}},
]


def _write_lines(path, rows):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.fixture
def docs(tmp_path):
    return _write_lines(tmp_path / "docs.jsonl", DOCS)


def test_score_prints_one_line_per_pair_in_order(tmp_path, docs, capsys):
    pairs = _write_lines(tmp_path / "pairs.jsonl", [{"a": "a", "b": "c"}, {"a": "a", "b": "b"}, {"a": "b", "b": "a"}])
    assert main(["score", "--documents", docs, "--pairs", pairs]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["a"], r["b"]) for r in lines] == [("a", "c"), ("a", "b"), ("b", "a")]
    assert lines[1]["score"] > lines[0]["score"]
    assert lines[1]["score"] == pytest.approx(lines[2]["score"])


def test_top_gives_each_document_its_best_with_reasons(tmp_path, docs):
    out = tmp_path / "top.jsonl"
    assert main(["top", "--documents", docs, "--k", "1", "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in lines] == ["a", "b", "c"]
    assert lines[0]["top"][0]["id"] == "b"
    reason = lines[0]["top"][0]["reasons"][0]
    assert set(reason) == {"component", "contribution", "text", "evidence"}


def test_top_any_territory_flag(tmp_path, docs, capsys):
    assert main(["top", "--documents", docs, "--k", "5", "--any-territory"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[1])
    assert {s["id"] for s in first["top"]} == {"a", "c"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{not json", "docs.jsonl:2: invalid JSON"),
        (json.dumps({"texts": ["x"]}), "docs.jsonl:2: missing field 'id'"),
        (json.dumps({"id": "z", "texts": [3]}), "docs.jsonl:2: field 'texts' must hold only strings"),
        (json.dumps({"id": "z", "tags": {"sites": "6", "cso": {"x": 1}}}), "(field 'tags.cso')"),
        (json.dumps({"id": "a", "texts": ["again"]}), "docs.jsonl:2: field 'id': duplicate id 'a' (first on line 1)"),
    ],
)
def test_malformed_document_line_exits_2_naming_line_and_field(tmp_path, capsys, line, expected):
    docs = _write_lines(tmp_path / "docs.jsonl", [DOCS[0], line])
    assert main(["top", "--documents", docs]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err


def test_unknown_id_in_pairs_exits_2(tmp_path, docs, capsys):
    pairs = _write_lines(tmp_path / "pairs.jsonl", [{"a": "a", "b": "b"}, {"a": "a", "b": "nobody"}])
    assert main(["score", "--documents", docs, "--pairs", pairs]) == 2
    assert "pairs.jsonl:2: field 'b': unknown document id 'nobody'" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["top", "--documents", str(tmp_path / "absent.jsonl")]) == 2
    assert "cannot open" in capsys.readouterr().err


def test_module_entry_point_runs_without_traceback(tmp_path, docs):
    bad = _write_lines(tmp_path / "pairs.jsonl", [{"a": "a"}])
    run = subprocess.run([sys.executable, "-m", "passerelle.matching", "score", "--documents", docs, "--pairs", bad],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "pairs.jsonl:1: missing field 'b'" in run.stderr
    assert "Traceback" not in run.stderr
