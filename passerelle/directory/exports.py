"""Export of the (filtered, visible) directory to CSV and XLSX, in the import's own columns."""
from __future__ import annotations

from collections.abc import Iterable

import tablib

from .models import Organisation, Person

PEOPLE_HEADERS = ["first_name", "last_name", "email", "kind", "territory", "orcid", "organisation", "position",
                  "languages", "expertise", "keywords", "categories", "sites", "techniques", "offers", "seeks",
                  "visibility", "consent_date"]
ORGANISATION_HEADERS = ["name", "acronym", "kind", "territory", "city", "website", "ror_id", "parent"]


def _percent(code: str, percentage: int | None) -> str:
    return f"{code}:{percentage}" if percentage else code


def people_dataset(people: Iterable[Person], *, with_contact: bool) -> tablib.Dataset:
    data = tablib.Dataset(headers=PEOPLE_HEADERS, title="people")
    for p in people:
        affiliations = list(p.affiliations.all())
        data.append([
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
        ])
    return data


def organisations_dataset(organisations: Iterable[Organisation]) -> tablib.Dataset:
    data = tablib.Dataset(headers=ORGANISATION_HEADERS, title="organisations")
    for o in organisations:
        data.append([o.name, o.acronym, o.kind, o.territory, o.city, o.website, o.ror_id,
                     o.parent.name if o.parent_id else ""])
    return data


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(dataset: tablib.Dataset, fmt: str) -> bytes:
    if fmt == "xlsx":
        return dataset.export("xlsx")
    return ("\ufeff" + dataset.export("csv")).encode("utf-8")
