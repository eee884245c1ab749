"""Readers of the four publication databases; each turns the API's answers into ``WorkRecord``s.

A reader's ``harvest(client=, person=, since=)`` returns a ``Fetched`` (records, skipped count), or
None when the person has no identifier the source knows. Bad or partial records are skipped and
counted, never fatal; an unreachable source raises ``http.SourceUnavailable``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from passerelle.publications.records import WorkRecord

logger = logging.getLogger(__name__)


@dataclass
class Fetched:
    records: list[WorkRecord] = field(default_factory=list)
    skipped: int = 0

    def add_all(self, items: Iterable[Any], parse: Callable[[Any], WorkRecord | None]) -> None:
        """Parse every item; one that is malformed or has no title is counted, not fatal."""
        for item in items:
            try:
                record = parse(item)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
                logger.info("Skipped a malformed record: %r", error)
                record = None
            if record is None or not (record.title or "").strip():
                self.skipped += 1
            else:
                self.records.append(record)


def harvesters() -> tuple[tuple[str, Callable[..., Fetched | None]], ...]:
    """The sources in harvest order: PubMed last, it completes the works the others found."""
    from . import hal, openalex, orcid, pubmed

    return (("orcid", orcid.harvest), ("openalex", openalex.harvest), ("hal", hal.harvest),
            ("pubmed", pubmed.harvest))


def year_of(value: Any) -> int | None:
    try:
        year = int(str(value)[:4])
    except (TypeError, ValueError):
        return None
    return year if 1500 <= year <= 2100 else None


def first(value: Any) -> Any:
    """HAL gives lists where one value is expected."""
    if isinstance(value, list):
        return value[0] if value else ""
    return value or ""
