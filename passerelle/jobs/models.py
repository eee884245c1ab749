"""A background job as users see it: what it is, who started it, how far it got, how it ended."""
from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import optional_link
from passerelle.core.mixins import page_url

from .enums import JobStatus


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    handler = models.CharField(_("handler"), max_length=200, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    target_type = models.CharField(_("target type"), max_length=100, blank=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    created_by = optional_link(
        settings.AUTH_USER_MODEL, _("started by"), on_delete=models.SET_NULL, related_name="jobs",
    )
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    worker_id = models.CharField(_("worker"), max_length=100, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        indexes = [models.Index(fields=["handler", "target_type", "target_id", "-created_at"])]

    def __str__(self) -> str:
        return self.title

    get_absolute_url = page_url("jobs:detail")

    @property
    def is_finished(self) -> bool:
        return self.status in {JobStatus.SUCCEEDED, JobStatus.FAILED}

    @property
    def percent(self) -> int:
        if self.status == JobStatus.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(100, round(100 * self.done / self.total))

    @property
    def is_stalled(self) -> bool:
        """Running, but no sign of life for longer than JOBS_STALLED_AFTER seconds (a worker died)."""
        if self.status not in {JobStatus.RUNNING, JobStatus.QUEUED}:
            return False
        last = self.heartbeat_at or self.started_at or self.created_at
        limit = getattr(settings, "JOBS_STALLED_AFTER", 600)
        return (timezone.now() - last).total_seconds() > limit

    @property
    def continue_url(self) -> str:
        url = (self.result or {}).get("url", "")
        return url if isinstance(url, str) and url.startswith("/") else ""


class WorkerBeat(models.Model):
    """A worker process (``manage.py jobs_worker``) as it last reported itself, every few seconds."""

    worker_id = models.CharField(_("worker"), max_length=100, primary_key=True)  # host:pid
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last seen"), default=timezone.now, db_index=True)
    current_job = optional_link(Job, _("current job"), on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["worker_id"]
        verbose_name = _("worker")
        verbose_name_plural = _("workers")

    def __str__(self) -> str:
        return self.worker_id

    @property
    def is_alive(self) -> bool:
        return (timezone.now() - self.last_seen_at).total_seconds() <= settings.JOBS_WORKER_STALE_AFTER


class PeriodicRun(models.Model):
    """When a periodic task (``passerelle.jobs.periodic.PERIODIC``) is next due, and how it last went.
    A worker claims a due task by moving ``next_due`` forward in one conditional UPDATE: one winner."""

    name = models.CharField(_("name"), max_length=100, primary_key=True)
    next_due = models.DateTimeField(_("next due"), default=timezone.now)
    last_claimed_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_worker = models.CharField(_("worker"), max_length=100, blank=True)
    last_job = optional_link(Job, _("last job"), on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["name"]
        verbose_name = _("periodic task")
        verbose_name_plural = _("periodic tasks")

    def __str__(self) -> str:
        return self.name
