"""The vocabulary of indicators: the filters every indicator takes, the values it gives back
(counts, ratios, sums per currency, medians), its series by year, and one registry entry.

An indicator is one selector ``compute(filters) -> Series``. Years are calendar years in the
project's time zone (Lyon), so an event starting on 31 December at 20:00 in Montréal counts in
the next year, as it does for the team that runs it.
"""
from __future__ import annotations

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


@dataclass
class Series:
    """An indicator's values for each year that has data, and for the whole period (a distinct
    count over the period is not the sum of the years: one person active in 2019 and 2020 is one)."""

    by_year: dict[int, Cell] = field(default_factory=dict)
    total: Cell = None


class Unit(models.TextChoices):
    COUNT = "count", "count"
    RATE = "rate", "rate"
    MONEY = "money", "money"
    DAYS = "days", "days"


@dataclass(frozen=True)
class Indicator:
    """One indicator: its key (API, exports), its words (label and definition, shown with the
    figure), its unit and the one selector that computes it."""

    key: str
    group: str
    label: str | Promise
    definition: str | Promise
    unit: str
    compute: Callable[[ReportFilters], Series]
    public: bool = False
    # For broken-down indicators: the order and the words of the parts (currency codes, kinds).
    parts: Callable[[], list[tuple[str, str]]] | None = None


# --- helpers shared by the selectors --------------------------------------------------------------

def count_series(items: QuerySet, when: YearOf, *, distinct: str | None = None) -> Series:
    """Rows of ``items`` (or distinct values of ``distinct``) per year of ``when``, and in all."""
    counted = Count(distinct, distinct=True) if distinct else Count("pk")
    rows = (items.order_by().annotate(r_year=year_expression(when)).values("r_year")
            .annotate(n=counted).values_list("r_year", "n"))
    by_year = {year: n for year, n in rows if year is not None}
    if distinct:
        total = items.order_by().aggregate(n=counted)["n"]
    else:
        total = sum(by_year.values())
    return Series(by_year=by_year, total=total)


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
    """Distinct items per year and in all, over the union of several activities. PostgreSQL counts
    both in one pass (``GROUPING SETS``); other databases read the union twice."""
    if not parts:
        return Series(total=0)
    union, params = union_sql(parts)
    by_year: dict[int, int] = {}
    total = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT u.r_year, COUNT(DISTINCT u.r_item), GROUPING(u.r_year) FROM ({union}) u "
                "WHERE u.r_item IS NOT NULL GROUP BY GROUPING SETS ((u.r_year), ())", params)
            for year, n, is_total in cursor.fetchall():
                if is_total:
                    total = n
                elif year is not None:
                    by_year[int(year)] = n
        else:
            cursor.execute(f"SELECT u.r_year, COUNT(DISTINCT u.r_item) FROM ({union}) u "
                           "WHERE u.r_item IS NOT NULL GROUP BY u.r_year", params)
            by_year = {int(year): n for year, n in cursor.fetchall() if year is not None}
            cursor.execute(f"SELECT COUNT(DISTINCT u.r_item) FROM ({union}) u WHERE u.r_item IS NOT NULL", params)
            total = cursor.fetchone()[0]
    return Series(by_year=by_year, total=total)


def ratio_series(numerator: Series, denominator: Series) -> Series:
    years = set(numerator.by_year) | set(denominator.by_year)
    return Series(
        by_year={y: Ratio(numerator.by_year.get(y) or 0, denominator.by_year.get(y) or 0) for y in years},
        total=Ratio(numerator.total or 0, denominator.total or 0),
    )
