"""Export and erasure of the apps that declare their personal data for the generic handling
(``passerelle/<app>/personal_data.py``, read through ``passerelle/core/personal_data.py``):
suggestions, meetings, projects, funding, publications. Accounts, directory, events and privacy have their own
code (``parts.py``); ``reports`` holds no row about a person.

The export reads each declared model's rows reached through its declared links to the person, with
their own fields; a link to another person is left out, any other link is shown by its name. So a
field added later to a declared model is exported without touching this file.

Erasure keeps the rows that the reports count (meetings held, projects, applications, reviews) —
they point to the anonymous stub — and does what each declaration says: suggestions computed for
the person are deleted; the authorships of publications (public facts) lose their link to the
person; in meetings, the texts they wrote (request messages, feedback notes) are
emptied.
"""
from __future__ import annotations

from functools import partial
from typing import Any

from django.db import models
from django.db.models import Q

from passerelle.core import personal_data
from passerelle.core.personal_data import Erasure, PersonalData
from passerelle.directory.models import Person

from .registry import register


def _rows(entry: PersonalData, person: Person) -> models.QuerySet:
    condition = Q()
    for link in entry.person:
        condition |= Q(**{link: person})
    return entry.model.objects.filter(condition).distinct() if condition else entry.model.objects.none()


def _value(row: models.Model, field: models.Field) -> Any:
    if field.is_relation:
        if field.related_model is Person or field.many_to_many:
            return None
        related = getattr(row, field.name, None)
        return str(related) if related is not None else None
    value = getattr(row, field.attname)
    if field.choices:
        return getattr(row, f"get_{field.name}_display")()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _serialise(row: models.Model) -> dict[str, Any]:
    data = {}
    for field in row._meta.concrete_fields:
        if field.primary_key or isinstance(field, models.FileField) and not getattr(row, field.name):
            continue
        value = _value(row, field)
        if value not in (None, ""):
            data[field.name] = value
    return data


def _entries(app_label: str) -> list[PersonalData]:
    return [entry for entry in personal_data.of_app(app_label) if entry.erasure != Erasure.APP_PART]


def export_app(app_label: str, person: Person) -> dict:
    data = {}
    for entry in _entries(app_label):
        rows = [_serialise(row) for row in _rows(entry, person)[:1000]]
        if rows:
            data[str(entry.model._meta.verbose_name_plural)] = rows
    return data


def erase_app(app_label: str, person: Person) -> dict:
    counts: dict[str, int] = {}
    for entry in _entries(app_label):
        name = entry.model._meta.model_name
        if entry.erasure == Erasure.DELETE:
            counts[name] = _rows(entry, person).delete()[0]
        elif entry.erasure == Erasure.UNLINK:
            counts[name] = sum(entry.model.objects.filter(**{link: person}).update(**{link: None})
                               for link in entry.person)
        elif entry.erasure == Erasure.BLANK:
            rows = entry.model.objects.filter(**{entry.author: person})
            counts[name] = rows.update(**{text: "" for text in entry.texts})
    return counts


def register_declared_apps() -> None:
    """One part per app whose declarations are handled here, at the order the app declared."""
    orders: dict[str, int] = {}
    for entry in personal_data.declarations():
        if entry.erasure != Erasure.APP_PART:
            orders[entry.app_label] = min(orders.get(entry.app_label, entry.order), entry.order)
    for label, order in orders.items():
        register(label, export=partial(export_app, label), erase=partial(erase_app, label), order=order)
