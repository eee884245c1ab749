"""Export and erasure parts of the apps written after the privacy app (see ``registry.py``):
suggestions, meetings, projects, funding. ``reports`` holds no row about a person.

The export is read from the models themselves: every row of the app that points to the person
(foreign key or many-to-many), with its own fields; a link to another person is left out, any
other link is shown by its name. So a field added later is exported without touching this file.

Erasure keeps the rows that the reports count (meetings held, projects, applications,
reviews) — they point to the anonymous stub — and removes what only describes the person:
suggestions computed for them are deleted; in meetings, the texts they wrote (request messages,
feedback comments) and their availability are removed.
"""
from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q

from passerelle.directory.models import Person

from .registry import register

# Apps, in erasure order, and what erasure does to their rows about the person.
APPS = {
    "suggestions": "delete",
    "meetings": "blank_texts",
    "projects": "keep",
    "funding": "keep",
}
# Free texts a person writes in meetings (blanked on erasure); availability rows are deleted.
AUTHOR_FIELDS = ("requester", "person", "author", "by_person")


def _person_links(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.get_fields()
            if getattr(f, "related_model", None) is Person and (f.many_to_many or f.many_to_one) and f.concrete]


def _rows(model: type[models.Model], person: Person) -> models.QuerySet:
    condition = Q()
    for link in _person_links(model):
        condition |= Q(**{link.name: person})
    return model.objects.filter(condition).distinct() if condition else model.objects.none()


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


def _models_of(app_label: str) -> list[type[models.Model]]:
    return [m for m in apps.get_app_config(app_label).get_models() if _person_links(m)]


def export_app(app_label: str, person: Person) -> dict:
    data = {}
    for model in _models_of(app_label):
        rows = [_serialise(row) for row in _rows(model, person)[:1000]]
        if rows:
            data[str(model._meta.verbose_name_plural)] = rows
    return data


def _erase_suggestions(person: Person) -> dict:
    return {model._meta.model_name: _rows(model, person).delete()[0] for model in _models_of("suggestions")}


def _erase_meeting_texts(person: Person) -> dict:
    counts: dict[str, int] = {}
    for model in _models_of("meetings"):
        authored = [f for f in _person_links(model) if f.many_to_one and f.name in AUTHOR_FIELDS]
        if not authored:
            continue
        rows = model.objects.filter(**{authored[0].name: person})
        if "availab" in model.__name__.lower():
            counts[model._meta.model_name] = rows.delete()[0]
            continue
        texts = {f.name: "" for f in model._meta.concrete_fields if isinstance(f, models.TextField)}
        if texts:
            counts[model._meta.model_name] = rows.update(**texts)
    return counts


ERASERS = {"delete": _erase_suggestions, "blank_texts": _erase_meeting_texts}


def _register(app_label: str, how: str, order: int) -> None:
    eraser = ERASERS.get(how)
    register(app_label, export=lambda person: export_app(app_label, person),
             erase=(lambda person: eraser(person)) if eraser else (lambda person: {}), order=order)


for position, (label, how) in enumerate(APPS.items()):
    if apps.is_installed(f"passerelle.{label}"):
        _register(label, how, order=30 + position)
