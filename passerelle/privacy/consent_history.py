"""Every change of a profile's consent date becomes a consent record, whatever made it.

The profile form (its consent box), an import and the admin change ``Person.consent_date``
through the directory services, which write an audit entry; this receiver turns each such
entry into a ``ConsentRecord`` (what: the directory; when; how: the person on the web, a
coordinator on the profile, or an imported file). Changes made by ``services.consent_record``,
which writes its own record, are skipped.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from passerelle.directory.models import AuditEntry, Person

from .enums import NOTICE_VERSION, ConsentMethod, ConsentPurpose
from .models import ConsentRecord

_recorded: ContextVar[bool] = ContextVar("consent_already_recorded", default=False)


@contextmanager
def already_recorded() -> Iterator[None]:
    token = _recorded.set(True)
    try:
        yield
    finally:
        _recorded.reset(token)


def _consent_moment(value: str) -> datetime:
    """The consent date written on the profile, at noon, or now when it cannot be read."""
    try:
        return timezone.make_aware(datetime.combine(date.fromisoformat(value), time(12)))
    except ValueError:
        return timezone.now()


@receiver(post_save, sender=AuditEntry, dispatch_uid="privacy_consent_from_audit")
def record_consent_change(sender: Any, instance: AuditEntry, created: bool, **kwargs: Any) -> None:
    if not created or _recorded.get() or instance.object_type != "person":
        return
    change = instance.changes.get("consent_date")
    if not change or instance.action == AuditEntry.Action.DELETE:
        return
    person = Person.objects.filter(pk=instance.object_id).select_related("user").first()
    if person is None:
        return
    new = change[1]
    if instance.action == AuditEntry.Action.IMPORT:
        method = ConsentMethod.IMPORT
    elif instance.actor_id is not None and instance.actor_id == person.user_id:
        method = ConsentMethod.WEB
    else:
        method = ConsentMethod.PROFILE
    ConsentRecord.objects.create(
        person=person, purpose=ConsentPurpose.DIRECTORY, given=bool(new),
        at=_consent_moment(new) if new else timezone.now(), method=method,
        recorded_by=instance.actor, notice_version=NOTICE_VERSION,
    )
