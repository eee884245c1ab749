"""The scheduler job, its result, publication, and re-scheduling that never moves an announced meeting."""
from __future__ import annotations

import icalendar
import pytest
from django.core import mail
from django.db import IntegrityError

from passerelle.jobs.models import JobStatus
from passerelle.meetings import solver_adapter
from passerelle.meetings.enums import MeetingStatus, RequestStatus, RunStatus, SessionStatus
from passerelle.meetings.models import Meeting, MeetingAttendee, ScheduleRun
from passerelle.meetings.services import requests as request_services
from passerelle.meetings.services import schedule
from passerelle.scheduling import validate_schedule
from tests.factories import CoordinatorFactory

from .factories import make_request, make_session, participant, place, publish

pytestmark = pytest.mark.django_db


def cells(session) -> dict[int, tuple]:
    """request pk -> (slot start, table name) of the scheduled meetings."""
    return {m.request_id: (m.slot.start, m.table.name)
            for m in session.meetings.filter(status=MeetingStatus.SCHEDULED).select_related("slot", "table")}


def test_the_job_places_every_accepted_request_and_records_the_run(world):
    coordinator = CoordinatorFactory()
    requests = [make_request(world.session, world.lea, world.marc), make_request(world.session, world.lea, world.paul),
                make_request(world.session, world.ines, world.marc, world.paul)]
    make_request(world.session, world.ines, world.lea, status=RequestStatus.PENDING)

    job = schedule.run_start(actor=coordinator, session=world.session)

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert set(cells(world.session)) == {r.pk for r in requests}
    run = ScheduleRun.objects.get()
    assert (run.status, run.requests_count, run.placed_count, run.fixed_count) == (RunStatus.APPLIED, 3, 3, 0)
    assert run.objective == run.upper_bound and run.bound_share == 100.0
    assert run.started_by == coordinator and run.job_id == job.pk
    assert job.result["url"] == f"/meetings/{world.session.event.slug}/schedule/"
    world.session.refresh_from_db()
    assert world.session.status == SessionStatus.SCHEDULED
    # nobody twice in a slot: the attendees mirror the meetings
    seats = list(MeetingAttendee.objects.values_list("person_id", "slot_id"))
    assert len(seats) == len(set(seats)) == 7


def test_the_stored_schedule_passes_the_independent_validator(world):
    for a, b in [(world.lea, world.marc), (world.lea, world.paul), (world.ines, world.marc), (world.ines, world.paul),
                 (world.marc, world.paul)]:
        make_request(world.session, a, b)
    snapshot = solver_adapter.take_snapshot(world.session)
    schedule.run_start(actor=None, session=world.session)

    keys = {slot.pk: slot.key for slot in world.session.slots.all()}
    output = {"meetings": [{"request": f"r{m.request_id}", "slot": keys[m.slot_id], "table": m.table_id}
                           for m in world.session.meetings.all()]}
    assert validate_schedule(snapshot.data, output) == []
    assert len(output["meetings"]) == 5


def test_requests_that_cannot_fit_are_reported_with_the_reason(world):
    world.session.max_meetings = 1
    world.session.save()
    first = make_request(world.session, world.lea, world.marc)
    second = make_request(world.session, world.lea, world.paul)

    schedule.run_start(actor=None, session=world.session)

    run = ScheduleRun.objects.get()
    assert run.placed_count == 1
    left = {item["request"]: item for item in run.unscheduled}
    (pk, item), = left.items()
    assert pk in (first.pk, second.pk)
    assert item == {"request": pk, "code": "limit", "names": "Léa Dupont", "n": 1}


def test_publication_announces_meetings_and_mails_each_person_their_calendar(world, django_capture_on_commit_callbacks):
    request = make_request(world.session, world.lea, world.marc)
    schedule.run_start(actor=None, session=world.session)
    world.session.refresh_from_db()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        count = schedule.session_publish(actor=None, session=world.session, base_url="https://passerelle.example/")

    assert count == 1
    world.session.refresh_from_db()
    assert world.session.status == SessionStatus.PUBLISHED and world.session.sequence == 1
    assert Meeting.objects.get(request=request).published_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == ["lea@example.org", "marc@example.org"]
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert mimetype == "text/calendar" and name.endswith("-meetings.ics")
    assert len(icalendar.Calendar.from_ical(content).walk("VEVENT")) == 1


def test_rescheduling_after_publication_keeps_announced_meetings_in_place(world):
    early = [make_request(world.session, world.lea, world.marc), make_request(world.session, world.ines, world.paul)]
    schedule.run_start(actor=None, session=world.session)
    world.session.refresh_from_db()
    publish(world.session)
    announced = cells(world.session)
    uids = dict(Meeting.objects.values_list("request_id", "uid"))
    # a cancellation and late requests that would like the same people
    request_services.request_cancel(actor=None, request=early[1], by=world.ines)
    late = [make_request(world.session, world.lea, world.paul), make_request(world.session, world.marc, world.ines),
            make_request(world.session, world.lea, world.ines)]

    schedule.run_start(actor=None, session=world.session)

    now = cells(world.session)
    assert now[early[0].pk] == announced[early[0].pk]
    assert Meeting.objects.get(request=early[0], status=MeetingStatus.SCHEDULED).uid == uids[early[0].pk]
    assert Meeting.objects.get(request=early[1]).status == MeetingStatus.CANCELLED
    assert {r.pk for r in late} <= set(now)
    run = ScheduleRun.objects.filter(status=RunStatus.APPLIED).get()
    assert run.fixed_count == 1
    assert ScheduleRun.objects.filter(status=RunStatus.SUPERSEDED).count() == 1


def test_locked_draft_meetings_stay_and_unlocked_ones_may_move(world):
    session = make_session(tables=1, start=10, end=11)
    a, b, c = participant(session), participant(session), participant(session)
    kept = make_request(session, a, b)
    meeting = place(session, kept, 1)
    schedule.meeting_set_locked(actor=None, meeting=meeting, locked=True)
    other = make_request(session, a, c)

    schedule.run_start(actor=None, session=session)

    slots = list(session.slots.all())
    assert cells(session) == {kept.pk: (slots[1].start, "Table 1"), other.pk: (slots[0].start, "Table 1")}


def test_a_job_killed_while_writing_leaves_the_published_schedule_intact(world, monkeypatch):
    request = make_request(world.session, world.lea, world.marc)
    schedule.run_start(actor=None, session=world.session)
    world.session.refresh_from_db()
    publish(world.session)
    before = list(Meeting.objects.values_list("pk", "request_id", "slot_id", "table_id", "status", "published_at"))
    seats = list(MeetingAttendee.objects.values_list("pk", "person_id", "slot_id", "active"))
    make_request(world.session, world.ines, world.paul)
    make_request(world.session, world.lea, world.paul)

    def killed(*args, **kwargs):
        raise SystemExit("worker killed")  # what a stopped process looks like half-way through the write

    monkeypatch.setattr(MeetingAttendee.objects, "bulk_create", killed)
    job = schedule.run_start(actor=None, session=world.session)

    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING  # never finished: the worker died in the middle of the write

    assert list(Meeting.objects.values_list("pk", "request_id", "slot_id", "table_id", "status",
                                            "published_at")) == before
    assert list(MeetingAttendee.objects.values_list("pk", "person_id", "slot_id", "active")) == seats
    assert ScheduleRun.objects.count() == 1
    assert Meeting.objects.get(request=request).published_at is not None


def test_a_run_whose_snapshot_is_stale_writes_nothing(world):
    make_request(world.session, world.lea, world.marc)
    snapshot = solver_adapter.take_snapshot(world.session)
    make_request(world.session, world.ines, world.paul)  # accepted while the solver was busy

    with pytest.raises(schedule.ScheduleChanged):
        schedule.run_apply(actor=None, session_id=world.session.pk, snapshot=snapshot,
                           output={"status": "optimal", "meetings": [], "objective": 0, "upper_bound": 0, "breaks": 0,
                                   "solve_seconds": 0}, greedy={"objective": 0, "breaks": 0}, unscheduled=[])
    assert not Meeting.objects.exists() and not ScheduleRun.objects.exists()


def test_the_job_fails_readably_when_the_schedule_changed_meanwhile(world, monkeypatch):
    make_request(world.session, world.lea, world.marc)
    real = solver_adapter.take_snapshot

    def snapshot_then_change(session):
        snapshot = real(session)
        make_request(world.session, world.ines, world.paul)
        return snapshot

    monkeypatch.setattr(solver_adapter, "take_snapshot", snapshot_then_change)
    job = schedule.run_start(actor=None, session=world.session)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "changed while the scheduler was running" in job.error
    assert not Meeting.objects.exists()


def test_only_one_run_at_a_time_and_not_on_a_draft(world):
    world.session.status = SessionStatus.DRAFT
    with pytest.raises(Exception, match="Open the session"):
        schedule.run_start(actor=None, session=world.session)


def test_the_database_refuses_a_person_twice_in_a_slot(world):
    first = place(world.session, make_request(world.session, world.lea, world.marc), 0, 0)
    other = make_request(world.session, world.lea, world.paul)
    with pytest.raises(IntegrityError):
        MeetingAttendee.objects.create(meeting=Meeting.objects.create(
            session=world.session, request=other, slot=first.slot, table=world.session.tables.last()),
            person=world.lea, slot=first.slot)
