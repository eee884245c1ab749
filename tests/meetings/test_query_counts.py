"""The main pages read the same number of queries whatever the number of meetings and requests."""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from passerelle.core.enums import Territory

from .factories import make_request, make_session, participant, place, publish

pytestmark = pytest.mark.django_db


def grow(session, people, n):
    """``n`` more published meetings for the first person of ``people``, with new partners."""
    start = session.meetings.count()
    for i in range(start, start + n):
        partner = participant(session, Territory.QC)
        place(session, make_request(session, people[0], partner), i % session.slots.count(), i // session.slots.count())
        make_request(session, partner, people[0], status="pending")
    publish(session)


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["agenda", "agenda_print", "my_requests", "schedule", "grid", "request_list",
                                  "people"])
def test_page_queries_do_not_grow_with_the_meetings(client, coordinator, name):
    session = make_session(tables=3, end=13)
    lea = participant(session, user=coordinator)
    client.force_login(coordinator)
    url = reverse(f"meetings:{name}", args=[session.event.slug])
    grow(session, [lea], 2)
    client.get(url)  # warm caches (suggestions index, content types)
    few = count(client, url)
    grow(session, [lea], 4)
    client.get(url)
    assert count(client, url) == few
