"""Writes to the directory: one transaction per use case, audit trail and search kept true."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from passerelle.core.models import CancerSite, CsoCategory, Language, Technique

from . import audit, search
from .models import Affiliation, AuditEntry, Organisation, Person, PersonCategory, PersonSite
from .rules import check_profile_email

PERSON_FIELDS = (
    "first_name", "last_name", "email", "kind", "territory", "orcid", "idhal", "expertise", "keywords",
    "offers", "seeks", "visibility", "consent_date",
)
ORGANISATION_FIELDS = ("name", "acronym", "kind", "territory", "city", "website", "ror_id", "parent")


@dataclass
class AffiliationData:
    organisation: Organisation
    position: str = ""
    is_primary: bool = False


@dataclass
class PersonTags:
    """Tags of a profile; ``None`` leaves that kind of tag unchanged.

    Categories and sites are ``(tag, percentage or None)`` pairs (ICRP practice).
    """

    categories: Sequence[tuple[CsoCategory, int | None]] | None = None
    sites: Sequence[tuple[CancerSite, int | None]] | None = None
    techniques: Iterable[Technique] | None = None
    languages: Iterable[Language] | None = None
    affiliations: Sequence[AffiliationData] | None = field(default=None)


def _apply_tags(person: Person, tags: PersonTags) -> None:
    if tags.categories is not None:
        person.category_tags.all().delete()
        PersonCategory.objects.bulk_create(
            [PersonCategory(person=person, category=c, percentage=p) for c, p in tags.categories]
        )
    if tags.sites is not None:
        person.site_tags.all().delete()
        PersonSite.objects.bulk_create([PersonSite(person=person, site=s, percentage=p) for s, p in tags.sites])
    if tags.techniques is not None:
        person.techniques.set(list(tags.techniques))
    if tags.languages is not None:
        person.languages.set(list(tags.languages))
    if tags.affiliations is not None:
        person.affiliations.all().delete()
        seen: set[int] = set()
        rows = []
        for item in tags.affiliations:
            if item.organisation.pk in seen:
                continue
            seen.add(item.organisation.pk)
            rows.append(Affiliation(person=person, organisation=item.organisation,
                                    position=item.position, is_primary=item.is_primary))
        if rows and not any(r.is_primary for r in rows):
            rows[0].is_primary = True
        Affiliation.objects.bulk_create(rows)


def _record(actor: Any, obj: Person | Organisation, action: str, before: dict[str, str]) -> None:
    """The audit entry of a write to ``obj``: ``before`` against what it holds now."""
    audit.record(actor=actor, obj=obj, action=action, before=before, after=audit.snapshot(obj))


@transaction.atomic
def person_create(*, actor: Any, data: dict[str, Any], tags: PersonTags | None = None,
                  action: str = AuditEntry.Action.CREATE, user: Any = None) -> Person:
    """Create a profile from validated ``data`` (keys of PERSON_FIELDS) and its tags.

    ``user`` is the account the profile belongs to, when it has one.
    """
    person = Person(user=user, **{k: v for k, v in data.items() if k in PERSON_FIELDS})
    if "email" in data:
        person.email = (data["email"] or "").lower()
    return _save_person(actor, person, tags, action, before={})


@transaction.atomic
def person_update(*, actor: Any, person: Person, data: dict[str, Any], tags: PersonTags | None = None) -> Person:
    """Change a profile; the audit entry lists every changed field with old and new values."""
    before = audit.person_snapshot(Person.objects.get(pk=person.pk))
    for key, value in data.items():
        if key in PERSON_FIELDS:
            setattr(person, key, value.lower() if key == "email" and value else value)
    return _save_person(actor, person, tags, AuditEntry.Action.UPDATE, before)


def _save_person(actor: Any, person: Person, tags: PersonTags | None, action: str,
                 before: dict[str, str]) -> Person:
    """Check and save ``person`` and its tags, then bring its search document and audit trail up to date."""
    check_profile_email(person.email, person)
    person.full_clean()
    person.save()
    _apply_tags(person, tags or PersonTags())
    search.refresh_person(person)
    _record(actor, person, action, before)
    return person


@transaction.atomic
def person_delete(*, actor: Any, person: Person) -> None:
    audit.record(actor=actor, obj=person, action=AuditEntry.Action.DELETE, before=audit.person_snapshot(person),
                 after={})
    person.delete()


@transaction.atomic
def person_link_user(*, person: Person, user: Any) -> Person:
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    return person


@transaction.atomic
def organisation_create(*, actor: Any, data: dict[str, Any],
                        action: str = AuditEntry.Action.CREATE) -> Organisation:
    organisation = Organisation(**{k: v for k, v in data.items() if k in ORGANISATION_FIELDS})
    organisation.full_clean()
    organisation.save()
    search.refresh_organisation(organisation)
    _record(actor, organisation, action, before={})
    return organisation


@transaction.atomic
def organisation_update(*, actor: Any, organisation: Organisation, data: dict[str, Any]) -> Organisation:
    before = audit.organisation_snapshot(Organisation.objects.get(pk=organisation.pk))
    for key, value in data.items():
        if key in ORGANISATION_FIELDS:
            setattr(organisation, key, value)
    organisation.full_clean()
    organisation.save()
    search.refresh_organisation(organisation)
    # Members' search documents carry the organisation's name.
    for person in organisation.people.all():
        search.refresh_person(person)
    _record(actor, organisation, AuditEntry.Action.UPDATE, before)
    return organisation


@transaction.atomic
def organisation_delete(*, actor: Any, organisation: Organisation) -> None:
    members = list(organisation.people.all())
    audit.record(actor=actor, obj=organisation, action=AuditEntry.Action.DELETE,
                 before=audit.organisation_snapshot(organisation), after={})
    organisation.delete()
    for person in members:
        search.refresh_person(person)
