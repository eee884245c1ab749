"""What a worker process does beside running tasks: a heartbeat, the re-run of dead workers' jobs,
and the claiming of due periodic tasks (``manage.py jobs_worker``; docs/operations.md).

Every ``JOBS_WORKER_BEAT_SECONDS`` a thread of the worker process (it beats while a job runs too):

1. writes the process's :class:`~passerelle.jobs.models.WorkerBeat` (``host:pid``, current job) and
   the current job's ``heartbeat_at``;
2. looks for jobs still *running* on a worker silent for ``JOBS_WORKER_STALE_AFTER`` seconds and
   queues them again (or fails them after ``JOBS_MAX_ATTEMPTS`` starts) — :func:`recover_dead_jobs`;
3. claims the periodic tasks that are due and queues their job — :func:`claim_due`.

Claims are conditional UPDATEs or ``SELECT … FOR UPDATE SKIP LOCKED``: with several workers on one
PostgreSQL, each dead job and each due periodic task is taken by exactly one of them.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.jobs.models import Job, JobStatus, PeriodicRun, WorkerBeat

logger = logging.getLogger(__name__)

_worker_id = ""
_current_job: str | None = None


def make_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def current_worker_id() -> str:
    """The id of this process when it is a worker (``host:pid``); empty elsewhere (web, tests)."""
    return _worker_id


def set_current_job(job_id: object | None) -> None:
    global _current_job
    _current_job = str(job_id) if job_id is not None else None


def beat(worker_id: str, *, now: datetime | None = None) -> None:
    """Record that ``worker_id`` is alive, and keep its current job's ``heartbeat_at`` fresh."""
    now = now or timezone.now()
    job_id = _current_job
    updated = WorkerBeat.objects.filter(pk=worker_id).update(last_seen_at=now, current_job_id=job_id)
    if not updated:
        WorkerBeat.objects.create(worker_id=worker_id, started_at=now, last_seen_at=now, current_job_id=job_id)
    if job_id:
        Job.objects.filter(pk=job_id, status=JobStatus.RUNNING, worker_id=worker_id).update(heartbeat_at=now)


def stop(worker_id: str) -> None:
    """A worker leaving cleanly says so: it is no longer reported, nor waited for."""
    global _worker_id
    WorkerBeat.objects.filter(pk=worker_id).delete()
    if _worker_id == worker_id:
        _worker_id = ""


def alive_workers(now: datetime | None = None):
    now = now or timezone.now()
    return WorkerBeat.objects.filter(last_seen_at__gte=now - timedelta(seconds=settings.JOBS_WORKER_STALE_AFTER))


def recover_dead_jobs(*, now: datetime | None = None) -> list[Job]:
    """Queue again the jobs whose worker stopped beating; after ``JOBS_MAX_ATTEMPTS`` starts, fail them.

    A job is dead when it is running on a worker whose heartbeat is older than
    ``JOBS_WORKER_STALE_AFTER`` (or that has no heartbeat at all and started that long ago). Returns the
    jobs queued again or failed. Safe to call from several workers at once: each dead job is locked
    with SKIP LOCKED and changed only while it is still running on the dead worker.
    """
    now = now or timezone.now()
    limit = now - timedelta(seconds=settings.JOBS_WORKER_STALE_AFTER)
    alive = WorkerBeat.objects.filter(last_seen_at__gte=limit).values_list("worker_id", flat=True)
    dead = (Job.objects.filter(status=JobStatus.RUNNING).exclude(worker_id="").exclude(worker_id__in=alive)
            .filter(Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, started_at__lt=limit)))
    handled: list[Job] = []
    with transaction.atomic():
        for job in dead.select_for_update(skip_locked=True).order_by("created_at")[:50]:
            _abandon_task_results(job.worker_id)
            if job.attempts >= settings.JOBS_MAX_ATTEMPTS:
                job.status, job.finished_at = JobStatus.FAILED, now
                job.error = _("The worker running this job stopped %(count)s times; the job was given up.") % {
                    "count": job.attempts}
                job.save(update_fields=["status", "finished_at", "error"])
                logger.warning("Job %s (%s) given up after %s attempts", job.pk, job.handler, job.attempts)
            else:
                job.status, job.worker_id = JobStatus.QUEUED, ""
                job.save(update_fields=["status", "worker_id"])
                transaction.on_commit(lambda pk=str(job.pk): _enqueue(pk))
                logger.warning("Job %s (%s): its worker stopped, queued again", job.pk, job.handler)
            handled.append(job)
    return handled


def _enqueue(job_id: str) -> None:
    from passerelle.jobs.tasks import run

    run.enqueue(job_id)


def _abandon_task_results(worker_id: str) -> None:
    """The queue's own rows claimed by a dead worker stay "running" for ever: mark them failed."""
    from django_tasks_db.models import DBTaskResult

    for result in DBTaskResult.objects.filter(status="RUNNING"):
        if result.worker_ids and result.worker_ids[-1] == worker_id:
            DBTaskResult.objects.filter(pk=result.pk, status="RUNNING").update(
                status="FAILED", finished_at=timezone.now(), exception_class_path="builtins.SystemExit",
                traceback=f"worker {worker_id} stopped",
            )


def forget_dead_workers(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    limit = now - timedelta(seconds=settings.JOBS_WORKER_FORGET_AFTER)
    return WorkerBeat.objects.filter(last_seen_at__lt=limit).delete()[0]


def claim_due(worker_id: str, *, now: datetime | None = None) -> list[str]:
    """Queue the job of every periodic task that is due and that this worker wins. Returns their names."""
    from passerelle.jobs.periodic import PERIODIC
    from passerelle.jobs.services import job_start

    now = now or timezone.now()
    known = {row.name: row for row in PeriodicRun.objects.all()}
    for task in PERIODIC:
        if task.name not in known:
            # First start ever: due at once; two workers creating it together → one row.
            known[task.name], _created = PeriodicRun.objects.get_or_create(name=task.name, defaults={"next_due": now})
    claimed = []
    for task in PERIODIC:
        row = known[task.name]
        if row.next_due > now or not claim(task.name, row.next_due, worker_id, every=task.every, now=now):
            continue  # not due, or another worker moved next_due first
        job = job_start(handler=task.handler, title=str(task.title))
        PeriodicRun.objects.filter(name=task.name).update(last_job=job)
        claimed.append(task.name)
    return claimed


def claim(name: str, seen_next_due: datetime, worker_id: str, *, every: int, now: datetime) -> bool:
    """Move the task's ``next_due`` from what this worker read to one period later, only if nobody
    moved it meanwhile: of several workers that read the same row, exactly one wins."""
    return bool(PeriodicRun.objects.filter(name=name, next_due=seen_next_due).update(
        next_due=now + timedelta(seconds=every), last_claimed_at=now, last_worker=worker_id))


def housekeeping(worker_id: str) -> None:
    """One round of the heartbeat thread."""
    beat(worker_id)
    recover_dead_jobs()
    forget_dead_workers()
    claim_due(worker_id)


class Heartbeat(threading.Thread):
    """The thread of a worker process that beats, recovers dead jobs and claims periodic tasks."""

    def __init__(self, worker_id: str, *, periodic: bool = True) -> None:
        super().__init__(name="passerelle-heartbeat", daemon=True)
        self.worker_id, self.periodic = worker_id, periodic
        self.stopping = threading.Event()

    def run(self) -> None:
        # start() has just beaten: the first round comes one interval later.
        while not self.stopping.wait(settings.JOBS_WORKER_BEAT_SECONDS):
            try:
                close_old_connections()
                if self.periodic:
                    housekeeping(self.worker_id)
                else:
                    beat(self.worker_id)
            except Exception:  # noqa: BLE001 - a failed round is logged, the next one tries again
                logger.exception("Worker %s: heartbeat round failed", self.worker_id)
        close_old_connections()


def start(worker_id: str | None = None, *, periodic: bool = True) -> Heartbeat:
    """Make this process a worker: its id, a first beat now, and the heartbeat thread."""
    global _worker_id
    _worker_id = worker_id or make_worker_id()
    beat(_worker_id)
    thread = Heartbeat(_worker_id, periodic=periodic)
    thread.start()
    return thread
