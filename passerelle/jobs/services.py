"""Starting background jobs."""
from __future__ import annotations

from typing import Any, Required, TypedDict, Unpack

from django.db import models
from django.utils.module_loading import import_string

from passerelle.core.actors import recorded_user
from passerelle.jobs.models import Job


def target_key(target: models.Model) -> tuple[str, str]:
    return target._meta.label_lower, str(target.pk)


class JobDetails(TypedDict, total=False):
    """What a job is recorded with besides its handler and target (``job_start``'s other arguments)."""

    title: Required[str]
    user: Any
    params: dict | None


def job_start(
    *,
    handler: str,
    title: str,
    user: Any = None,
    params: dict | None = None,
    target: models.Model | None = None,
) -> Job:
    """Record a job and queue it. The handler's dotted path is checked now, not in the worker."""
    import_string(handler)  # fail in the request, with a traceback, if the path is wrong
    target_type, target_id = target_key(target) if target is not None else ("", "")
    job = Job.objects.create(
        handler=handler,
        title=str(title)[:300],
        params=params or {},
        target_type=target_type,
        target_id=target_id,
        created_by=recorded_user(user),
    )
    from passerelle.jobs.tasks import run

    run.enqueue(str(job.pk))
    job.refresh_from_db()
    return job


def pending_job(handler: str, target: models.Model | None = None) -> Job | None:
    """The job of ``handler`` (for ``target`` when given) that is queued or running and alive, if any.

    A job whose worker died (``Job.is_stalled``) does not count: a new one may start.
    """
    from passerelle.jobs.models import JobStatus

    jobs = Job.objects.filter(handler=handler, status__in=[JobStatus.QUEUED, JobStatus.RUNNING])
    if target is not None:
        target_type, target_id = target_key(target)
        jobs = jobs.filter(target_type=target_type, target_id=target_id)
    return next((job for job in jobs.order_by("-created_at") if not job.is_stalled), None)


def job_start_unless_pending(
    *, handler: str, target: models.Model | None = None, **details: Unpack[JobDetails]
) -> tuple[Job, bool]:
    """Start a job unless one of the same handler and target is already on its way.

    Returns ``(job, started)``: the new job and True, or the pending one and False.
    """
    pending = pending_job(handler, target)
    if pending is not None:
        return pending, False
    return job_start(handler=handler, target=target, **details), True
