"""Normal forms of the identifiers and titles used to merge works across sources.

Every function accepts what sources and people write (resolver URLs, prefixes, spaces, case) and
returns the bare canonical form, or "" when the value is not one.
"""
from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError

from passerelle.core.identifiers import normalize_orcid

_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                 "doi.org/", "dx.doi.org/", "doi:", "doi ")
_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_PMID_RE = re.compile(r"^(?:pmid:?\s*)?(\d{1,9})$", re.IGNORECASE)
_HAL_RE = re.compile(r"^([a-z][a-z0-9]*-\d{6,9})(?:v\d+)?$")
_OPENALEX_RE = re.compile(r"^(W\d+)$")
TITLE_KEY_LENGTH = 255


def normalise_doi(value: str | None) -> str:
    raw = (value or "").strip().lower()
    for prefix in _DOI_PREFIXES:
        if raw.startswith(prefix):
            raw = raw[len(prefix):].strip()
    raw = raw.rstrip(".;,")
    return raw if _DOI_RE.match(raw) and len(raw) <= 255 else ""


def normalise_pmid(value: str | int | None) -> str:
    raw = str(value or "").strip()
    for prefix in ("https://pubmed.ncbi.nlm.nih.gov/", "http://www.ncbi.nlm.nih.gov/pubmed/"):
        if raw.startswith(prefix):
            raw = raw[len(prefix):].strip("/")
    match = _PMID_RE.match(raw)
    return match.group(1).lstrip("0") if match and match.group(1).strip("0") else ""


def normalise_orcid(value: str | None) -> str:
    try:
        return normalize_orcid(value or "")
    except ValidationError:
        return ""


def normalise_hal_id(value: str | None) -> str:
    """``hal-01234567`` (the version suffix ``v2`` is dropped: all versions are one work)."""
    raw = (value or "").strip().lower()
    for prefix in ("https://hal.science/", "https://hal.archives-ouvertes.fr/"):
        if raw.startswith(prefix):
            raw = raw[len(prefix):].strip("/")
    match = _HAL_RE.match(raw)
    return match.group(1) if match else ""


def normalise_openalex_id(value: str | None) -> str:
    raw = (value or "").strip()
    if raw.lower().startswith("https://openalex.org/"):
        raw = raw[len("https://openalex.org/"):]
    raw = raw.upper()
    return raw if _OPENALEX_RE.match(raw) and len(raw) <= 40 else ""


def text_key(value: str | None) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def title_key(value: str | None) -> str:
    return text_key(value)[:TITLE_KEY_LENGTH]


def name_keys(name: str) -> set[str]:
    """Keys under which a person's name may be written by a source: "Marie Curie", "Curie, Marie",
    "Curie M", "M. Curie" all share a key (last name + first initial)."""
    if "," in name:
        last, _, first = name.partition(",")
        words_first, words_last = text_key(first).split(), text_key(last).split()
    else:
        words = text_key(name).split()
        words_first, words_last = words[:-1], words[-1:]
    keys = set()
    if words_last and words_first:
        keys.add(f"{' '.join(words_last)} {words_first[0][0]}")
        keys.add(f"{' '.join(words_first)} {' '.join(words_last)}")
    if not words_first and len(words_last) >= 2:  # "Curie M" written without a comma
        keys.add(f"{' '.join(words_last[:-1])} {words_last[-1][0]}")
    return keys
