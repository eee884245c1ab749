"""Runs a job's handler: status, progress and outcome written to the Job row as they happen."""
from __future__ import annotations

import logging
from collections.abc import Callable

from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from passerelle.jobs.models import Job, JobStatus

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


class JobError(Exception):
    """A failure whose message is meant for the user who started the job."""


def run_job(job_id: str) -> None:
    """Claim the job (queued → running, in one conditional UPDATE: a job is never run twice at once)
    and run its handler. A job already running or finished is left alone."""
    from passerelle.jobs import worker

    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, worker_id=worker.current_worker_id(),
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return
    job = Job.objects.get(pk=job_id)
    worker.set_current_job(job.pk)
    try:
        _run(job)
    finally:
        worker.set_current_job(None)


def _run(job: Job) -> None:

    def progress(done: int, total: int, message: str = "") -> None:
        job.done, job.total, job.message = max(0, int(done)), max(0, int(total)), str(message)[:300]
        Job.objects.filter(pk=job.pk).update(
            done=job.done, total=job.total, message=job.message, heartbeat_at=timezone.now()
        )

    try:
        handler = import_string(job.handler)
        result = handler(job, progress) or {}
    except JobError as error:
        _finish(job, JobStatus.FAILED, error=str(error))
    except Exception:  # noqa: BLE001 - a job must end in a readable state whatever happened
        logger.exception("Job %s (%s) failed", job.pk, job.handler)
        _finish(job, JobStatus.FAILED, error=_("An unexpected error stopped the job; it has been logged."))
    else:
        _finish(job, JobStatus.SUCCEEDED, result=result)


def _finish(job: Job, status: str, *, result: dict | None = None, error: str = "") -> None:
    fields = {"status": status, "finished_at": timezone.now(), "error": error}
    if result is not None:
        fields["result"] = result
        fields["done"] = fields["total"] = max(job.total, job.done, 1)
    Job.objects.filter(pk=job.pk).update(**fields)
    for name, value in fields.items():
        setattr(job, name, value)
