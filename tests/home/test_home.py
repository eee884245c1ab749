"""The home page of each role: a visitor sees what is public, a member what is asked of them and
their agenda, a coordinator what needs them today; nobody sees what they could not open."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelle.events.enums import EventStatus
from passerelle.funding.enums import ApplicationStatus, CallStatus
from passerelle.meetings.enums import RequestStatus
from passerelle.privacy.models import ErasureRequest
from passerelle.projects.enums import ProjectStatus
from tests.events.factories import EventFactory
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory
from tests.funding.factories import ApplicationFactory, CallFactory
from tests.meetings.factories import make_request, make_session, participant
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def home(client) -> str:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_visitor_sees_the_next_events_and_open_calls_but_no_draft_and_no_project(client):
    EventFactory(title_en="Jacques Cartier Meetings 2027", status=EventStatus.REGISTRATION_OPEN,
                 start=timezone.now() + timedelta(days=40), end=timezone.now() + timedelta(days=42))
    EventFactory(title_en="Secret draft", status=EventStatus.DRAFT, start=timezone.now() + timedelta(days=5),
                 end=timezone.now() + timedelta(days=6))
    CallFactory(title_en="Seed money 2027")
    CallFactory(title_en="Draft call", status=CallStatus.DRAFT)
    ProjectFactory(title_en="RADIO-QC", status=ProjectStatus.ACTIVE)
    page = home(client)
    assert "Jacques Cartier Meetings 2027" in page and "Seed money 2027" in page
    assert "Secret draft" not in page and "Draft call" not in page
    assert "RADIO-QC" not in page  # projects are for members
    assert "What needs you today" not in page and "home-agenda" not in page


def test_a_member_sees_requests_to_answer_agenda_and_latest_projects(client):
    session = make_session()
    lea = participant(session, first_name="Léa", last_name="Dupont", user=MemberFactory())
    marc = participant(session, first_name="Marc", last_name="Tremblay")
    make_request(session, marc, lea, status=RequestStatus.PENDING)
    ProjectFactory(title_en="RADIO-QC", status=ProjectStatus.ACTIVE)
    client.force_login(lea.user)
    page = home(client)
    assert "Welcome, Léa" in page
    assert "Meeting requests to answer" in page and "Marc Tremblay" in page
    assert str(session.event) in page.split('id="home-agenda"')[1].split('id="home-requests"')[0]
    assert "RADIO-QC" in page


def test_a_member_without_a_profile_is_asked_to_create_one(client):
    client.force_login(MemberFactory())
    page = home(client)
    assert 'data-task="profile"' in page and reverse("directory:my_profile") in page


def test_a_coordinator_sees_what_needs_them_and_a_member_does_not(client):
    session = make_session()
    a, b = participant(session), participant(session)
    make_request(session, a, b, status=RequestStatus.ACCEPTED)
    ApplicationFactory(status=ApplicationStatus.SUBMITTED)
    ErasureRequest.objects.create(person=PersonFactory())
    client.force_login(CoordinatorFactory())
    page = home(client)
    assert "What needs you today" in page
    for kind in ("schedule", "applications", "erasures"):
        assert f'data-task="{kind}"' in page
    assert "1 accepted meeting request to place in the schedule" in page
    client.force_login(MemberFactory())
    page = home(client)
    for kind in ("schedule", "applications", "erasures"):
        assert f'data-task="{kind}"' not in page


def test_a_member_does_not_see_another_member_s_draft_project(client):
    ProjectFactory(title_en="Someone else's draft", status=ProjectStatus.DRAFT)
    client.force_login(MemberFactory())
    assert "Someone else&#x27;s draft" not in home(client) and "Someone else's draft" not in home(client)
