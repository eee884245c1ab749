"""Export of the (filtered, visible) directory to CSV and XLSX, in the import's own columns.

Cells are made safe to open in a spreadsheet by ``passerelle.core.exports`` (formula injection)."""
from __future__ import annotations

from collections.abc import Iterable

import tablib

from passerelle.core.exports import CONTENT_TYPES, render, safe_dataset

from .models import Organisation, Person

__all__ = ["CONTENT_TYPES", "ORGANISATION_HEADERS", "PEOPLE_HEADERS", "organisations_dataset", "people_dataset",
           "render"]

PEOPLE_HEADERS = ["first_name", "last_name", "email", "kind", "territory", "orcid", "organisation", "position",
                  "languages", "expertise", "keywords", "categories", "sites", "techniques", "offers", "seeks",
                  "visibility", "consent_date"]
ORGANISATION_HEADERS = ["name", "acronym", "kind", "territory", "city", "website", "ror_id", "parent"]


def _percent(code: str, percentage: int | None) -> str:
    return f"{code}:{percentage}" if percentage else code


def people_dataset(people: Iterable[Person], *, with_contact: bool) -> tablib.Dataset:
    return safe_dataset(PEOPLE_HEADERS, (_person_row(p, with_contact) for p in people), title="people")


def _person_row(p: Person, with_contact: bool) -> list[str]:
    affiliations = list(p.affiliations.all())
    return [
        p.first_name, p.last_name, p.email if with_contact else "", p.kind, p.territory, p.orcid,
        "; ".join(a.organisation.name for a in affiliations),
        affiliations[0].position if affiliations else "",
        "; ".join(lang.code for lang in p.languages.all()),
        p.expertise, p.keywords,
        "; ".join(_percent(t.category.code, t.percentage) for t in p.category_tags.all()),
        "; ".join(_percent(str(t.site.icrp_code), t.percentage) for t in p.site_tags.all()),
        "; ".join(t.code for t in p.techniques.all()),
        " | ".join(p.offer_list), " | ".join(p.seek_list), p.visibility,
        p.consent_date.isoformat() if p.consent_date else "",
    ]


def organisations_dataset(organisations: Iterable[Organisation]) -> tablib.Dataset:
    rows = ([o.name, o.acronym, o.kind, o.territory, o.city, o.website, o.ror_id, o.parent.name if o.parent_id else ""]
            for o in organisations)
    return safe_dataset(ORGANISATION_HEADERS, rows, title="organisations")
