"""The vocabulary of indicators: the filters every indicator takes, the values it gives back
(counts, ratios, sums per currency, medians), its series by year, and one registry entry.

An indicator is one selector ``compute(filters) -> Series``. Years are calendar years in the
project's time zone (Lyon), so an event starting on 31 December at 20:00 in Montréal counts in
the next year, as it does for the team that runs it.
"""
from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, models
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear, TruncDate
from django.utils.functional import Promise


def report_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def year_start(year: int) -> datetime:
    return datetime(year, 1, 1, tzinfo=report_tz())


@dataclass(frozen=True)
class ReportFilters:
    """What a coordinator chose: a period (whole years), a territory, an event, a CSO category
    (its sub-categories included) and a cancer site (ICRP code). Empty means "all"."""

    year_from: int | None = None
    year_to: int | None = None
    territory: str = ""
    event: int | None = None
    category: str = ""
    site: int | None = None

    def period(self, path: str) -> Q:
        """``path`` (a datetime) inside the period; ranges, so that indexes on ``path`` serve."""
        q = Q()
        if self.year_from is not None:
            q &= Q(**{f"{path}__gte": year_start(self.year_from)})
        if self.year_to is not None:
            q &= Q(**{f"{path}__lt": year_start(self.year_to + 1)})
        return q

    def period_dates(self, path: str) -> Q:
        """Same as :meth:`period` for a date field."""
        q = Q()
        if self.year_from is not None:
            q &= Q(**{f"{path}__year__gte": self.year_from})
        if self.year_to is not None:
            q &= Q(**{f"{path}__year__lte": self.year_to})
        return q

    def category_q(self, code_path: str) -> Q:
        """``code_path`` (a CSO code) is the chosen category or one of its sub-categories."""
        return Q(**{code_path: self.category}) | Q(**{f"{code_path}__startswith": f"{self.category}."})

    def but(self, **changes: Any) -> ReportFilters:
        return replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        return self == ReportFilters()


def year_of(path: str) -> ExtractYear:
    """The calendar year (in Lyon time) of the datetime at ``path``."""
    return ExtractYear(path, tzinfo=report_tz())


def day_of(path: str) -> TruncDate:
    """The day (in Lyon time) of the datetime at ``path``: to mix with date fields."""
    return TruncDate(path, tzinfo=report_tz())


YearOf = str | models.Expression | models.Func


def year_expression(when: YearOf) -> models.Expression:
    """A datetime path becomes its year in Lyon time; an expression is taken as the year itself."""
    return year_of(when) if isinstance(when, str) else when


@dataclass(frozen=True)
class Ratio:
    """A rate kept with its parts, so that a reader can check it (31 useful out of 50 = 62 %)."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


# A value is a count, an amount, a ratio or a number of days; None when there is nothing to measure.
Value = int | Decimal | Ratio | None
# Indicators broken down (money per currency, outcomes per kind) give a dict of values.
Cell = Value | dict[str, Value]


YearSets = dict[tuple[int, ...], int]


@dataclass
class Series:
    """An indicator's values for each year that has data, and for the whole period (a distinct
    count over the period is not the sum of the years: one person active in 2019 and 2020 is one).

    A series over all years also keeps what it takes to give the series of any shorter period
    without going back to the database (:meth:`within`): distinct counts keep how many items were
    active in each set of years (``year_sets``: ``{(2019, 2020): 1}``), medians keep the values of
    each year (``samples``); every other value is additive (counts, sums, both parts of a ratio)."""

    by_year: dict[int, Cell] = field(default_factory=dict)
    total: Cell = None
    year_sets: YearSets | None = None
    samples: dict[int, list[int]] | None = None

    def within(self, year_from: int | None, year_to: int | None) -> Series:
        """The series restricted to the years from ``year_from`` to ``year_to`` (None: open)."""
        if year_from is None and year_to is None:
            return self

        def inside(year: int) -> bool:
            return (year_from is None or year >= year_from) and (year_to is None or year <= year_to)

        by_year = {year: cell for year, cell in self.by_year.items() if inside(year)}
        year_sets = samples = None
        if self.year_sets is not None:
            year_sets = {}
            for years, n in self.year_sets.items():
                kept = tuple(year for year in years if inside(year))
                if kept:
                    year_sets[kept] = year_sets.get(kept, 0) + n
            total: Cell = sum(year_sets.values())
        elif self.samples is not None:
            samples = {year: values for year, values in self.samples.items() if inside(year)}
            total = median_days([value for values in samples.values() for value in values])
        else:
            total = add_cells(by_year.values(), empty=self.total)
        return Series(by_year=by_year, total=total, year_sets=year_sets, samples=samples)


def median_days(values: list[int]) -> int | None:
    return round(statistics.median(values)) if values else None


def add_cells(cells: Iterable[Cell], *, empty: Cell) -> Cell:
    """The sum of additive cells of one indicator: counts, amounts, ratios part by part, and
    dicts of those key by key. ``empty`` (a cell of the same indicator) gives the shape when
    there are no cells."""
    cells = [cell for cell in cells if cell is not None]
    if not cells:
        if isinstance(empty, Ratio):
            return Ratio(0, 0)
        if isinstance(empty, dict):
            return {}
        return None if empty is None else type(empty)(0)
    first = cells[0]
    if isinstance(first, dict):
        total: dict[str, Value] = {}
        for cell in cells:
            for key, value in cell.items():
                total[key] = value if key not in total else add_cells([total[key], value], empty=value)
        return total
    if isinstance(first, Ratio):
        return Ratio(sum(c.numerator for c in cells), sum(c.denominator for c in cells))
    return sum(cells[1:], first)


class Unit(models.TextChoices):
    COUNT = "count", "count"
    RATE = "rate", "rate"
    MONEY = "money", "money"
    DAYS = "days", "days"


@dataclass(frozen=True)
class Indicator:
    """One indicator: its key (API, exports), the one selector that computes it, its words (label
    and definition, shown with the figure), its unit and its group (see :func:`indicator_group`)."""

    key: str
    compute: Callable[[ReportFilters], Series]
    label: str | Promise
    definition: str | Promise
    unit: str = Unit.COUNT
    public: bool = False
    # For broken-down indicators: the order and the words of the parts (currency codes, kinds).
    parts: Callable[[], list[tuple[str, str]]] | None = None
    group: str = ""


def indicator_group(group: str, indicators: list[Indicator]) -> list[Indicator]:
    """The indicators of one group of the dashboard (a key of ``GROUPS``), in the order shown."""
    return [replace(indicator, group=group) for indicator in indicators]


# --- helpers shared by the selectors --------------------------------------------------------------

def count_series(items: QuerySet, when: YearOf, *, distinct: str | None = None) -> Series:
    """Rows of ``items`` (or distinct values of ``distinct``) per year of ``when``, and in all."""
    if distinct:
        return distinct_series([activity_rows(items, distinct, when)])
    rows = (items.order_by().annotate(r_year=year_expression(when)).values("r_year")
            .annotate(n=Count("pk")).values_list("r_year", "n"))
    by_year = {year: n for year, n in rows if year is not None}
    return Series(by_year=by_year, total=sum(by_year.values()))


def activity_rows(items: QuerySet, item_path: str, when: YearOf) -> QuerySet:
    """``items`` as (r_item, r_year) rows: who or what was active, and when."""
    return (items.order_by().annotate(r_item=models.F(item_path), r_year=year_expression(when))
            .values("r_item", "r_year"))


def sum_series(items: QuerySet, when: YearOf, amount: str, part: str) -> Series:
    """Sums of ``amount`` per year and per value of ``part`` (a currency), and over the period:
    ``{year: {"EUR": Decimal, "CAD": Decimal}}``. Parts are never added together."""
    rows = (items.order_by().annotate(r_year=year_expression(when)).values("r_year", part)
            .annotate(total=Sum(amount)).values_list("r_year", part, "total"))
    by_year: dict[int, dict[str, Decimal]] = {}
    total: dict[str, Decimal] = {}
    for year, key, value in rows:
        if year is None or value is None:
            continue
        by_year.setdefault(year, {})[key] = value
        total[key] = total.get(key, Decimal("0")) + value
    return Series(by_year=by_year, total=total)


def count_parts_series(items: QuerySet, when: YearOf, part: str) -> Series:
    """Rows per year and per value of ``part`` (a kind), and over the period."""
    rows = (items.order_by().annotate(r_year=year_expression(when)).values("r_year", part)
            .annotate(n=Count("pk")).values_list("r_year", part, "n"))
    by_year: dict[int, dict[str, int]] = {}
    total: dict[str, int] = {}
    for year, key, n in rows:
        by_year.setdefault(year, {})[key] = n
        total[key] = total.get(key, 0) + n
    return Series(by_year=by_year, total=total)


def union_sql(parts: Iterable[QuerySet | tuple[str, list]]) -> tuple[str, list]:
    """One SQL ``UNION ALL`` of (r_item, r_year) row sets: querysets from :func:`activity_rows` or
    ready (sql, params) pairs (duplicates are left to the ``COUNT(DISTINCT …)`` that reads it)."""
    sqls, params = [], []
    for index, part in enumerate(parts):
        sql, part_params = part if isinstance(part, tuple) else part.query.sql_with_params()
        sqls.append(f"SELECT p{index}.r_item, p{index}.r_year FROM ({sql}) p{index}")
        params.extend(part_params)
    return " UNION ALL ".join(sqls), params


def distinct_series(parts: list[QuerySet | tuple[str, list]]) -> Series:
    """Distinct items per year and in all, over the union of several activities, with the number
    of items active in each set of years (see :class:`Series`). Rows without a year are left out."""
    if not parts:
        return Series(total=0, year_sets={})
    union, params = union_sql(parts)
    if connection.vendor == "postgresql":
        years_of_item = "array_agg(DISTINCT u.r_year ORDER BY u.r_year)"
    else:
        years_of_item = "group_concat(DISTINCT u.r_year)"
    sql = (f"SELECT t.years, COUNT(*) FROM (SELECT {years_of_item} AS years FROM ({union}) u "
           "WHERE u.r_item IS NOT NULL AND u.r_year IS NOT NULL GROUP BY u.r_item) t GROUP BY t.years")
    year_sets: YearSets = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for years, n in cursor.fetchall():
            if isinstance(years, str):
                years = sorted({int(float(year)) for year in years.split(",")})
            key = tuple(int(year) for year in years)
            year_sets[key] = year_sets.get(key, 0) + n
    by_year: dict[int, int] = {}
    for years, n in year_sets.items():
        for year in years:
            by_year[year] = by_year.get(year, 0) + n
    return Series(by_year=by_year, total=sum(year_sets.values()), year_sets=year_sets)


def ratio_series(numerator: Series, denominator: Series) -> Series:
    years = set(numerator.by_year) | set(denominator.by_year)
    return Series(
        by_year={y: Ratio(numerator.by_year.get(y) or 0, denominator.by_year.get(y) or 0) for y in years},
        total=Ratio(numerator.total or 0, denominator.total or 0),
    )
