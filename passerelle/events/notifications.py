"""E-mails to registrants: confirmation (with their iCalendar attached), waiting list, promotion."""
from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from passerelle.core.french import in_active_language
from passerelle.core.mail import deliver

from . import ics, selectors
from .enums import RegistrationStatus
from .models import Registration


def personal_ics(registration: Registration, base_url: str = "") -> bytes:
    event, person = registration.event, registration.person
    # The reader is the registrant: their calendar names the speakers they may see.
    items = selectors.items_attended_by(event, person, person.user)
    return ics.personal_calendar(event.title, [(event, items, base_url.rstrip("/") + event.get_absolute_url())])


def send_registration_email(registration: Registration, *, base_url: str = "", promoted: bool = False) -> None:
    """Tell the person where they stand; a confirmed seat comes with the calendar of the event.

    ``base_url`` is the site's scheme and host, for the links in the message.
    """
    person = registration.person
    if not person.email:
        return
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    context = {"registration": registration, "event": registration.event, "person": person,
               "confirmed": confirmed, "promoted": promoted,
               "url": base_url.rstrip("/") + registration.event.get_absolute_url()}
    if promoted:
        subject = _("A seat is free for you: %(event)s")
    elif confirmed:
        subject = _("Your registration is confirmed: %(event)s")
    else:
        subject = _("You are on the waiting list: %(event)s")
    message = EmailMessage(
        subject=in_active_language(subject % {"event": registration.event.title}),
        body=in_active_language(render_to_string("events/email/registration.txt", context)),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.email],
    )
    if confirmed:
        message.attach(f"{registration.event.slug}.ics", personal_ics(registration, base_url), "text/calendar")
    deliver(message)
