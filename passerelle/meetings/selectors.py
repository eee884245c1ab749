"""Reads of bilateral meetings: which session a user may open, people to meet, requests, agendas,
the coordinator's grid and the scheduler's last result, with the relations each page needs."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from passerelle.directory.models import Affiliation, Person
from passerelle.directory.selectors import is_coordinator, visible_condition
from passerelle.events.selectors import events_visible_to
from passerelle.jobs.models import Job

from . import reasons, rules
from .enums import Answer, MeetingStatus, RequestStatus, SessionStatus
from .models import (
    B2BSession,
    Meeting,
    MeetingAttendee,
    MeetingFeedback,
    MeetingRequest,
    MeetingTable,
    Participant,
    RequestInvitee,
    ScheduleRun,
    Slot,
)

AFFILIATIONS = Prefetch("affiliations", queryset=Affiliation.objects.select_related("organisation"))


def person_of(user: Any) -> Person | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Person.objects.filter(user=user).first()


def session_for(user: Any, slug: str) -> B2BSession:
    """The session of a visible event; a draft session exists for coordinators only (404 otherwise)."""
    event = get_object_or_404(events_visible_to(user), slug=slug)
    session = get_object_or_404(B2BSession.objects.select_related("event"), event=event)
    if session.status == SessionStatus.DRAFT and not is_coordinator(user):
        raise Http404
    return session


def session_of_event(event: Any) -> B2BSession | None:
    return B2BSession.objects.filter(event=event).first()


def participant_settings(session: B2BSession, person: Person) -> Participant | None:
    return Participant.objects.filter(session=session, person=person).prefetch_related("unavailable_slots").first()


# People to meet ---------------------------------------------------------------------------------

def people_to_meet(*, session: B2BSession, viewer: Any, person: Person | None, q: str = "") -> QuerySet[Person]:
    """Registered people ``viewer`` may see, themself excluded, taking meetings, optionally searched."""
    people = rules.registered_people(session).filter(visible_condition(viewer))
    people = people.exclude(pk__in=Participant.objects.filter(session=session, takes_meetings=False)
                            .values("person_id"))
    if person is not None:
        people = people.exclude(pk=person.pk)
    for word in q.split():
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word)
                               | Q(organisations__name__icontains=word) | Q(organisations__acronym__icontains=word)
                               | Q(expertise__icontains=word) | Q(keywords__icontains=word)).distinct()
    return people.prefetch_related(AFFILIATIONS).order_by("last_name", "first_name", "pk")


def request_partners(session: B2BSession, person: Person) -> dict[int, MeetingRequest]:
    """For each person ``person`` already has an open two-person request with: that request."""
    partners: dict[int, MeetingRequest] = {}
    open_requests = (session.requests.filter(status__in=(RequestStatus.PENDING, RequestStatus.ACCEPTED))
                     .filter(Q(requester=person) | Q(answers__person=person)).distinct()
                     .prefetch_related("answers"))
    for request in open_requests:
        people = {request.requester_id, *(a.person_id for a in request.answers.all())}
        if len(people) == 2:
            partners[(people - {person.pk}).pop()] = request
    return partners


# Requests ---------------------------------------------------------------------------------------

def with_request_relations(requests: QuerySet[MeetingRequest]) -> QuerySet[MeetingRequest]:
    answers = RequestInvitee.objects.select_related("person").prefetch_related(
        Prefetch("person__affiliations", queryset=Affiliation.objects.select_related("organisation")))
    return (requests.select_related("requester", "session__event")
            .prefetch_related(Prefetch("answers", queryset=answers.order_by("pk")),
                              Prefetch("requester__affiliations",
                                       queryset=Affiliation.objects.select_related("organisation")),
                              Prefetch("meetings", queryset=Meeting.objects.filter(status=MeetingStatus.SCHEDULED)
                                       .select_related("slot", "table"))))


@dataclass
class MyRequests:
    received_pending: list[MeetingRequest] = field(default_factory=list)
    received: list[MeetingRequest] = field(default_factory=list)
    sent: list[MeetingRequest] = field(default_factory=list)


def my_requests(session: B2BSession, person: Person) -> MyRequests:
    """Requests ``person`` received (those awaiting their answer first) and sent, newest first."""
    mine = MyRequests()
    received = with_request_relations(session.requests.filter(answers__person=person))
    for request in received:
        answer = next(a for a in request.answers.all() if a.person_id == person.pk)
        request.my_answer = answer
        if answer.answer == Answer.PENDING and request.status == RequestStatus.PENDING:
            mine.received_pending.append(request)
        else:
            mine.received.append(request)
    mine.sent = list(with_request_relations(session.requests.filter(requester=person)))
    return mine


@dataclass(frozen=True)
class RequestFilters:
    status: str = ""
    q: str = ""


def request_list(*, session: B2BSession, filters: RequestFilters) -> QuerySet[MeetingRequest]:
    """Every request of a session for its coordinators, filtered by status and names."""
    requests = session.requests.all()
    if filters.status:
        requests = requests.filter(status=filters.status)
    for word in filters.q.split():
        requests = requests.filter(Q(requester__first_name__icontains=word) | Q(requester__last_name__icontains=word)
                                   | Q(answers__person__first_name__icontains=word)
                                   | Q(answers__person__last_name__icontains=word)).distinct()
    return with_request_relations(requests).order_by("-created_at", "-pk")


def request_counts(session: B2BSession) -> list[tuple[str, str, int]]:
    """(status, label, number of requests) for every request status, in the order of the workflow."""
    counts = dict(session.requests.values_list("status").annotate(n=Count("pk")).order_by())
    return [(status.value, status.label, counts.get(status.value, 0)) for status in RequestStatus]


# Meetings and agendas ---------------------------------------------------------------------------

def with_people(meetings: QuerySet[Meeting]) -> list[Meeting]:
    """Meetings with slot, table, request and ``people`` (everyone at it, with organisations)."""
    attendees = MeetingAttendee.objects.select_related("person").prefetch_related(
        Prefetch("person__affiliations", queryset=Affiliation.objects.select_related("organisation"))
    ).order_by("pk")
    rows = list(meetings.select_related("slot", "table", "request", "session__event")
                .prefetch_related(Prefetch("attendees", queryset=attendees)))
    for meeting in rows:
        meeting.people = [a.person for a in meeting.attendees.all()]
    return rows


def agenda_meetings(person: Person, *, session: B2BSession | None = None, include_drafts: bool = False,
                    seen_by: Any = None) -> QuerySet[Meeting]:
    """``person``'s meetings in time order: announced ones (cancelled included, for calendars), and
    with ``include_drafts`` the not yet published ones too (coordinators' preview). One session's,
    or with ``seen_by`` those of every session (not draft) of the events that user sees."""
    meetings = Meeting.objects.filter(attendees__person=person)
    if session is not None:
        meetings = meetings.filter(session=session)
    if seen_by is not None:
        meetings = meetings.exclude(session__status=SessionStatus.DRAFT).filter(
            session__event__in=events_visible_to(seen_by))
    if not include_drafts:
        meetings = meetings.filter(published_at__isnull=False)
    else:
        meetings = meetings.filter(Q(published_at__isnull=False) | Q(status=MeetingStatus.SCHEDULED))
    return meetings.order_by("slot__start", "pk")


def agenda_of(session: B2BSession, person: Person, *, include_drafts: bool = False) -> list[Meeting]:
    """One session's agenda of ``person`` (see :func:`agenda_meetings`), people included."""
    return with_people(agenda_meetings(person, session=session, include_drafts=include_drafts))


def my_sessions(user: Any) -> list[B2BSession]:
    """Sessions (not draft) of the events the user is registered to, soonest first."""
    person = person_of(user)
    if person is None:
        return []
    return list(B2BSession.objects.exclude(status=SessionStatus.DRAFT)
                .filter(event__in=events_visible_to(user), event__registrations__person=person,
                        event__registrations__status="confirmed")
                .select_related("event").order_by("event__start", "pk").distinct())


def feedback_by_meeting(person: Person, meetings: list[Meeting]) -> dict[int, MeetingFeedback]:
    return {f.meeting_id: f for f in MeetingFeedback.objects.filter(person=person, meeting__in=meetings)}


def meeting_is_over(meeting: Meeting, now=None) -> bool:
    return meeting.slot.end <= (now or timezone.now())


# The coordinator's grid -------------------------------------------------------------------------

@dataclass
class GridRow:
    slot: Slot
    cells: list[tuple[MeetingTable, Meeting | None]]


def grid(session: B2BSession, *, day=None) -> tuple[list[MeetingTable], list[GridRow]]:
    """Slots × tables with the scheduled meeting of each cell (optionally one day, in the event's zone)."""
    tables = list(session.tables.all())
    slots = list(session.slots.all())
    if day is not None:
        slots = [s for s in slots if session.event.local(s.start).date() == day]
    placed = {(m.slot_id, m.table_id): m
              for m in with_people(session.meetings.filter(status=MeetingStatus.SCHEDULED, slot__in=slots))}
    return tables, [GridRow(slot, [(table, placed.get((slot.pk, table.pk))) for table in tables]) for slot in slots]


def days_of(session: B2BSession) -> list:
    return sorted({session.event.local(slot.start).date() for slot in session.slots.all()})


def table_day(session: B2BSession, table: MeetingTable, day) -> list[Meeting]:
    meetings = session.meetings.filter(table=table, status=MeetingStatus.SCHEDULED).order_by("slot__start")
    return [m for m in with_people(meetings) if session.event.local(m.slot.start).date() == day]


def unscheduled_requests(session: B2BSession) -> list[MeetingRequest]:
    """Accepted requests without a scheduled meeting, each with the last run's reason (``reason``)."""
    requests = list(with_request_relations(session.requests.filter(status=RequestStatus.ACCEPTED)
                                           .exclude(meetings__status=MeetingStatus.SCHEDULED)))
    run = last_run(session)
    known = {item["request"]: item for item in (run.unscheduled if run else [])}
    for request in requests:
        item = known.get(request.pk)
        request.reason = reasons.reason_text(item) if item else ""
    return requests


def last_run(session: B2BSession) -> ScheduleRun | None:
    return session.runs.order_by("-created_at", "-pk").first()


def breaks_proof(run: ScheduleRun | None) -> dict | None:
    """How far the run's idle gaps are from the fewest possible, as its job recorded it:
    ``{"bound": proven minimum, "gap": breaks above it}``, or None when unknown (older runs,
    a purged job). The bound is proven among schedules placing as much value as this one."""
    if run is None or run.job_id is None:
        return None
    result = Job.objects.filter(pk=run.job_id).values_list("result", flat=True).first() or {}
    bound = result.get("breaks_lower_bound") if isinstance(result, dict) else None
    if isinstance(bound, bool) or not isinstance(bound, int) or not 0 <= bound <= run.breaks:
        return None
    return {"bound": bound, "gap": run.breaks - bound}


def unannounced_count(session: B2BSession) -> int:
    return session.meetings.filter(status=MeetingStatus.SCHEDULED, published_at__isnull=True).count()


def free_cells(session: B2BSession, meeting: Meeting | None, request: MeetingRequest) -> list[tuple[Slot, list]]:
    """For the no-JS move form: each slot with the tables free in it where everyone of ``request`` is
    free and available (the cell of ``meeting`` itself excluded)."""
    people = [p.pk for p in rules.request_people(request)]
    taken_tables: dict[int, set[int]] = {}
    for slot_id, table_id in (session.meetings.filter(status=MeetingStatus.SCHEDULED)
                              .exclude(pk=getattr(meeting, "pk", None)).values_list("slot_id", "table_id")):
        taken_tables.setdefault(slot_id, set()).add(table_id)
    busy = set(MeetingAttendee.objects.filter(active=True, person_id__in=people, meeting__session=session)
               .exclude(meeting=meeting).values_list("slot_id", flat=True))
    unavailable = set(Participant.unavailable_slots.through.objects
                      .filter(participant__session=session, participant__person_id__in=people)
                      .values_list("slot_id", flat=True))
    tables = list(session.tables.all())
    cells = []
    for slot in session.slots.all():
        if slot.pk in busy or slot.pk in unavailable:
            continue
        free = [t for t in tables if t.pk not in taken_tables.get(slot.pk, set())]
        if free:
            cells.append((slot, free))
    return cells


def request_urls_for_partners(viewer: Any, person: Person, partner_pks: Iterable[int]) -> dict[tuple[int, int], str]:
    """Where ``viewer`` — only when they are ``person`` — may ask each partner for a meeting:
    (event pk, partner pk) → the meetings app's request page, for every session open to requests
    at which both take part."""
    if not getattr(viewer, "is_authenticated", False) or person.user_id != viewer.pk:
        return {}
    wanted = list(partner_pks)
    urls: dict[tuple[int, int], str] = {}
    for session in my_sessions(viewer):
        if not session.accepts_requests():
            continue
        open_to = people_to_meet(session=session, viewer=viewer, person=person).filter(pk__in=wanted)
        for pk in open_to.values_list("pk", flat=True):
            urls[(session.event_id, pk)] = reverse("meetings:request_create", args=[session.event.slug, pk])
    return urls
