"""Writes of publications: merging records into stored works, a person's links, harvests.

What the other parts of the application call:

- ``save_records(person=, records=, origin=)``: every reader (the four databases, the DOI look-up,
  the BibTeX/RIS/CSL-JSON readers) ends here; returns a ``SaveReport`` (added, updated, unchanged,
  skipped, the publications touched). Idempotent and transactional.
- ``set_hidden(person=, publication=, hidden=, actor=)`` and ``remove_link(...)``: the member's (or a
  coordinator's) choices on a profile; raise ``PermissionDenied`` for anyone else.
- ``add_by_doi(person=, doi=, client=None)``: OpenAlex by DOI, completed by PubMed; raises
  ``PublicationNotFound`` (a message for the user) when no source knows the DOI.
- ``harvest_person(person=, client=None)``: every source the person's identifiers allow; one
  ``SourceResult`` per source in the ``HarvestReport``; a failing source never loses the others.
- ``start_harvest(user=, person_ids=)``: the background job (progress per person) for a member's
  "Import my publications" or a coordinator's batch; the worker also refreshes on schedule
  (``refresh_due``, see ``passerelle/jobs/periodic.py``).

Merge rules (``docs/publications.md``):

- A record is the same work as a stored one when they share a DOI, else a PMID, else a HAL id, else
  an OpenAlex id, else the same normalised title and year (a year apart for a preprint and its
  article). Identifiers are unique: a record whose DOI is stored already is that work, whatever its
  title says (the stored title stays: titles vary in case, punctuation and subtitles; the DOI does
  not).
- Two works with the same title but different DOIs stay apart, except a preprint and its published
  article: they are one work, and the article wins (its DOI, venue, type and year replace the
  preprint's).
- Otherwise a later source only fills what is empty; ``sources`` lists every source that knew it.
- The author list is the richest one given (most authors, ORCID iDs and affiliations); authors are
  matched to the directory by ORCID iD, and the harvested person also by name.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.directory.models import Person
from passerelle.directory.selectors import is_coordinator
from passerelle.jobs.models import Job

from . import normalise
from .enums import LinkOrigin, Source, WorkType
from .models import Authorship, HarvestState, PersonPublication, Publication
from .records import AuthorRecord, WorkRecord

HARVEST_HANDLER = "passerelle.publications.jobs.harvest_people"
IDENTIFIERS = ("doi", "pmid", "hal_id", "openalex_id")
FILLED_FIELDS = ("abstract", "venue", "publication_date", "year", "doi", "pmid", "hal_id", "openalex_id")
LIMITS = {"title": 1000, "venue": 500, "name": 300, "affiliation": 500}


class PublicationNotFound(Exception):
    """No source knows the work asked for; the message is meant for the user."""


@dataclass
class SaveReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    linked: int = 0
    skipped: list[str] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)


@dataclass
class SourceResult:
    source: str
    seen: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    error: str = ""


@dataclass
class HarvestReport:
    person_id: int
    results: list[SourceResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(result.error for result in self.results)


# --- merging -------------------------------------------------------------------------------------

def _line(value: str | None, limit: int) -> str:
    """One line of printable text: control characters dropped, spaces collapsed, bounded."""
    return " ".join("".join(c if c.isprintable() else " " for c in (value or "")).split())[:limit]


def _clean(record: WorkRecord) -> WorkRecord | None:
    """The record with normalised identifiers and bounded texts, or None when it cannot be a work."""
    title = _line(record.title, LIMITS["title"])
    if not normalise.title_key(title):
        return None
    year = record.year if isinstance(record.year, int) and 1500 <= record.year <= 2100 else None
    authors = tuple(
        AuthorRecord(
            name=_line(author.name, LIMITS["name"]), orcid=normalise.normalise_orcid(author.orcid),
            affiliation=_line(author.affiliation, LIMITS["affiliation"]),
            country=author.country.upper() if len(author.country or "") == 2 and author.country.isalpha() else "",
        )
        for author in record.authors if _line(author.name, LIMITS["name"])
    )
    abstract = "".join(c for c in (record.abstract or "") if c.isprintable() or c == "\n").strip()
    return WorkRecord(
        source=record.source, title=title, year=year, abstract=abstract, venue=_line(record.venue, LIMITS["venue"]),
        work_type=record.work_type if record.work_type in WorkType.values else WorkType.OTHER,
        doi=normalise.normalise_doi(record.doi), pmid=normalise.normalise_pmid(record.pmid),
        hal_id=normalise.normalise_hal_id(record.hal_id),
        openalex_id=normalise.normalise_openalex_id(record.openalex_id),
        publication_date=_iso_date(record.publication_date), authors=authors,
    )


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat() if value else ""
    except ValueError:
        return ""


def _is_preprint_pair(stored: Publication, record: WorkRecord) -> bool:
    return (stored.work_type == WorkType.PREPRINT) != (record.work_type == WorkType.PREPRINT)


def find_match(record: WorkRecord) -> Publication | None:
    """The stored work the (clean) record describes, by the merge order of the module's docstring."""
    for name in IDENTIFIERS:
        value = getattr(record, name)
        if value:
            found = Publication.objects.filter(**{name: value}).first()
            if found is not None:
                return found
    key = normalise.title_key(record.title)
    candidates = Publication.objects.filter(title_key=key)
    if record.year is not None:
        candidates = candidates.filter(year__range=(record.year - 1, record.year + 1))
    for stored in candidates.order_by("pk"):
        preprint_pair = _is_preprint_pair(stored, record)
        if stored.year != record.year and not preprint_pair:
            continue
        clash = any(getattr(stored, name) and getattr(record, name) and getattr(stored, name) != getattr(record, name)
                    for name in IDENTIFIERS)
        if not clash or preprint_pair:
            return stored
    return None


def _free(name: str, value: str, publication: Publication) -> bool:
    """Whether the identifier ``value`` is not already another stored work's."""
    return not Publication.objects.filter(**{name: value}).exclude(pk=publication.pk).exists()


def _merge(stored: Publication, record: WorkRecord) -> bool:
    """Fill ``stored`` from ``record`` (see the rules); return whether anything changed."""
    before = {name: getattr(stored, name) for name in (*FILLED_FIELDS, "title", "work_type", "sources")}
    upgrade = stored.work_type == WorkType.PREPRINT and record.work_type != WorkType.PREPRINT
    if upgrade:  # the published article wins over its preprint
        stored.work_type = record.work_type
        for name in ("venue", "year", "publication_date"):
            if getattr(record, name):
                setattr(stored, name, getattr(record, name))
        if record.doi and _free("doi", record.doi, stored):
            stored.doi = record.doi
    for name in FILLED_FIELDS:
        value = getattr(record, name)
        if value and not getattr(stored, name):
            if name in IDENTIFIERS and not _free(name, value, stored):
                continue
            setattr(stored, name, value)
    if isinstance(stored.publication_date, str):
        stored.publication_date = date.fromisoformat(stored.publication_date) if stored.publication_date else None
    if record.source not in stored.sources:
        stored.sources = [*stored.sources, record.source]
    after = {name: getattr(stored, name) for name in before}
    return after != before


def _new_publication(record: WorkRecord) -> Publication:
    publication = Publication(
        title=record.title, abstract=record.abstract, year=record.year, venue=record.venue,
        work_type=record.work_type, doi=record.doi, pmid=record.pmid, hal_id=record.hal_id,
        openalex_id=record.openalex_id, title_key=normalise.title_key(record.title),
        publication_date=date.fromisoformat(record.publication_date) if record.publication_date else None,
        sources=[record.source],
    )
    publication.save()
    return publication


def _richness(authors: Sequence[Any]) -> int:
    """One point an author, one more for each of their ORCID iD, affiliation and country."""
    return len(authors) + sum(bool(a.orcid) + bool(a.affiliation) + bool(a.country) for a in authors)


def _match_person(author: Any, person: Person, by_orcid: dict[str, int]) -> int | None:
    if author.orcid and author.orcid in by_orcid:
        return by_orcid[author.orcid]
    if author.orcid and person.orcid and author.orcid != person.orcid:
        return None  # another researcher with the same name
    if normalise.name_keys(author.name) & _person_keys(person):
        return person.pk
    return None


def _person_keys(person: Person) -> set[str]:
    return normalise.name_keys(f"{person.last_name}, {person.first_name}")


def _sync_authors(publication: Publication, record: WorkRecord, person: Person) -> bool:
    """Rebuild the author list when the record's is richer, and match authors to people; return
    whether a row changed."""
    current = list(publication.authorships.order_by("position"))
    source: Sequence[Any] = record.authors if _richness(record.authors) > _richness(current) else current
    orcids = {a.orcid for a in source if a.orcid}
    by_orcid = dict(Person.objects.filter(orcid__in=orcids).values_list("orcid", "pk")) if orcids else {}
    wanted = [
        (position, a.name, a.orcid, a.affiliation, a.country, _match_person(a, person, by_orcid))
        for position, a in enumerate(source, start=1)
    ]
    # Keep a person already matched on this row (by an earlier harvest of that person).
    kept = {row.position: row.person_id for row in current}
    wanted = [(*w[:5], w[5] or (kept.get(w[0]) if source is current else None)) for w in wanted]
    have = [(r.position, r.name, r.orcid, r.affiliation, r.country, r.person_id) for r in current]
    if wanted == have:
        return False
    publication.authorships.all().delete()
    Authorship.objects.bulk_create([
        Authorship(publication=publication, position=p, name=n, orcid=o, affiliation=a, country=c, person_id=pid)
        for p, n, o, a, c, pid in wanted
    ])
    return True


def _link(person_id: int, publication: Publication, origin: str) -> bool:
    _, created = PersonPublication.objects.get_or_create(
        person_id=person_id, publication=publication, defaults={"origin": origin},
    )
    return created


@transaction.atomic
def save_records(*, person: Person, records: Sequence[WorkRecord], origin: str) -> SaveReport:
    """Merge every record into the stored works and link them to ``person`` and to the directory's
    co-authors; hidden flags are never touched. Running it twice changes nothing."""
    report = SaveReport()
    seen: set[int] = set()
    for raw in records:
        record = _clean(raw)
        if record is None:
            report.skipped.append(_("A work without a title was skipped."))
            continue
        stored = find_match(record)
        if stored is None:
            stored = _new_publication(record)
            changed, created = False, True
        else:
            changed, created = _merge(stored, record), False
            if changed:
                stored.title_key = normalise.title_key(stored.title)
                stored.save()
        authors_changed = _sync_authors(stored, record, person)
        if authors_changed and not (changed or created):
            stored.save(update_fields=["updated_at"])
        links = {person.pk, *stored.authorships.exclude(person=None).values_list("person_id", flat=True)}
        report.linked += sum(_link(pid, stored, origin) for pid in sorted(links))
        if stored.pk in seen:
            continue
        seen.add(stored.pk)
        report.publications.append(stored)
        if created:
            report.added += 1
        elif changed or authors_changed:
            report.updated += 1
        else:
            report.unchanged += 1
    return report


# --- a person's choices --------------------------------------------------------------------------

def _check_may_edit(person: Person, actor: Any) -> None:
    own = getattr(actor, "is_authenticated", False) and person.user_id is not None and person.user_id == actor.pk
    if not (own or is_coordinator(actor)):
        raise PermissionDenied(_("Only the person themself or a coordinator may change their publications."))


def set_hidden(*, person: Person, publication: Publication, hidden: bool, actor: Any) -> PersonPublication:
    _check_may_edit(person, actor)
    link = PersonPublication.objects.get(person=person, publication=publication)
    if link.hidden != hidden:
        link.hidden = hidden
        link.save(update_fields=["hidden"])
    return link


def remove_link(*, person: Person, publication: Publication, actor: Any) -> None:
    """Take the work off the profile (and the person off its authors). A harvest may bring a
    harvested work back: hide it to keep it off for good."""
    _check_may_edit(person, actor)
    with transaction.atomic():
        PersonPublication.objects.filter(person=person, publication=publication).delete()
        publication.authorships.filter(person=person).update(person=None)


# --- harvests ------------------------------------------------------------------------------------

def _client(client: Any) -> Any:
    from .http import PublicationClient

    return client if client is not None else PublicationClient.from_settings()


def _state(person: Person, source: str) -> HarvestState:
    return HarvestState.objects.filter(person=person, source=source).first() or HarvestState(person=person,
                                                                                            source=source)


def harvest_person(*, person: Person, client: Any = None) -> HarvestReport:
    """Ask every source the person's identifiers allow, for what changed since its last success."""
    from .sources import harvesters

    client = _client(client)
    report = HarvestReport(person_id=person.pk)
    for source, fetch in harvesters():
        state = _state(person, source)
        result = SourceResult(source=source)
        started = timezone.now()
        try:
            fetched = fetch(client=client, person=person, since=state.last_success_at)
        except Exception as error:  # noqa: BLE001 - one source's failure is reported, never fatal
            result.error = str(error)[:500] or error.__class__.__name__
        else:
            if fetched is None:  # the person has no identifier this source knows
                continue
            saved = save_records(person=person, records=fetched.records, origin=LinkOrigin.HARVEST)
            result.seen, result.skipped = len(fetched.records), fetched.skipped + len(saved.skipped)
            result.added, result.updated = saved.added, saved.updated
            state.last_success_at, state.works_seen = started, result.seen
        state.last_attempt_at, state.last_error = started, result.error
        state.save()
        report.results.append(result)
    return report


def add_by_doi(*, person: Person, doi: str, client: Any = None) -> Publication:
    from .sources import openalex, pubmed

    clean = normalise.normalise_doi(doi)
    if not clean:
        raise PublicationNotFound(_("%(doi)s is not a DOI (expected e.g. 10.1000/xyz123).") % {"doi": doi})
    client = _client(client)
    record = openalex.fetch_by_doi(client, clean)
    if record is None:
        raise PublicationNotFound(_("No work with the DOI %(doi)s was found.") % {"doi": clean})
    records = [record]
    pmid = normalise.normalise_pmid(record.pmid)
    records += pubmed.fetch_by_ids(client, [pmid] if pmid else [], doi=clean).records
    report = save_records(person=person, records=[WorkRecord(**{**record.__dict__, "source": Source.DOI}),
                                                  *records], origin=LinkOrigin.DOI)
    return Publication.objects.get(pk=report.publications[0].pk)


def start_harvest(*, user: Any, person_ids: Sequence[int]) -> Job:
    """Queue the harvest of these people (one job; a batch already on its way is returned as is)."""
    from passerelle.jobs.services import job_start, job_start_unless_pending

    ids = sorted({int(pk) for pk in person_ids})
    if len(ids) == 1:  # a member pressing twice gets the job already on its way
        job, _started = job_start_unless_pending(
            handler=HARVEST_HANDLER, user=user, params={"person_ids": ids},
            title=_("Importing publications"), target=Person.objects.get(pk=ids[0]),
        )
        return job
    return job_start(handler=HARVEST_HANDLER, user=user, params={"person_ids": ids},
                     title=_("Importing the publications of %(count)d people") % {"count": len(ids)})


def people_due(now: Any = None) -> list[int]:
    """People with an ORCID iD or idHAL, imported once already, whose last harvest is older than the
    refresh interval. The first import is someone's decision (the member's button, a coordinator's
    import for many): a profile with an identifier but never imported is not harvested on its own."""
    limit = (now or timezone.now()) - timedelta(days=settings.PUBLICATIONS_REFRESH_DAYS)
    fresh = HarvestState.objects.filter(last_attempt_at__gte=limit).values("person_id")
    imported = HarvestState.objects.values("person_id")
    return list(Person.objects.filter(~Q(orcid="") | ~Q(idhal=""), pk__in=imported).exclude(pk__in=fresh)
                .order_by("pk").values_list("pk", flat=True))
