"""The lock files (make lock) cover every pinned requirement at its version, each with hashes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(path: Path) -> dict[str, str]:
    """name → pinned version of a requirements file, following its ``-r`` includes."""
    pins: dict[str, str] = {}
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-r "):
            pins.update(requirements(path.parent / line[3:].strip()))
            continue
        name, separator, version = line.partition("==")
        assert separator, f"{path.name}: {line!r} is not pinned with =="
        pins[canonical(name.split("[", 1)[0])] = version.split(";", 1)[0].strip()
    return pins


def lock(path: Path) -> dict[str, tuple[str, int]]:
    """name → (version, number of hashes) of a lock file written by ``uv pip compile --generate-hashes``."""
    entries: dict[str, tuple[str, int]] = {}
    current = None
    for line in path.read_text().splitlines():
        match = LOCKED.match(line)
        if match:
            current = canonical(match.group(1).split("[", 1)[0])
            entries[current] = (match.group(2), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = entries[current]
            entries[current] = (version, hashes + 1)
    return entries


@pytest.mark.parametrize(("source", "locked"), [
    ("requirements.txt", "requirements.lock"),
    ("requirements-dev.txt", "requirements-dev.lock"),
])
def test_the_lock_has_every_requirement_at_its_pinned_version(source, locked):
    pins, entries = requirements(ROOT / source), lock(ROOT / locked)
    assert pins and entries
    wrong = {name: (version, entries.get(name, ("absent",))[0]) for name, version in pins.items()
             if entries.get(name, ("absent",))[0] != version}
    assert not wrong, f"{locked} is out of date (run `make lock`): pinned vs locked {wrong}"


@pytest.mark.parametrize("locked", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_is_pinned_with_hashes(locked):
    entries = lock(ROOT / locked)
    assert [name for name, (_, hashes) in entries.items() if hashes == 0] == []
    # indirect dependencies are there too, e.g. Django's own
    assert {"asgiref", "sqlparse", "botocore"} <= set(entries)


def test_the_runtime_lock_is_a_subset_of_the_development_lock():
    runtime, development = lock(ROOT / "requirements.lock"), lock(ROOT / "requirements-dev.lock")
    assert {name: runtime[name][0] for name in runtime} == {name: development[name][0] for name in runtime}
