"""OpenAlex: the works of an author by ORCID iD (``/works?filter=author.orcid:…``, cursor paging,
200 a page, ``from_updated_date`` for what changed), and one work by DOI (``/works/doi:…``). The
abstract comes as an inverted index (word → positions) and is rebuilt here."""
from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from django.conf import settings

from passerelle.publications.enums import Source, WorkType
from passerelle.publications.records import AuthorRecord, WorkRecord

from . import Fetched, year_of

TYPES = {"article": WorkType.ARTICLE, "preprint": WorkType.PREPRINT, "review": WorkType.REVIEW,
         "book-chapter": WorkType.BOOK_CHAPTER, "book": WorkType.BOOK_CHAPTER}
PAGE = 200


def abstract_from_index(index: dict[str, list[int]] | None) -> str:
    if not isinstance(index, dict):
        return ""
    words: dict[int, str] = {}
    for word, positions in index.items():
        for position in positions or []:
            if isinstance(position, int) and 0 <= position < 100_000:
                words[position] = word
    return " ".join(words[p] for p in sorted(words))


def _author(authorship: dict) -> AuthorRecord:
    author = authorship.get("author") or {}
    institutions = authorship.get("institutions") or []
    affiliation = (institutions[0].get("display_name") if institutions else "") or \
        "; ".join(authorship.get("raw_affiliation_strings") or [])
    countries = authorship.get("countries") or [i.get("country_code") for i in institutions if i.get("country_code")]
    return AuthorRecord(name=author.get("display_name") or authorship.get("raw_author_name") or "",
                        orcid=author.get("orcid") or "", affiliation=affiliation or "",
                        country=(countries[0] if countries else "") or "")


def parse_work(work: dict) -> WorkRecord | None:
    ids = work.get("ids") or {}
    venue = ((work.get("primary_location") or {}).get("source") or {}).get("display_name") or ""
    return WorkRecord(
        source=Source.OPENALEX, title=work.get("title") or work.get("display_name") or "",
        year=year_of(work.get("publication_year")), abstract=abstract_from_index(work.get("abstract_inverted_index")),
        venue=venue, work_type=TYPES.get(work.get("type") or "", WorkType.OTHER),
        doi=work.get("doi") or ids.get("doi") or "", pmid=ids.get("pmid") or "", openalex_id=work.get("id") or "",
        publication_date=work.get("publication_date") or "",
        authors=tuple(_author(a) for a in work.get("authorships") or []),
    )


def _params(client: Any, **params: Any) -> dict[str, Any]:
    return {**params, "mailto": client.contact} if client.contact else params


def harvest(*, client: Any, person: Any, since: datetime | None) -> Fetched | None:
    if not person.orcid:
        return None
    filters = f"author.orcid:{person.orcid}"
    if since is not None:
        filters += f",from_updated_date:{since.date().isoformat()}"
    fetched, cursor = Fetched(), "*"
    url = f"{settings.PUBLICATIONS_OPENALEX_URL.rstrip('/')}/works"
    while cursor and len(fetched.records) + fetched.skipped < settings.PUBLICATIONS_MAX_WORKS:
        page = client.get_json(url, params=_params(client, filter=filters, cursor=cursor, **{"per-page": PAGE})) or {}
        results = page.get("results") or []
        fetched.add_all(results, parse_work)
        cursor = (page.get("meta") or {}).get("next_cursor") if results else None
    return fetched


def fetch_by_doi(client: Any, doi: str) -> WorkRecord | None:
    url = f"{settings.PUBLICATIONS_OPENALEX_URL.rstrip('/')}/works/doi:{quote(doi, safe='/')}"
    work = client.get_json(url, params=_params(client))
    if not work:
        return None
    fetched = Fetched()
    fetched.add_all([work], parse_work)
    return fetched.records[0] if fetched.records else None
