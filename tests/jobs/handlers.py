"""Job handlers used by the tests of passerelle.jobs."""
from __future__ import annotations

from passerelle.jobs.runner import JobError


def count_to(job, progress) -> dict:
    total = int(job.params.get("to", 3))
    for step in range(1, total + 1):
        progress(step, total, f"step {step}")
    return {"counted": total, "url": "/events/"}


def refuse(job, progress) -> dict:
    progress(1, 4, "looking")
    raise JobError("The session has no slots.")


def crash(job, progress) -> dict:
    raise RuntimeError("boom")
