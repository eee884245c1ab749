"""Builders of the meetings tests: a session with a real grid (through the service), registered
participants, requests in any state, meetings placed by hand. Real rows, no mocks."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from passerelle.core.enums import Territory
from passerelle.directory.models import Person
from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Event
from passerelle.meetings.enums import Answer, RequestStatus, SessionStatus
from passerelle.meetings.models import B2BSession, Meeting, MeetingRequest, RequestInvitee
from passerelle.meetings.services import schedule, sessions
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import OrganisationFactory, PersonFactory


def local(event: Event, day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in the event's zone, ``day`` days after its first day."""
    first = event.local(event.start).date()
    return datetime.combine(first + timedelta(days=day), time(hour, minute), tzinfo=event.tz)


def make_session(event: Event | None = None, *, days: int = 1, start: int = 10, end: int = 12, slot_minutes: int = 30,
                 tables: int = 2, breaks: tuple = (), status: str = SessionStatus.OPEN, max_meetings: int | None = None,
                 **fields) -> B2BSession:
    """A session whose grid is cut by ``sessions.session_save``: on each of ``days`` days a window
    from ``start`` to ``end`` o'clock (event's zone); ``breaks`` as ((day, h1, m1, h2, m2), ...)."""
    event = event or EventFactory()
    session = B2BSession(event=event, slot_minutes=slot_minutes, max_meetings=max_meetings, solver_seconds=2,
                         **fields)
    windows = [(local(event, d, start), local(event, d, end)) for d in range(days)]
    pauses = [("Pause", "Break", (local(event, d, h1, m1), local(event, d, h2, m2))) for d, h1, m1, h2, m2 in breaks]
    sessions.session_save(actor=None, session=session, windows=windows, breaks=pauses,
                          tables=[(f"Table {n}", "") for n in range(1, tables + 1)])
    B2BSession.objects.filter(pk=session.pk).update(status=status)
    session.refresh_from_db()
    return session


def participant(session: B2BSession, territory: str = Territory.AURA, **fields) -> Person:
    """A person registered (confirmed) to the session's event."""
    organisation = OrganisationFactory(territory=territory)
    person = PersonFactory(territory=territory, organisation=organisation, **fields)
    RegistrationFactory(event=session.event, person=person, status=RegistrationStatus.CONFIRMED)
    return person


def make_request(session: B2BSession, requester: Person, *invitees: Person, status: str = RequestStatus.ACCEPTED,
                 priority: int = 2, message: str = "") -> MeetingRequest:
    """A request in ``status`` without going through the workflow (the workflow has its own tests)."""
    request = MeetingRequest.objects.create(session=session, requester=requester, status=status, priority=priority,
                                            message=message)
    answer = {RequestStatus.ACCEPTED: Answer.ACCEPTED, RequestStatus.DECLINED: Answer.DECLINED}.get(
        status, Answer.PENDING)
    RequestInvitee.objects.bulk_create([RequestInvitee(request=request, person=p, answer=answer) for p in invitees])
    return request


def place(session: B2BSession, request: MeetingRequest, slot_index: int, table_index: int = 0) -> Meeting:
    """Place an accepted request in the ``slot_index``-th slot at the ``table_index``-th table."""
    slot = list(session.slots.all())[slot_index]
    table = list(session.tables.all())[table_index]
    return schedule.meeting_place(actor=None, session=session, request=request, slot=slot, table=table)


def publish(session: B2BSession) -> int:
    B2BSession.objects.filter(pk=session.pk, status=SessionStatus.OPEN).update(status=SessionStatus.SCHEDULED)
    session.refresh_from_db()
    return schedule.session_publish(actor=None, session=session)
