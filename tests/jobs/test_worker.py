"""Workers: heartbeat, the re-run of a dead worker's job, periodic tasks claimed by one worker."""
from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from passerelle.jobs import worker
from passerelle.jobs.models import Job, JobStatus, PeriodicRun, WorkerBeat
from passerelle.jobs.periodic import PERIODIC
from passerelle.jobs.services import job_start

pytestmark = pytest.mark.django_db


def _running(worker_id: str, *, attempts: int = 1, minutes_ago: int = 5) -> Job:
    then = timezone.now() - timedelta(minutes=minutes_ago)
    return Job.objects.create(handler="tests.jobs.handlers.count_to", title="Counting", params={"to": 2},
                              status=JobStatus.RUNNING, worker_id=worker_id, attempts=attempts,
                              started_at=then, heartbeat_at=then)


def test_a_beat_records_the_worker_and_its_current_job_and_keeps_the_job_alive():
    job = _running("host:1")
    worker.set_current_job(job.pk)
    try:
        worker.beat("host:1")
    finally:
        worker.set_current_job(None)
    row = WorkerBeat.objects.get()
    job.refresh_from_db()
    assert (row.worker_id, row.current_job_id, row.is_alive) == ("host:1", job.pk, True)
    assert (timezone.now() - job.heartbeat_at).total_seconds() < 60
    worker.beat("host:1")
    assert WorkerBeat.objects.get().current_job_id is None
    worker.stop("host:1")
    assert not WorkerBeat.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_jobs_worker_runs_a_queued_job_under_its_host_pid_and_says_goodbye(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.JOBS_WORKER_BEAT_SECONDS = 3600  # only the beat of the start: no thread round in the test
    job = job_start(handler="tests.jobs.handlers.where_am_i", title="Where")
    assert job.status == JobStatus.QUEUED

    call_command("jobs_worker", "--batch", "--no-startup-delay", verbosity=0)

    job.refresh_from_db()
    me = f"{socket.gethostname()}:{__import__('os').getpid()}"
    assert job.status == JobStatus.SUCCEEDED and job.worker_id == me and job.attempts == 1
    assert job.result == {"worker": me, "current_job": str(job.pk)}
    assert not WorkerBeat.objects.exists()  # a clean stop removes the beat
    assert worker.current_worker_id() == ""  # this process is no longer a worker


def test_the_job_of_a_dead_worker_is_queued_again_and_run_by_another(django_capture_on_commit_callbacks):
    WorkerBeat.objects.create(worker_id="dead:1", last_seen_at=timezone.now() - timedelta(minutes=5))
    job = _running("dead:1")

    with django_capture_on_commit_callbacks(execute=True):
        handled = worker.recover_dead_jobs()

    job.refresh_from_db()
    assert [j.pk for j in handled] == [job.pk]
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2 and job.result["counted"] == 2
    assert worker.recover_dead_jobs() == []  # nothing left to take


def test_a_job_on_a_live_worker_or_a_recent_one_is_left_alone():
    WorkerBeat.objects.create(worker_id="alive:1", last_seen_at=timezone.now())
    on_live = _running("alive:1")
    just_started = _running("new:1", minutes_ago=0)  # its worker has not beaten yet

    assert worker.recover_dead_jobs() == []
    assert set(Job.objects.values_list("status", flat=True)) == {JobStatus.RUNNING}
    assert {on_live.pk, just_started.pk} == set(Job.objects.values_list("pk", flat=True))


def test_after_the_last_attempt_a_dead_job_fails_with_a_readable_error(english, settings):
    settings.JOBS_MAX_ATTEMPTS = 3
    job = _running("gone:1", attempts=3)  # no beat at all: the worker is long gone

    worker.recover_dead_jobs()

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.finished_at
    assert job.error == "The worker running this job stopped 3 times; the job was given up."


def test_the_queue_row_claimed_by_a_dead_worker_is_marked_failed(settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from passerelle.jobs.tasks import run

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    job = _running("dead:2")
    run.enqueue(str(job.pk))
    DBTaskResult.objects.get().claim("dead:2")
    with django_capture_on_commit_callbacks(execute=True):
        worker.recover_dead_jobs()
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["FAILED", "READY"]  # the dead claim closed, the job queued again


def test_two_workers_reading_the_same_due_task_one_claim_wins():
    now = timezone.now()
    row = PeriodicRun.objects.create(name="mail_retry", next_due=now - timedelta(minutes=1))

    first = worker.claim("mail_retry", row.next_due, "a:1", every=3600, now=now)
    second = worker.claim("mail_retry", row.next_due, "b:2", every=3600, now=now)

    row.refresh_from_db()
    assert (first, second) == (True, False)
    assert row.last_worker == "a:1" and row.next_due == now + timedelta(hours=1)


def test_due_periodic_tasks_are_queued_once_then_wait_for_their_period():
    claimed = worker.claim_due("a:1")
    assert claimed == [task.name for task in PERIODIC]
    assert worker.claim_due("b:2") == []
    runs = {row.name: row for row in PeriodicRun.objects.select_related("last_job")}
    assert {row.last_job.status for row in runs.values()} == {JobStatus.SUCCEEDED}  # immediate backend
    assert runs["prune_jobs"].last_job.handler == "passerelle.jobs.periodic.prune"

    later = timezone.now() + timedelta(hours=1, minutes=1)
    assert set(worker.claim_due("b:2", now=later)) == {"meetings_remind", "mail_retry", "suggestions_index"}


def test_prune_deletes_old_finished_jobs_only(settings):
    settings.JOBS_KEEP_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    gone = Job.objects.create(handler="x", title="old", status=JobStatus.SUCCEEDED, finished_at=old)
    kept_running = Job.objects.create(handler="x", title="running", status=JobStatus.RUNNING, started_at=old)
    kept_recent = Job.objects.create(handler="x", title="recent", status=JobStatus.FAILED,
                                     finished_at=timezone.now())

    job = job_start(handler="passerelle.jobs.periodic.prune", title="Prune")

    assert job.result["jobs"] == 1
    assert not Job.objects.filter(pk=gone.pk).exists()
    assert Job.objects.filter(pk__in=[kept_running.pk, kept_recent.pk]).count() == 2


def test_healthz_reports_live_workers_then_degrades_when_one_stops(client):
    WorkerBeat.objects.create(worker_id="a:1", last_seen_at=timezone.now())
    body = client.get(reverse("healthz")).json()
    assert body["status"] == "ok"
    assert body["checks"]["workers"]["alive"] == 1 and body["checks"]["workers"]["stopped"] == []

    WorkerBeat.objects.create(worker_id="b:2", last_seen_at=timezone.now() - timedelta(minutes=2))
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["workers"]["stopped"] == ["b:2"]


def test_healthz_degrades_when_jobs_wait_and_no_worker_is_alive(client, settings):
    from passerelle.jobs.tasks import run

    assert client.get(reverse("healthz")).status_code == 200  # no worker, nothing waiting: fine
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    run.enqueue("00000000-0000-0000-0000-000000000000")
    response = client.get(reverse("healthz"))
    assert (response.status_code, response.json()["checks"]["workers"]["jobs_waiting"]) == (503, True)

    WorkerBeat.objects.create(worker_id="a:1", last_seen_at=timezone.now())
    assert client.get(reverse("healthz")).status_code == 200


def test_a_worker_silent_for_long_is_forgotten(settings):
    settings.JOBS_WORKER_FORGET_AFTER = 900
    WorkerBeat.objects.create(worker_id="old:1", last_seen_at=timezone.now() - timedelta(hours=1))
    WorkerBeat.objects.create(worker_id="new:1", last_seen_at=timezone.now())
    assert worker.forget_dead_workers() == 1
    assert list(WorkerBeat.objects.values_list("worker_id", flat=True)) == ["new:1"]
