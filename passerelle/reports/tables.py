"""The indicator table: every indicator, one column per year and one for the whole period.

This is the one place where figures are put together: the dashboard, the public page, the
annual report, the CSV/XLSX exports and the API all render an :class:`IndicatorTable`, so
they cannot disagree. Broken-down indicators (money per currency, outcomes per kind) become one
row per part; amounts in different currencies are never added up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import Territory

from .figures import ALL_TERRITORIES, Figures
from .indicators import GROUPS, Indicator, Ratio, ReportFilters, Unit, all_indicators
from .indicators.base import Value, report_tz
from .indicators.events import accompanied_events


@dataclass
class Row:
    indicator: Indicator
    part: str = ""
    part_label: str = ""
    cells: list[Value] = field(default_factory=list)
    total: Value = None
    years: list[int] = field(default_factory=list)

    @property
    def year_cells(self) -> list[tuple[int, Value]]:
        return list(zip(self.years, self.cells, strict=True))

    @property
    def key(self) -> str:
        return f"{self.indicator.key}.{self.part}" if self.part else self.indicator.key

    @property
    def label(self) -> str:
        return f"{self.indicator.label} — {self.part_label}" if self.part else str(self.indicator.label)

    @property
    def unit(self) -> str:
        return self.indicator.unit

    @property
    def definition(self) -> str:
        return str(self.indicator.definition)


@dataclass
class IndicatorTable:
    filters: ReportFilters
    years: list[int]
    rows: list[Row]
    # When the figures were computed (None: just now, for this page).
    computed_at: datetime | None = None

    def groups(self) -> list[tuple[str, list[Row]]]:
        grouped: dict[str, list[Row]] = {}
        for row in self.rows:
            grouped.setdefault(row.indicator.group, []).append(row)
        return [(str(GROUPS.get(group, group)), rows) for group, rows in grouped.items()]

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)


def empty_value(unit: str) -> Value:
    if unit == Unit.COUNT:
        return 0
    if unit == Unit.MONEY:
        return Decimal("0")
    if unit == Unit.RATE:
        return Ratio(0, 0)
    return None


def first_year() -> int:
    """The year of the first event that took place (the current year on an empty platform)."""
    first = accompanied_events(ReportFilters()).order_by("start").values_list("start", flat=True).first()
    return timezone.localtime(first, report_tz()).year if first else timezone.localdate().year


def table_years(filters: ReportFilters) -> list[int]:
    start = filters.year_from if filters.year_from is not None else first_year()
    end = filters.year_to if filters.year_to is not None else timezone.localdate().year
    return list(range(start, max(start, end) + 1))


def indicator_rows(indicator: Indicator, figures: Figures, years: list[int]) -> list[Row]:
    series = figures.series(indicator)
    empty = empty_value(indicator.unit)
    if indicator.parts is None:
        return [Row(indicator, cells=[_or(series.by_year.get(y), empty) for y in years],
                    total=_or(series.total, empty), years=years)]
    seen = set(series.total or {})
    for cell in series.by_year.values():
        seen |= set(cell or {})
    known = indicator.parts()
    parts = [(key, label) for key, label in known if key in seen]
    parts += [(key, key) for key in sorted(seen - {k for k, _ in known})]
    if not parts:
        return [Row(indicator, cells=[None for _ in years], total=None, years=years)]
    return [
        Row(indicator, part=key, part_label=str(label),
            cells=[_or((series.by_year.get(y) or {}).get(key), empty) for y in years],
            total=_or((series.total or {}).get(key), empty), years=years)
        for key, label in parts
    ]


def _or(value: Value, empty: Value) -> Value:
    return empty if value is None else value


def indicator_table(filters: ReportFilters, *, public_only: bool = False,
                    keys: tuple[str, ...] | None = None, user: Any = None) -> IndicatorTable:
    """Every indicator (or those of ``keys``; the public ones only) by year. When the figures read
    are older than ``REPORTS_REFRESH_SECONDS``, a recomputation is queued (``user`` started it)."""
    years = table_years(filters)
    figures = Figures(filters)
    rows: list[Row] = []
    for indicator in all_indicators():
        if (public_only and not indicator.public) or (keys is not None and indicator.key not in keys):
            continue
        rows += indicator_rows(indicator, figures, years)
    figures.refresh_if_stale(user)
    return IndicatorTable(filters=filters, years=years, rows=rows, computed_at=figures.computed_at)


@dataclass
class TerritoryComparison:
    """Totals over the period for each territory, side by side."""

    territories: list[tuple[str, str]]
    rows: list[tuple[Row, list[Value]]]


# What "each side" compares (the other indicators are in the by-year table, for one territory at a time).
COMPARED = ("events", "participants", "delegations", "people_active", "organisations_active", "meetings_held",
            "cross_border_meetings", "useful_rate", "opportunities", "projects_born", "applications", "success_rate",
            "money_granted", "outcomes")


def territory_comparison(table: IndicatorTable, *, public_only: bool = False, user: Any = None) -> TerritoryComparison:
    """The totals of ``table``'s main indicators (``COMPARED``) for each territory in turn and for all."""
    if table.filters.territory:
        table = indicator_table(table.filters.but(territory=ALL_TERRITORIES), public_only=public_only,
                                keys=COMPARED, user=user)
    per_territory = [indicator_table(table.filters.but(territory=code), public_only=public_only, keys=COMPARED,
                                     user=user)
                     for code, _label in Territory.choices]
    rows = []
    for row in table.rows:
        if row.indicator.key not in COMPARED:
            continue
        totals = []
        for other in per_territory:
            try:
                totals.append(other.row(row.key).total)
            except KeyError:  # a part (a currency, a kind) that this territory does not have
                totals.append(empty_value(row.unit))
        rows.append((row, [*totals, row.total]))
    territories = [*((code, str(label)) for code, label in Territory.choices), (ALL_TERRITORIES, str(_("All")))]
    return TerritoryComparison(territories=territories, rows=rows)
