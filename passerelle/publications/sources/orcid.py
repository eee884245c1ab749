"""ORCID public API v3.0: the works summaries of an iD (``/{orcid}/works``), then the details of
the works changed since the last harvest (``/{orcid}/works/{put-codes}``, up to 100 at once), which
add the contributors and the short description."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings

from passerelle.publications.enums import Source, WorkType
from passerelle.publications.records import AuthorRecord, WorkRecord

from . import Fetched, year_of

TYPES = {"journal-article": WorkType.ARTICLE, "preprint": WorkType.PREPRINT, "review": WorkType.REVIEW,
         "conference-paper": WorkType.CONFERENCE, "book-chapter": WorkType.BOOK_CHAPTER, "book": WorkType.BOOK_CHAPTER}
BULK = 100


def _value(node: Any) -> str:
    return str((node or {}).get("value") or "") if isinstance(node, dict) else ""


def _ids(work: dict) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in ((work.get("external-ids") or {}).get("external-id") or []):
        if item.get("external-id-relationship", "self") != "self":
            continue  # "part-of" / "version-of" identifiers name another work
        kind, value = item.get("external-id-type"), item.get("external-id-value") or ""
        if kind in ("doi", "pmid") and value:
            found.setdefault(kind, value)
    return found


def parse_work(work: dict) -> WorkRecord | None:
    title = _value((work.get("title") or {}).get("title"))
    date = work.get("publication-date") or {}
    year = year_of(_value(date.get("year")))
    month, day = _value(date.get("month")), _value(date.get("day"))
    ids = _ids(work)
    contributors = ((work.get("contributors") or {}).get("contributor") or [])
    authors = tuple(
        AuthorRecord(name=_value(c.get("credit-name")), orcid=str((c.get("contributor-orcid") or {}).get("path") or ""))
        for c in contributors if _value(c.get("credit-name"))
    )
    return WorkRecord(
        source=Source.ORCID, title=title, year=year, abstract=str(work.get("short-description") or ""),
        venue=_value(work.get("journal-title")), work_type=TYPES.get(work.get("type") or "", WorkType.OTHER),
        doi=ids.get("doi", ""), pmid=ids.get("pmid", ""),
        publication_date=f"{year}-{month}-{day}" if year and month and day else "", authors=authors,
    )


def _modified(node: dict) -> datetime | None:
    millis = (node.get("last-modified-date") or {}).get("value")
    return datetime.fromtimestamp(int(millis) / 1000).astimezone() if millis else None


def harvest(*, client: Any, person: Any, since: datetime | None) -> Fetched | None:
    if not person.orcid:
        return None
    base = f"{settings.PUBLICATIONS_ORCID_URL.rstrip('/')}/{person.orcid}/works"
    summary = client.get_json(base) or {}
    fetched = Fetched()
    put_codes: list[str] = []
    for group in summary.get("group") or []:
        works = group.get("work-summary") or []
        changed = _modified(group)
        if not works:
            fetched.skipped += 1
        elif since is None or changed is None or changed > since:
            put_codes.append(str(works[0].get("put-code")))  # the preferred version of the work
    for start in range(0, min(len(put_codes), settings.PUBLICATIONS_MAX_WORKS), BULK):
        answer = client.get_json(f"{base}/{','.join(put_codes[start:start + BULK])}") or {}
        fetched.add_all((item.get("work") for item in answer.get("bulk") or []), parse_work)
    return fetched
