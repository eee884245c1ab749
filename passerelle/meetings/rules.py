"""Rules of bilateral meetings, in one place: forms call them to show a clear message, services call
them again under the session lock before writing. Each ``check_*`` raises ``ValidationError``."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from passerelle.directory.models import Person
from passerelle.directory.selectors import is_coordinator
from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Event

from .enums import SESSION_WORKFLOW, MeetingStatus, RequestStatus, SessionStatus
from .grid import overlaps
from .models import B2BSession, Meeting, MeetingAttendee, MeetingRequest, MeetingTable, Participant, Slot

Span = tuple[datetime, datetime]
MAX_INVITEES = 5  # a group meeting holds at most six people (a delegation meeting a lab)


def registered_people(session: B2BSession) -> QuerySet[Person]:
    """The people who may take part: confirmed registrants of the session's event."""
    return Person.objects.filter(registrations__event_id=session.event_id,
                                 registrations__status=RegistrationStatus.CONFIRMED)


def is_participant(session: B2BSession, person: Person | None) -> bool:
    return person is not None and registered_people(session).filter(pk=person.pk).exists()


def check_windows(event: Event, windows: Sequence[Span]) -> None:
    if not windows:
        raise ValidationError(_("Give at least one time window."))
    for start, end in windows:
        if end <= start:
            raise ValidationError(_("A window must end after it starts."))
        if start < event.start or end > event.end:
            raise ValidationError(_("Every window must lie within the event's dates."))
    if overlaps(windows):
        raise ValidationError(_("Two time windows overlap."))


def check_transition(session: B2BSession, to_status: str) -> None:
    SESSION_WORKFLOW.check(session.status, to_status)
    if to_status == SessionStatus.OPEN and not (session.slots.exists() and session.tables.exists()):
        raise ValidationError(_("Give the session at least one time window and one table before opening it."))
    if to_status == SessionStatus.DRAFT and session.requests.exists():
        raise ValidationError(_("Requests have been sent: the session can no longer go back to draft."))


def check_request(session: B2BSession, requester: Person, invitees: Sequence[Person], *,
                  by_coordinator: bool = False) -> None:
    """A request may be sent: session accepting, everyone registered and taking meetings, no twin."""
    if session.status == SessionStatus.DRAFT:
        raise ValidationError(_("This session does not accept requests yet."))
    if not by_coordinator and not session.accepts_requests():
        raise ValidationError(_("The deadline for meeting requests has passed."))
    if not invitees:
        raise ValidationError(_("Choose at least one person to meet."))
    if len(invitees) > MAX_INVITEES:
        raise ValidationError(_("A group meeting holds at most %(n)d people besides you.") % {"n": MAX_INVITEES})
    ids = [p.pk for p in invitees]
    if requester.pk in ids:
        raise ValidationError(_("You cannot ask yourself for a meeting."))
    if len(set(ids)) != len(ids):
        raise ValidationError(_("The same person is named twice."))
    everyone = [requester, *invitees]
    registered = set(registered_people(session).filter(pk__in=[p.pk for p in everyone]).values_list("pk", flat=True))
    missing = [p.full_name for p in everyone if p.pk not in registered]
    if missing:
        raise ValidationError(_("Not registered to the event: %(names)s.") % {"names": ", ".join(missing)})
    opted_out = Participant.objects.filter(session=session, person__in=invitees, takes_meetings=False)
    names = [p.person.full_name for p in opted_out.select_related("person")]
    if names:
        raise ValidationError(_("Not taking meeting requests: %(names)s.") % {"names": ", ".join(names)})
    if open_request_between(session, everyone) is not None:
        raise ValidationError(_("A request between the same people is already open."))


def open_request_between(session: B2BSession, people: Iterable[Person]) -> MeetingRequest | None:
    """An open (pending or accepted) request of the session naming exactly these people."""
    wanted = {p.pk for p in people}
    candidates = (session.requests.filter(status__in=(RequestStatus.PENDING, RequestStatus.ACCEPTED))
                  .filter(requester__in=wanted).prefetch_related("answers"))
    for request in candidates:
        if {request.requester_id, *(a.person_id for a in request.answers.all())} == wanted:
            return request
    return None


def check_cell(session: B2BSession, request: MeetingRequest, slot: Slot, table: MeetingTable, *,
               moving: Meeting | None = None) -> None:
    """``request`` may sit at ``table`` in ``slot``: both belong to the session, the table is free,
    every participant is free and available then, and (for a new meeting) under their limit."""
    if slot.session_id != session.pk or table.session_id != session.pk:
        raise ValidationError(_("This slot or table belongs to another session."))
    if request.status != RequestStatus.ACCEPTED:
        raise ValidationError(_("Only accepted requests can be placed in the schedule."))
    others = Meeting.objects.filter(slot=slot, status=MeetingStatus.SCHEDULED)
    if moving is not None:
        others = others.exclude(pk=moving.pk)
    problems = []
    if others.filter(table=table).exists():
        problems.append(_("%(table)s is taken at %(slot)s.") % {"table": table.name, "slot": slot})
    people = request_people(request)
    busy = (MeetingAttendee.objects.filter(slot=slot, active=True, person__in=people)
            .exclude(meeting=moving).select_related("person"))
    for attendee in busy:
        problems.append(_("%(name)s already has a meeting at %(slot)s.") % {
            "name": attendee.person.full_name, "slot": slot})
    unavailable = Participant.objects.filter(session=session, person__in=people, unavailable_slots=slot)
    for participant in unavailable.select_related("person"):
        problems.append(_("%(name)s is not available at %(slot)s.") % {
            "name": participant.person.full_name, "slot": slot})
    if moving is None:
        problems.extend(limit_problems(session, people))
    if problems:
        raise ValidationError(problems)


def limit_problems(session: B2BSession, people: Sequence[Person]) -> list[str]:
    """Messages for the people who already have as many meetings as they may have."""
    participants = {p.person_id: p for p in Participant.objects.filter(session=session, person__in=people)}
    problems = []
    for person in people:
        participant = participants.get(person.pk)
        limit = participant.limit(session) if participant else session.max_meetings
        if limit is None:
            continue
        count = MeetingAttendee.objects.filter(person=person, active=True, meeting__session=session).count()
        if count >= limit:
            problems.append(_("%(name)s already has %(n)d meetings, the most allowed.") % {
                "name": person.full_name, "n": count})
    return problems


def request_people(request: MeetingRequest) -> list[Person]:
    """Everyone a request brings together: the sender first, then the invitees in order."""
    return [request.requester, *(a.person for a in request.answers.select_related("person").order_by("pk"))]


def can_see_request(user: Any, request: MeetingRequest) -> bool:
    if is_coordinator(user):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    person = Person.objects.filter(user=user).first()
    return person is not None and (request.requester_id == person.pk
                                   or any(a.person_id == person.pk for a in request.answers.all()))
