"""The coordinators' dashboard and its exports: the same filters, the same table."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from passerelle.core.permissions import coordinator_required

from .. import charts, exports, figures, selectors
from ..forms import filters_from
from ..tables import indicator_table, territory_comparison

COMPARED = ("events", "participants", "people_active", "organisations_active", "delegations")


@coordinator_required
def dashboard(request: HttpRequest) -> HttpResponse:
    form, filters = filters_from(request.GET)
    table = indicator_table(filters, user=request.user)
    comparison = territory_comparison(table, user=request.user)
    return render(request, "reports/dashboard.html", {
        "form": form, "table": table, "comparison": comparison,
        "charts": [*charts.chart_data(table), charts.comparison_chart(comparison, COMPARED)],
        "query": request.GET.urlencode(),
        "refresh_minutes": figures.refresh_seconds() // 60,
        "refreshing": figures.refresh_pending(), "can_refresh": True,
        "proposals_waiting": selectors.proposal_list().count(),
    })


@coordinator_required
@require_POST
def refresh(request: HttpRequest) -> HttpResponse:
    """Recompute the kept figures now, in the background; the job's page follows its progress."""
    return redirect(figures.start_refresh(request.user))


@coordinator_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The dashboard's tables: XLSX holds both sheets; CSV the by-year table, or with
    ``table=territories`` the comparison."""
    _form, filters = filters_from(request.GET)
    table = indicator_table(filters, user=request.user)
    comparison = territory_comparison(table, user=request.user)
    if fmt == "xlsx":
        body, name = exports.table_book(table, comparison), "indicators.xlsx"
    elif request.GET.get("table") == "territories":
        body, name = exports.render(exports.comparison_dataset(comparison), "csv"), "indicators-territories.csv"
    else:
        body, name = exports.render(exports.table_dataset(table), "csv"), "indicators.csv"
    response = HttpResponse(body, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
