"""The coordinator's schedule page says whether the idle gaps are proven the fewest possible, or
how far they may be from it (the solver's ``breaks_lower_bound``, kept in the job's result)."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.jobs.models import Job
from passerelle.meetings import selectors
from passerelle.meetings.models import ScheduleRun
from tests.factories import CoordinatorFactory

from .factories import make_request

pytestmark = pytest.mark.django_db


def schedule_page(client, session) -> str:
    return client.get(reverse("meetings:schedule", args=[session.event.slug])).content.decode()


def test_a_proven_optimal_run_says_so_in_words(client, world):
    client.force_login(CoordinatorFactory())
    make_request(world.session, world.lea, world.marc)
    make_request(world.session, world.lea, world.paul)
    client.post(reverse("meetings:run", args=[world.session.event.slug]))
    run = ScheduleRun.objects.get()
    assert Job.objects.get(pk=run.job_id).result["breaks_lower_bound"] == run.breaks == 0
    assert run.solver_status == "optimal"
    assert "optimal (proven)" in schedule_page(client, world.session)


def test_an_unproven_run_states_its_distance_to_the_proven_minimum(client, world):
    client.force_login(CoordinatorFactory())
    make_request(world.session, world.lea, world.marc)
    client.post(reverse("meetings:run", args=[world.session.event.slug]))
    run = ScheduleRun.objects.get()
    ScheduleRun.objects.filter(pk=run.pk).update(solver_status="feasible", breaks=5)
    job = Job.objects.get(pk=run.job_id)
    job.result = {**job.result, "breaks_lower_bound": 3}
    job.save(update_fields=["result"])
    page = schedule_page(client, world.session)
    assert "At most 2 idle gaps more than the fewest possible (proven minimum: 3)." in page
    assert "optimal (proven)" not in page
    job.result = {**job.result, "breaks_lower_bound": 5}
    job.save(update_fields=["result"])
    assert "The fewest idle gaps possible (proven)." in schedule_page(client, world.session)


def test_no_claim_without_a_recorded_bound(world):
    assert selectors.breaks_proof(None) is None
    run = ScheduleRun.objects.create(session=world.session, breaks=4)
    assert selectors.breaks_proof(run) is None
