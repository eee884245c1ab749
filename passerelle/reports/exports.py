"""Indicator tables as CSV and XLSX files (tablib): the by-year table and the territory comparison.

Cells are the plain values of ``values.plain_value`` — the numbers the API gives — with the
definition of each indicator in its own column, so that a funder reading the file knows what
was counted. Text cells are made safe to open in a spreadsheet by ``passerelle.core.exports``
(formula injection); the figures stay numbers.
"""
from __future__ import annotations

import tablib

from passerelle.core.exports import CONTENT_TYPES, render, render_book, safe_dataset

from .tables import IndicatorTable, TerritoryComparison
from .values import plain_value

__all__ = ["CONTENT_TYPES", "comparison_dataset", "render", "table_book", "table_dataset"]

LEAD_HEADERS = ["key", "indicator", "part", "unit"]


def table_dataset(table: IndicatorTable) -> tablib.Dataset:
    headers = [*LEAD_HEADERS, *map(str, table.years), "total", "definition"]
    rows = ([row.key, str(row.indicator.label), row.part_label, row.unit,
             *(plain_value(row.unit, cell) for cell in row.cells), plain_value(row.unit, row.total), row.definition]
            for row in table.rows)
    return safe_dataset(headers, rows, title="by year")


def comparison_dataset(comparison: TerritoryComparison) -> tablib.Dataset:
    headers = [*LEAD_HEADERS, *(code or "all" for code, _label in comparison.territories), "definition"]
    rows = ([row.key, str(row.indicator.label), row.part_label, row.unit,
             *(plain_value(row.unit, total) for total in totals), row.definition]
            for row, totals in comparison.rows)
    return safe_dataset(headers, rows, title="by territory")


def table_book(table: IndicatorTable, comparison: TerritoryComparison) -> bytes:
    """Both tables in one workbook, one sheet each."""
    return render_book([table_dataset(table), comparison_dataset(comparison)])
