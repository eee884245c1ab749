"""The API: a person's agenda, a session's meetings (coordinators), in the OpenAPI document."""
from __future__ import annotations

import pytest
from django.urls import reverse

from .factories import make_request, place, publish

pytestmark = pytest.mark.django_db


def test_agenda_lists_announced_meetings_with_people_and_zone(client, world):
    meeting = place(world.session, make_request(world.session, world.lea, world.marc), 1, 1)
    publish(world.session)
    place(world.session, make_request(world.session, world.lea, world.paul), 2)  # a draft: not listed
    client.force_login(world.lea.user)

    data = client.get(reverse("api-meetings-agenda")).json()

    assert data["count"] == 1
    (item,) = data["results"]
    assert item["uid"] == str(meeting.uid) and item["table"] == "Table 2" and item["announced"] is True
    assert item["event"] == world.session.event.slug
    assert [p["name"] for p in item["people"]] == ["Léa Dupont", "Marc Tremblay"]
    assert item["start"] == world.session.event.local(meeting.slot.start).isoformat()


def test_coordinators_read_anyone_agenda_and_session_meetings(client, world, coordinator):
    place(world.session, make_request(world.session, world.lea, world.marc), 0)
    place(world.session, make_request(world.session, world.ines, world.paul), 0, 1)
    client.force_login(coordinator)
    agenda = client.get(reverse("api-meetings-agenda"), {"person": world.paul.pk}).json()
    assert agenda["count"] == 0  # drafts are not in an agenda
    meetings = client.get(reverse("api-meetings-session", args=[world.session.event.slug])).json()
    assert meetings["count"] == 2 and {m["announced"] for m in meetings["results"]} == {False}


def test_members_cannot_read_a_session_or_someone_else_agenda(client, world):
    place(world.session, make_request(world.session, world.ines, world.paul), 0)
    publish(world.session)
    client.force_login(world.lea.user)
    assert client.get(reverse("api-meetings-session", args=[world.session.event.slug])).status_code == 403
    assert client.get(reverse("api-meetings-agenda"), {"person": world.paul.pk}).json()["count"] == 0


def test_the_endpoints_are_in_the_openapi_document(client):
    paths = client.get(reverse("api-schema")).json()["paths"]
    assert "/api/meetings/agenda" in paths and "/api/meetings/sessions/{slug}/meetings" in paths


def test_the_agenda_reads_in_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for index, other in enumerate([world.marc, world.paul]):
        place(world.session, make_request(world.session, world.lea, other), index)
    publish(world.session)
    client.force_login(world.lea.user)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("api-meetings-agenda")).json()["count"] == 2
