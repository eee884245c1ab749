"""Audit entries of the meetings app, in the directory's trail (who changed what, when)."""
from __future__ import annotations

from typing import Any

from django.db import models

from passerelle.core.actors import recorded_user
from passerelle.directory.models import AuditEntry


def record(*, actor: Any, obj: models.Model, action: str = AuditEntry.Action.UPDATE,
           changes: dict[str, list[str]] | None = None) -> AuditEntry:
    """One entry for ``obj`` (a session or a meeting), ``changes`` as ``{field: [old, new]}``."""
    return AuditEntry.objects.create(
        actor=recorded_user(actor),
        action=action,
        object_type=obj._meta.model_name[:20],
        object_id=obj.pk,
        object_repr=str(obj)[:255],
        changes=changes or {},
    )
