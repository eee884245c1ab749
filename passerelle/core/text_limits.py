"""How long a text people write may be. Single-line fields have their ``max_length``; multi-line
fields get the limit below, checked by the model (so forms, imports and the API all refuse, with
the field named). A 2 MB "expertise" would make a 2 MB public page and slow every suggestion.

Fields the system writes (search documents, error logs, kept e-mails) have no limit.
"""
from __future__ import annotations

from django.apps import apps
from django.core.validators import MaxLengthValidator
from django.db import models

DEFAULT_TEXT_LIMIT = 10_000
TEXT_LIMITS = {
    "directory.Person.expertise": 5_000,
    "directory.Person.offers": 2_000,
    "directory.Person.seeks": 2_000,
}
SYSTEM_TEXTS = frozenset({
    "core.UnsentEmail.body", "core.UnsentEmail.last_error", "directory.Organisation.search_document",
    "directory.Person.search_document", "jobs.Job.error", "meetings.ScheduleRun.message",
})


def text_limit(label: str, field: models.TextField) -> int | None:
    """The limit of ``field`` of model ``label`` (``"app.Model"``); None for a system text."""
    key = f"{label}.{field.name}"
    if key in SYSTEM_TEXTS:
        return None
    return TEXT_LIMITS.get(key) or field.max_length or DEFAULT_TEXT_LIMIT


def install_text_limits(app_prefix: str = "passerelle.") -> int:
    """Append the limit to every multi-line field's computed validators (migrations unchanged)."""
    count = 0
    for model in apps.get_models():
        if not model.__module__.startswith(app_prefix):
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.TextField):
                continue
            limit = text_limit(model._meta.label, field)
            if limit is None or any(isinstance(v, MaxLengthValidator) for v in field.validators):
                continue
            field.validators.append(MaxLengthValidator(limit))
            count += 1
    return count


def limits_table(app_prefix: str = "passerelle.") -> list[tuple[str, str, str, int, bool]]:
    """Every text a person types, with its limit: ``(app, model, field, characters, multi-line)``,
    in a stable order; ``docs/limits.md`` is this table (a test keeps them equal)."""
    rows = []
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        if not model.__module__.startswith(app_prefix):
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField) or not field.editable or field.choices:
                continue
            multi_line = isinstance(field, models.TextField)
            limit = text_limit(model._meta.label, field) if multi_line else field.max_length
            if limit is not None:
                rows.append((model._meta.app_label, model.__name__, field.name, limit, multi_line))
    return rows


def limits_markdown() -> str:
    lines = ["# Limits of what people type", "",
             "Every text field has a length limit, checked by the model, so that forms, imports and the API",
             "all refuse a longer text and name the field. Single-line fields also refuse line breaks, and",
             "every field refuses control characters. Texts written by the system (search documents, logs)",
             "have no limit. This table is generated from the code (`python manage.py text_limits`); a test",
             "keeps it equal to the code.", "", "| app | model | field | characters | lines |",
             "| --- | --- | --- | ---: | --- |"]
    lines += [f"| {app} | {model} | `{field}` | {limit:,} | {'several' if multi else 'one'} |"
              for app, model, field, limit, multi in limits_table()]
    return "\n".join(lines) + "\n"
