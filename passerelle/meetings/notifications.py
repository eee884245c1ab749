"""E-mails of bilateral meetings, each written in its recipient's language when we know it (French
unless the person speaks English and not French): a request received, answered, cancelled or
expired, a reminder, the published agenda (with its calendar file) and a moved or cancelled meeting.

Every function is called after the transaction commits (``transaction.on_commit``); ``base_url``
is the site's scheme and host, for the links.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from passerelle.core.french import in_active_language
from passerelle.core.mail import deliver
from passerelle.directory.models import Person

from .enums import RequestStatus
from .models import B2BSession, Meeting, MeetingRequest
from .selectors import agenda_of


def recipient_language(person: Person) -> str:
    """The language to write to ``person`` in: English for people who speak English and not French."""
    codes = {language.code for language in person.languages.all()}
    if "en" in codes and "fr" not in codes:
        return "en"
    return settings.LANGUAGE_CODE


def _send(person: Person, subject: str, template: str, context: dict, attachment: tuple | None = None) -> None:
    """Render and send one message in ``person``'s language (nothing when they have no address)."""
    if not person.email:
        return
    with translation.override(recipient_language(person)):
        context = {**context, "person": person}
        message = EmailMessage(
            subject=in_active_language(str(subject_of(subject, context))),
            body=in_active_language(render_to_string(f"meetings/email/{template}.txt", context)),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
        )
        if attachment is not None:
            message.attach(*attachment)
    deliver(message)


def subject_of(kind: str, context: dict) -> str:
    """Subjects are chosen here, inside the recipient's language."""
    event = context["session"].event.title
    subjects = {
        "received": _("%(name)s would like to meet you at %(event)s"),
        "accepted": _("Meeting request accepted: %(event)s"),
        "declined": _("Meeting request declined: %(event)s"),
        "cancelled": _("Meeting request cancelled: %(event)s"),
        "expired": _("Your meeting request expired without an answer: %(event)s"),
        "reminder": _("Reminder: %(name)s is waiting for your answer (%(event)s)"),
        "agenda": _("Your meetings at %(event)s"),
        "moved": _("A meeting of yours has moved: %(event)s"),
        "meeting_cancelled": _("A meeting of yours is cancelled: %(event)s"),
    }
    name = context["request"].requester.full_name if context.get("request") else ""
    return subjects[kind] % {"event": event, "name": name}


def _request_context(request: MeetingRequest, base_url: str) -> dict:
    return {"request": request, "session": request.session, "event": request.session.event,
            "people": [request.requester, *(a.person for a in request.answers.select_related("person"))],
            "url": base_url.rstrip("/") + request.get_absolute_url()}


def send_request_received(request: MeetingRequest, *, base_url: str = "") -> None:
    context = _request_context(request, base_url)
    for answer in request.answers.select_related("person"):
        _send(answer.person, "received", "request_received", context)


def send_request_decided(request: MeetingRequest, *, base_url: str = "") -> None:
    """Accepted: everyone learns the meeting will be scheduled. Declined: the sender is told."""
    context = _request_context(request, base_url)
    if request.status == RequestStatus.ACCEPTED:
        for person in context["people"]:
            _send(person, "accepted", "request_accepted", context)
    elif request.status == RequestStatus.DECLINED:
        context["decliners"] = [a.person for a in request.answers.select_related("person") if a.answer == "declined"]
        _send(request.requester, "declined", "request_declined", context)


def send_request_cancelled(request: MeetingRequest, *, cancelled_by: Person | None, base_url: str = "") -> None:
    context = {**_request_context(request, base_url), "cancelled_by": cancelled_by}
    for person in context["people"]:
        if cancelled_by is None or person.pk != cancelled_by.pk:
            _send(person, "cancelled", "request_cancelled", context)


def send_request_expired(request: MeetingRequest, *, base_url: str = "") -> None:
    _send(request.requester, "expired", "request_expired", _request_context(request, base_url))


def send_request_reminder(request: MeetingRequest, people: Iterable[Person], *, base_url: str = "") -> None:
    context = _request_context(request, base_url)
    for person in people:
        _send(person, "reminder", "request_reminder", context)


def send_agenda(session: B2BSession, person: Person, calendar: bytes, *, base_url: str = "",
                new: int = 0) -> None:
    """The published agenda (or its new meetings), with the person's calendar attached."""


    context = {"session": session, "event": session.event, "meetings": agenda_of(session, person), "new": new,
               "url": base_url.rstrip("/") + session.agenda_url()}
    _send(person, "agenda", "agenda", context, (f"{session.event.slug}-meetings.ics", calendar, "text/calendar"))


def send_meeting_changed(meeting: Meeting, calendar_of, *, base_url: str = "", before: str = "") -> None:
    """A moved or cancelled announced meeting: every attendee gets the news and their updated calendar.
    ``calendar_of(person)`` gives the calendar bytes; ``before`` describes the old time and table."""
    session = meeting.session
    kind = "meeting_cancelled" if meeting.is_cancelled else "moved"
    context = {"session": session, "event": session.event, "meeting": meeting, "before": before,
               "url": base_url.rstrip("/") + session.agenda_url()}
    for attendee in meeting.attendees.select_related("person"):
        _send(attendee.person, kind, "meeting_changed", context,
              (f"{session.event.slug}-meetings.ics", calendar_of(attendee.person), "text/calendar"))
