"""Opportunities: the list (search, filters, sort, pages) and the page of one with its history."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from passerelle.core.permissions import member_required

from .. import selectors
from ..forms import OpportunityFilterForm
from .listing import paginate, query_without


@member_required
def opportunity_list(request: HttpRequest) -> HttpResponse:
    form = OpportunityFilterForm(request.GET or None)
    filters = form.filters() if request.GET else selectors.OpportunityFilters()
    page = paginate(request, selectors.opportunity_list(user=request.user, filters=filters))
    return render(request, "projects/opportunity_list.html", {
        "form": form, "page": page, "page_query": query_without(request, "page"),
    })


@member_required
def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Others' opportunities answer 404: their existence is not revealed."""
    opportunity = get_object_or_404(selectors.opportunity_detail_queryset(request.user), pk=pk)
    return render(request, "projects/opportunity_detail.html", {
        "opportunity": opportunity,
        "history": opportunity.status_changes.select_related("by"),
        "can_edit": selectors.can_edit_opportunity(request.user, opportunity),
    })
