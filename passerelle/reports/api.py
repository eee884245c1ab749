"""``GET /api/indicators``: the dashboard's figures as JSON, from the same table.

Coordinators get every indicator; everyone else the public ones (those of the public figures
page). ``year`` picks one year (else ``year_from``/``year_to``, else all years); ``territory``,
``event``, ``category`` and ``site`` filter as on the dashboard.
"""
from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from passerelle.core.api import form_errors
from passerelle.directory.selectors import is_coordinator

from .forms import ReportFilterForm
from .indicators import Ratio
from .tables import IndicatorTable, indicator_table
from .values import plain_value

PARAMETERS = [
    OpenApiParameter("year", OpenApiTypes.INT, description="One calendar year (Lyon time)."),
    OpenApiParameter("year_from", OpenApiTypes.INT, description="First year of the period."),
    OpenApiParameter("year_to", OpenApiTypes.INT, description="Last year of the period."),
    OpenApiParameter("territory", OpenApiTypes.STR, enum=["AURA", "QC", "OTHER"]),
    OpenApiParameter("event", OpenApiTypes.INT, description="Id of an event that took place."),
    OpenApiParameter("category", OpenApiTypes.STR, description="ICRP CSO code, e.g. 5 or 5.3."),
    OpenApiParameter("site", OpenApiTypes.INT, description="ICRP cancer site code, e.g. 7 (breast)."),
]


def table_json(table: IndicatorTable) -> dict:
    filters = table.filters
    rows = []
    for row in table.rows:
        entry = {
            "key": row.key, "indicator": row.indicator.key, "part": row.part, "label": row.label,
            "definition": row.definition, "unit": row.unit,
            "values": {str(year): plain_value(row.unit, value) for year, value in row.year_cells},
            "total": plain_value(row.unit, row.total),
        }
        if row.unit == "rate":
            entry["ratios"] = {str(year): _ratio(value) for year, value in row.year_cells}
            entry["total_ratio"] = _ratio(row.total)
        rows.append(entry)
    return {
        "filters": {"year_from": filters.year_from, "year_to": filters.year_to, "territory": filters.territory,
                    "event": filters.event, "category": filters.category, "site": filters.site},
        "years": table.years,
        "computed_at": table.computed_at.isoformat() if table.computed_at else None,
        "indicators": rows,
    }


def _ratio(value) -> list[int] | None:
    return [value.numerator, value.denominator] if isinstance(value, Ratio) else None


class IndicatorsAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(summary="Indicators by year (and over the period), with their definitions",
                   parameters=PARAMETERS, responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        params = request.query_params.copy()
        year = params.pop("year", [None])[-1]
        if year:
            params["year_from"] = params["year_to"] = year
        form = ReportFilterForm(params)
        if not form.is_valid():
            raise form_errors(form)
        table = indicator_table(form.filters(), public_only=not is_coordinator(request.user))
        return Response(table_json(table))
