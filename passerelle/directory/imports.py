"""Import of people and organisations from CSV or XLSX.

Three steps: ``read_table`` (upload → headers and rows), ``validate_batch`` (every row's
errors and likely duplicates, nothing written), ``commit_batch`` (one transaction: every
accepted row is written, or none).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from passerelle.core import table_files
from passerelle.core.exports import restore_cell
from passerelle.core.models import CancerSite, CsoCategory, Language, Technique
from passerelle.core.text import fold

from . import import_fields as f
from . import services
from .models import Affiliation, AuditEntry, ImportBatch, Organisation, Person
from .similar_names import SimilarNames

UnreadableFile = table_files.UnreadableFile


def read_table(filename: str, content: bytes) -> tuple[list[str], list[list[str]]]:
    """Headers and rows (all cells as stripped strings) of a CSV or XLSX file, read within the
    import limits of the settings (``core/table_files.py``)."""
    raw_headers, raw_rows = table_files.read_table(filename, content)
    headers = [_cell(h) for h in raw_headers]
    if not headers or not any(headers):
        raise UnreadableFile(_("The file has no header row."))
    rows = [[_cell(cell) for cell in row] for row in raw_rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        raise UnreadableFile(_("The file has a header row but no data."))
    return headers, rows


def _cell(value: Any) -> str:
    # NUL characters cannot be stored (PostgreSQL refuses them in text and JSON) and are never meant.
    # The quote our exports put before a would-be formula is taken off, so an export reads back as it was.
    return "" if value is None else restore_cell(str(value).replace("\x00", "").strip()).strip()


@dataclass
class RowResult:
    number: int  # 1-based data row number (header is row 0)
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    label: str = ""
    duplicate_of: int | None = None  # the existing profile a people row most likely repeats

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.number, "label": self.label, "errors": [list(e) for e in self.errors],
                "duplicates": self.duplicates}


class Reference:
    """Everything rows are checked against, loaded once per validation."""

    def __init__(self) -> None:
        self.organisations: dict[str, Organisation] = {}
        for org in Organisation.objects.all():
            self.organisations.setdefault(fold(org.name), org)
            if org.acronym:
                self.organisations.setdefault(fold(org.acronym), org)
        self.orcids = dict(Person.objects.exclude(orcid="").values_list("orcid", "pk"))
        self.emails = dict(Person.objects.exclude(email="").values_list("email", "pk"))
        self.ror_ids = set(Organisation.objects.exclude(ror_id="").values_list("ror_id", flat=True))
        self.similar_names: SimilarNames[Person] = SimilarNames()
        for person in Person.objects.prefetch_related("affiliations"):
            name = fold(person.full_name)
            for affiliation in person.affiliations.all():
                self.similar_names.add(affiliation.organisation_id, name, person)
        self.categories = {c.code: c for c in CsoCategory.objects.all()}
        self.sites: dict[str, CancerSite] = {}
        for site in CancerSite.objects.all():
            for key in (str(site.icrp_code), site.title_en, site.title_fr):
                self.sites[fold(key)] = site
        self.techniques: dict[str, Technique] = {}
        for technique in Technique.objects.all():
            for key in (technique.code, technique.title_en, technique.title_fr):
                self.techniques[fold(key)] = technique
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        for lang in list(self.languages.values()):
            self.languages.setdefault(fold(lang.title_en), lang)
            self.languages.setdefault(fold(lang.title_fr), lang)

    def organisation(self, raw: str) -> Organisation | None:
        return self.organisations.get(_fold_cached(raw).strip())


# The same organisations, sites and languages recur on every row of a file: fold each once.
_fold_cached = functools.lru_cache(maxsize=4096)(fold)


def _cells(batch: ImportBatch, row: list[str]) -> dict[str, str]:
    return {name: (row[index] if index < len(row) else "") for name, index in batch.mapping.items()}


def validate_batch(batch: ImportBatch) -> list[RowResult]:
    """Check every row of a mapped batch; nothing is written."""
    reference = Reference()
    check = _check_person if batch.kind == ImportBatch.Kind.PEOPLE else _check_organisation
    results: list[RowResult] = []
    seen: dict[tuple[str, str], int] = {}
    for number, row in enumerate(batch.rows, start=1):
        result = RowResult(number=number)
        check(_cells(batch, row), result, reference)
        _check_in_file(result, seen, batch.kind)
        results.append(result)
    if batch.kind == ImportBatch.Kind.ORGANISATIONS:
        _check_parents(results, reference)
    return results


def _check_parents(results: list[RowResult], reference: Reference) -> None:
    in_file = {fold(r.values[k]) for r in results for k in ("name", "acronym") if r.values.get(k)}
    label = str(dict((t.name, t.label) for t in f.ORGANISATION_FIELDS)["parent"])
    for result in results:
        parent = result.values.get("parent_name")
        if parent and fold(parent) not in in_file and reference.organisation(parent) is None:
            result.errors.append((label, _("unknown organisation “%(name)s”") % {"name": parent}))


def _required(cells: dict[str, str], result: RowResult, kind: str) -> None:
    for target in f.fields_for(kind):
        if target.required and not cells.get(target.name, "").strip():
            result.errors.append((str(target.label), _("missing value")))


def _parse(result: RowResult, label: Any, parser: Any, raw: str) -> Any:
    try:
        return parser(raw)
    except ValidationError as exc:
        result.errors.append((str(label), " ".join(str(m) for m in exc.messages)))
        return None


def _check_in_file(result: RowResult, seen: dict[tuple[str, str], int], kind: str) -> None:
    labels = {t.name: t.label for t in f.fields_for(kind)}  # translated only when an error needs it
    for key in ("orcid", "email", "ror_id", "name"):
        value = result.values.get(key)
        if not value or key not in labels:
            continue
        first = seen.setdefault((key, fold(value) if key == "name" else value), result.number)
        if first != result.number:
            result.errors.append((str(labels[key]), _("same value as row %(row)d of this file") % {"row": first}))


def _text(cells: dict[str, str], key: str, result: RowResult, label: Any, max_length: int | None) -> str:
    """The cell's text; a value too long for its field is an error, never silently cut."""
    value = cells.get(key, "").strip()
    if _too_long(value, result, label, max_length):
        return value[:max_length]
    return value


def _too_long(value: str | None, result: RowResult, label: Any, max_length: int | None) -> bool:
    """Whether ``value`` is longer than its field holds (then the row has that error)."""
    if not value or max_length is None or len(value) <= max_length:
        return False
    result.errors.append((str(label), _("at most %(max)d characters (this one has %(length)d)")
                          % {"max": max_length, "length": len(value)}))
    return True


def _max_length(model: Any, name: str) -> int | None:
    return model._meta.get_field(name).max_length


def _start_row(cells: dict[str, str], result: RowResult, kind: str, model: Any,
               texts: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The first checks of a row of ``kind``: required cells, then the plain ``texts`` (fields of
    ``model``) into the row's values. Returns the field labels and the values."""
    labels = {t.name: t.label for t in f.fields_for(kind)}
    _required(cells, result, kind)
    for key in texts:
        result.values[key] = _text(cells, key, result, labels[key], _max_length(model, key))
    return labels, result.values


def _parse_cells(cells: dict[str, str], result: RowResult, labels: dict[str, Any],
                 parsers: tuple[tuple[str, Any], ...]) -> None:
    """Each ``(key, parser)``'s cell read by its parser into the row's values (None when empty)."""
    for key, parser in parsers:
        raw = cells.get(key, "").strip()
        result.values[key] = _parse(result, labels[key], parser, raw) if raw else None


def _check_person(cells: dict[str, str], result: RowResult, ref: Reference) -> None:
    labels, v = _start_row(cells, result, "people", Person, ("first_name", "last_name", "keywords"))
    v["expertise"] = cells.get("expertise", "").strip()
    v["position"] = _text(cells, "position", result, labels["position"], _max_length(Affiliation, "position"))
    result.label = f"{v['first_name']} {v['last_name']}".strip()
    _parse_cells(cells, result, labels, (("kind", f.parse_actor_kind), ("territory", f.parse_territory),
                                         ("orcid", f.normalize_orcid), ("email", f.parse_email),
                                         ("visibility", f.parse_visibility), ("consent_date", f.parse_date)))
    _too_long(v["email"], result, labels["email"], _max_length(Person, "email"))
    v["offers"] = "\n".join(f.split_list(cells.get("offers", ""), "|\n"))
    v["seeks"] = "\n".join(f.split_list(cells.get("seeks", ""), "|\n"))
    v["organisations"] = []
    for name in f.split_list(cells.get("organisation", ""), ";"):
        org = ref.organisation(name)
        if org is None:
            result.errors.append((str(labels["organisation"]), _("unknown organisation “%(name)s”") % {"name": name}))
        else:
            v["organisations"].append(org)
    v["categories"] = _tags_with_percent(cells.get("categories", ""), ref.categories, str, result,
                                         labels["categories"])
    v["sites"] = _tags_with_percent(cells.get("sites", ""), ref.sites, _fold_cached, result, labels["sites"])
    v["techniques"] = _lookup_list(cells.get("techniques", ""), ref.techniques, result, labels["techniques"])
    v["languages"] = _lookup_list(cells.get("languages", ""), ref.languages, result, labels["languages"])
    _person_duplicates(result, ref)


def _lookup_list(raw: str, table: dict[str, Any], result: RowResult, label: Any) -> list[Any]:
    found = []
    for item in f.split_list(raw, ";,"):
        obj = table.get(_fold_cached(item)) or table.get(item)
        if obj is None:
            result.errors.append((str(label), _("unknown value “%(value)s”") % {"value": item}))
        elif obj not in found:
            found.append(obj)
    return found


def _tags_with_percent(raw: str, table: dict[str, Any], key: Any, result: RowResult, label: Any) -> list[tuple]:
    tags: list[tuple] = []
    for item in f.split_list(raw, ";"):
        name, _sep, pct = item.partition(":")
        obj = table.get(key(name.strip()))
        percent = None
        if pct.strip():
            try:
                percent = int(pct.strip().rstrip("%"))
                if not 1 <= percent <= 100:
                    raise ValueError
            except ValueError:
                result.errors.append((str(label), _("“%(value)s” is not a percentage from 1 to 100") % {"value": pct}))
                continue
        if obj is None:
            result.errors.append((str(label), _("unknown value “%(value)s”") % {"value": name.strip()}))
        elif obj not in [t[0] for t in tags]:
            tags.append((obj, percent))
    return tags


def _person_duplicates(result: RowResult, ref: Reference) -> None:
    v = result.values
    if v.get("orcid") and v["orcid"] in ref.orcids:
        result.duplicates.append(_("same ORCID iD as an existing profile"))
        result.duplicate_of = result.duplicate_of or ref.orcids[v["orcid"]]
    if v.get("email") and v["email"] in ref.emails:
        result.duplicates.append(_("same e-mail address as an existing profile"))
        result.duplicate_of = result.duplicate_of or ref.emails[v["email"]]
    name = fold(result.label)
    for org in v.get("organisations", []):
        person = ref.similar_names.first_similar(org.pk, name)
        if person is not None:
            result.duplicates.append(
                _("similar name to %(person)s at %(org)s") % {"person": person.full_name, "org": org.name}
            )
            result.duplicate_of = result.duplicate_of or person.pk


def _check_organisation(cells: dict[str, str], result: RowResult, ref: Reference) -> None:
    labels, v = _start_row(cells, result, "organisations", Organisation, ("name", "acronym", "city"))
    result.label = v["name"]
    _parse_cells(cells, result, labels, (("kind", f.parse_organisation_kind), ("territory", f.parse_territory),
                                         ("ror_id", f.normalize_ror), ("website", f.parse_url)))
    _too_long(v["website"], result, labels["website"], _max_length(Organisation, "website"))
    v["parent_name"] = cells.get("parent", "").strip()
    existing = ref.organisation(v["name"]) if v["name"] else None
    if existing is not None:
        result.duplicates.append(_("an organisation with this name already exists"))
    if v["ror_id"] and v["ror_id"] in ref.ror_ids:
        result.duplicates.append(_("same ROR id as an existing organisation"))


@dataclass
class CommitOptions:
    skip_invalid: bool = False
    skip_duplicates: bool = True


class CommitRefused(Exception):
    pass


def commit_batch(*, batch: ImportBatch, actor: Any, options: CommitOptions) -> dict[str, Any]:
    """Write the accepted rows in one transaction and return the report (also stored on the batch)."""
    if batch.status == ImportBatch.Status.COMMITTED:
        raise CommitRefused(_("This file has already been imported."))
    results = validate_batch(batch)
    invalid = [r for r in results if not r.ok]
    if invalid and not options.skip_invalid:
        raise CommitRefused(ngettext("%(count)d row has errors: correct it, or choose to leave it out.",
                                     "%(count)d rows have errors: correct them, or choose to leave them out.",
                                     len(invalid)) % {"count": len(invalid)})
    merged = set(batch.merged_rows or [])
    results = [r for r in results if r.number not in merged]
    invalid = [r for r in invalid if r.number not in merged]
    accepted = [r for r in results if r.ok and not (r.duplicates and options.skip_duplicates)]
    try:
        return _write(batch, actor, options, results, invalid, accepted)
    except (ValidationError, DatabaseError) as exc:
        # Nothing was written (the transaction rolled back); say which row stopped the import.
        row = getattr(exc, "import_row", None)
        detail = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        raise CommitRefused(_("Row %(row)s could not be written, so nothing was imported: %(detail)s")
                            % {"row": row or "?", "detail": detail}) from exc


def _write(batch: ImportBatch, actor: Any, options: CommitOptions, results: list[RowResult],
           invalid: list[RowResult], accepted: list[RowResult]) -> dict[str, Any]:
    with transaction.atomic():
        if batch.kind == ImportBatch.Kind.PEOPLE:
            created = [_in_row(r, _create_person, r, actor).pk for r in accepted]
        else:
            created = _create_organisations(accepted, actor)
        report = {
            "created": len(created),
            "merged": len(batch.merged_rows or []),
            "rejected": [r.as_dict() for r in invalid],
            "skipped_duplicates": [r.as_dict() for r in results if r.ok and r.duplicates and options.skip_duplicates],
        }
        batch.status = ImportBatch.Status.COMMITTED
        batch.committed_at = timezone.now()
        batch.report = report
        batch.save(update_fields=["status", "committed_at", "report"])
    return report


def _in_row(result: RowResult, write: Any, *args: Any) -> Any:
    """Call ``write``; an error is tagged with the row it comes from."""
    try:
        return write(*args)
    except (ValidationError, DatabaseError) as exc:
        exc.import_row = result.number
        raise


def _create_person(result: RowResult, actor: Any) -> Person:
    v = result.values
    data = {key: v[key] or "" for key in ("first_name", "last_name", "email", "orcid", "expertise", "keywords",
                                          "offers", "seeks", "kind", "territory")}
    data["visibility"] = v["visibility"] or "members"
    data["consent_date"] = v["consent_date"]
    tags = services.PersonTags(
        categories=v["categories"], sites=v["sites"], techniques=v["techniques"], languages=v["languages"],
        affiliations=[services.AffiliationData(org, v["position"], i == 0) for i, org in enumerate(v["organisations"])],
    )
    return services.person_create(actor=actor, data=data, tags=tags, action=AuditEntry.Action.IMPORT)


def _create_organisations(accepted: list[RowResult], actor: Any) -> list[int]:
    created: dict[str, Organisation] = {}
    for result in accepted:
        v = result.values
        data = {key: v[key] or "" for key in ("name", "acronym", "kind", "territory", "city", "website", "ror_id")}
        created[fold(v["name"])] = _in_row(result, lambda d: services.organisation_create(
            actor=actor, data=d, action=AuditEntry.Action.IMPORT), data)
        if v["acronym"]:
            created[fold(v["acronym"])] = created[fold(v["name"])]
    # Parents may be other rows of the same file: resolve them once all rows exist.
    reference = Reference()
    for result in accepted:
        parent_name = result.values["parent_name"]
        if not parent_name:
            continue
        parent = created.get(fold(parent_name)) or reference.organisation(parent_name)
        if parent is None:
            raise CommitRefused(_("Row %(row)d: unknown parent organisation “%(name)s”.")
                                % {"row": result.number, "name": parent_name})
        org = created[fold(result.values["name"])]
        _in_row(result, lambda o, p: services.organisation_update(actor=actor, organisation=o, data={"parent": p}),
                org, parent)
    return [o.pk for o in {id(o): o for o in created.values()}.values()]


# Merging a duplicate, field by field -------------------------------------------------------------

MERGEABLE_FIELDS = ("first_name", "last_name", "email", "orcid", "kind", "territory", "expertise", "keywords",
                    "offers", "seeks")


class MergeRefused(Exception):
    pass


@dataclass
class MergeCandidate:
    """A people row of a file beside the existing profile it most likely repeats."""

    row: RowResult
    person: Person
    fields: list[tuple[str, str, str, str]]  # (name, label, existing value, imported value), differing only


def merge_candidate(batch: ImportBatch, number: int) -> MergeCandidate | None:
    """The row ``number`` and its existing profile when the row is a valid, unmerged likely duplicate."""
    if batch.kind != ImportBatch.Kind.PEOPLE or batch.status == ImportBatch.Status.COMMITTED \
            or number in (batch.merged_rows or []):
        return None
    row = next((r for r in validate_batch(batch) if r.number == number), None)
    if row is None or not row.ok or row.duplicate_of is None:
        return None
    person = Person.objects.filter(pk=row.duplicate_of).first()
    if person is None:
        return None
    labels = {t.name: t.label for t in f.PEOPLE_FIELDS}
    fields = []
    for name in MERGEABLE_FIELDS:
        imported = row.values.get(name) or ""
        existing = getattr(person, name) or ""
        if imported and str(imported) != str(existing):
            fields.append((name, str(labels.get(name, name)), str(existing), str(imported)))
    return MergeCandidate(row=row, person=person, fields=fields)


def merge_row(*, batch: ImportBatch, number: int, actor: Any, take_imported: set[str]) -> Person:
    """Write into the existing profile the imported values chosen field by field (one audit entry),
    and leave the row out of the import. All or nothing."""
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        candidate = merge_candidate(locked, number)
        if candidate is None:
            raise MergeRefused(_("This row can no longer be merged: the file was imported, or the row changed."))
        data = {name: imported for name, _label, _existing, imported in candidate.fields if name in take_imported}
        person = services.person_update(actor=actor, person=candidate.person, data=data) if data \
            else candidate.person
        locked.merged_rows = sorted({*(locked.merged_rows or []), number})
        locked.save(update_fields=["merged_rows"])
        batch.merged_rows = locked.merged_rows
    return person
