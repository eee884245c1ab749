"""Run every benchmark of the project in turn (``make bench``).

Each benchmark prints its figures as ratios against a baseline run in the same process.
Pass ``--quick`` (or set BENCH_QUICK=1) for a short smoke run with small sizes.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["directory.py", "matching.py", "matching_publications.py", "scheduling.py", "reports.py", "load.py"]
# The load test's baseline is the same mix with the read caches off.
EXTRA = {"load.py": ["--compare"]}


def main(argv: list[str]) -> int:
    quick = "--quick" in argv or os.environ.get("BENCH_QUICK") == "1"
    failures = 0
    for name in ORDER:
        script = HERE / name
        if not script.exists():
            continue
        print(f"\n=== benchmarks/{name}", flush=True)
        command = [sys.executable, str(script), *EXTRA.get(name, [])] + (["--quick"] if quick else [])
        failures += subprocess.call(command, cwd=HERE.parent) != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
