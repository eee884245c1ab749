"""What the dashboard draws: chart specifications filled from an indicator table, given to the
browser as JSON (``json_script``) and drawn by ``static/js/reports.js`` with Chart.js. The table
under each chart holds the same numbers, so nothing is lost without JavaScript."""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .tables import IndicatorTable, TerritoryComparison
from .values import plain_value


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    kind: str  # "bar" or "line"
    rows: tuple[str, ...]  # indicator keys; a broken-down indicator brings all its parts


CHARTS = [
    ChartSpec("events", _("Events, delegations and visits"), "bar", ("events", "delegations", "site_visits")),
    ChartSpec("people", _("People and organisations"), "line",
              ("participants", "people_active", "organisations_active")),
    ChartSpec("meetings", _("Bilateral meetings"), "bar",
              ("meeting_requests", "meetings_held", "cross_border_meetings")),
    ChartSpec("pipeline", _("From ideas to funded projects"), "bar",
              ("opportunities", "projects_born", "applications")),
    ChartSpec("money", _("Money granted and raised (per currency)"), "line", ("money_granted", "follow_on_funding")),
    ChartSpec("outcomes", _("Outcomes by kind"), "bar", ("outcomes_by_kind",)),
    ChartSpec("publications", _("Co-publications across the border"), "bar", ("copublications",)),
]


def chart_data(table: IndicatorTable) -> list[dict]:
    charts = []
    for spec in CHARTS:
        rows = [row for row in table.rows if row.indicator.key in spec.rows]
        if not rows:
            continue
        charts.append({
            "key": spec.key, "title": str(spec.title), "kind": spec.kind,
            "labels": [str(y) for y in table.years],
            "datasets": [{"label": row.label, "data": [plain_value(row.unit, c) for c in row.cells]}
                         for row in rows],
        })
    return charts


def comparison_chart(comparison: TerritoryComparison, keys: tuple[str, ...]) -> dict:
    """Totals of a few indicators per territory (the "all" column left out)."""
    territories = comparison.territories[:-1]
    return {
        "key": "territories", "title": str(_("Each side over the period")), "kind": "bar",
        "labels": [str(row.label) for row, _totals in comparison.rows if row.indicator.key in keys],
        "datasets": [
            {"label": label, "territory": code,
             "data": [plain_value(row.unit, totals[index]) for row, totals in comparison.rows
                      if row.indicator.key in keys]}
            for index, (code, label) in enumerate(territories)
        ],
    }
