"""Export of an event's registrations to CSV and XLSX (tablib), one row per registration."""
from __future__ import annotations

from collections.abc import Iterable

import tablib
from django.utils import timezone

from passerelle.directory.exports import CONTENT_TYPES, render

from .models import Registration

HEADERS = ["first_name", "last_name", "email", "organisation", "territory", "role", "status",
           "consent_to_list", "registered_at", "delegation"]

__all__ = ["CONTENT_TYPES", "HEADERS", "registrations_dataset", "render"]


def registrations_dataset(registrations: Iterable[Registration], delegations: dict[int, str]) -> tablib.Dataset:
    """``delegations`` maps a person's id to the name of their delegation at this event."""
    data = tablib.Dataset(headers=HEADERS, title="registrations")
    for r in registrations:
        person = r.person
        data.append([
            person.first_name, person.last_name, person.email,
            "; ".join(a.organisation.name for a in person.affiliations.all()),
            person.territory, r.role, r.status, "yes" if r.consent_to_list else "no",
            timezone.localtime(r.queued_at, r.event.tz).strftime("%Y-%m-%d %H:%M"),
            delegations.get(person.pk, ""),
        ])
    return data
