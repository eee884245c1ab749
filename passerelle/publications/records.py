"""A work as one source describes it, before it is merged into a stored ``Publication``.

Every reader produces these — the four databases' clients, the DOI look-up, the BibTeX, RIS and
CSL-JSON readers — and ``services`` merges them, so that a new source is only a new reader.
Identifiers are given normalised (``normalise.py``): DOI lower-case without its resolver prefix,
PMID digits, HAL id as HAL writes it, OpenAlex id as "W…".
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AuthorRecord:
    name: str
    orcid: str = ""
    affiliation: str = ""
    country: str = ""  # ISO 3166-1 alpha-2, upper case, when the source gives it


@dataclass(frozen=True)
class WorkRecord:
    source: str  # a ``Source`` value
    title: str
    year: int | None = None
    abstract: str = ""
    venue: str = ""
    work_type: str = "article"  # a ``WorkType`` value
    doi: str = ""
    pmid: str = ""
    hal_id: str = ""
    openalex_id: str = ""
    publication_date: str = ""  # ISO date when known ("2021-03-04")
    authors: tuple[AuthorRecord, ...] = field(default_factory=tuple)
