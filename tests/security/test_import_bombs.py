"""Import files built to exhaust the server: sheets that lie about their size, zip bombs, endless
rows or columns, binary files named ``.csv``. Each is refused with a message naming the limit,
before its rows are kept (or read only for the rows it really holds); nothing is imported.

The workbooks are written by hand (zipfile and sheet XML), as an attacker would.
"""
from __future__ import annotations

import io
import itertools
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from passerelle.core import table_files
from passerelle.directory import imports
from passerelle.directory.models import ImportBatch

pytestmark = pytest.mark.django_db

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="people" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="worksheets/sheet1.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
</Relationships>"""
SHEET_START = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<dimension ref="{dimension}"/><sheetData>')
SHEET_END = "</sheetData></worksheet>"


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def row_xml(number: int, values: list[tuple[int, str]]) -> str:
    cells = "".join(f'<c r="{column_letters(col)}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
                    for col, text in values)
    return f'<row r="{number}">{cells}</row>'


def workbook(rows: list[str], *, dimension: str = "A1:B2", padding: int = 0) -> bytes:
    """An XLSX file whose sheet holds ``rows`` (XML) after ``padding`` bytes of blank space in the XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(SHEET_START.format(dimension=dimension).encode())
            chunk = b" " * (1024 * 1024)
            for start in range(0, padding, len(chunk)):
                sheet.write(chunk[: min(len(chunk), padding - start)])
            sheet.write("".join(rows).encode())
            sheet.write(SHEET_END.encode())
    return buffer.getvalue()


HEADER = row_xml(1, [(1, "first_name"), (2, "last_name"), (3, "kind"), (4, "territory")])
ADA = row_xml(2, [(1, "Ada"), (2, "Lovelace"), (3, "researcher"), (4, "QC")])


def upload_errors(client, name: str, content: bytes) -> list[str]:
    with translation.override("en"):
        response = client.post(reverse("directory:import_upload"),
                               {"kind": "people", "file": SimpleUploadedFile(name, content)},
                               HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()
    return [str(error) for error in response.context["form"].errors["file"]]


# Before the fix, each of these two files (1.6 KB) was padded to its claimed size: a memory error
# after 10 s under a 2.5 GB cap. Now only the cells the file holds are read.
def test_a_sheet_claiming_every_cell_of_excel_is_read_for_the_cells_it_holds():
    last = row_xml(1048576, [(1, "Zoé"), (2, "Roux"), (3, "researcher"), (4, "AURA")])
    content = workbook([HEADER, ADA, last], dimension="A1:XFD1048576")
    assert len(content) < 2000
    headers, rows = imports.read_table("people.xlsx", content)
    assert headers == ["first_name", "last_name", "kind", "territory"]
    assert rows == [["Ada", "Lovelace", "researcher", "QC"], ["Zoé", "Roux", "researcher", "AURA"]]


def test_a_sheet_claiming_50000_rows_is_read_for_the_rows_it_holds():
    last = row_xml(50000, [(1, "Zoé"), (2, "Roux"), (3, "researcher"), (4, "AURA")])
    headers, rows = imports.read_table("people.xlsx", workbook([HEADER, ADA, last], dimension="A1:XFD50000"))
    assert [row[0] for row in rows] == ["Ada", "Zoé"]


def test_a_cell_in_the_last_column_of_excel_is_refused_as_too_many_columns(coordinator_client):
    far = row_xml(2, [(1, "Ada"), (16384, "far away")])
    assert upload_errors(coordinator_client, "people.xlsx", workbook([HEADER, far], dimension="A1:XFD2")) == [
        "The file has too many columns (at most 100)."]


def test_a_csv_with_too_many_columns_is_refused(coordinator_client):
    content = (",".join(f"c{i}" for i in range(150)) + "\n" + ",".join("x" * 150) + "\n").encode()
    assert upload_errors(coordinator_client, "people.csv", content) == [
        "The file has too many columns (at most 100)."]


def test_a_deflate_bomb_is_refused_from_the_zip_directory(coordinator_client, settings, monkeypatch):
    settings.IMPORT_MAX_UNCOMPRESSED_BYTES = 8 * 1024 * 1024
    bomb = workbook([HEADER, ADA], padding=9 * 1024 * 1024)
    assert len(bomb) < 40_000
    parsed = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: parsed.append(a))
    assert upload_errors(coordinator_client, "people.xlsx", bomb) == [
        "The workbook is too large once uncompressed (at most 8 MB)."]
    assert parsed == []  # refused before openpyxl opened it


def test_a_member_compressed_far_beyond_any_spreadsheet_is_refused(coordinator_client):
    bomb = workbook([HEADER, ADA], padding=3 * 1024 * 1024)
    assert upload_errors(coordinator_client, "people.xlsx", bomb) == [
        "The workbook is compressed more than 100 times, which no real spreadsheet is: it is refused."]


def test_a_real_workbook_of_20000_rows_passes_the_zip_checks(settings):
    rows = [HEADER] + [row_xml(n, [(1, f"Prénom{n}"), (2, f"Nom{n} de la Vallée"), (3, "researcher"), (4, "QC")])
                       for n in range(2, 20002)]
    headers, read = imports.read_table("people.xlsx", workbook(rows, dimension="A1:D20001"))
    assert len(read) == 20000 and read[-1][0] == "Prénom20001"


def test_too_many_rows_are_refused_naming_the_limit(coordinator_client, settings):
    settings.IMPORT_MAX_ROWS = 10
    rows = [HEADER] + [row_xml(n, [(1, f"P{n}"), (2, "N"), (3, "researcher"), (4, "QC")]) for n in range(2, 40)]
    assert upload_errors(coordinator_client, "people.xlsx", workbook(rows, dimension="A1:D39")) == [
        "The file has too many rows (at most 10)."]


def test_too_many_cells_are_refused_naming_the_limit(coordinator_client, settings):
    settings.IMPORT_MAX_CELLS = 20
    content = ("a,b,c,d\n" + "1,2,3,4\n" * 6).encode()
    assert upload_errors(coordinator_client, "people.csv", content) == ["The file has too many cells (at most 20)."]


def test_a_file_that_takes_too_long_to_read_is_refused(coordinator_client, settings):
    settings.IMPORT_MAX_SECONDS = 0
    assert upload_errors(coordinator_client, "people.xlsx", workbook([HEADER, ADA])) == [
        "The file took too long to read (more than 0 seconds): split it into smaller files."]


def test_an_endless_sheet_is_refused_at_the_cap_without_reading_further():
    pulled = itertools.count()

    def endless():
        yield ("first_name", "last_name")
        while True:
            next(pulled)
            yield ("Ada", "Lovelace")

    limits = table_files.TableLimits(max_bytes=1, max_rows=1000, max_columns=10, max_cells=10**9,
                                     max_uncompressed_bytes=1, max_compression_ratio=1, max_seconds=60)
    with translation.override("en"), pytest.raises(table_files.UnreadableFile, match=r"too many rows \(at most 1000"):
        table_files._within_limits(endless(), limits, deadline=float("inf"))
    assert next(pulled) == 1001


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = zlib.compress(b"\x00\xff\x00\x00" * 4)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


@pytest.mark.parametrize("content", [
    png(),
    workbook([HEADER, ADA]),
    bytes(range(1, 32)) * 40 + b"first_name,last_name\nAda,Lovelace\n",
], ids=["png", "xlsx", "control characters"])
def test_binary_data_named_csv_is_refused_as_not_csv_text(coordinator_client, content):
    assert upload_errors(coordinator_client, "people.csv", content) == [
        "This file is not CSV text: it holds binary data."]


def test_csv_text_with_a_stray_control_character_is_still_read():
    headers, rows = imports.read_table("people.csv", b"first_name,last_name\nAda\x0b,Lovelace\n")
    assert rows == [["Ada", "Lovelace"]]
