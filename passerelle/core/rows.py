"""Rows of a child table (an event's places, a call's criteria, a project's partners) as plain data.

Services take a list of dicts: ``{"id": <pk or None>, "delete": <bool>, <field>: <value>, ...}``
(a row without ``id`` is new; ``delete`` removes an existing row). Forms translate their formsets
with :func:`rows_from_formset`; services write them with :func:`save_rows`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.db import models

Row = Mapping[str, Any]


def rows_from_formset(formset: Any, fields: Sequence[str]) -> list[dict[str, Any]]:
    """The rows a bound, valid model formset would write: new and changed rows with their values,
    and the rows ticked for deletion (untouched rows and empty extra forms are left out)."""
    rows: list[dict[str, Any]] = []
    deleted = formset.deleted_forms if formset.can_delete else []
    for form in formset.forms:
        pk = form.instance.pk
        if form in deleted:
            if pk is not None:
                rows.append({"id": pk, "delete": True})
            continue
        if not form.has_changed():
            continue
        rows.append({"id": pk, **{name: form.cleaned_data.get(name) for name in fields}})
    return rows


def save_rows(parent: models.Model, rows: Iterable[Row], *, model: type[models.Model], parent_field: str,
              fields: Sequence[str], prepare: Callable[[Any], None] | None = None,
              validate_constraints: bool = True) -> None:
    """Create, update or delete the ``model`` rows of ``parent`` described by ``rows``; ``prepare``
    fills derived fields of each row before it is validated and saved. The caller holds the
    transaction."""
    own = model._default_manager.filter(**{parent_field: parent})
    for row in rows:
        pk = row.get("id")
        if row.get("delete"):
            if pk is not None:
                own.filter(pk=pk).delete()
            continue
        obj = own.get(pk=pk) if pk is not None else model(**{parent_field: parent})
        for name in fields:
            if name in row:
                setattr(obj, name, row[name])
        if prepare is not None:
            prepare(obj)
        obj.full_clean(validate_constraints=validate_constraints)
        obj.save()
