"""A person's meetings as an iCalendar file (RFC 5545): one VEVENT per announced meeting, with the
table or room, the other people's names and organisations, and the message of the request.

Each meeting keeps its UID for ever and carries its SEQUENCE, which grows when it moves or is
cancelled, so calendar clients replace their copy; a cancelled meeting is sent with
STATUS:CANCELLED instead of disappearing. Times are written in the event's zone (TZID + VTIMEZONE).
"""
from __future__ import annotations

from collections.abc import Iterable

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.ics import CONTENT_TYPE as CONTENT_TYPE  # the content type of the files, for the views
from passerelle.core.ics import new_calendar, new_vevent, to_ical
from passerelle.directory.models import Person

from .models import B2BSession, Meeting

PRODID = "-//Passerelle//Meetings//FR"


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.uid}@passerelle"


def organisation_of(person: Person) -> str:
    """The person's main organisation (acronym when it has one), from prefetched affiliations."""
    for affiliation in person.affiliations.all():
        organisation = affiliation.organisation
        return organisation.acronym or organisation.name
    return ""


def who(person: Person) -> str:
    organisation = organisation_of(person)
    return f"{person.full_name} ({organisation})" if organisation else person.full_name


def meeting_vevent(meeting: Meeting, person: Person, others: list[Person], url: str = "") -> icalendar.Event:
    event = meeting.session.event
    lines = [_("Bilateral meeting — %(event)s") % {"event": event.title}, ""]
    lines += [who(p) for p in others]
    if meeting.request.message:
        lines += ["", meeting.request.message]
    return new_vevent(
        uid=meeting_uid(meeting), stamp=meeting.updated_at or timezone.now(), start=event.local(meeting.slot.start),
        end=event.local(meeting.slot.end),
        summary=_("Meeting with %(people)s") % {"people": ", ".join(who(p) for p in others)},
        description="\n".join(lines), location=meeting.table.where, categories=[event.title],
        sequence=meeting.sequence, cancelled=meeting.is_cancelled, url=url)


def agenda_calendar(session: B2BSession, person: Person, meetings: Iterable[Meeting], url: str = "") -> bytes:
    """``person``'s calendar of ``meetings`` (each with ``people`` prefetched: everyone at it)."""
    calendar = new_calendar(PRODID, _("My meetings — %(event)s") % {"event": session.event.title})
    for meeting in meetings:
        others = [p for p in meeting.people if p.pk != person.pk]
        calendar.add_component(meeting_vevent(meeting, person, others, url))
    return to_ical(calendar)
