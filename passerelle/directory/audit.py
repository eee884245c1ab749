"""The audit trail: readable snapshots of a profile and the differences between two."""
from __future__ import annotations

from typing import Any

from passerelle.core.actors import recorded_user

from .models import AuditEntry, Organisation, Person


def _fields(obj: Person | Organisation, names: tuple[str, ...]) -> dict[str, str]:
    """The named fields of ``obj`` as they are stored (they already are text)."""
    return {name: getattr(obj, name) for name in names}


def person_snapshot(person: Person) -> dict[str, str]:
    """Every field a user can change, as readable text (tags and affiliations included)."""
    if person.pk is None:
        return {}
    return {
        **_fields(person, ("first_name", "last_name", "email", "kind", "territory", "orcid", "idhal")),
        "expertise": _text(person.expertise),
        "keywords": person.keywords,
        # One offer (or need) a line: a form sends CRLF and may add blank lines; that is no change.
        "offers": "\n".join(person.offer_list),
        "seeks": "\n".join(person.seek_list),
        "visibility": person.visibility,
        "consent_date": person.consent_date.isoformat() if person.consent_date else "",
        "categories": ", ".join(
            sorted(t.category.code for t in person.category_tags.select_related("category"))
        ),
        "sites": ", ".join(sorted(t.site.title_en for t in person.site_tags.select_related("site"))),
        "techniques": ", ".join(sorted(t.code for t in person.techniques.all())),
        "languages": ", ".join(sorted(lang.code for lang in person.languages.all())),
        "affiliations": "; ".join(
            f"{a.organisation.name}{' – ' + a.position if a.position else ''}"
            for a in person.affiliations.select_related("organisation")
        ),
    }


def _text(value: str) -> str:
    """Line endings as stored by any client (CRLF from a browser, LF from an import) compare equal."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def organisation_snapshot(organisation: Organisation) -> dict[str, str]:
    if organisation.pk is None:
        return {}
    return {
        **_fields(organisation, ("name", "acronym", "kind", "territory", "city", "website", "ror_id")),
        "parent": organisation.parent.name if organisation.parent_id else "",
    }


def snapshot(obj: Person | Organisation) -> dict[str, str]:
    """:func:`person_snapshot` or :func:`organisation_snapshot`, whichever ``obj`` is."""
    return person_snapshot(obj) if isinstance(obj, Person) else organisation_snapshot(obj)


def diff(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    """``{field: [old, new]}`` for every field whose value changed."""
    keys = sorted(set(before) | set(after))
    return {
        key: [before.get(key, ""), after.get(key, "")]
        for key in keys
        if before.get(key, "") != after.get(key, "")
    }


def record(
    *, actor: Any, obj: Person | Organisation, action: str, before: dict[str, str], after: dict[str, str]
) -> AuditEntry | None:
    """Write one audit entry; an update that changed nothing writes none."""
    changes = diff(before, after)
    if action == AuditEntry.Action.UPDATE and not changes:
        return None
    return AuditEntry.objects.create(
        actor=recorded_user(actor),
        action=action,
        object_type="person" if isinstance(obj, Person) else "organisation",
        object_id=obj.pk,
        object_repr=str(obj)[:255],
        changes=changes,
    )


def history_of(obj: Person | Organisation):
    object_type = "person" if isinstance(obj, Person) else "organisation"
    return AuditEntry.objects.filter(object_type=object_type, object_id=obj.pk).select_related("actor")
