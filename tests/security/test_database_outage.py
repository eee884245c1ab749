"""The database going away during a request: a clean 503 page, nothing half-written, and the
next request served again.

On PostgreSQL the server really ends the request's connection (``pg_terminate_backend``, what
a restart does to every connection) while the registration is being written. Terminating our
own backend, rather than restarting the server, leaves other databases on the server alone.
"""
from __future__ import annotations

import psycopg
import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from passerelle.core.errors import server_error
from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Registration
from tests.events.factories import EventFactory
from tests.factories import MemberFactory, PersonFactory


def member_with_profile():
    user = MemberFactory(email="lea@example.org")
    PersonFactory(user=user, email="lea@example.org")
    return user


def assert_clean_503(response) -> None:
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Traceback" not in body
    assert "Service temporarily unavailable" in body or "indisponible" in body


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_connection_killed_while_registering_gives_503_and_writes_nothing(client):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    event = EventFactory(capacity=10)
    client.force_login(member_with_profile())
    client.get(reverse("events:detail", args=[event.slug]))
    settings = connection.settings_dict
    killed = []

    def kill_before_insert(execute, sql, params, many, context):
        if sql.startswith("INSERT") and "events_registration" in sql and not killed:
            pid = connection.connection.info.backend_pid
            with psycopg.connect(host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432,
                                 user=settings["USER"], password=settings["PASSWORD"] or None,
                                 dbname=settings["NAME"], autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])
            killed.append(pid)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(kill_before_insert):
        response = client.post(reverse("events:register", args=[event.slug]), {"role": "delegate"})

    assert killed
    assert_clean_503(response)
    connection.close()
    assert Registration.objects.filter(event=event).count() == 0
    # The database is back: the same request now goes through.
    response = client.post(reverse("events:register", args=[event.slug]), {"role": "delegate"})
    assert response.status_code == 302
    assert list(Registration.objects.values_list("status", flat=True)) == [RegistrationStatus.CONFIRMED]


@pytest.mark.django_db(transaction=True)
def test_database_errors_during_a_view_give_the_503_page(client):
    """The same on any database: an OperationalError in a view is answered by the 503 page."""
    event = EventFactory()
    client.force_login(member_with_profile())

    def fail_on_insert(execute, sql, params, many, context):
        if sql.startswith("INSERT") and "events_registration" in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_on_insert):
        response = client.post(reverse("events:register", args=[event.slug]), {"role": "delegate"})

    assert_clean_503(response)
    assert Registration.objects.count() == 0


def test_error_handler_answers_503_for_database_errors_and_500_otherwise(rf):
    try:
        raise OperationalError("the database system is starting up")
    except OperationalError:
        unavailable = server_error(rf.get("/"))
    try:
        raise ValueError("a bug")
    except ValueError:
        broken = server_error(rf.get("/"))
    assert_clean_503(unavailable)
    assert broken.status_code == 500 and "Traceback" not in broken.content.decode()
    assert "try again later" in broken.content.decode() or "réessayer" in broken.content.decode()


@pytest.mark.django_db
def test_a_value_the_database_cannot_hold_is_a_bad_request_not_a_server_error(coordinator_client):
    """Found by the fuzz tests: a 40-digit id in a choice field overflowed the integer column."""
    from tests.events.factories import EventFactory as Event

    event = Event()
    response = coordinator_client.post(reverse("events:edit", args=[event.slug]), {
        "kind": event.kind, "slug": event.slug, "title_fr": "x", "time_zone": "Europe/Paris",
        "start": "2027-01-01T09:00", "end": "2027-01-02T09:00", "sites": "9" * 40,
        "places-TOTAL_FORMS": "0", "places-INITIAL_FORMS": "0"})
    assert response.status_code in (200, 400)
    assert "Traceback" not in response.content.decode()
