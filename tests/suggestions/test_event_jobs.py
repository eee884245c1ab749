"""Suggested meetings of an event: computed by a background job, stored, shown as a matrix."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.core.enums import Territory
from passerelle.events.enums import RegistrationStatus
from passerelle.jobs.models import Job, JobStatus
from passerelle.suggestions.models import EventSuggestion
from passerelle.suggestions.services import EVENT_JOB_HANDLER, event_suggestions_start
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import CoordinatorFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(community):
    event = EventFactory(slug="entretiens-2027")
    for person in (community.clinician, community.company, community.glioma_researcher, community.economist,
                   community.hidden):
        RegistrationFactory(event=event, person=person)
    RegistrationFactory(event=event, person=community.members_only, status=RegistrationStatus.WAITING)
    return event


def rows_of(event, person):
    return list(EventSuggestion.objects.filter(event=event, person=person).order_by("rank"))


def test_the_job_stores_each_participants_suggestions_among_confirmed_participants(event, community, coordinator):
    job = event_suggestions_start(actor=coordinator, event=event)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total) == (5, 5)
    assert job.result["url"] == reverse("suggestions:event", args=[event.slug])
    clinician = rows_of(event, community.clinician)
    assert [r.partner for r in clinician][:1] == [community.company]
    assert [r.rank for r in clinician] == list(range(1, len(clinician) + 1))
    partners = set(EventSuggestion.objects.filter(event=event).values_list("partner_id", flat=True))
    assert community.members_only.pk not in partners  # on the waiting list
    assert community.colleague.pk not in partners  # not registered
    first = clinician[0]
    assert first.score == pytest.approx(sum(first.components.values()), abs=1e-4)
    assert any("which you seek" in r for r in first.reasons_en)
    assert any("que vous recherchez" in r for r in first.reasons_fr)
    assert first.job_id == job.pk


def test_cross_border_pairs_by_default_and_both_on_request(event, community, coordinator):
    same_side = PersonFactory(territory=Territory.AURA, expertise="Glioblastoma radiotherapy", sites=[6])
    RegistrationFactory(event=event, person=same_side)
    event_suggestions_start(actor=coordinator, event=event)
    assert same_side not in [r.partner for r in rows_of(event, community.clinician)]
    event_suggestions_start(actor=coordinator, event=event, both_territories=True, per_person=2)
    assert len(rows_of(event, community.clinician)) == 2
    assert EventSuggestion.objects.filter(event=event, person=community.clinician, partner=same_side).exists() or \
        EventSuggestion.objects.filter(event=event, person=same_side, partner=community.clinician).exists()


def test_a_new_run_replaces_the_previous_results(event, community, coordinator):
    event_suggestions_start(actor=coordinator, event=event)
    first_ids = set(EventSuggestion.objects.values_list("pk", flat=True))
    event.registrations.filter(person=community.company).update(status=RegistrationStatus.CANCELLED)
    event_suggestions_start(actor=coordinator, event=event)
    assert not first_ids & set(EventSuggestion.objects.values_list("pk", flat=True))
    assert not EventSuggestion.objects.filter(partner=community.company).exists()


def test_a_job_for_a_deleted_event_fails_with_a_readable_message(event, coordinator):
    job = Job.objects.create(handler=EVENT_JOB_HANDLER, title="x", params={"event": 0}, created_by=coordinator)
    from passerelle.jobs.runner import run_job

    run_job(str(job.pk))
    job.refresh_from_db()
    assert (job.status, job.error) == (JobStatus.FAILED, "The event no longer exists.")


def test_the_coordinator_starts_the_job_and_reads_the_matrix(client, event, community):
    client.force_login(CoordinatorFactory())
    url = reverse("suggestions:event", args=[event.slug])
    empty = client.get(url).content.decode()
    assert "Not computed yet" in empty
    response = client.post(url, {"per_person": 3})
    job = Job.objects.get(handler=EVENT_JOB_HANDLER)
    assert response["Location"] == job.get_absolute_url()
    page = client.get(url)
    html = page.content.decode()
    assert "suggested meetings for 5 participants" in html
    row = next(r for r in page.context["rows"] if r.person == community.clinician)
    assert len(row.suggestions) == 3
    assert row.suggestions[0].partner == community.company
    assert row.suggestions[0].mutual  # the clinician and the company are suggested to each other
    assert "⇄" in html and f"{row.suggestions[0].score:.2f}" in html


def test_the_matrix_searches_participants_by_name(client, event, community):
    client.force_login(CoordinatorFactory())
    response = client.get(reverse("suggestions:event", args=[event.slug]), {"q": "tremb"})
    assert [r.person for r in response.context["rows"]] == [community.company]


def test_the_matrix_rows_cost_a_fixed_number_of_queries(client, event, community, django_assert_max_num_queries):
    coordinator = CoordinatorFactory()
    event_suggestions_start(actor=coordinator, event=event)
    client.force_login(coordinator)
    url = reverse("suggestions:event", args=[event.slug])
    client.get(url)
    with django_assert_max_num_queries(12):
        client.get(url)


def test_a_participant_sees_their_suggested_meetings_with_visible_partners_only(client, event, community,
                                                                                  coordinator):
    event_suggestions_start(actor=coordinator, event=event)
    assert EventSuggestion.objects.filter(event=event, person=community.clinician, partner=community.hidden).exists()
    client.force_login(community.owner)
    html = client.get(reverse("suggestions:person", args=[community.clinician.pk])).content.decode()
    section = html[html.index("Suggested meetings at upcoming events"):]
    assert "Marc Tremblay" in section
    assert "Cachée" not in html
