"""Two coordinators adjusting the same grid at once never book a person twice: the session row lock
makes the second wait, then refuse with a readable reason (not a database error).

Needs PostgreSQL (SQLite has no row locks and one writer at a time): skipped on SQLite.
"""
from __future__ import annotations

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import translation

from passerelle.meetings import rules
from passerelle.meetings.models import MeetingAttendee
from passerelle.meetings.services import schedule

from .factories import make_request, place

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_cannot_put_one_person_in_two_meetings_of_a_slot(world, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    # Widen the race window: each move pauses between checking the rules and writing, so that
    # without the lock both would find Léa free in the target slot.
    check = rules.check_cell

    def slow_check(*args, **kwargs):
        check(*args, **kwargs)
        time.sleep(0.5)

    monkeypatch.setattr(rules, "check_cell", slow_check)
    first = place(world.session, make_request(world.session, world.lea, world.marc), 0, 0)
    second = place(world.session, make_request(world.session, world.lea, world.paul), 1, 1)
    target = list(world.session.slots.all())[3]
    tables = list(world.session.tables.all())
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def move(meeting, table):
        translation.activate("en")  # a new thread starts in the default language (French)
        try:
            barrier.wait(timeout=10)
            schedule.meeting_move(actor=None, meeting=meeting, slot=target, table=table)
            outcomes.append("moved")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        except BaseException as error:  # noqa: BLE001 - reported below
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=move, args=(first, tables[0])),
               threading.Thread(target=move, args=(second, tables[1]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == sorted(["moved", f"Léa Dupont already has a meeting at {target}."])
    seats = list(MeetingAttendee.objects.filter(person=world.lea, active=True).values_list("slot_id", flat=True))
    assert len(seats) == len(set(seats)) == 2


@pytest.mark.django_db(transaction=True)
def test_lock_helper_refuses_to_run_outside_a_transaction(world):
    from passerelle.meetings.locking import lock_session

    with pytest.raises(RuntimeError, match="inside transaction.atomic"):
        lock_session(world.session.pk)
