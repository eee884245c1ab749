"""The examples of docs/engines.md are what the engines' command lines really print."""
from __future__ import annotations

import json
import re
from pathlib import Path

from passerelle.matching.cli import main as matching_main
from passerelle.scheduling.cli import main as scheduling_main

DOC = (Path(__file__).resolve().parent.parent / "docs" / "engines.md").read_text(encoding="utf-8")


def json_blocks(section: str) -> list[str]:
    start = DOC.index(section)
    end = DOC.find("\n## ", start + 1)
    return re.findall(r"```json\n(.*?)```", DOC[start:end if end > 0 else None], flags=re.S)


def test_the_scheduling_example_output_is_what_solve_prints(tmp_path, capsys):
    instance, output = json_blocks("## Scheduling")[:2]
    path = tmp_path / "instance.json"
    path.write_text(instance, encoding="utf-8")

    assert scheduling_main(["solve", str(path), "--time-limit", "5"]) == 0

    printed, documented = json.loads(capsys.readouterr().out), json.loads(output)
    printed.pop("solve_seconds"), documented.pop("solve_seconds")
    assert printed == documented


def test_the_matching_example_scores_are_what_score_prints(tmp_path, capsys):
    documents, pairs, scores = json_blocks("## Matching")[:3]
    (tmp_path / "docs.jsonl").write_text(documents, encoding="utf-8")
    (tmp_path / "pairs.jsonl").write_text(pairs, encoding="utf-8")

    assert matching_main(["score", "--documents", str(tmp_path / "docs.jsonl"),
                          "--pairs", str(tmp_path / "pairs.jsonl")]) == 0

    assert capsys.readouterr().out.split() == scores.split()
