"""Reading an uploaded table (CSV or XLSX) within limits, before anything is kept in memory.

An XLSX workbook is a zip of XML files, and both can lie: a 1.6 KB file may claim the sheet spans
``A1:XFD1048576`` (openpyxl then pads every row to 16,384 cells), a small zip may inflate to
gigabytes. So, in order:

1. the zip's directory is checked first (``zipfile.infolist``): total uncompressed size and
   compression ratio of each large member (zipfile then refuses members that inflate past what
   their header declares, so the check holds);
2. the sheet is streamed row by row (openpyxl ``read_only``), its dimension claim ignored, and each
   row is checked against the caps on columns, rows and cells as it comes, so a refusal happens
   before the rows are kept;
3. a time budget bounds the whole read.

A CSV file must be text: NUL bytes or control characters (an image renamed ``.csv``) are refused,
as is text neither UTF-8 nor Windows-1252. Every refusal is an :class:`UnreadableFile` whose
message names the limit.
"""
from __future__ import annotations

import csv
import io
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

# Members smaller than this inflate harmlessly, whatever their ratio (an XML header compresses well).
RATIO_FREE_BYTES = 1024 * 1024
# Control characters that never occur in text typed into a spreadsheet (tab, line feed and
# carriage return do); the share of them (beyond a few strays) above which a "CSV" file is binary data.
CONTROL = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r"}
CONTROL_SHARE, CONTROL_FREE = 0.01, 8


class UnreadableFile(Exception):
    """A file that cannot be read as a table; the message says why."""


@dataclass(frozen=True)
class TableLimits:
    max_bytes: int
    max_rows: int
    max_columns: int
    max_cells: int
    max_uncompressed_bytes: int
    max_compression_ratio: int
    max_seconds: float

    @classmethod
    def from_settings(cls) -> TableLimits:
        return cls(
            max_bytes=settings.IMPORT_MAX_BYTES, max_rows=settings.IMPORT_MAX_ROWS,
            max_columns=settings.IMPORT_MAX_COLUMNS, max_cells=settings.IMPORT_MAX_CELLS,
            max_uncompressed_bytes=settings.IMPORT_MAX_UNCOMPRESSED_BYTES,
            max_compression_ratio=settings.IMPORT_MAX_COMPRESSION_RATIO, max_seconds=settings.IMPORT_MAX_SECONDS,
        )


def read_table(filename: str, content: bytes, limits: TableLimits | None = None) -> tuple[list[Any], list[list[Any]]]:
    """The header row and the non-empty data rows of a ``.csv``/``.txt`` or ``.xlsx`` file, as raw
    cell values (short rows padded with ``None``); raises :class:`UnreadableFile` at any limit."""
    limits = limits or TableLimits.from_settings()
    if len(content) > limits.max_bytes:
        raise UnreadableFile(_("The file is too large (at most %(size)d MB).")
                             % {"size": limits.max_bytes // (1024 * 1024)})
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(content, limits)
    elif name.endswith((".csv", ".txt")):
        rows = _csv_rows(content)
    else:
        raise UnreadableFile(_("Only .csv and .xlsx files can be imported."))
    return _within_limits(rows, limits, time.monotonic() + limits.max_seconds)


def _within_limits(rows: Iterator[tuple[Any, ...]], limits: TableLimits,
                   deadline: float) -> tuple[list[Any], list[list[Any]]]:
    headers: list[Any] | None = None
    kept: list[list[Any]] = []
    cells = 0
    try:
        for row in rows:
            if time.monotonic() >= deadline:
                raise UnreadableFile(_("The file took too long to read (more than %(seconds)d seconds): "
                                       "split it into smaller files.") % {"seconds": limits.max_seconds})
            width = _width(row)
            if not width:
                continue
            if width > limits.max_columns:
                raise UnreadableFile(_("The file has too many columns (at most %(max)d).")
                                     % {"max": limits.max_columns})
            if headers is None:
                headers = list(row[:width])
                continue
            if width > len(headers):
                raise UnreadableFile(_("Row %(row)d has more cells than the header row.") % {"row": len(kept) + 1})
            if len(kept) == limits.max_rows:
                raise UnreadableFile(_("The file has too many rows (at most %(max)d).") % {"max": limits.max_rows})
            cells += width
            if cells > limits.max_cells:
                raise UnreadableFile(_("The file has too many cells (at most %(max)d).") % {"max": limits.max_cells})
            kept.append([*row[:width], *[None] * (len(headers) - width)])
    except UnreadableFile:
        raise
    except Exception as exc:  # broken XML, zip or CSV quoting: many kinds of errors
        raise UnreadableFile(_("The file could not be read: %(error)s") % {"error": exc}) from exc
    return headers or [], kept


def _width(row: tuple[Any, ...]) -> int:
    """The number of cells up to the last one that holds something (trailing empty cells are not data)."""
    if row.count(None) == len(row):  # the padding of missing rows, counted at C speed
        return 0
    for index in range(len(row) - 1, -1, -1):
        value = row[index]
        if value is not None and (not isinstance(value, str) or value.strip()):
            return index + 1
    return 0


# ---------------------------------------------------------------------------- XLSX

def _xlsx_rows(content: bytes, limits: TableLimits) -> Iterator[tuple[Any, ...]]:
    if not content.startswith(b"PK"):
        raise UnreadableFile(_("This file is not an XLSX workbook."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile(_("The file could not be read: %(error)s") % {"error": exc}) from exc
    check_archive(members, limits)
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.active
        # The <dimension> element is a claim, not a fact: rows are read as they are in the file.
        sheet.reset_dimensions()
    except Exception as exc:  # openpyxl raises many kinds of errors on broken workbooks
        raise UnreadableFile(_("The file could not be read: %(error)s") % {"error": exc}) from exc
    # Without a dimension, each row is as wide as its last cell (at most Excel's 16,384 columns,
    # one row at a time): a value past the column cap is seen, and refused, on its own row.
    return _closing(workbook, sheet.iter_rows(values_only=True))


def _closing(workbook: Any, rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    try:
        yield from rows
    finally:
        workbook.close()


def check_archive(members: list[zipfile.ZipInfo], limits: TableLimits) -> None:
    """Refuse a zip that inflates beyond the limit in total, or a large member compressed
    suspiciously much (a deflate bomb), from its directory alone."""
    total = sum(member.file_size for member in members)
    if total > limits.max_uncompressed_bytes:
        raise UnreadableFile(_("The workbook is too large once uncompressed (at most %(size)d MB).")
                             % {"size": limits.max_uncompressed_bytes // (1024 * 1024)})
    for member in members:
        if member.file_size > RATIO_FREE_BYTES and \
                member.file_size > limits.max_compression_ratio * max(member.compress_size, 1):
            raise UnreadableFile(_("The workbook is compressed more than %(ratio)d times, which no real "
                                   "spreadsheet is: it is refused.") % {"ratio": limits.max_compression_ratio})


# ---------------------------------------------------------------------------- CSV

def _csv_rows(content: bytes) -> Iterator[tuple[Any, ...]]:
    text = decode_text(content)
    return (tuple(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))


def decode_text(content: bytes) -> str:
    """The text of a CSV file; binary data (NUL bytes, control characters) is refused."""
    if b"\x00" in content:
        raise UnreadableFile(_("This file is not CSV text: it holds binary data."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:65536]
        if sum(char in CONTROL for char in sample) > max(CONTROL_SHARE * len(sample), CONTROL_FREE):
            raise UnreadableFile(_("This file is not CSV text: it holds binary data."))
        return text
    raise UnreadableFile(_("The file is neither UTF-8 nor Windows-1252 text."))


def _delimiter(text: str) -> str:
    """Comma, or the semicolon or tab of spreadsheets set up for French (decided on the header row)."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)
