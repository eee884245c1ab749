"""Reading jobs."""
from __future__ import annotations

from django.db import models

from passerelle.jobs.models import Job
from passerelle.jobs.services import target_key


def latest_job(handler: str, target: models.Model) -> Job | None:
    target_type, target_id = target_key(target)
    return (
        Job.objects.filter(handler=handler, target_type=target_type, target_id=target_id)
        .order_by("-created_at")
        .first()
    )


def job_visible_to(job: Job, user) -> bool:
    return bool(user.is_authenticated and (user.is_coordinator or job.created_by_id == user.pk))
