"""iCalendar (RFC 5545) building blocks shared by the events' programmes and the meetings' agendas.

A calendar names its producer and itself; each entry (VEVENT) keeps a UID for ever and carries a
SEQUENCE that grows on every change, so calendar clients replace what they hold; a cancelled entry
is sent with STATUS:CANCELLED. Times are given in the event's own zone, and :func:`to_ical` adds
the VTIMEZONE definitions they need.
"""
from __future__ import annotations

from datetime import datetime

import icalendar

CONTENT_TYPE = "text/calendar; charset=utf-8"


def new_calendar(prodid: str, name: str) -> icalendar.Calendar:
    """An empty calendar made by ``prodid``, shown as ``name`` in calendar clients."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def new_vevent(*, uid: str, stamp: datetime, start: datetime, end: datetime, summary: str, description: str = "",
               location: str = "", categories: list[str] | None = None, sequence: int, cancelled: bool,
               url: str = "") -> icalendar.Event:
    """One entry; empty ``description``, ``location``, ``categories`` and ``url`` are left out."""
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    vevent.add("summary", summary)
    if description:
        vevent.add("description", description)
    if location:
        vevent.add("location", location)
    if categories:
        vevent.add("categories", categories)
    vevent.add("sequence", sequence)
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if url:
        vevent.add("url", url)
    return vevent


def to_ical(calendar: icalendar.Calendar) -> bytes:
    """The calendar as the bytes of a .ics file, with the time zones its times use."""
    calendar.add_missing_timezones()
    return calendar.to_ical()
