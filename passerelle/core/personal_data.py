"""What each app holds about a person, declared by the app itself.

Every app whose models point to a directory ``Person`` or to a ``User`` declares each such model
in its own ``personal_data.py`` (found at start-up by the privacy app), either as personal data —
which links lead to the person, what erasure does to the rows — or as not personal, with the
reason. The privacy export and erasure read these declarations; a test fails when a model with
such a link is declared nowhere, so a new model cannot be forgotten::

    from passerelle.core.personal_data import Erasure, declare, not_personal

    declare(MeetingFeedback, person=("person",), erasure=Erasure.BLANK, author="person", texts=("note",))
    not_personal(ScheduleRun, "names the coordinator who started a scheduler run")

This module sits in the lowest layer so that every app can declare without importing the privacy
app.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import models


class Erasure(StrEnum):
    """What erasing a person does to the declared rows."""

    KEEP = "keep"  # rows stay (figures count them); they point to the anonymised profile
    DELETE = "delete"  # rows linked to the person by any declared link are deleted
    UNLINK = "unlink"  # rows stay (they are public facts); their declared links to the person are set to null
    BLANK = "blank"  # the person's rows (``author`` link) keep their place, their ``texts`` are emptied
    APP_PART = "app_part"  # the app's own export and erasure code handles these rows (privacy/parts.py)


@dataclass(frozen=True)
class PersonalData:
    model: type[models.Model]
    person: tuple[str, ...]  # links (foreign key or many-to-many) that lead to the person
    erasure: Erasure = Erasure.KEEP
    author: str = ""  # BLANK: the link whose rows are the person's own writing
    texts: tuple[str, ...] = ()  # BLANK: the fields emptied
    order: int = 50  # the app's place in the export and the erasure (lower first)

    @property
    def app_label(self) -> str:
        return self.model._meta.app_label


@dataclass(frozen=True)
class NotPersonal:
    model: type[models.Model]
    reason: str


_personal: dict[type[models.Model], PersonalData] = {}
_not_personal: dict[type[models.Model], NotPersonal] = {}


def _field_names(model: type[models.Model]) -> set[str]:
    return {field.name for field in model._meta.get_fields()}


def declare(model: type[models.Model], *, person: Sequence[str], erasure: Erasure = Erasure.KEEP,
            author: str = "", texts: Sequence[str] = (), order: int = 50) -> PersonalData:
    """Declare ``model`` as holding personal data reached through the ``person`` links."""
    unknown = (set(person) | set(texts) | ({author} if author else set())) - _field_names(model)
    if unknown:
        raise ValueError(f"{model._meta.label} has no field {', '.join(sorted(unknown))}")
    if erasure == Erasure.BLANK and (not author or not texts):
        raise ValueError(f"{model._meta.label}: blanking needs the author link and the texts to empty")
    if erasure == Erasure.UNLINK:
        fields = [model._meta.get_field(link) for link in person]
        if not all(field.many_to_one and field.null for field in fields):
            raise ValueError(f"{model._meta.label}: unlinking needs nullable foreign keys to the person")
    entry = PersonalData(model=model, person=tuple(person), erasure=erasure, author=author, texts=tuple(texts),
                         order=order)
    _personal[model] = entry
    return entry


def not_personal(model: type[models.Model], reason: str) -> NotPersonal:
    """Declare that ``model``'s links to people or accounts are not data to export or erase."""
    entry = NotPersonal(model=model, reason=reason)
    _not_personal[model] = entry
    return entry


def declarations() -> list[PersonalData]:
    return sorted(_personal.values(), key=lambda entry: (entry.order, entry.app_label, entry.model.__name__))


def of_app(app_label: str) -> list[PersonalData]:
    return [entry for entry in declarations() if entry.app_label == app_label]


def is_declared(model: type[Any]) -> bool:
    return model in _personal or model in _not_personal


def not_personal_models() -> dict[type[models.Model], str]:
    return {model: entry.reason for model, entry in _not_personal.items()}
