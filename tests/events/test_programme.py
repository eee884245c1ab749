"""Programme: rooms never double-booked, items inside the event, the iCalendar feed."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from passerelle.core.enums import TimeZone
from passerelle.events import services
from passerelle.events.enums import EventStatus
from passerelle.events.models import ProgrammeItem
from tests.factories import OrganisationFactory, PersonFactory

from .factories import EventFactory, PlaceFactory, ProgrammeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    # 2027-06-01 09:00 → 2027-06-03 18:00 in Lyon (UTC+2 in summer).
    return EventFactory(slug="ejc-2027", time_zone=TimeZone.PARIS, status=EventStatus.PUBLISHED,
                        start=datetime(2027, 6, 1, 7, 0, tzinfo=UTC), end=datetime(2027, 6, 3, 16, 0, tzinfo=UTC))


def item_data(**overrides) -> dict:
    data = {"kind": "talk", "title_fr": "Exposé", "title_en": "Talk", "start": "2027-06-01T10:00",
            "end": "2027-06-01T11:00", "room": "Amphi A", "description_fr": "", "description_en": ""}
    data.update(overrides)
    return data


def post_item(client, event, **overrides):
    return client.post(reverse("events:item_create", args=[event.slug]), item_data(**overrides))


def test_item_times_are_typed_in_the_event_zone_and_stored_in_utc(coordinator_client, event):
    response = post_item(coordinator_client, event)
    assert response.status_code == 302
    item = ProgrammeItem.objects.get()
    assert (item.start, item.end) == (datetime(2027, 6, 1, 8, 0, tzinfo=UTC), datetime(2027, 6, 1, 9, 0, tzinfo=UTC))


def test_overlapping_items_in_the_same_room_are_rejected(coordinator_client, event):
    place = PlaceFactory(event=event)
    assert post_item(coordinator_client, event, place=place.pk, title_en="First").status_code == 302
    response = post_item(coordinator_client, event, place=place.pk, room="amphi a", title_en="Second",
                         start="2027-06-01T10:30", end="2027-06-01T11:30")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["This room is already taken by “First” from 10:00 to 11:00."]
    assert ProgrammeItem.objects.count() == 1


def test_overlapping_items_in_different_rooms_are_fine(coordinator_client, event):
    assert post_item(coordinator_client, event).status_code == 302
    assert post_item(coordinator_client, event, room="Salle B", start="2027-06-01T10:30",
                     end="2027-06-01T11:30").status_code == 302
    assert ProgrammeItem.objects.count() == 2


def test_back_to_back_items_in_one_room_are_fine(event):
    first = ProgrammeItemFactory(event=event, start=event.start, end=event.start + timedelta(hours=1))
    second = ProgrammeItem(event=event, title_fr="Suite", start=first.end, end=first.end + timedelta(hours=1),
                           room=first.room)
    services.programme_item_save(actor=None, item=second)
    assert ProgrammeItem.objects.count() == 2


def test_a_cancelled_item_frees_its_room(event):
    first = ProgrammeItemFactory(event=event)
    services.programme_item_cancel(actor=None, item=first)
    services.programme_item_save(actor=None, item=ProgrammeItem(
        event=event, title_fr="Remplaçant", start=first.start, end=first.end, room=first.room))
    assert ProgrammeItem.objects.count() == 2


def test_service_refuses_an_overlap_even_without_the_form(event):
    first = ProgrammeItemFactory(event=event)
    with pytest.raises(ValidationError, match="already taken"):
        services.programme_item_save(actor=None, item=ProgrammeItem(
            event=event, title_fr="Doublon", start=first.start, end=first.end, room=first.room))


@pytest.mark.parametrize("start,end", [("2027-05-31T10:00", "2027-05-31T11:00"),
                                       ("2027-06-03T17:30", "2027-06-03T19:00")])
def test_items_must_lie_within_the_event_dates(coordinator_client, event, start, end):
    response = post_item(coordinator_client, event, start=start, end=end)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The item must take place within the event's dates (1 June 2027 09:00 – 3 June 2027 18:00)."]
    assert not ProgrammeItem.objects.exists()


def test_item_with_reversed_times_is_rejected(coordinator_client, event):
    response = post_item(coordinator_client, event, start="2027-06-01T12:00", end="2027-06-01T11:00")
    assert response.context["form"].errors["end"] == ["The end must come after the start."]
    assert not ProgrammeItem.objects.exists()


def test_visit_names_the_organisation_visited_and_the_speakers(coordinator_client, event):
    host = OrganisationFactory(name="Centre de recherche du CHUS")
    speaker = PersonFactory(first_name="Marie", last_name="Côté")
    response = post_item(coordinator_client, event, kind="visit", visited_organisation=host.pk,
                         speakers=[speaker.pk], title_en="Lab visit")
    assert response.status_code == 302
    item = ProgrammeItem.objects.get()
    assert (item.visited_organisation, list(item.speakers.all())) == (host, [speaker])
    page = coordinator_client.get(event.get_absolute_url()).content.decode()
    assert "Centre de recherche du CHUS" in page and "Marie Côté" in page


def feed(client, event) -> list[icalendar.Event]:
    response = client.get(reverse("events:programme_ics", args=[event.slug]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def test_programme_ics_has_one_vevent_per_item_in_the_event_zone(client, event):
    ProgrammeItemFactory(event=event, title_en="Opening", start=datetime(2027, 6, 1, 7, 30, tzinfo=UTC),
                         end=datetime(2027, 6, 1, 8, 0, tzinfo=UTC))
    ProgrammeItemFactory(event=event, title_en="Visit", room="CRCL", start=datetime(2027, 6, 2, 12, tzinfo=UTC),
                         end=datetime(2027, 6, 2, 14, tzinfo=UTC))
    entries = feed(client, event)
    assert [str(e["SUMMARY"]) for e in entries] == ["Opening", "Visit"]
    first = entries[0]["DTSTART"].dt
    assert (first.hour, first.minute, str(first.tzinfo)) == (9, 30, "Europe/Paris")
    assert first == datetime(2027, 6, 1, 7, 30, tzinfo=UTC)


def test_ics_uids_are_stable_and_sequence_grows_on_change(client, event):
    item = ProgrammeItemFactory(event=event)
    before = feed(client, event)[0]
    assert feed(client, event)[0]["UID"] == before["UID"]

    item.room = "Salle B"
    item.start += timedelta(minutes=30)
    item.end += timedelta(minutes=30)
    services.programme_item_save(actor=None, item=item)
    after = feed(client, event)[0]

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]


def test_saving_an_unchanged_item_keeps_its_sequence(event):
    item = ProgrammeItemFactory(event=event)
    services.programme_item_save(actor=None, item=item)
    item.refresh_from_db()
    assert item.sequence == 0


def test_cancelled_item_is_sent_as_cancelled(client, event):
    kept, dropped = ProgrammeItemFactory(event=event), ProgrammeItemFactory(event=event, room="Salle B")
    services.programme_item_cancel(actor=None, item=dropped)
    entries = {str(e["UID"]): e for e in feed(client, event)}
    assert entries[f"item-{dropped.uid}@passerelle"]["STATUS"] == "CANCELLED"
    assert entries[f"item-{dropped.uid}@passerelle"]["SEQUENCE"] == 1
    assert entries[f"item-{kept.uid}@passerelle"]["STATUS"] == "CONFIRMED"


def test_event_without_programme_gives_one_entry(client, event):
    entries = feed(client, event)
    assert len(entries) == 1 and str(entries[0]["SUMMARY"]) == event.title_en


def test_printable_programme_groups_items_by_local_day(client, event):
    # 23:30 UTC on 1 June is already 2 June in Lyon.
    ProgrammeItemFactory(event=event, title_en="Night talk", start=datetime(2027, 6, 1, 22, 30, tzinfo=UTC),
                         end=datetime(2027, 6, 1, 23, 0, tzinfo=UTC))
    page = client.get(reverse("events:programme", args=[event.slug])).content.decode()
    assert "Wednesday 2 June 2027" in page and "00:30" in page
    assert "events/print.css" in page
