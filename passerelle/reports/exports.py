"""Indicator tables as CSV and XLSX files (tablib): the by-year table and the territory comparison.

Cells are the plain values of ``values.plain_value`` — the numbers the API gives — with the
definition of each indicator in its own column, so that a funder reading the file knows what
was counted.
"""
from __future__ import annotations

import tablib

from passerelle.directory.exports import CONTENT_TYPES, render

from .tables import IndicatorTable, TerritoryComparison
from .values import plain_value

__all__ = ["CONTENT_TYPES", "comparison_dataset", "render", "table_book", "table_dataset"]

LEAD_HEADERS = ["key", "indicator", "part", "unit"]


def table_dataset(table: IndicatorTable) -> tablib.Dataset:
    data = tablib.Dataset(headers=[*LEAD_HEADERS, *map(str, table.years), "total", "definition"], title="by year")
    for row in table.rows:
        data.append([row.key, str(row.indicator.label), row.part_label, row.unit,
                     *(plain_value(row.unit, cell) for cell in row.cells),
                     plain_value(row.unit, row.total), row.definition])
    return data


def comparison_dataset(comparison: TerritoryComparison) -> tablib.Dataset:
    headers = [*LEAD_HEADERS, *(code or "all" for code, _label in comparison.territories), "definition"]
    data = tablib.Dataset(headers=headers, title="by territory")
    for row, totals in comparison.rows:
        data.append([row.key, str(row.indicator.label), row.part_label, row.unit,
                     *(plain_value(row.unit, total) for total in totals), row.definition])
    return data


def table_book(table: IndicatorTable, comparison: TerritoryComparison) -> bytes:
    """Both tables in one workbook, one sheet each."""
    return tablib.Databook([table_dataset(table), comparison_dataset(comparison)]).export("xlsx")
