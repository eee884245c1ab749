"""Writes of the privacy app: consents, erasure requests and their execution, retention reviews.

Each use case runs in one transaction. Erasure runs every app's part (``registry.py``) in that
transaction, so a failure anywhere erases nothing.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.actors import recorded_user
from passerelle.core.mail import after_commit
from passerelle.directory import services as directory_services
from passerelle.directory.models import AuditEntry, Person

from . import consent_history, notifications, registry, selectors
from .enums import NOTICE_VERSION, ConsentMethod, ConsentPurpose, ErasureStatus, RetentionResolution
from .models import ConsentRecord, ErasureRequest, RetentionFlag

# Consents -----------------------------------------------------------------------------------

def consent_record(*, actor: Any, person: Person, purpose: str, given: bool, method: str, note: str = "",
                   at: datetime | None = None) -> ConsentRecord:
    """Record one consent given or withdrawn. The directory consent also sets (or clears) the
    profile's consent date, through the directory service, so the audit trail shows it."""
    if purpose not in ConsentPurpose.values or method not in ConsentMethod.values:
        raise ValidationError(_("Unknown purpose or method of consent."))
    at = at or timezone.now()
    with transaction.atomic():
        record = ConsentRecord.objects.create(
            person=person, purpose=purpose, given=given, at=at, method=method, note=note[:500],
            recorded_by=recorded_user(actor), notice_version=NOTICE_VERSION,
        )
        if purpose == ConsentPurpose.DIRECTORY:
            consent_date = timezone.localdate(at) if given else None
            if person.consent_date != consent_date:
                with consent_history.already_recorded():
                    directory_services.person_update(actor=actor, person=person, data={"consent_date": consent_date})
    return record


def consents_update(*, actor: Any, person: Person, choices: Mapping[str, bool], method: str,
                    note: str = "") -> list[ConsentRecord]:
    """Record the purposes whose answer changed (a first answer counts as a change)."""
    current = selectors.current_consents(person)
    with transaction.atomic():
        return [
            consent_record(actor=actor, person=person, purpose=purpose, given=given, method=method, note=note)
            for purpose, given in choices.items()
            if current.get(purpose) is None or current[purpose].given != given
        ]


# Erasure ------------------------------------------------------------------------------------

def erasure_request_create(*, actor: Any, person: Person, reason: str = "", base_url: str = "") -> ErasureRequest:
    """A member asks for their data to be erased; coordinators are told by e-mail."""
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person.pk)
        if selectors.is_erased(person):
            raise ValidationError(_("This profile has already been erased."))
        if selectors.pending_request(person) is not None:
            raise ValidationError(_("A request to erase this profile is already waiting."))
        request = ErasureRequest.objects.create(person=person, label=person.full_name[:255], reason=reason,
                                                requested_by=actor)
        after_commit(partial(notifications.send_erasure_requested, request.pk, base_url))
    return request


def erasure_request_withdraw(*, actor: Any, request: ErasureRequest) -> ErasureRequest:
    with transaction.atomic():
        stored = ErasureRequest.objects.select_for_update().get(pk=request.pk)
        if stored.status != ErasureStatus.PENDING:
            raise ValidationError(_("Only a waiting request can be withdrawn."))
        stored.status = ErasureStatus.WITHDRAWN
        stored.save(update_fields=["status"])
    return stored


def person_erase(*, actor: Any, person: Person, reason: str = "") -> ErasureRequest:
    """Erase ``person`` everywhere (every registered part), close their waiting requests and keep
    one nameless record of the erasure: who executed it, when, and how many rows of each app."""
    with transaction.atomic():
        person = Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk)
        if selectors.is_erased(person):
            raise ValidationError(_("This profile has already been erased."))
        request = selectors.pending_request(person) or ErasureRequest(
            person=person, requested_by=actor, reason=reason)
        request.label = person.full_name[:255]
        request.save()
        summary = registry.erase_person(person)
        now = timezone.now()
        ErasureRequest.objects.filter(person=person, status=ErasureStatus.PENDING).exclude(pk=request.pk).update(
            status=ErasureStatus.WITHDRAWN)
        ErasureRequest.objects.filter(pk=request.pk).update(
            status=ErasureStatus.DONE, executed_by=actor, executed_at=now, summary=summary,
            label=f"#{person.pk}", reason="")
        AuditEntry.objects.create(actor=actor, action=AuditEntry.Action.DELETE, object_type="person",
                                  object_id=person.pk, object_repr=f"#{person.pk}",
                                  changes={"personal data": ["", "erased"]})
        request.refresh_from_db()
    return request


# Retention ----------------------------------------------------------------------------------

def flag_inactive_profiles(*, now: datetime | None = None) -> int:
    """Flag every inactive profile without consent for review; a profile kept after an earlier
    review is flagged again once it has been inactive for another full period."""
    now = now or timezone.now()
    cutoff = selectors.retention_cutoff(now)
    flagged = 0
    with transaction.atomic():
        open_flag = RetentionFlag.objects.filter(person=OuterRef("pk"), resolved_at__isnull=True)
        candidates = selectors.inactive_unconsented(now).select_related("user").exclude(Exists(open_flag))
        for person in candidates:
            flag = RetentionFlag.objects.filter(person=person).first()
            if flag is not None and flag.resolved_at and flag.resolved_at >= cutoff:
                continue
            activity = selectors.last_activity(person)
            if flag is None:
                RetentionFlag.objects.create(person=person, flagged_at=now, last_activity=activity)
            else:
                flag.flagged_at, flag.last_activity = now, activity
                flag.resolved_at, flag.resolved_by, flag.resolution = None, None, ""
                flag.save()
            flagged += 1
    return flagged


def retention_keep(*, actor: Any, flag: RetentionFlag) -> RetentionFlag:
    with transaction.atomic():
        stored = RetentionFlag.objects.select_for_update().get(pk=flag.pk)
        if not stored.is_open:
            raise ValidationError(_("This profile has already been reviewed."))
        stored.resolved_at, stored.resolved_by = timezone.now(), actor
        stored.resolution = RetentionResolution.KEPT
        stored.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return stored
