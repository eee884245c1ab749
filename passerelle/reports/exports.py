"""Indicator tables as CSV and XLSX files (tablib): the by-year table and the territory comparison.

Cells are the plain values of ``values.plain_value`` — the numbers the API gives — with the
definition of each indicator in its own column, so that a funder reading the file knows what
was counted. Text cells are made safe to open in a spreadsheet by ``passerelle.core.exports``
(formula injection); the figures stay numbers.
"""
from __future__ import annotations

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from passerelle.core.exports import CONTENT_TYPES, render, render_book, safe_dataset

from .tables import IndicatorTable, TerritoryComparison
from .values import plain_value

__all__ = ["CONTENT_TYPES", "comparison_dataset", "render", "table_book", "table_dataset"]

# Headers and sheet names in the reader's language (English: "key", "by year"…); the first column
# keeps each indicator's key, the name the API and the dashboard's rows (data-key) give it.
LEAD_HEADERS = [gettext_lazy("key"), gettext_lazy("indicator"), gettext_lazy("part"), gettext_lazy("unit")]


# The unit column in words (the API keeps the codes).
UNIT_WORDS = {"count": gettext_lazy("count"), "rate": gettext_lazy("rate (%)"), "money": gettext_lazy("amount"),
              "days": gettext_lazy("days")}


def _unit(code: str) -> str:
    return str(UNIT_WORDS.get(code, code))


def _lead() -> list[str]:
    return [str(header) for header in LEAD_HEADERS]


def table_dataset(table: IndicatorTable) -> tablib.Dataset:
    headers = [*_lead(), *map(str, table.years), pgettext("column of a table of figures", "total"), _("definition")]
    rows = ([row.key, str(row.indicator.label), row.part_label, _unit(row.unit),
             *(plain_value(row.unit, cell) for cell in row.cells), plain_value(row.unit, row.total), row.definition]
            for row in table.rows)
    return safe_dataset(headers, rows, title=_("by year"))


def comparison_dataset(comparison: TerritoryComparison) -> tablib.Dataset:
    headers = [*_lead(), *(code or _("all") for code, _label in comparison.territories), _("definition")]
    rows = ([row.key, str(row.indicator.label), row.part_label, _unit(row.unit),
             *(plain_value(row.unit, total) for total in totals), row.definition]
            for row, totals in comparison.rows)
    return safe_dataset(headers, rows, title=_("by territory"))


def table_book(table: IndicatorTable, comparison: TerritoryComparison) -> bytes:
    """Both tables in one workbook, one sheet each."""
    return render_book([table_dataset(table), comparison_dataset(comparison)])
