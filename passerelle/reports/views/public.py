"""Public figures: aggregates only (counts, rates, sums), never a name."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passerelle.core.permissions import public

from ..forms import PublicFilterForm, filters_from
from ..tables import indicator_table


@public
def figures(request: HttpRequest) -> HttpResponse:
    form, filters = filters_from(request.GET, PublicFilterForm)
    return render(request, "reports/public.html", {
        "form": form, "table": indicator_table(filters, public_only=True),
    })
