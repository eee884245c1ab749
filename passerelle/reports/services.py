"""Writes of the reports app: outcomes of projects, each in one transaction with its audit entry."""
from __future__ import annotations

from typing import Any

from django.db import transaction

from passerelle.directory.audit import diff
from passerelle.directory.models import AuditEntry

from .models import Outcome

FIELDS = ["project", "kind", "title_fr", "title_en", "description_fr", "description_en", "date", "link", "doi",
          "trial_id", "patent_number", "amount", "currency", "organisation", "organisation_name", "territory"]


def outcome_snapshot(outcome: Outcome) -> dict[str, str]:
    """Every field a user can change, as readable text."""
    if outcome.pk is None:
        return {}
    values = {name: getattr(outcome, name) for name in FIELDS}
    values["project"] = str(outcome.project) if outcome.project_id else ""
    values["organisation"] = str(outcome.organisation) if outcome.organisation_id else ""
    return {name: "" if value is None else str(value) for name, value in values.items()}


def _audit(*, actor: Any, outcome: Outcome, action: str, before: dict, after: dict) -> None:
    changes = diff(before, after)
    if action == AuditEntry.Action.UPDATE and not changes:
        return
    AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None, action=action,
        object_type="outcome", object_id=outcome.pk, object_repr=str(outcome)[:255], changes=changes)


def outcome_create(*, actor: Any, **fields: Any) -> Outcome:
    """Validate (identifiers normalised, what the kind needs) and record a new outcome."""
    outcome = Outcome(**fields)
    outcome.created_by = actor if getattr(actor, "is_authenticated", False) else None
    outcome.full_clean()
    with transaction.atomic():
        outcome.save()
        _audit(actor=actor, outcome=outcome, action=AuditEntry.Action.CREATE, before={},
               after=outcome_snapshot(outcome))
    return outcome


def outcome_update(*, actor: Any, outcome: Outcome, **fields: Any) -> Outcome:
    with transaction.atomic():
        before = outcome_snapshot(Outcome.objects.select_for_update().get(pk=outcome.pk))
        for name, value in fields.items():
            setattr(outcome, name, value)
        outcome.full_clean()
        outcome.save()
        _audit(actor=actor, outcome=outcome, action=AuditEntry.Action.UPDATE, before=before,
               after=outcome_snapshot(outcome))
    return outcome


def outcome_delete(*, actor: Any, outcome: Outcome) -> None:
    with transaction.atomic():
        before = outcome_snapshot(outcome)
        pk = outcome.pk
        outcome.delete()
        outcome.pk = pk
        _audit(actor=actor, outcome=outcome, action=AuditEntry.Action.DELETE, before=before, after={})
