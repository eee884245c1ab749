"""iCalendar (RFC 5545) files: the whole programme of an event, and a person's own calendar.

One VEVENT per programme item, never one block for a multi-day event. Each entry keeps the
item's UID for ever and carries its SEQUENCE, which the services grow on every change, so
calendar clients replace what they hold; a cancelled item is sent with STATUS:CANCELLED.
Times are written in the event's own zone (TZID) with the VTIMEZONE definitions included.
"""
from __future__ import annotations

from collections.abc import Iterable

import icalendar
from django.utils import timezone

from .models import Event, ProgrammeItem

PRODID = "-//Passerelle//Events//FR"
UID_DOMAIN = "passerelle"


def item_uid(item: ProgrammeItem) -> str:
    return f"item-{item.uid}@{UID_DOMAIN}"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{UID_DOMAIN}"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def item_vevent(item: ProgrammeItem, url: str = "") -> icalendar.Event:
    event = item.event
    vevent = icalendar.Event()
    vevent.add("uid", item_uid(item))
    vevent.add("dtstamp", item.updated_at or timezone.now())
    vevent.add("dtstart", event.local(item.start))
    vevent.add("dtend", event.local(item.end))
    vevent.add("summary", item.title)
    description = item.description
    speakers = ", ".join(p.full_name for p in item.speakers.all())
    if speakers:
        description = f"{description}\n\n{speakers}".strip()
    if description:
        vevent.add("description", description)
    if item.location:
        vevent.add("location", item.location)
    vevent.add("categories", [event.title])
    vevent.add("sequence", item.sequence)
    vevent.add("status", "CANCELLED" if item.is_cancelled else "CONFIRMED")
    if url:
        vevent.add("url", url)
    return vevent


def event_vevent(event: Event, url: str = "") -> icalendar.Event:
    """The whole event as one entry: only for an event that has no programme yet."""
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", event.updated_at or timezone.now())
    vevent.add("dtstart", event.local(event.start))
    vevent.add("dtend", event.local(event.end))
    vevent.add("summary", event.title)
    if event.description:
        vevent.add("description", event.description)
    places = "; ".join(str(p) for p in event.places.all())
    if places:
        vevent.add("location", places)
    vevent.add("sequence", event.sequence)
    vevent.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
    if url:
        vevent.add("url", url)
    return vevent


def _entries(event: Event, items: Iterable[ProgrammeItem], url: str) -> list[icalendar.Event]:
    items = list(items)
    if not items:
        return [event_vevent(event, url)]
    return [item_vevent(item, url) for item in items]


def _finish(calendar: icalendar.Calendar) -> bytes:
    calendar.add_missing_timezones()
    return calendar.to_ical()


def programme_calendar(event: Event, items: Iterable[ProgrammeItem], url: str = "") -> bytes:
    """The whole programme, cancelled items included (so that calendars drop them)."""
    calendar = _calendar(event.title)
    for vevent in _entries(event, items, url):
        calendar.add_component(vevent)
    return _finish(calendar)


def personal_calendar(name: str, programmes: Iterable[tuple[Event, Iterable[ProgrammeItem], str]]) -> bytes:
    """A person's calendar: for each (event, the items they attend, url)."""
    calendar = _calendar(name)
    for event, items, url in programmes:
        for vevent in _entries(event, items, url):
            calendar.add_component(vevent)
    return _finish(calendar)


CONTENT_TYPE = "text/calendar; charset=utf-8"
