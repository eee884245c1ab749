"""Export of an event's registrations to CSV and XLSX, one row per registration.

Cells are made safe to open in a spreadsheet by ``passerelle.core.exports`` (formula injection)."""
from __future__ import annotations

from collections.abc import Iterable

import tablib
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelle.core.enums import Territory
from passerelle.core.exports import CONTENT_TYPES, render, safe_dataset

from .enums import RegistrationRole, RegistrationStatus
from .models import Registration

# Headers and values are written in the language of the person who exports (their words, not codes).
HEADERS = [gettext_lazy("First name"), gettext_lazy("Last name"), gettext_lazy("E-mail"),
           gettext_lazy("Organisation"), gettext_lazy("Territory"), gettext_lazy("Role"), gettext_lazy("Status"),
           gettext_lazy("Listed among participants"), gettext_lazy("Registered on"), gettext_lazy("Delegation"),
           gettext_lazy("Arrival"), gettext_lazy("Departure"), gettext_lazy("Dietary needs"),
           gettext_lazy("Invitation letter"), gettext_lazy("For the letter")]

__all__ = ["CONTENT_TYPES", "HEADERS", "registrations_dataset", "render"]


def registrations_dataset(registrations: Iterable[Registration], delegations: dict[int, str]) -> tablib.Dataset:
    """``delegations`` maps a person's id to the name of their delegation at this event."""
    headers = [str(header) for header in HEADERS]
    return safe_dataset(headers, (_row(r, delegations) for r in registrations), title=_("registrations"))


def _label(choices: type, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _row(r: Registration, delegations: dict[int, str]) -> list[str]:
    person = r.person
    return [
        person.first_name, person.last_name, person.email,
        "; ".join(a.organisation.name for a in person.affiliations.all()),
        _label(Territory, person.territory), _label(RegistrationRole, r.role), _label(RegistrationStatus, r.status),
        _("yes") if r.consent_to_list else _("no"),
        timezone.localtime(r.queued_at, r.event.tz).strftime("%Y-%m-%d %H:%M"),
        delegations.get(person.pk, ""),
        r.arrival.isoformat() if r.arrival else "", r.departure.isoformat() if r.departure else "",
        r.dietary_needs, _("yes") if r.invitation_letter else _("no"), r.letter_details,
    ]
