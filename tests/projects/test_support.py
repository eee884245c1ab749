"""Support services: the public catalogue, a member's request (for a project or not), its follow-up
by a coordinator to completion with notes, and who sees which request."""
from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from passerelle.projects import support
from passerelle.projects.enums import ServiceRequestStatus
from passerelle.projects.models import ServiceRequest
from tests.factories import CoordinatorFactory, MemberFactory

from .factories import ProjectFactory, SupportServiceFactory


@pytest.fixture
def service(db):
    return SupportServiceFactory(name_en="Project engineering", slug="project-engineering",
                                 contact=CoordinatorFactory(email="team@example.org"))


def test_the_catalogue_is_public_and_shows_only_offered_services(client, service):
    SupportServiceFactory(name_en="Retired service", active=False)
    page = client.get(reverse("projects:services")).content.decode()
    assert "Project engineering" in page and "Retired service" not in page


def test_a_member_asks_for_a_service_for_their_project_and_the_contact_is_told(client, pair, service, committed):
    project = ProjectFactory(partners=[(pair["lea"], "lead")])
    client.force_login(pair["lea_user"])
    with committed():
        response = client.post(reverse("projects:service_request_create", args=[service.slug]),
                               {"project": project.pk, "message": "Review our budget"})
    request = ServiceRequest.objects.get()
    assert response["Location"] == request.get_absolute_url()
    assert (request.requester, request.project, request.assigned_to) == (pair["lea_user"], project,
                                                                         service.contact)
    assert [m.to for m in mail.outbox] == [["team@example.org"]]


def test_a_member_cannot_ask_for_another_projects_service(client, pair, service):
    other = ProjectFactory()
    client.force_login(pair["lea_user"])
    response = client.post(reverse("projects:service_request_create", args=[service.slug]),
                           {"project": other.pk, "message": "x"})
    assert response.status_code == 200 and not ServiceRequest.objects.exists()


def test_a_coordinator_follows_a_request_to_completion_with_notes(pair, service, committed):
    request = support.service_request_create(actor=pair["lea_user"], service=service, message="Help")
    coordinator = CoordinatorFactory()
    support.service_request_set_status(actor=coordinator, request=request, to_status="in_progress")
    support.service_request_add_note(actor=coordinator, request=request, text="Called the lab", internal=True)
    with committed():
        done = support.service_request_set_status(actor=coordinator, request=request, to_status="completed",
                                                  note="Budget reviewed and sent")

    assert done.status == ServiceRequestStatus.COMPLETED and done.completed_at is not None
    assert [(n.from_status, n.to_status, n.text) for n in done.notes.order_by("pk")] == [
        ("", "new", ""), ("new", "in_progress", ""), ("", "", "Called the lab"),
        ("in_progress", "completed", "Budget reviewed and sent")]
    # the requester and the service's contact, who follows it (not the coordinator who moved it)
    assert sorted(m.to[0] for m in mail.outbox) == ["lea@example.org", "team@example.org"]
    assert "Budget reviewed and sent" in mail.outbox[0].body


def test_declining_needs_a_reason_and_members_may_only_withdraw(pair, service):
    request = support.service_request_create(actor=pair["lea_user"], service=service, message="Help")
    with pytest.raises(ValidationError, match="Say why"):
        support.service_request_set_status(actor=CoordinatorFactory(), request=request, to_status="declined")
    with pytest.raises(ValidationError, match="cannot go from “New” to “Completed”"):
        support.service_request_set_status(actor=pair["lea_user"], request=request, to_status="completed",
                                           by_coordinator=False)
    withdrawn = support.service_request_set_status(actor=pair["lea_user"], request=request, to_status="withdrawn",
                                                   by_coordinator=False)
    assert withdrawn.status == "withdrawn"


def test_internal_notes_stay_with_coordinators_and_others_get_404(client, pair, service):
    request = support.service_request_create(actor=pair["lea_user"], service=service, message="Help")
    support.service_request_add_note(actor=None, request=request, text="Internal remark", internal=True)
    support.service_request_add_note(actor=None, request=request, text="We are on it")
    client.force_login(pair["lea_user"])
    page = client.get(request.get_absolute_url()).content.decode()
    assert "We are on it" in page and "Internal remark" not in page

    client.force_login(MemberFactory())
    assert client.get(request.get_absolute_url()).status_code == 404
    client.post(request.get_absolute_url(), {"action": "status", "to_status": "withdrawn"})
    assert ServiceRequest.objects.get().status == "new"


def test_the_requester_withdraws_on_the_page(client, pair, service):
    request = support.service_request_create(actor=pair["lea_user"], service=service, message="Help")
    client.force_login(pair["lea_user"])
    client.post(request.get_absolute_url(), {"action": "status", "to_status": "completed"})
    assert ServiceRequest.objects.get().status == "new"  # not a choice for the requester
    client.post(request.get_absolute_url(), {"action": "status", "to_status": "withdrawn", "note": "Solved"})
    assert ServiceRequest.objects.get().status == "withdrawn"
