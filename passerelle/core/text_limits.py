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
