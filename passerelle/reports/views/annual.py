"""Annual reports: one page per year with the figures, the trend, each side, and the highlights,
laid out for printing (the browser's "Save as PDF" makes the file for funders)."""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from passerelle.core.permissions import coordinator_required

from .. import charts
from ..forms import EARLIEST_YEAR
from ..highlights import year_highlights
from ..indicators import ReportFilters
from ..tables import first_year, indicator_table, territory_comparison

HEADLINE = ("events", "participants", "meetings_held", "projects_born", "outcomes")


def report_years() -> list[int]:
    return list(range(timezone.localdate().year, first_year() - 1, -1))


@coordinator_required
def annual_index(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/annual_index.html", {"years": report_years()})


@coordinator_required
def annual_report(request: HttpRequest, year: int) -> HttpResponse:
    if not EARLIEST_YEAR <= year <= timezone.localdate().year:
        raise Http404
    table = indicator_table(ReportFilters(year_from=year - 1, year_to=year))
    trend = indicator_table(ReportFilters(year_to=year))
    this_year = indicator_table(ReportFilters(year_from=year, year_to=year))
    headline = [(row, row.cells[-1], row.cells[0]) for row in table.rows if row.indicator.key in HEADLINE]
    return render(request, "reports/annual_report.html", {
        "year": year, "table": table, "headline": headline,
        "comparison": territory_comparison(this_year),
        "charts": charts.chart_data(trend), "highlights": year_highlights(year),
    })
