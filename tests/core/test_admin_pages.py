"""The admin's add pages answer in a number of queries that does not grow with the data (the
opportunity and meeting-feedback pages once listed every meeting, reading each one's slot and table)."""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CoordinatorFactory
from tests.meetings.factories import make_request, make_session, participant, place

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["admin:projects_opportunity_add", "admin:meetings_meetingfeedback_add"])
def test_admin_add_pages_do_not_read_every_meeting(client, name):
    client.force_login(CoordinatorFactory(is_staff=True, is_superuser=True))
    session = make_session(tables=4)
    people = [participant(session) for _ in range(8)]
    place(session, make_request(session, people[0], people[1]), 0, 0)
    queries(client, reverse(name))  # the first request also loads what the session caches
    few = queries(client, reverse(name))
    for index in range(1, 4):
        place(session, make_request(session, people[2 * index], people[2 * index + 1]), index, index)
    assert queries(client, reverse(name)) == few
