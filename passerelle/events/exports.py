"""Export of an event's registrations to CSV and XLSX, one row per registration.

Cells are made safe to open in a spreadsheet by ``passerelle.core.exports`` (formula injection)."""
from __future__ import annotations

from collections.abc import Iterable

import tablib
from django.utils import timezone

from passerelle.core.exports import CONTENT_TYPES, render, safe_dataset

from .models import Registration

HEADERS = ["first_name", "last_name", "email", "organisation", "territory", "role", "status",
           "consent_to_list", "registered_at", "delegation"]

__all__ = ["CONTENT_TYPES", "HEADERS", "registrations_dataset", "render"]


def registrations_dataset(registrations: Iterable[Registration], delegations: dict[int, str]) -> tablib.Dataset:
    """``delegations`` maps a person's id to the name of their delegation at this event."""
    return safe_dataset(HEADERS, (_row(r, delegations) for r in registrations), title="registrations")


def _row(r: Registration, delegations: dict[int, str]) -> list[str]:
    person = r.person
    return [
        person.first_name, person.last_name, person.email,
        "; ".join(a.organisation.name for a in person.affiliations.all()),
        person.territory, r.role, r.status, "yes" if r.consent_to_list else "no",
        timezone.localtime(r.queued_at, r.event.tz).strftime("%Y-%m-%d %H:%M"),
        delegations.get(person.pk, ""),
    ]
