"""The events API: list, detail, programme, in the OpenAPI document."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from passerelle.core.enums import TimeZone
from passerelle.events.enums import EventStatus

from .factories import EventFactory, ProgrammeItemFactory

pytestmark = pytest.mark.django_db


def test_api_lists_public_events_with_times_in_their_zone(client):
    EventFactory(slug="ejc-2027", time_zone=TimeZone.MONTREAL, start=datetime(2027, 6, 1, 13, tzinfo=UTC),
                 end=datetime(2027, 6, 2, 21, tzinfo=UTC), registration_opens=None, registration_closes=None)
    EventFactory(slug="brouillon", status=EventStatus.DRAFT)
    results = client.get(reverse("api-events")).json()["results"]
    assert [(e["slug"], e["start"], e["time_zone"]) for e in results] == [
        ("ejc-2027", "2027-06-01T09:00:00-04:00", "America/Montreal")]


def test_api_event_detail_and_programme(client):
    event = EventFactory(slug="ejc-2027", title_fr="Entretiens", title_en="Meetings")
    item = ProgrammeItemFactory(event=event, title_fr="Ouverture", title_en="Opening")
    detail = client.get(reverse("api-event", args=["ejc-2027"])).json()
    assert (detail["title_fr"], detail["title_en"], detail["status"]) == ("Entretiens", "Meetings", "registration_open")
    programme = client.get(reverse("api-event-programme", args=["ejc-2027"])).json()
    assert [(i["uid"], i["title_fr"], i["sequence"]) for i in programme] == [(str(item.uid), "Ouverture", 0)]


def test_coordinators_see_drafts_in_the_api(coordinator_client):
    EventFactory(slug="brouillon", status=EventStatus.DRAFT)
    assert [e["slug"] for e in coordinator_client.get(reverse("api-events")).json()["results"]] == ["brouillon"]
    assert coordinator_client.get(reverse("api-event", args=["brouillon"])).status_code == 200


def test_events_endpoints_are_in_the_openapi_document(client):
    paths = client.get(reverse("api-schema")).json()["paths"]
    assert {"/api/events", "/api/events/{slug}", "/api/events/{slug}/programme"} <= set(paths)
