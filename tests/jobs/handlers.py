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


def where_am_i(job, progress) -> dict:
    """What the worker's heartbeat says while this job runs."""
    from passerelle.jobs import worker
    from passerelle.jobs.models import WorkerBeat

    worker.beat(worker.current_worker_id())
    row = WorkerBeat.objects.get(pk=worker.current_worker_id())
    return {"worker": row.worker_id, "current_job": str(row.current_job_id)}


def slow(job, progress) -> dict:
    """Takes ``seconds`` (in ``steps`` steps): the job the cluster test kills a worker under."""
    import time

    steps, seconds = int(job.params.get("steps", 10)), float(job.params.get("seconds", 10))
    for step in range(steps):
        progress(step, steps, f"step {step + 1} of {steps}")
        time.sleep(seconds / steps)
    return {"steps": steps}
