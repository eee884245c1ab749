"""The demo: held meetings with feedback at the past annual meetings, an open session in 2027."""
from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command

from passerelle.core.enums import Territory
from passerelle.events.enums import EventKind
from passerelle.events.models import Event
from passerelle.meetings.enums import RequestStatus, SessionStatus
from passerelle.meetings.models import B2BSession, Meeting, MeetingAttendee, MeetingFeedback, MeetingRequest
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(db):
    for i in range(40):
        PersonFactory(territory=Territory.AURA if i % 2 else Territory.QC, keywords="radiomique; glioblastome")
    call_command("seed_events_demo")


def test_seed_meetings_demo_builds_sessions_once_without_mail(history):
    call_command("seed_meetings_demo", solver_seconds=0.2)
    counts = (B2BSession.objects.count(), MeetingRequest.objects.count(), Meeting.objects.count(),
              MeetingFeedback.objects.count())
    call_command("seed_meetings_demo", solver_seconds=0.2)
    assert (B2BSession.objects.count(), MeetingRequest.objects.count(), Meeting.objects.count(),
            MeetingFeedback.objects.count()) == counts
    assert mail.outbox == []

    annual = Event.objects.filter(kind=EventKind.ANNUAL_MEETING)
    assert B2BSession.objects.count() == annual.count() == 10
    upcoming = B2BSession.objects.get(event__start__year=2027)
    assert upcoming.status == SessionStatus.OPEN and not upcoming.meetings.exists()
    assert upcoming.requests.filter(status=RequestStatus.PENDING).exists()
    assert upcoming.requests.filter(status=RequestStatus.ACCEPTED).exists()
    for session in B2BSession.objects.exclude(pk=upcoming.pk):
        assert session.status == SessionStatus.PUBLISHED
        assert session.meetings.filter(published_at__isnull=False).count() >= 5
        assert session.runs.get().solver_status in ("optimal", "feasible")
        first = session.meetings.select_related("slot").order_by("slot__start").first()
        assert session.event.local(first.slot.start).strftime("%H:%M") == "16:15"
    feedback = MeetingFeedback.objects.all()
    assert feedback.filter(useful=True).exists() and feedback.filter(follow_up=True).exists()
    assert feedback.filter(took_place=False).exists()
    seats = list(MeetingAttendee.objects.filter(active=True).values_list("person_id", "slot_id"))
    assert len(seats) == len(set(seats))
    cross = [m for m in Meeting.objects.prefetch_related("attendees__person")
             if len({a.person.territory for a in m.attendees.all()}) > 1]
    assert len(cross) > Meeting.objects.count() / 2
