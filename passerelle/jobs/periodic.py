"""The periodic tasks the workers run themselves (no cron, no timer): each is an ordinary job, queued
by the one worker that claims it when due (:func:`passerelle.jobs.worker.claim_due`)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelle.jobs.models import Job, JobStatus
from passerelle.jobs.runner import Progress

HOUR = 3600


@dataclass(frozen=True)
class Periodic:
    name: str
    handler: str  # dotted path of a job handler
    every: int  # seconds between two runs
    title: Promise


PERIODIC: tuple[Periodic, ...] = (
    Periodic("meetings_remind", "passerelle.meetings.jobs.remind_requests", HOUR,
             gettext_lazy("Reminding invitees and expiring old meeting requests")),
    Periodic("mail_retry", "passerelle.core.jobs.retry_mail", HOUR,
             gettext_lazy("Sending again the e-mails that failed")),
    Periodic("flag_inactive_profiles", "passerelle.privacy.jobs.flag_inactive", 24 * HOUR,
             gettext_lazy("Flagging inactive profiles for review")),
    Periodic("suggestions_index", "passerelle.suggestions.jobs.refresh_index", 10 * 60,
             gettext_lazy("Updating the index of suggested partners")),
    Periodic("publications_refresh", "passerelle.publications.jobs.refresh_due", 6 * HOUR,
             gettext_lazy("Refreshing publications from the publication databases")),
    Periodic("prune_jobs", "passerelle.jobs.periodic.prune", 24 * HOUR,
             gettext_lazy("Deleting old finished jobs")),
)


def prune(job: Job, progress: Progress) -> dict[str, Any]:
    """Delete the finished jobs and the queue's finished task results older than JOBS_KEEP_DAYS."""
    from django_tasks_db.models import DBTaskResult

    progress(0, 1, _("Deleting old finished jobs"))
    limit = timezone.now() - timedelta(days=settings.JOBS_KEEP_DAYS)
    jobs = (Job.objects.filter(status__in=[JobStatus.SUCCEEDED, JobStatus.FAILED], finished_at__lt=limit)
            .exclude(pk=job.pk).delete()[0])
    results = DBTaskResult.objects.finished().filter(finished_at__lt=limit).delete()[0]
    return {"jobs": jobs, "task_results": results}
