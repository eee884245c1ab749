"""The schedule: start a scheduler run, write its result, adjust by hand, lock, cancel and publish.

Every function here runs under the session lock (``lock_session``) and checks ``rules`` again
there, so two coordinators working on one grid never double-book a person or a table. Meetings
already announced (``published_at`` set) are never moved by the scheduler; a coordinator may
still move or cancel one by hand, and then its people are told and their calendars updated.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.actors import recorded_user
from passerelle.core.mail import after_commit
from passerelle.directory.models import Person
from passerelle.jobs.models import Job
from passerelle.jobs.services import job_start_unless_pending, pending_job

from .. import ics, notifications, rules, selectors
from ..enums import MeetingStatus, RunStatus, SessionStatus
from ..locking import lock_session
from ..models import B2BSession, Meeting, MeetingAttendee, MeetingRequest, MeetingTable, ScheduleRun, Slot
from ..solver_adapter import Snapshot, fingerprint, meetings_of_output
from . import audit
from .sessions import record_status

HANDLER = "passerelle.meetings.jobs.solve_session"
SCHEDULABLE = (SessionStatus.OPEN, SessionStatus.SCHEDULED, SessionStatus.PUBLISHED)


class ScheduleChanged(ValidationError):
    """The schedule changed while the scheduler was running: its answer is not written."""


def running_job(session: B2BSession) -> Job | None:
    """The scheduler job of ``session`` that is queued or running, if any."""
    return pending_job(HANDLER, session)


def run_start(*, actor: Any, session: B2BSession) -> Job:
    """Queue a scheduler run for ``session`` (one at a time)."""
    if session.status not in SCHEDULABLE:
        raise ValidationError(_("Open the session before scheduling its meetings."))
    job, started = job_start_unless_pending(
        handler=HANDLER, user=actor, params={"session": session.pk}, target=session,
        title=_("Scheduling the meetings of %(event)s") % {"event": session.event.title})
    if not started:
        raise ValidationError(_("The scheduler is already running for this session."))
    return job


def run_apply(*, actor: Any, session_id: int, snapshot: Snapshot, output: dict, greedy: dict,
              unscheduled: list[dict], job_id: Any = None) -> ScheduleRun:
    """Write a solver's answer in one transaction: the draft meetings it re-placed are replaced,
    announced and locked ones were fixed and stay. Refused (``ScheduleChanged``, nothing written)
    if anything the run relied on changed since its snapshot."""
    with transaction.atomic():
        session = lock_session(session_id)
        if fingerprint(session) != snapshot.fingerprint:
            raise ScheduleChanged(_("The schedule changed while the scheduler was running (a meeting moved, a "
                                    "request was answered or cancelled, someone changed their availability); "
                                    "nothing was written. Run the scheduler again."))
        Meeting.objects.filter(pk__in=snapshot.replaced_meetings, published_at__isnull=True).delete()
        session.runs.filter(status=RunStatus.APPLIED).update(status=RunStatus.SUPERSEDED)
        run = ScheduleRun.objects.create(
            session=session, job_id=job_id, started_by=recorded_user(actor),
            status=RunStatus.APPLIED, solver_status=output["status"], requests_count=len(snapshot.data["requests"]),
            fixed_count=len(snapshot.data["fixed"]), placed_count=len(output["meetings"]),
            objective=output["objective"], upper_bound=output["upper_bound"], breaks=output["breaks"],
            max_breaks=output.get("max_breaks", 0), greedy_objective=greedy["objective"],
            greedy_breaks=greedy["breaks"],
            unscheduled=unscheduled, message="\n".join(snapshot.warnings), solve_seconds=output["solve_seconds"],
            finished_at=timezone.now(),
        )
        slot_pks = dict((slot.key, slot.pk) for slot in session.slots.all())
        _create_meetings(session, meetings_of_output(snapshot, output, slot_pks), run)
        if session.status == SessionStatus.OPEN:
            record_status(actor=actor, session=session, to_status=SessionStatus.SCHEDULED,
                          note=_("scheduler run"))
    return run


def _create_meetings(session: B2BSession, cells: list[tuple[int, int, int]], run: ScheduleRun | None) -> list[Meeting]:
    """Meetings (and their attendees) for (request pk, slot pk, table pk) cells."""
    meetings = Meeting.objects.bulk_create([Meeting(session=session, request_id=request, slot_id=slot, table_id=table,
                                                    run=run) for request, slot, table in cells])
    requests = MeetingRequest.objects.prefetch_related("answers").in_bulk([request for request, _s, _t in cells])
    attendees = []
    for meeting in meetings:
        request = requests[meeting.request_id]
        for person_id in [request.requester_id, *(a.person_id for a in request.answers.all())]:
            attendees.append(MeetingAttendee(meeting=meeting, person_id=person_id, slot_id=meeting.slot_id))
    MeetingAttendee.objects.bulk_create(attendees)
    return meetings


def meeting_move(*, actor: Any, meeting: Meeting, slot: Slot, table: MeetingTable, base_url: str = "") -> Meeting:
    """Move a meeting to another cell; the rules are checked against the freshest state."""
    with transaction.atomic():
        session = lock_session(meeting.session_id)
        meeting = (Meeting.objects.select_for_update(of=("self",)).select_related("slot", "table", "request")
                   .get(pk=meeting.pk))
        if meeting.is_cancelled:
            raise ValidationError(_("This meeting is cancelled."))
        if (meeting.slot_id, meeting.table_id) == (slot.pk, table.pk):
            return meeting
        rules.check_cell(session, meeting.request, slot, table, moving=meeting)
        before = f"{meeting.slot} · {meeting.table}"
        meeting.slot, meeting.table = slot, table
        if meeting.is_announced:
            meeting.sequence += 1
            session.sequence += 1
            session.save(update_fields=["sequence", "updated_at"])
        meeting.save(update_fields=["slot", "table", "sequence", "updated_at"])
        meeting.attendees.update(slot=slot)
        audit.record(actor=actor, obj=meeting, changes={"cell": [before, f"{slot} · {table}"]})
        if meeting.is_announced:
            after_commit(partial(notifications.send_meeting_changed, meeting,
                                          calendar_maker(session, base_url), base_url=base_url, before=before))
    return meeting


def meeting_place(*, actor: Any, session: B2BSession, request: MeetingRequest, slot: Slot,
                  table: MeetingTable) -> Meeting:
    """Place an accepted request by hand in a free cell (a draft meeting until published)."""
    with transaction.atomic():
        session = lock_session(session.pk)
        request = MeetingRequest.objects.select_related("requester").get(pk=request.pk, session=session)
        if request.meetings.filter(status=MeetingStatus.SCHEDULED).exists():
            raise ValidationError(_("This request already has a meeting."))
        rules.check_cell(session, request, slot, table)
        meeting = _create_meetings(session, [(request.pk, slot.pk, table.pk)], None)[0]
        audit.record(actor=actor, obj=meeting, changes={"cell": ["", f"{slot} · {table}"]})
        if session.status == SessionStatus.OPEN:
            record_status(actor=actor, session=session, to_status=SessionStatus.SCHEDULED, note=_("placed by hand"))
    return meeting


def meeting_set_locked(*, actor: Any, meeting: Meeting, locked: bool) -> Meeting:
    with transaction.atomic():
        lock_session(meeting.session_id)
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.locked != locked:
            meeting.locked = locked
            meeting.save(update_fields=["locked", "updated_at"])
            audit.record(actor=actor, obj=meeting, changes={"locked": [str(not locked), str(locked)]})
    return meeting


def meeting_cancel_locked(*, actor: Any, session: B2BSession, meeting: Meeting, base_url: str = "") -> None:
    """Under the session lock: a draft meeting is removed; an announced one is marked cancelled
    (calendars receive the cancellation) and its people are told."""
    if not meeting.is_announced:
        meeting.delete()
        return
    meeting.status = MeetingStatus.CANCELLED
    meeting.locked = False
    meeting.sequence += 1
    meeting.save(update_fields=["status", "locked", "sequence", "updated_at"])
    meeting.attendees.update(active=False)
    session.sequence += 1
    session.save(update_fields=["sequence", "updated_at"])
    audit.record(actor=actor, obj=meeting, changes={"status": [MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED]})
    after_commit(partial(notifications.send_meeting_changed, meeting, calendar_maker(session, base_url),
                                  base_url=base_url))


def session_publish(*, actor: Any, session: B2BSession, base_url: str = "") -> int:
    """Announce every meeting not yet announced; each person concerned receives their agenda with
    its calendar file. Returns the number of meetings announced."""
    with transaction.atomic():
        session = lock_session(session.pk)
        if session.status not in (SessionStatus.SCHEDULED, SessionStatus.PUBLISHED):
            raise ValidationError(_("Schedule the meetings before publishing them."))
        fresh = list(session.meetings.filter(status=MeetingStatus.SCHEDULED, published_at__isnull=True))
        if not fresh and session.status == SessionStatus.PUBLISHED:
            raise ValidationError(_("There is nothing new to publish."))
        now = timezone.now()
        Meeting.objects.filter(pk__in=[m.pk for m in fresh]).update(published_at=now)
        if session.status != SessionStatus.PUBLISHED:
            record_status(actor=actor, session=session, to_status=SessionStatus.PUBLISHED)
        session.sequence += 1
        session.published_at = now
        session.save(update_fields=["sequence", "published_at", "updated_at"])
        audit.record(actor=actor, obj=session, changes={"published": ["", str(len(fresh))]})
        counts = dict(MeetingAttendee.objects.filter(meeting__in=fresh).values_list("person_id")
                      .annotate(n=Count("pk")).order_by())
        people = Person.objects.filter(pk__in=counts).prefetch_related("languages")
        after_commit(partial(_send_agendas, session, list(people), counts, base_url))
    return len(fresh)


def _send_agendas(session: B2BSession, people: list[Person], counts: dict[int, int], base_url: str) -> None:
    make = calendar_maker(session, base_url)
    for person in people:
        notifications.send_agenda(session, person, make(person), base_url=base_url, new=counts.get(person.pk, 0))


def calendar_maker(session: B2BSession, base_url: str = "") -> Callable[[Person], bytes]:
    """person -> their calendar of the session's announced meetings."""
    url = base_url.rstrip("/") + session.agenda_url() if base_url else ""

    def make(person: Person) -> bytes:
        return ics.agenda_calendar(session, person, selectors.agenda_of(session, person), url)

    return make
