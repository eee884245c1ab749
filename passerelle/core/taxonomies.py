"""Loading of the reference taxonomies shipped in ``core/data`` (idempotent)."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"

LANGUAGES = [
    ("fr", "French", "Français"),
    ("en", "English", "Anglais"),
    ("es", "Spanish", "Espagnol"),
    ("de", "German", "Allemand"),
    ("it", "Italian", "Italien"),
    ("pt", "Portuguese", "Portugais"),
    ("ar", "Arabic", "Arabe"),
    ("zh", "Chinese", "Chinois"),
]


def read_rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_taxonomies(apps: Any = None) -> None:
    """Create or update every taxonomy row; ``apps`` is given inside a migration."""
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    cso = apps.get_model("core", "CsoCategory")
    site = apps.get_model("core", "CancerSite")
    technique = apps.get_model("core", "Technique")
    language = apps.get_model("core", "Language")

    for row in read_rows("cso.csv"):
        parent = cso.objects.get(code=row["parent"]) if row["parent"] else None
        cso.objects.update_or_create(
            code=row["code"],
            defaults={
                "parent": parent,
                "title_en": row["title_en"],
                "title_fr": row["title_fr"],
                "active": row["active"] == "yes",
                "sort_key": ".".join(p.zfill(3) for p in row["code"].split(".")),
            },
        )
    for row in read_rows("cancer_sites.csv"):
        site.objects.update_or_create(
            icrp_code=int(row["icrp_code"]),
            defaults={
                "title_en": row["title_en"],
                "title_fr": row["title_fr"],
                "icd10": row["icd10"],
                "childhood_young_adult": row["childhood_young_adult"] == "yes",
                "not_otherwise_specified": row["not_otherwise_specified"] == "yes",
                "description_en": row["description_en"],
                "synonyms": row["synonyms"],
            },
        )
    for row in read_rows("techniques.csv"):
        technique.objects.update_or_create(
            code=row["code"], defaults={"title_en": row["title_en"], "title_fr": row["title_fr"]}
        )
    for code, title_en, title_fr in LANGUAGES:
        language.objects.update_or_create(
            code=code, defaults={"title_en": title_en, "title_fr": title_fr}
        )
