"""Kept figures: a series over all years gives the series of any period, and survives JSON."""
from __future__ import annotations

import statistics
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from passerelle.reports.figures import decode_series, encode_series, is_standing
from passerelle.reports.indicators import Ratio, ReportFilters, Series

YEARS = st.integers(min_value=2016, max_value=2027)
PERIODS = st.tuples(st.none() | YEARS, st.none() | YEARS)


def inside(year: int, year_from: int | None, year_to: int | None) -> bool:
    return (year_from is None or year >= year_from) and (year_to is None or year <= year_to)


@given(items=st.lists(st.frozensets(YEARS, min_size=1), max_size=40), period=PERIODS)
def test_a_distinct_count_over_a_period_counts_each_item_once(items, period):
    year_sets: dict[tuple[int, ...], int] = {}
    for years in items:
        key = tuple(sorted(years))
        year_sets[key] = year_sets.get(key, 0) + 1
    by_year = {year: sum(1 for years in items if year in years) for years in items for year in years}
    series = Series(by_year=by_year, total=len(items), year_sets=year_sets).within(*period)

    active = [years for years in items if any(inside(year, *period) for year in years)]
    assert series.total == len(active)
    assert series.by_year == {year: n for year, n in by_year.items() if inside(year, *period)}


@given(samples=st.dictionaries(YEARS, st.lists(st.integers(0, 3000), min_size=1, max_size=6)), period=PERIODS)
def test_a_median_over_a_period_is_the_median_of_its_years(samples, period):
    every = [value for values in samples.values() for value in values]
    series = Series(by_year={y: round(statistics.median(v)) for y, v in samples.items()},
                    total=round(statistics.median(every)) if every else None, samples=samples)
    kept = [value for year, values in samples.items() if inside(year, *period) for value in values]
    assert series.within(*period).total == (round(statistics.median(kept)) if kept else None)


@given(counts=st.dictionaries(YEARS, st.integers(0, 500)), period=PERIODS)
def test_an_additive_count_over_a_period_is_the_sum_of_its_years(counts, period):
    series = Series(by_year=counts, total=sum(counts.values())).within(*period)
    assert series.total == sum(n for year, n in counts.items() if inside(year, *period))


def test_ratios_and_amounts_per_currency_add_up_part_by_part():
    rates = Series(by_year={2020: Ratio(1, 2), 2021: Ratio(3, 4), 2022: Ratio(0, 1)}, total=Ratio(4, 7))
    assert rates.within(2021, 2022).total == Ratio(3, 5)
    assert rates.within(2030, None).total == Ratio(0, 0)
    money = Series(by_year={2020: {"EUR": Decimal("10.50")}, 2021: {"EUR": Decimal("1"), "CAD": Decimal("7")}},
                   total={"EUR": Decimal("11.50"), "CAD": Decimal("7")})
    assert money.within(2020, 2021).total == {"EUR": Decimal("11.50"), "CAD": Decimal("7")}
    assert money.within(2021, None).total == {"EUR": Decimal("1"), "CAD": Decimal("7")}
    assert money.within(None, 2019).total == {}
    assert Series(by_year={}, total=0).within(2020, 2020).total == 0


def test_series_survive_their_json_form():
    series = [
        Series(by_year={2020: 3, 2021: 4}, total=6, year_sets={(2020,): 2, (2020, 2021): 1, (2021,): 3}),
        Series(by_year={2020: Ratio(1, 2)}, total=Ratio(1, 2)),
        Series(by_year={2020: {"EUR": Decimal("1.25"), "CAD": Decimal("0")}}, total={"EUR": Decimal("1.25")}),
        Series(by_year={2021: 120}, total=120, samples={2021: [100, 120, 300]}),
        Series(by_year={}, total=None),
    ]
    for one in series:
        assert decode_series(encode_series(one)) == one


def test_standing_sets_are_a_territory_and_a_period_only():
    assert is_standing(ReportFilters())
    assert is_standing(ReportFilters(year_from=2019, year_to=2021, territory="QC"))
    assert not is_standing(ReportFilters(event=3))
    assert not is_standing(ReportFilters(category="5"))
    assert not is_standing(ReportFilters(site=7, territory="QC"))


def test_the_refresh_command_keeps_every_standing_set(pipeline, settings):
    from io import StringIO

    from django.core.management import call_command

    from passerelle.reports.figures import Figures
    from passerelle.reports.indicators import all_indicators, indicator
    from passerelle.reports.models import FigureSet

    out = StringIO()
    call_command("reports_refresh", stdout=out)
    assert "4 sets of figures recomputed" in out.getvalue()
    kept = FigureSet.objects.get(territory="QC")
    assert set(kept.series) == {i.key for i in all_indicators()}
    participants = indicator("participants")
    assert decode_series(kept.series["participants"]) == participants.compute(ReportFilters(territory="QC"))
    settings.REPORTS_REFRESH_SECONDS = 600
    figures = Figures(ReportFilters(territory="QC", year_from=2020, year_to=2020))
    assert figures.computed_at == kept.computed_at  # read from the kept set
    assert figures.series(participants).total == participants.compute(
        ReportFilters(territory="QC", year_from=2020, year_to=2020)).total
