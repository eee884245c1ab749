"""A session's grid: slots cut from windows around breaks, edits that keep what holds meetings,
status moves; the pure slot cutter with hypothesis."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from passerelle.meetings.enums import SessionStatus
from passerelle.meetings.grid import cut_slots
from passerelle.meetings.models import B2BSession, SessionStatusChange
from passerelle.meetings.services import sessions as services

from .factories import local, make_request, make_session, participant, place

pytestmark = pytest.mark.django_db
T0 = datetime(2027, 6, 1, 9, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_slots_skip_breaks_and_stop_at_the_window_end():
    slots = cut_slots([(at(0), at(200))], [(at(50), at(70))], minutes=30)
    assert [(s - T0).seconds // 60 for _w, s, _e in slots] == [0, 70, 100, 130, 160]
    assert all(e - s == timedelta(minutes=30) for _w, s, e in slots)


def test_each_window_gets_its_own_slots():
    slots = cut_slots([(at(0), at(60)), (at(120), at(180))], [], minutes=20)
    assert [w for w, _s, _e in slots] == [0, 0, 0, 1, 1, 1]


@given(st.lists(st.tuples(st.integers(0, 600), st.integers(5, 90)), max_size=4), st.integers(5, 60))
def test_no_slot_overlaps_a_break_or_leaves_its_window(breaks, minutes):
    pauses = [(at(start), at(start + length)) for start, length in breaks]
    slots = cut_slots([(at(0), at(480))], pauses, minutes)
    for _w, start, end in slots:
        assert at(0) <= start < end <= at(480)
        assert all(not (b0 < end and start < b1) for b0, b1 in pauses)
    assert all(a[2] <= b[1] for a, b in zip(slots, slots[1:], strict=False))


def test_saving_again_keeps_slots_and_their_availability(world):
    first = list(world.session.slots.all())
    event = world.session.event
    services.session_save(actor=None, session=world.session, windows=[(local(event, 0, 10), local(event, 0, 13))],
                          breaks=[], tables=[("Table 1", ""), ("Table 2", ""), ("Table 3", "Hall B")])
    after = list(world.session.slots.all())
    assert [s.pk for s in after[:len(first)]] == [s.pk for s in first]
    assert len(after) == 6 and world.session.tables.count() == 3


def test_a_slot_or_table_holding_a_meeting_cannot_disappear(world):
    meeting = place(world.session, make_request(world.session, world.lea, world.marc), 3, 1)
    event = world.session.event
    with pytest.raises(ValidationError, match="These slots hold meetings"):
        services.session_save(actor=None, session=world.session,
                              windows=[(local(event, 0, 10), local(event, 0, 11))], breaks=[],
                              tables=[("Table 1", ""), ("Table 2", "")])
    with pytest.raises(ValidationError, match="These tables hold meetings"):
        services.session_save(actor=None, session=world.session,
                              windows=[(local(event, 0, 10), local(event, 0, 12))], breaks=[],
                              tables=[("Table 1", "")])
    world.session.refresh_from_db()
    assert world.session.slots.count() == 4 and world.session.tables.count() == 2
    assert meeting.slot in world.session.slots.all()


def test_changing_the_slot_length_is_refused_once_meetings_exist(world):
    place(world.session, make_request(world.session, world.lea, world.marc), 0)
    world.session.slot_minutes = 20
    with pytest.raises(ValidationError, match="hold meetings"):
        services.session_save(actor=None, session=world.session,
                              windows=[(w.start, w.end) for w in world.session.windows.all()], breaks=[],
                              tables=[("Table 1", ""), ("Table 2", "")])


@pytest.mark.parametrize("windows, message", [
    ([], "at least one time window"),
    ([(0, 10, 12), (0, 11, 13)], "overlap"),
    ([(5, 10, 12)], "within the event"),
])
def test_bad_windows_are_refused(windows, message):
    session = make_session()
    event = session.event
    with pytest.raises(ValidationError, match=message):
        services.session_save(actor=None, session=session, breaks=[], tables=[("T", "")],
                              windows=[(local(event, d, a), local(event, d, b)) for d, a, b in windows])


def test_two_tables_with_one_name_are_refused():
    session = make_session()
    with pytest.raises(ValidationError, match="same name"):
        services.session_save(actor=None, session=session, breaks=[], tables=[("A", ""), ("a", "")],
                              windows=[(w.start, w.end) for w in session.windows.all()])


def test_status_moves_are_recorded_and_forbidden_ones_refused(coordinator):
    session = make_session(status=SessionStatus.DRAFT)
    services.session_set_status(actor=coordinator, session=session, to_status=SessionStatus.OPEN)
    assert SessionStatusChange.objects.get().by == coordinator
    with pytest.raises(ValidationError, match="cannot move"):
        services.session_set_status(actor=coordinator, session=session, to_status=SessionStatus.PUBLISHED)
    make_request(session, participant(session), participant(session))
    with pytest.raises(ValidationError, match="can no longer go back to draft"):
        services.session_set_status(actor=coordinator, session=session, to_status=SessionStatus.DRAFT)
    assert B2BSession.objects.get().status == SessionStatus.OPEN
