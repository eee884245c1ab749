"""PubMed through the NCBI E-utilities: ``efetch`` (XML, parsed with defusedxml) for the PMIDs the
other sources found, ``esearch`` for a DOI's PMID. NCBI asks for ``tool`` and ``email``."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from django.conf import settings

from passerelle.publications.enums import Source, WorkType
from passerelle.publications.http import SourceUnavailable
from passerelle.publications.records import AuthorRecord, WorkRecord

from . import Fetched, year_of

CHUNK = 200
MONTHS = {name: index for index, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _text(node: Element | None) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _author(node: Element) -> AuthorRecord | None:
    name = _text(node.find("CollectiveName")) or " ".join(
        part for part in (_text(node.find("ForeName")), _text(node.find("LastName"))) if part)
    if not name:
        return None
    orcid = next((_text(i) for i in node.findall("Identifier") if i.get("Source") == "ORCID"), "")
    return AuthorRecord(name=name, orcid=orcid, affiliation=_text(node.find("AffiliationInfo/Affiliation")))


def _date(pub_date: Element | None) -> tuple[int | None, str]:
    if pub_date is None:
        return None, ""
    year = year_of(_text(pub_date.find("Year")) or _text(pub_date.find("MedlineDate")))
    month = _text(pub_date.find("Month"))
    month_number = int(month) if month.isdigit() else MONTHS.get(month[:3].lower())
    day = _text(pub_date.find("Day"))
    if year and month_number and day.isdigit():
        return year, f"{year:04d}-{month_number:02d}-{int(day):02d}"
    return year, ""


def parse_article(node: Element) -> WorkRecord | None:
    citation, article = node.find("MedlineCitation"), node.find("MedlineCitation/Article")
    if citation is None or article is None:
        return None
    year, published = _date(article.find("Journal/JournalIssue/PubDate"))
    parts = [((part.get("Label") + ": ") if part.get("Label") else "") + _text(part)
             for part in article.findall("Abstract/AbstractText")]
    kinds = {_text(kind) for kind in article.findall("PublicationTypeList/PublicationType")}
    work_type = WorkType.PREPRINT if "Preprint" in kinds else WorkType.REVIEW if "Review" in kinds else WorkType.ARTICLE
    doi = next((_text(i) for i in node.findall("PubmedData/ArticleIdList/ArticleId") if i.get("IdType") == "doi"), "")
    authors = [_author(a) for a in article.findall("AuthorList/Author")]
    return WorkRecord(
        source=Source.PUBMED, title=_text(article.find("ArticleTitle")), year=year, abstract="\n".join(parts),
        venue=_text(article.find("Journal/Title")), work_type=work_type, doi=doi, pmid=_text(citation.find("PMID")),
        publication_date=published, authors=tuple(a for a in authors if a is not None),
    )


def _params(client: Any, **params: Any) -> dict[str, Any]:
    params["tool"] = "passerelle"
    if client.contact:
        params["email"] = client.contact
    return params


def fetch_by_ids(client: Any, pmids: Sequence[str], *, doi: str = "") -> Fetched:
    """The PubMed records of these PMIDs (or of the DOI's PMID when none is given)."""
    base = settings.PUBLICATIONS_PUBMED_URL.rstrip("/")
    ids = [pmid for pmid in pmids if pmid]
    if not ids and doi:
        found = client.get_json(f"{base}/esearch.fcgi", params=_params(client, db="pubmed", term=f"{doi}[doi]",
                                                                       retmode="json")) or {}
        ids = list((found.get("esearchresult") or {}).get("idlist") or [])[:1]
    fetched = Fetched()
    for start in range(0, len(ids), CHUNK):
        response = client.get(f"{base}/efetch.fcgi", accept="application/xml", params=_params(
            client, db="pubmed", id=",".join(ids[start:start + CHUNK]), retmode="xml"))
        if response.status_code >= 400:
            raise SourceUnavailable(f"PubMed: answer {response.status_code}")
        try:
            root = ElementTree.fromstring(response.content)
        except ElementTree.ParseError as error:
            raise SourceUnavailable("PubMed: unreadable XML") from error
        fetched.add_all(root.findall("PubmedArticle"), parse_article)
    return fetched


def harvest(*, client: Any, person: Any, since: datetime | None) -> Fetched | None:
    """Complete the person's works that have a PMID and no PubMed record yet (PubMed has no search
    by ORCID iD worth trusting: it comes last and reads by identifier)."""
    from passerelle.publications.models import Publication

    works = Publication.objects.filter(person_links__person=person).exclude(pmid="").values_list("pmid", "sources")
    pmids = [pmid for pmid, sources in works if Source.PUBMED not in (sources or [])]
    return fetch_by_ids(client, pmids[:settings.PUBLICATIONS_MAX_WORKS])
