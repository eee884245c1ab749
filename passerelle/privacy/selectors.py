"""Reads of the privacy app: current consents, erasure requests, profiles due for review."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from passerelle.directory.models import Person
from passerelle.events.models import Registration

from .enums import ConsentMethod, ConsentPurpose, ErasureStatus
from .models import ConsentRecord, ErasureRequest, RetentionFlag


def current_consents(person: Person) -> dict[str, ConsentRecord | None]:
    """The latest record of each purpose (None: never asked). A profile whose consent date was set
    before any record was kept (an older import, say) reads as the directory consent given on that
    date — an unsaved record, so the pages and the profile never disagree."""
    latest: dict[str, ConsentRecord | None] = {purpose.value: None for purpose in ConsentPurpose}
    for record in ConsentRecord.objects.filter(person=person).order_by("at", "pk"):
        latest[record.purpose] = record
    if latest[ConsentPurpose.DIRECTORY] is None and person.consent_date:
        latest[ConsentPurpose.DIRECTORY] = _from_consent_date(person)
    return latest


def _from_consent_date(person: Person) -> ConsentRecord:
    moment = datetime.combine(person.consent_date, time(12), tzinfo=timezone.get_current_timezone())
    return ConsentRecord(person=person, purpose=ConsentPurpose.DIRECTORY, given=True, at=moment,
                         method=ConsentMethod.PROFILE)


def consent_given(person: Person, purpose: str) -> bool:
    """True when the latest record for ``purpose`` gives consent (other apps may ask this)."""
    record = ConsentRecord.objects.filter(person=person, purpose=purpose).order_by("-at", "-pk").first()
    if record is None and purpose == ConsentPurpose.DIRECTORY:
        return bool(person.consent_date)
    return bool(record and record.given)


def is_erased(person: Person) -> bool:
    return ErasureRequest.objects.filter(person=person, status=ErasureStatus.DONE).exists()


def pending_request(person: Person | None) -> ErasureRequest | None:
    if person is None:
        return None
    return ErasureRequest.objects.filter(person=person, status=ErasureStatus.PENDING).first()


def erasure_requests(status: str = "") -> QuerySet[ErasureRequest]:
    requests = ErasureRequest.objects.select_related("person", "requested_by", "executed_by")
    if status:
        requests = requests.filter(status=status)
    return requests.order_by("status", "-requested_at", "-pk")


def retention_cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.PRIVACY_RETENTION_DAYS)


def inactive_unconsented(now: datetime | None = None) -> QuerySet[Person]:
    """Profiles without a directory consent, untouched, unsigned-in and unregistered since the
    cut-off, not erased yet. Their last activity is the latest of those dates."""
    cutoff = retention_cutoff(now)
    recent_registration = Registration.objects.filter(person=OuterRef("pk"), queued_at__gte=cutoff)
    erased = ErasureRequest.objects.filter(person=OuterRef("pk"), status=ErasureStatus.DONE)
    return (Person.objects.filter(consent_date__isnull=True, updated_at__lt=cutoff)
            .filter(Q(user__isnull=True) | Q(user__last_login__isnull=True) | Q(user__last_login__lt=cutoff))
            .exclude(Exists(recent_registration)).exclude(Exists(erased)))


def open_flags() -> QuerySet[RetentionFlag]:
    return (RetentionFlag.objects.filter(resolved_at__isnull=True)
            .select_related("person", "person__user").order_by("last_activity", "pk"))


def last_activity(person: Person) -> datetime:
    dates = [person.updated_at]
    if person.user_id and person.user.last_login:
        dates.append(person.user.last_login)
    registration = Registration.objects.filter(person=person).order_by("-queued_at").first()
    if registration is not None:
        dates.append(registration.queued_at)
    return max(dates)


def person_for(user: Any) -> Person | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Person.objects.filter(user=user).first()
