"""Security finding 11 of issue 17: ``top --workers 300`` must not fork hundreds of processes.
The number of processes is capped at the number of blocks and at the machine's CPUs."""

import json

import pytest

from passerelle.matching import build_index, engine
from passerelle.matching.cli import main
from passerelle.matching.engine import worker_count

DOCS = [{"id": f"d{i}", "texts": [f"glioma radiomics cohort {i} MRI"], "tags": {"territory": "QC" if i % 2 else "AURA"}}
        for i in range(40)]


@pytest.mark.parametrize(("requested", "blocks", "cpus", "expected"), [
    (300, 12, 64, 12), (300, 12, 2, 2), (1, 12, 8, 1), (0, 12, 8, 1), (-5, 12, 8, 1), (4, 1, 8, 1), (3, 0, 8, 1),
])
def test_worker_count_is_capped_by_blocks_and_cpus(requested, blocks, cpus, expected):
    assert worker_count(requested, blocks, cpus) == expected


def test_worker_count_defaults_to_the_machines_cpus(monkeypatch):
    monkeypatch.setattr(engine.os, "cpu_count", lambda: 3)
    assert worker_count(300, 12) == 3
    monkeypatch.setattr(engine.os, "cpu_count", lambda: None)
    assert worker_count(300, 12) == 1


def _record_pool_sizes(monkeypatch) -> list[int]:
    sizes: list[int] = []
    real = engine._rank_blocks_in_processes

    def recording(index, starts, k, options, static, block_size, workers):
        sizes.append(workers)
        yield from real(index, starts, k, options, static, block_size, workers)

    monkeypatch.setattr(engine, "_rank_blocks_in_processes", recording)
    return sizes


def test_top_all_forks_no_more_processes_than_blocks(monkeypatch):
    monkeypatch.setattr(engine.os, "cpu_count", lambda: 64)
    sizes = _record_pool_sizes(monkeypatch)
    index = build_index(DOCS)
    single = index.top_all(k=3, block_size=10)
    forked = index.top_all(k=3, block_size=10, workers=300)  # 4 blocks of 10
    assert sizes == [4]
    assert {i: [s.id for s in v] for i, v in forked.items()} == {i: [s.id for s in v] for i, v in single.items()}


def test_cli_top_workers_300_is_capped(monkeypatch, tmp_path):
    monkeypatch.setattr(engine.os, "cpu_count", lambda: 2)
    sizes = _record_pool_sizes(monkeypatch)
    monkeypatch.setattr(engine, "BLOCK_SIZE", 8)
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    out = tmp_path / "top.jsonl"
    assert main(["top", "--documents", str(docs), "--k", "2", "--workers", "300", "--out", str(out)]) == 0
    assert sizes == [2]
    assert len(out.read_text().splitlines()) == len(DOCS)
