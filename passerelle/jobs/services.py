"""Starting background jobs."""
from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.module_loading import import_string

from passerelle.jobs.models import Job


def target_key(target: models.Model) -> tuple[str, str]:
    return target._meta.label_lower, str(target.pk)


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
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    from passerelle.jobs.tasks import run

    run.enqueue(str(job.pk))
    job.refresh_from_db()
    return job
