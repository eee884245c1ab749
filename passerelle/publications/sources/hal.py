"""HAL search API (``/search/``, Solr JSON): the deposits of an idHAL (``authIdHal_s``) or, without
one, of an ORCID iD (``authORCIDIdExt_s``), with the fields asked by ``fl``, cursor paging
(``cursorMark`` on a sort by ``docid``) and ``modifiedDate_tdate`` for what changed."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings

from passerelle.publications.enums import Source, WorkType
from passerelle.publications.records import AuthorRecord, WorkRecord

from . import Fetched, first, year_of

FIELDS = ("halId_s,title_s,abstract_s,doiIdExt_s,pubmedIdExt_s,producedDateY_i,publicationDate_s,"
          "journalTitle_s,conferenceTitle_s,docType_s,authFullName_s,modifiedDate_tdate")
TYPES = {"ART": WorkType.ARTICLE, "PREPRINT": WorkType.PREPRINT, "UNDEFINED": WorkType.PREPRINT,
         "COMM": WorkType.CONFERENCE, "OUV": WorkType.BOOK_CHAPTER, "COUV": WorkType.BOOK_CHAPTER}
PAGE = 100


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_doc(doc: dict) -> WorkRecord | None:
    date = str(first(doc.get("publicationDate_s")))
    return WorkRecord(
        source=Source.HAL, title=str(first(doc.get("title_s"))), year=year_of(doc.get("producedDateY_i") or date),
        abstract=str(first(doc.get("abstract_s"))),
        venue=str(first(doc.get("journalTitle_s")) or first(doc.get("conferenceTitle_s"))),
        work_type=TYPES.get(str(first(doc.get("docType_s"))), WorkType.OTHER),
        doi=str(first(doc.get("doiIdExt_s"))), pmid=str(first(doc.get("pubmedIdExt_s"))),
        hal_id=str(first(doc.get("halId_s"))), publication_date=date if len(date) == 10 else "",
        authors=tuple(AuthorRecord(name=str(name)) for name in doc.get("authFullName_s") or [] if name),
    )


def harvest(*, client: Any, person: Any, since: datetime | None) -> Fetched | None:
    if person.idhal:
        query = f"authIdHal_s:{_quoted(person.idhal)}"
    elif person.orcid:
        query = f"authORCIDIdExt_s:{_quoted(person.orcid)}"
    else:
        return None
    filters = [query]
    if since is not None:
        filters.append(f"modifiedDate_tdate:[{since.strftime('%Y-%m-%dT%H:%M:%SZ')} TO NOW]")
    url = f"{settings.PUBLICATIONS_HAL_URL.rstrip('/')}/search/"
    fetched, cursor = Fetched(), "*"
    while len(fetched.records) + fetched.skipped < settings.PUBLICATIONS_MAX_WORKS:
        page = client.get_json(url, params={"q": "*:*", "fq": filters, "fl": FIELDS, "rows": PAGE,
                                            "sort": "docid asc", "cursorMark": cursor, "wt": "json"}) or {}
        docs = (page.get("response") or {}).get("docs") or []
        fetched.add_all(docs, parse_doc)
        following = page.get("nextCursorMark")
        if not docs or not following or following == cursor:
            break
        cursor = following
    return fetched
