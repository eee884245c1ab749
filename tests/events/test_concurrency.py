"""Two people racing for the last seat: the event row lock lets only one of them in.

Needs PostgreSQL (SQLite has no row locks and one writer at a time): skipped on SQLite.
"""
from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections

from passerelle.events import rules, services
from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Registration
from tests.factories import PersonFactory

from .factories import EventFactory

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_two_people_cannot_both_take_the_last_seat(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    # Widen the race window: each registrant pauses between counting the seats and taking one,
    # so without the lock both would see a free seat.
    count_seats = rules.confirmed_count

    def slow_count(event):
        seats = count_seats(event)
        time.sleep(0.5)
        return seats

    monkeypatch.setattr(rules, "confirmed_count", slow_count)
    event = EventFactory(capacity=1)
    people = [PersonFactory(), PersonFactory()]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def take_seat(person):
        try:
            barrier.wait(timeout=10)
            services.registration_register(actor=None, event=event, person=person, role="delegate",
                                           consent_to_list=False)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take_seat, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


@pytest.mark.django_db(transaction=True)
def test_lock_helper_refuses_to_run_outside_a_transaction():
    from passerelle.events.locking import lock_event

    event = EventFactory()
    with pytest.raises(RuntimeError, match="inside transaction.atomic"):
        lock_event(event.pk)
