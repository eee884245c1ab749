"""The personal agenda as iCalendar, read back with the icalendar parser."""
from __future__ import annotations

import icalendar
import pytest
from django.urls import reverse

from passerelle.core.enums import Territory
from passerelle.meetings.services import requests as request_services
from passerelle.meetings.services import schedule
from tests.factories import OrganisationFactory

from .factories import make_request, participant, place, publish

pytestmark = pytest.mark.django_db


def calendar_of(client, session, user):
    client.force_login(user)
    response = client.get(reverse("meetings:agenda_ics", args=[session.event.slug]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{session.event.slug}-meetings.ics"'
    return icalendar.Calendar.from_ical(response.content)


def test_each_announced_meeting_is_one_event_with_place_people_and_zone(client, world):
    world.marc.affiliations.all().delete()
    world.marc.affiliations.create(organisation=OrganisationFactory(name="Imagia", acronym="IMG",
                                                                    territory=Territory.QC), is_primary=True)
    first = place(world.session, make_request(world.session, world.lea, world.marc, message="Radiomics"), 0, 1)
    place(world.session, make_request(world.session, world.lea, world.paul, world.ines), 2, 0)
    place(world.session, make_request(world.session, world.marc, world.paul), 1, 0)  # not Léa's
    publish(world.session)

    calendar = calendar_of(client, world.session, world.lea.user)

    events = calendar.walk("VEVENT")
    assert len(events) == 2
    meeting = next(e for e in events if str(e["UID"]) == f"meeting-{first.uid}@passerelle")
    assert str(meeting["SUMMARY"]) == "Meeting with Marc Tremblay (IMG)"
    assert str(meeting["LOCATION"]) == "Table 2"
    assert "Radiomics" in str(meeting["DESCRIPTION"])
    assert meeting["SEQUENCE"] == 0 and str(meeting["STATUS"]) == "CONFIRMED"
    start = meeting["DTSTART"].dt
    assert str(start.tzinfo) == world.session.event.time_zone
    assert start == first.slot.start and meeting["DTEND"].dt == first.slot.end
    assert calendar.walk("VTIMEZONE")
    group = next(e for e in events if e is not meeting)
    assert "Paul Gagnon" in str(group["SUMMARY"]) and "Inès Martin" in str(group["SUMMARY"])


def test_draft_meetings_are_not_in_the_calendar(client, world):
    place(world.session, make_request(world.session, world.lea, world.marc), 0)
    assert calendar_of(client, world.session, world.lea.user).walk("VEVENT") == []


def test_a_moved_meeting_keeps_its_uid_with_a_higher_sequence(client, world):
    meeting = place(world.session, make_request(world.session, world.lea, world.marc), 0)
    publish(world.session)
    before = calendar_of(client, world.session, world.lea.user).walk("VEVENT")[0]
    slot = list(world.session.slots.all())[3]
    schedule.meeting_move(actor=None, meeting=meeting, slot=slot, table=meeting.table)

    after = calendar_of(client, world.session, world.lea.user).walk("VEVENT")[0]
    assert str(after["UID"]) == str(before["UID"])
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert after["DTSTART"].dt == slot.start


def test_a_cancelled_meeting_stays_in_the_calendar_as_cancelled(client, world):
    request = make_request(world.session, world.lea, world.marc)
    place(world.session, request, 0)
    publish(world.session)
    request_services.request_cancel(actor=None, request=request, by=world.marc)

    (event,) = calendar_of(client, world.session, world.lea.user).walk("VEVENT")
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 1)


def test_a_coordinator_downloads_a_participant_calendar(client, world, coordinator):
    place(world.session, make_request(world.session, world.lea, world.marc), 0)
    publish(world.session)
    client.force_login(coordinator)
    url = reverse("meetings:agenda_ics", args=[world.session.event.slug])
    response = client.get(f"{url}?person={world.marc.pk}")
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Meeting with Léa Dupont")
    outsider = participant(world.session).pk + 1000
    assert client.get(f"{url}?person={outsider}").status_code == 404
