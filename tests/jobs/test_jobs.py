"""Background jobs: running a handler, its progress, failures, who may see a job."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelle.jobs.models import Job, JobStatus
from passerelle.jobs.runner import run_job
from passerelle.jobs.selectors import latest_job
from passerelle.jobs.services import job_start, job_start_unless_pending, pending_job
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_job_runs_its_handler_and_keeps_progress_and_result(member):
    job = job_start(handler="tests.jobs.handlers.count_to", title="Counting", user=member, params={"to": 5})

    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total, job.message) == (5, 5, "step 5")
    assert job.result == {"counted": 5, "url": "/events/"}
    assert job.created_by == member and job.started_at and job.finished_at
    assert job.percent == 100 and job.continue_url == "/events/"


def test_a_job_error_is_kept_for_the_user_and_progress_stays_where_it_stopped(member):
    job = job_start(handler="tests.jobs.handlers.refuse", title="Refusing", user=member)

    assert job.status == JobStatus.FAILED
    assert job.error == "The session has no slots."
    assert (job.done, job.total) == (1, 4)


def test_an_unexpected_exception_fails_the_job_without_leaking_details(member, caplog):
    job = job_start(handler="tests.jobs.handlers.crash", title="Crashing", user=member)

    assert job.status == JobStatus.FAILED
    assert "boom" not in job.error and job.error
    assert "boom" in caplog.text


def test_a_wrong_handler_path_fails_at_start_not_in_the_worker(member):
    with pytest.raises(ImportError):
        job_start(handler="tests.jobs.handlers.nothing_here", title="Nothing", user=member)
    assert not Job.objects.exists()


def test_a_finished_job_is_not_run_again(member):
    job = job_start(handler="tests.jobs.handlers.count_to", title="Counting", user=member)
    finished_at = job.finished_at

    run_job(str(job.pk))

    job.refresh_from_db()
    assert job.finished_at == finished_at


def test_latest_job_is_the_newest_for_its_target(member):
    org, other = OrganisationFactory(), OrganisationFactory()
    job_start(handler="tests.jobs.handlers.count_to", title="first", user=member, target=org)
    second = job_start(handler="tests.jobs.handlers.count_to", title="second", user=member, target=org)
    job_start(handler="tests.jobs.handlers.count_to", title="other", user=member, target=other)

    assert latest_job("tests.jobs.handlers.count_to", org) == second
    assert latest_job("tests.jobs.handlers.refuse", org) is None


def test_a_job_without_progress_for_too_long_is_shown_as_stalled(member, settings):
    settings.JOBS_STALLED_AFTER = 60
    job = Job.objects.create(handler="tests.jobs.handlers.count_to", title="Stuck", created_by=member,
                             status=JobStatus.RUNNING, heartbeat_at=timezone.now() - timedelta(minutes=5))
    assert job.is_stalled
    job.heartbeat_at = timezone.now()
    assert not job.is_stalled


def test_the_progress_page_refreshes_while_running_and_links_the_result(client, member):
    running = Job.objects.create(handler="tests.jobs.handlers.count_to", title="Running", created_by=member,
                                 status=JobStatus.RUNNING, done=2, total=8)
    client.force_login(member)

    page = client.get(running.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' in page and 'value="25"' in page

    done = job_start(handler="tests.jobs.handlers.count_to", title="Done", user=member)
    page = client.get(done.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' not in page and 'href="/events/"' in page


def test_the_status_document_gives_progress(client, member):
    job = Job.objects.create(handler="tests.jobs.handlers.count_to", title="Running", created_by=member,
                             status=JobStatus.RUNNING, done=1, total=4, message="half-way")
    client.force_login(member)

    data = client.get(reverse("jobs:status", args=[job.pk])).json()

    assert data["status"] == "running" and data["percent"] == 25 and data["message"] == "half-way"


def test_a_job_is_hidden_from_other_members_but_not_from_coordinators(client, member):
    job = job_start(handler="tests.jobs.handlers.count_to", title="Mine", user=member)
    client.force_login(MemberFactory())
    assert client.get(job.get_absolute_url()).status_code == 404
    assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 404
    client.force_login(CoordinatorFactory())
    assert client.get(job.get_absolute_url()).status_code == 200


def test_coordinators_list_and_filter_jobs(coordinator_client, member):
    job_start(handler="tests.jobs.handlers.count_to", title="Counted", user=member)
    job_start(handler="tests.jobs.handlers.refuse", title="Refused", user=member)

    page = coordinator_client.get(reverse("jobs:list"), {"status": "failed"}).content.decode()

    assert "Refused" in page and "Counted" not in page


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_a_job_waits_for_the_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    user = MemberFactory()
    job = job_start(handler="tests.jobs.handlers.count_to", title="Queued", user=user, params={"to": 2})
    assert job.status == JobStatus.QUEUED

    from django.core.management import call_command

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.result["counted"] == 2


def _waiting(handler: str, target=None, **fields) -> Job:
    from passerelle.jobs.services import target_key

    target_type, target_id = target_key(target) if target is not None else ("", "")
    return Job.objects.create(handler=handler, title="Waiting", target_type=target_type, target_id=target_id,
                              **{"status": JobStatus.QUEUED, **fields})


def test_a_job_is_not_started_again_while_one_of_the_same_handler_and_target_is_pending(member):
    org, other = OrganisationFactory(), OrganisationFactory()
    waiting = _waiting("tests.jobs.handlers.count_to", org)

    job, started = job_start_unless_pending(handler="tests.jobs.handlers.count_to", title="again", target=org)
    assert (job, started) == (waiting, False)
    assert pending_job("tests.jobs.handlers.count_to", org) == waiting

    job, started = job_start_unless_pending(handler="tests.jobs.handlers.count_to", title="other", target=other)
    assert started and job != waiting and job.status == JobStatus.SUCCEEDED
    assert pending_job("tests.jobs.handlers.count_to", other) is None


def test_a_stalled_or_finished_job_does_not_hold_back_a_new_one(member, settings):
    settings.JOBS_STALLED_AFTER = 60
    _waiting("tests.jobs.handlers.count_to", status=JobStatus.RUNNING,
             heartbeat_at=timezone.now() - timedelta(minutes=5))
    _waiting("tests.jobs.handlers.count_to", status=JobStatus.SUCCEEDED)

    job, started = job_start_unless_pending(handler="tests.jobs.handlers.count_to", title="fresh", user=member)
    assert started and job.title == "fresh"
