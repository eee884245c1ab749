"""Reading figures back from what users get: the HTML tables, the CSV and XLSX files, the API."""
from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

import openpyxl

from passerelle.reports.indicators import ReportFilters

ALL = ReportFilters()  # no filter: every territory, theme and year


def figures(series) -> tuple[dict, object]:
    """An indicator's series as (figures by year, total), to compare with the ones counted by hand."""
    return series.by_year, series.total


def number(text) -> float | None:
    """"25,000" → 25000, "66.7 %" → 66.7, "—" or "" → None (English formatting)."""
    if text is None:
        return None
    text = str(text).replace(",", "").replace("%", "").replace("\xa0", "").strip()
    if text in ("", "—"):
        return None
    return float(text)


class TableCells(HTMLParser):
    """{(row key, year or "total"): text} of every ``<tr data-key>`` / ``<td data-year>`` cell."""

    def __init__(self):
        super().__init__()
        self.cells: dict[tuple[str, str], str] = {}
        self.row = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.row = attrs.get("data-key")
        elif tag == "td" and self.row and "data-year" in attrs:
            self.cell = (self.row, attrs["data-year"])
            self.cells[self.cell] = ""

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None

    def handle_data(self, data):
        if self.cell:
            self.cells[self.cell] += data


def html_figures(content: bytes) -> dict[tuple[str, str], float | None]:
    parser = TableCells()
    parser.feed(content.decode())
    return {key: number(text) for key, text in parser.cells.items()}


def csv_figures(content: bytes) -> dict[tuple[str, str], float | None]:
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    figures = {}
    for row in rows:
        for column, value in row.items():
            if column.isdigit() or column == "total":
                figures[(row["key"], column)] = number(value)
    return figures


def xlsx_figures(content: bytes, sheet: str = "by year") -> dict[tuple[str, str], float | None]:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    rows = list(book[sheet].iter_rows(values_only=True))
    headers = [str(h) for h in rows[0]]
    figures = {}
    for values in rows[1:]:
        row = dict(zip(headers, values, strict=True))
        for column, value in row.items():
            if column.isdigit() or column == "total":
                figures[(row["key"], column)] = number(value)
    return figures


def api_figures(data: dict) -> dict[tuple[str, str], float | None]:
    figures = {}
    for entry in data["indicators"]:
        for year, value in entry["values"].items():
            figures[(entry["key"], year)] = number(value)
        figures[(entry["key"], "total")] = number(entry["total"])
    return figures
