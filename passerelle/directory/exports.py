"""Export of the (filtered, visible) directory to CSV and XLSX, in two layouts:

- ``import`` (the default): the import's own columns and codes, so that a file exported here
  imports back unchanged;
- ``reading``: the same columns for people to read, with headers and values in the user's language
  (kinds, territories, visibility, taxonomy and language names instead of codes).

Cells are made safe to open in a spreadsheet by ``passerelle.core.exports`` (formula injection)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelle.core.exports import CONTENT_TYPES, render, safe_dataset

from .models import Organisation, Person

__all__ = ["CONTENT_TYPES", "LAYOUTS", "ORGANISATION_HEADERS", "PEOPLE_HEADERS", "organisations_dataset",
           "people_dataset", "render"]

LAYOUTS = ("import", "reading")

PEOPLE_HEADERS = ["first_name", "last_name", "email", "kind", "territory", "orcid", "organisation", "position",
                  "languages", "expertise", "keywords", "categories", "sites", "techniques", "offers", "seeks",
                  "visibility", "consent_date"]
ORGANISATION_HEADERS = ["name", "acronym", "kind", "territory", "city", "website", "ror_id", "parent"]
# The reading layout's headers, column for column.
READING_HEADERS = {
    "first_name": gettext_lazy("First name"), "last_name": gettext_lazy("Last name"),
    "email": gettext_lazy("E-mail"), "kind": gettext_lazy("Kind of actor"), "territory": gettext_lazy("Territory"),
    "orcid": gettext_lazy("ORCID iD"), "organisation": gettext_lazy("Organisations"),
    "position": gettext_lazy("Position"), "languages": gettext_lazy("Languages"),
    "expertise": gettext_lazy("Expertise"), "keywords": gettext_lazy("Keywords"),
    "categories": gettext_lazy("Cancer research categories"), "sites": gettext_lazy("Cancer sites"),
    "techniques": gettext_lazy("Techniques and platforms"), "offers": gettext_lazy("What I offer"),
    "seeks": gettext_lazy("What I seek"), "visibility": gettext_lazy("Visibility"),
    "consent_date": gettext_lazy("Consent date"), "name": gettext_lazy("Name"), "acronym": gettext_lazy("Acronym"),
    "city": gettext_lazy("City"), "website": gettext_lazy("Website"), "ror_id": gettext_lazy("ROR id"),
    "parent": gettext_lazy("Parent organisation"),
}


def layout_of(query: Mapping[str, str]) -> str:
    """The layout asked for by ``?layout=`` (anything unknown: the import layout)."""
    return "reading" if query.get("layout") == "reading" else "import"


def _headers(names: list[str], reading: bool) -> list[str]:
    return [str(READING_HEADERS[name]) for name in names] if reading else names


def _percent(code: str, percentage: int | None) -> str:
    return f"{code}:{percentage}" if percentage else code


def people_dataset(people: Iterable[Person], *, with_contact: bool, layout: str = "import") -> tablib.Dataset:
    reading = layout == "reading"
    return safe_dataset(_headers(PEOPLE_HEADERS, reading), (_person_row(p, with_contact, reading) for p in people),
                        title=_("people") if reading else "people")


def _reading_percent(label: str, percentage: int | None) -> str:
    return f"{label} ({percentage} %)" if percentage else label


def _person_row(p: Person, with_contact: bool, reading: bool) -> list[str]:
    affiliations = list(p.affiliations.all())
    if reading:
        kind, territory, visibility = p.get_kind_display(), p.get_territory_display(), p.get_visibility_display()
        languages = "; ".join(str(lang) for lang in p.languages.all())
        categories = "; ".join(_reading_percent(f"{t.category.code} {t.category}", t.percentage)
                               for t in p.category_tags.all())
        sites = "; ".join(_reading_percent(str(t.site), t.percentage) for t in p.site_tags.all())
        techniques = "; ".join(str(t) for t in p.techniques.all())
    else:
        kind, territory, visibility = p.kind, p.territory, p.visibility
        languages = "; ".join(lang.code for lang in p.languages.all())
        categories = "; ".join(_percent(t.category.code, t.percentage) for t in p.category_tags.all())
        sites = "; ".join(_percent(str(t.site.icrp_code), t.percentage) for t in p.site_tags.all())
        techniques = "; ".join(t.code for t in p.techniques.all())
    return [
        p.first_name, p.last_name, p.email if with_contact else "", kind, territory, p.orcid,
        "; ".join(a.organisation.name for a in affiliations),
        affiliations[0].position if affiliations else "",
        languages, p.expertise, p.keywords, categories, sites, techniques,
        " | ".join(p.offer_list), " | ".join(p.seek_list), visibility,
        p.consent_date.isoformat() if p.consent_date else "",
    ]


def organisations_dataset(organisations: Iterable[Organisation], *, layout: str = "import") -> tablib.Dataset:
    reading = layout == "reading"
    rows = ([o.name, o.acronym, o.get_kind_display() if reading else o.kind,
             o.get_territory_display() if reading else o.territory, o.city, o.website, o.ror_id,
             o.parent.name if o.parent_id else ""]
            for o in organisations)
    return safe_dataset(_headers(ORGANISATION_HEADERS, reading), rows,
                        title=_("organisations") if reading else "organisations")
