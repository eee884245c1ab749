"""Identifiers of outcomes: DOI of a publication, registry id of a clinical trial, patent number.

Each ``normalize_*`` accepts what people paste (a resolver URL, a ``doi:`` prefix, lower case,
spaces) and returns the canonical form stored, or raises ValidationError saying what is expected.
"""
from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Crossref's recommended pattern for modern DOIs: a "10." prefix, a registrant code, "/", a suffix.
_DOI_RE = re.compile(r"^10\.\d{4,9}/[-._;()/:a-z0-9<>\[\]]+$", re.IGNORECASE)
_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/",
                 "doi:")

# Registries of the WHO's International Clinical Trials Registry Platform used on both sides.
TRIAL_REGISTRIES = [
    ("ClinicalTrials.gov", re.compile(r"^NCT\d{8}$")),
    ("EU CTIS", re.compile(r"^\d{4}-5\d{5}-\d{2}-\d{2}$")),
    ("EudraCT", re.compile(r"^\d{4}-\d{6}-\d{2}$")),
    ("ISRCTN", re.compile(r"^ISRCTN\d{8}$")),
    ("WHO UTN", re.compile(r"^U\d{4}-\d{4}-\d{4}$")),
]

# Publication numbers: an office code (EP, WO, US, FR, CA, ...), digits (a year and a slash for WO
# applications), an optional kind code (A1, B2, ...).
_PATENT_RE = re.compile(r"^[A-Z]{2}\d{4}/?\d{3,8}(?:[A-Z]\d?)?$|^[A-Z]{2}\d{5,10}(?:[A-Z]\d?)?$")


def normalize_doi(value: str) -> str:
    raw = (value or "").strip()
    for prefix in _DOI_PREFIXES:
        if raw.lower().startswith(prefix):
            raw = raw[len(prefix):].strip()
            break
    if not _DOI_RE.match(raw):
        raise ValidationError(
            _("%(value)s is not a DOI: expected 10.<registrant>/<suffix>, e.g. 10.1038/s41586-020-2649-2."),
            code="doi_format", params={"value": value},
        )
    # DOIs are case-insensitive; the lower-case form compares like with like.
    return raw.lower()


def trial_registry(value: str) -> str:
    """The registry a (normalised) trial id belongs to, "" when none matches."""
    for name, pattern in TRIAL_REGISTRIES:
        if pattern.match(value):
            return name
    return ""


def normalize_trial_id(value: str) -> str:
    raw = re.sub(r"\s+", "", (value or "")).upper()
    if not trial_registry(raw):
        raise ValidationError(
            _("%(value)s is not a trial registry id: expected e.g. NCT01234567 (ClinicalTrials.gov), "
              "2023-501234-12-00 (EU CTIS), 2015-001234-56 (EudraCT) or ISRCTN12345678."),
            code="trial_format", params={"value": value},
        )
    return raw


def normalize_patent_number(value: str) -> str:
    raw = re.sub(r"[\s.,]+", "", (value or "")).upper()
    if not _PATENT_RE.match(raw):
        raise ValidationError(
            _("%(value)s is not a patent publication number: expected an office code and digits, "
              "e.g. EP3456789A1 or WO2021/123456."),
            code="patent_format", params={"value": value},
        )
    return raw
