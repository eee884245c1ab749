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

from passerelle.core.ics import CONTENT_TYPE as CONTENT_TYPE  # the content type of the files, for the views
from passerelle.core.ics import new_calendar, new_vevent, to_ical

from .models import Event, ProgrammeItem

PRODID = "-//Passerelle//Events//FR"
UID_DOMAIN = "passerelle"


def item_uid(item: ProgrammeItem) -> str:
    return f"item-{item.uid}@{UID_DOMAIN}"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{UID_DOMAIN}"


def item_vevent(item: ProgrammeItem, url: str = "") -> icalendar.Event:
    event = item.event
    description = item.description
    speakers = ", ".join(p.full_name for p in item.speakers.all())
    if speakers:
        description = f"{description}\n\n{speakers}".strip()
    return new_vevent(uid=item_uid(item), stamp=item.updated_at or timezone.now(), start=event.local(item.start),
                      end=event.local(item.end), summary=item.title, description=description,
                      location=item.location, categories=[event.title], sequence=item.sequence,
                      cancelled=item.is_cancelled, url=url)


def event_vevent(event: Event, url: str = "") -> icalendar.Event:
    """The whole event as one entry: only for an event that has no programme yet."""
    return new_vevent(uid=event_uid(event), stamp=event.updated_at or timezone.now(), start=event.local(event.start),
                      end=event.local(event.end), summary=event.title, description=event.description,
                      location="; ".join(str(p) for p in event.places.all()), sequence=event.sequence,
                      cancelled=event.status == "cancelled", url=url)


def _entries(event: Event, items: Iterable[ProgrammeItem], url: str) -> list[icalendar.Event]:
    items = list(items)
    if not items:
        return [event_vevent(event, url)]
    return [item_vevent(item, url) for item in items]


def programme_calendar(event: Event, items: Iterable[ProgrammeItem], url: str = "") -> bytes:
    """The whole programme, cancelled items included (so that calendars drop them)."""
    calendar = new_calendar(PRODID, event.title)
    for vevent in _entries(event, items, url):
        calendar.add_component(vevent)
    return to_ical(calendar)


def personal_calendar(name: str, programmes: Iterable[tuple[Event, Iterable[ProgrammeItem], str]]) -> bytes:
    """A person's calendar: for each (event, the items they attend, url)."""
    calendar = new_calendar(PRODID, name)
    for event, items, url in programmes:
        for vevent in _entries(event, items, url):
            calendar.add_component(vevent)
    return to_ical(calendar)

