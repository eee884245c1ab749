"""Reference files a member exports from their reference manager — BibTeX (``.bib``), RIS
(``.ris``) and CSL-JSON (``.json``) — read into ``WorkRecord`` rows (source "file").

A file is judged whole first (size, extension and content by ``core.uploads``, text encoding, at
least one reference, at most ``MAX_ENTRIES``): a file that fails there raises
``ReferenceFileError`` and nothing of it is kept. Then each reference is read alone: one without
a title, or that the parser could not read, is set aside with its reason (``Rejection``) and the
others are kept. Texts lose their control characters and are cut to the length the database keeps.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import bibtexparser
import rispy
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from passerelle.core.control_characters import single_line
from passerelle.core.text_limits import text_limit
from passerelle.core.uploads import check_upload, extension_of

from . import latex, normalise
from .enums import Source, WorkType
from .models import Authorship, Publication
from .records import AuthorRecord, WorkRecord

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_AUTHORS = 1000
EXTENSIONS = (".bib", ".ris", ".json")
FIRST_YEAR, LAST_YEAR = 1800, 2100


class ReferenceFileError(ValidationError):
    """The file as a whole cannot be read: nothing of it is imported."""


@dataclass(frozen=True)
class Rejection:
    """A reference set aside: where it is in the file, what it is called, and why."""

    position: str
    label: str
    reason: str


@dataclass
class ReadResult:
    records: list[WorkRecord] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def read_upload(upload: UploadedFile) -> ReadResult:
    """Check ``upload`` and read it by its extension; raise ``ReferenceFileError`` when the file as a
    whole is not a reference file we can read."""
    try:
        check_upload(upload, extensions=EXTENSIONS, max_bytes=MAX_FILE_BYTES)
    except ValidationError as error:
        raise ReferenceFileError(error.messages) from None
    upload.seek(0)
    raw = upload.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise ReferenceFileError(_("The file is too large (at most %(size)s MB).")
                                 % {"size": f"{MAX_FILE_BYTES / (1024 * 1024):g}"})
    return read_text(decode(raw), extension_of(upload.name or ""))


def decode(raw: bytes) -> str:
    """The file's text: UTF-8 (with or without its mark), else Windows-1252 as older managers write."""
    if b"\x00" in raw:
        raise ReferenceFileError(_("This file holds binary data, not references."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReferenceFileError(_("The text of this file could not be read: save it as UTF-8 and try again."))


def read_text(text: str, extension: str) -> ReadResult:
    readers: dict[str, Callable[[str], Iterator[Read]]] = {
        ".bib": _bibtex_entries, ".ris": _ris_entries, ".json": _csl_entries,
    }
    reader = readers.get(extension)
    if reader is None:
        raise ReferenceFileError(_("Only these kinds of file are accepted: %(kinds)s.")
                                 % {"kinds": ", ".join(EXTENSIONS)})
    result = ReadResult()
    count = 0
    for read in reader(text):
        count += 1
        if count > MAX_ENTRIES:
            raise ReferenceFileError(_("The file holds more than %(max)s references: split it and import "
                                       "each part.") % {"max": MAX_ENTRIES})
        if isinstance(read, Rejection):
            result.rejected.append(read)
        elif not read.title:
            result.rejected.append(Rejection(read.position, read.label, _("It has no title.")))
        else:
            result.records.append(read.record())
    if count == 0:
        raise ReferenceFileError(_("No reference was found in this file. Is it a %(kind)s export of your "
                                   "reference manager?") % {"kind": extension[1:].upper()})
    return result


@dataclass
class Found:
    """The fields of one reference as its format gave them, before cleaning."""

    position: str
    label: str
    title: str = ""
    year: Any = None
    abstract: str = ""
    venue: str = ""
    work_type: str = WorkType.ARTICLE
    doi: str = ""
    pmid: str = ""
    hal_id: str = ""
    date: str = ""
    authors: list[tuple[str, str, str]] = field(default_factory=list)  # name, ORCID iD, affiliation

    def __post_init__(self) -> None:
        self.title = _clean(self.title, _limit("title"))

    def record(self) -> WorkRecord:
        year = _year(self.year) if self.year is not None else _year(self.date[:4])
        authors = tuple(
            AuthorRecord(name=_clean(name, _author_limit("name")), orcid=_orcid(orcid),
                         affiliation=_clean(affiliation, _author_limit("affiliation")))
            for name, orcid, affiliation in self.authors[:MAX_AUTHORS] if single_line(name)
        )
        return WorkRecord(
            source=Source.FILE, title=self.title, year=year, abstract=_clean(self.abstract, _limit("abstract")),
            venue=_clean(self.venue, _limit("venue")), work_type=self.work_type,
            doi=_identifier(normalise.normalise_doi, self.doi), pmid=_identifier(normalise.normalise_pmid, self.pmid),
            hal_id=_identifier(normalise.normalise_hal_id, self.hal_id),
            publication_date=_iso_date(self.date, year), authors=authors,
        )


Read = Found | Rejection


# --- BibTeX -------------------------------------------------------------------------------------

BIBTEX_TYPES = {
    "article": WorkType.ARTICLE, "inproceedings": WorkType.CONFERENCE, "conference": WorkType.CONFERENCE,
    "proceedings": WorkType.CONFERENCE, "book": WorkType.BOOK_CHAPTER, "inbook": WorkType.BOOK_CHAPTER,
    "incollection": WorkType.BOOK_CHAPTER, "booklet": WorkType.BOOK_CHAPTER, "unpublished": WorkType.PREPRINT,
}
MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _bibtex_entries(text: str) -> Iterator[Read]:
    for block in bibtexparser.parse_string(text).blocks:
        position = _("line %(line)s") % {"line": (block.start_line or 0) + 1}
        if isinstance(block, Entry):
            yield _bibtex_found(block, position)
        elif isinstance(block, DuplicateBlockKeyBlock):
            yield Rejection(position, block.key, _("Another reference of the file has the same key."))
        elif isinstance(block, ParsingFailedBlock):
            yield Rejection(position, _first_line(block.raw), _("It is not well-formed BibTeX (a brace or a "
                                                                "quote may be missing)."))


def _bibtex_found(entry: Entry, position: str) -> Found:
    raw = {f.key.lower(): f.value for f in entry.fields if isinstance(f.value, str)}
    fields = {key: latex.to_text(value) for key, value in raw.items() if key != "author"}
    month = MONTHS.get(fields.get("month", "")[:3].lower()) or _int(fields.get("month"))
    year = _year(fields.get("year"))
    kind = entry.entry_type.lower()
    work_type = BIBTEX_TYPES.get(kind, WorkType.OTHER)
    if kind == "misc" and (fields.get("eprint") or fields.get("archiveprefix")):
        work_type = WorkType.PREPRINT
    return Found(
        position=position, label=entry.key, title=fields.get("title", ""), year=year,
        abstract=fields.get("abstract", ""),
        venue=fields.get("journal") or fields.get("booktitle") or fields.get("publisher", ""),
        work_type=work_type, doi=fields.get("doi") or _doi_in(fields.get("url", "")), pmid=fields.get("pmid", ""),
        hal_id=fields.get("hal_id", ""), date=f"{year:04d}-{month:02d}" if year and month and month <= 12 else "",
        authors=[(name, "", "") for name in _names(raw.get("author", ""), decode=True)],
    )


def _names(value: str, *, decode: bool = False) -> list[str]:
    """``"Dupont, Jean and M{\\"u}ller, Anna"`` → ``["Jean Dupont", "Anna Müller"]`` (BibTeX's "von Last, Jr,
    First" too); ``and`` and commas inside braces belong to the name; a name with more commas is kept as
    written."""
    names = []
    for name in latex.split_top_level(value, "and"):
        parts = latex.split_top_level(name, ",")
        if len(parts) == 2:
            parts = [parts[1], parts[0]]
        elif len(parts) == 3:
            parts = [parts[2], parts[0], parts[1]]
        else:
            parts = [name]
        name = " ".join(latex.to_text(part) if decode else part for part in parts if part)
        if name.strip():
            names.append(name.strip())
    return names


# --- RIS ----------------------------------------------------------------------------------------

RIS_TYPES = {
    "JOUR": WorkType.ARTICLE, "JFULL": WorkType.ARTICLE, "EJOUR": WorkType.ARTICLE, "MGZN": WorkType.ARTICLE,
    "CONF": WorkType.CONFERENCE, "CPAPER": WorkType.CONFERENCE, "BOOK": WorkType.BOOK_CHAPTER,
    "CHAP": WorkType.BOOK_CHAPTER, "EBOOK": WorkType.BOOK_CHAPTER, "ECHAP": WorkType.BOOK_CHAPTER,
    "EDBOOK": WorkType.BOOK_CHAPTER, "UNPB": WorkType.PREPRINT,
}
RIS_TAG = re.compile(r"^([A-Z][A-Z0-9])  -")


def _ris_entries(text: str) -> Iterator[Read]:
    """Each reference (``TY`` … ``ER``) is parsed alone, so that one broken reference is set aside and
    the others are read; lines outside a reference are ignored, as RIS readers do."""
    chunk: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        tag = RIS_TAG.match(line)
        if tag and tag.group(1) == "TY":
            if chunk:
                yield Rejection(_("line %(line)s") % {"line": start}, _ris_label(chunk),
                                _("It does not end with an ER line."))
            chunk, start = [line], number
        elif chunk:
            chunk.append(line)
            if tag and tag.group(1) == "ER":
                yield _ris_found(chunk, _("line %(line)s") % {"line": start})
                chunk = []
    if chunk:
        yield Rejection(_("line %(line)s") % {"line": start}, _ris_label(chunk), _("It does not end with an ER line."))


def _ris_found(chunk: list[str], position: str) -> Read:
    try:
        entries = rispy.loads("\n".join(chunk) + "\n", skip_unknown_tags=True)
    except Exception:  # rispy raises what its parsing meets (KeyError, ValueError…) on broken input
        entries = []
    if len(entries) != 1:
        return Rejection(position, _ris_label(chunk), _("It is not well-formed RIS."))
    entry: dict[str, Any] = entries[0]
    authors = [*entry.get("authors", []), *entry.get("first_authors", [])]
    urls = " ".join(entry.get("urls", []))
    database = str(entry.get("name_of_database", "")).lower()
    return Found(
        position=position, label=_ris_label(chunk),
        title=_text(entry.get("title") or entry.get("primary_title")),
        year=_year(str(entry.get("year") or entry.get("publication_year") or "")[:4]),
        abstract=_text(entry.get("abstract") or entry.get("notes_abstract")),
        venue=_text(entry.get("secondary_title") or entry.get("journal_name") or entry.get("alternate_title3")),
        work_type=RIS_TYPES.get(str(entry.get("type_of_reference", "")).upper(), WorkType.OTHER),
        doi=_text(entry.get("doi")) or _doi_in(urls),
        pmid=_text(entry.get("accession_number")) if "pubmed" in database or "medline" in database else "",
        date=_text(entry.get("date")).replace("/", "-").strip("-"),
        authors=[(name, "", "") for value in authors for name in _names(_text(value))[:1]],
    )


def _ris_label(chunk: list[str]) -> str:
    for line in chunk:
        tag = RIS_TAG.match(line)
        if tag and tag.group(1) in ("TI", "T1"):
            return _clean(line[6:], 120)
    return ""


# --- CSL-JSON -----------------------------------------------------------------------------------

CSL_TYPES = {
    "article-journal": WorkType.ARTICLE, "paper-conference": WorkType.CONFERENCE, "book": WorkType.BOOK_CHAPTER,
    "chapter": WorkType.BOOK_CHAPTER, "article": WorkType.PREPRINT, "posted-content": WorkType.PREPRINT,
}


def _csl_entries(text: str) -> Iterator[Read]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ReferenceFileError(_("This file is not valid JSON.")) from None
    if isinstance(data, dict):
        data = data.get("items", [data]) if "items" in data else [data]
    if not isinstance(data, list):
        raise ReferenceFileError(_("This JSON file does not hold a list of CSL-JSON references."))
    for number, item in enumerate(data, start=1):
        position = _("reference %(number)s") % {"number": number}
        if not isinstance(item, dict):
            yield Rejection(position, "", _("It is not a CSL-JSON reference (an object with a title)."))
            continue
        yield _csl_found(item, position)


def _csl_found(item: dict[str, Any], position: str) -> Found:
    issued = item.get("issued") if isinstance(item.get("issued"), dict) else {}
    parts = issued.get("date-parts") or [[]]
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
    numbers = [_int(value) for value in first[:3]]
    year = numbers[0] if numbers else None
    date = "-".join(f"{n:02d}" for n in numbers if n) if all(numbers) and len(numbers) == 3 else ""
    return Found(
        position=position, label=_text(item.get("id")), title=_text(item.get("title")), year=year,
        abstract=_text(item.get("abstract")), venue=_text(item.get("container-title")),
        work_type=CSL_TYPES.get(_text(item.get("type")), WorkType.OTHER), doi=_text(item.get("DOI")),
        pmid=_text(item.get("PMID")), date=date,
        authors=[author for author in map(_csl_author, _list(item.get("author"))) if author[0]],
    )


def _csl_author(author: Any) -> tuple[str, str, str]:
    if not isinstance(author, dict):
        return ("", "", "")
    name = _text(author.get("literal")) or " ".join(
        part for part in (_text(author.get("given")), _text(author.get("family"))) if part)
    affiliations = [_text(a.get("name")) for a in _list(author.get("affiliation")) if isinstance(a, dict)]
    return (name, _text(author.get("ORCID")), "; ".join(a for a in affiliations if a))


# --- cleaning -----------------------------------------------------------------------------------

def _text(value: Any) -> str:
    """A value as text: lists (CSL titles, RIS repeats) give their first item, other kinds nothing."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else ""


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _clean(value: Any, limit: int) -> str:
    """One line without control characters, cut to ``limit`` characters (the last one "…")."""
    text = single_line(re.sub(r"\s+", " ", _text(value)))
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _limit(name: str) -> int:
    model_field = Publication._meta.get_field(name)
    return model_field.max_length or text_limit("publications.Publication", model_field) or 10_000


def _author_limit(name: str) -> int:
    return Authorship._meta.get_field(name).max_length


def _int(value: Any) -> int | None:
    text = _text(value).strip()
    return int(text) if text.isdigit() and len(text) <= 6 else None


def _year(value: Any) -> int | None:
    year = value if isinstance(value, int) else _int(value)
    return year if year is not None and FIRST_YEAR <= year <= LAST_YEAR else None


def _iso_date(value: str, year: int | None) -> str:
    """``YYYY-MM-DD`` when the reference gives a whole, valid date of its year; else nothing."""
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", value or "")
    if not match or year is None or int(match.group(1)) != year:
        return ""
    try:
        return date(year, int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return ""


def _identifier(normaliser: Callable[[str], str], value: str) -> str:
    """An identifier in the form the sources use, or nothing when it is not one."""
    try:
        return normaliser(single_line(value))
    except (ValueError, ValidationError):
        return ""


def _orcid(value: str) -> str:
    return _identifier(normalise.normalise_orcid, value)


def _doi_in(text: str) -> str:
    match = re.search(r"doi\.org/(10\.\S+)", text or "", flags=re.IGNORECASE)
    return match.group(1) if match else ""


def _first_line(raw: str | None) -> str:
    return _clean((raw or "").strip().splitlines()[0] if (raw or "").strip() else "", 120)
