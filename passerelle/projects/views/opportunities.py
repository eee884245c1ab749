"""Opportunities: the list (search, filters, sort, pages), one with its history, recording and
editing one, moving its status (dropping needs a reason) and turning it into a joint project."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from passerelle.core.form_pages import edit_page, form_page, status_page
from passerelle.core.pagination import list_view
from passerelle.core.permissions import editable_or_404, member_required

from .. import rules, selectors, services
from ..forms import OpportunityFilterForm, OpportunityForm, OpportunityStatusForm, ProjectFromOpportunityForm
from ..models import Opportunity

opportunity_list = list_view("projects/opportunity_list.html", OpportunityFilterForm, selectors.opportunity_list,
                             member_required)


@member_required
def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Others' opportunities answer 404: their existence is not revealed."""
    opportunity = get_object_or_404(selectors.opportunity_detail_queryset(request.user), pk=pk)
    return render(request, "projects/opportunity_detail.html", {
        "opportunity": opportunity,
        "history": opportunity.status_changes.select_related("by"),
        "can_edit": rules.can_edit_opportunity(request.user, opportunity),
        "projects": selectors.projects_visible_to(request.user).filter(opportunity=opportunity),
    })


@member_required
def opportunity_create(request: HttpRequest) -> HttpResponse:
    initial = {"owner": request.user.pk}
    person = getattr(request.user, "person", None)
    if person is not None:
        initial["people"] = [person.pk]
    form = OpportunityForm(request.POST or None, initial=initial, user=request.user)
    return form_page(request, form, "projects/opportunity_form.html", {"opportunity": None},
                     success=_("The opportunity has been recorded."),
                     save=lambda data: services.opportunity_create(
                         actor=request.user, title=data["title"], description=data["description"],
                         people=data["people"], organisations=data["organisations"] or None,
                         categories=data["categories"], sites=data["sites"], origin_kind=data["origin_kind"],
                         origin_event=data["origin_event"], origin_note=data["origin_note"],
                         next_step=data["next_step"], next_step_due=data["next_step_due"], owner=data["owner"]))


def editable_opportunity(request: HttpRequest, pk: int) -> Opportunity:
    return editable_or_404(request.user, selectors.opportunity_detail_queryset(request.user), pk,
                           rules.can_edit_opportunity)


@member_required
def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = editable_opportunity(request, pk)
    return edit_page(request, OpportunityForm(request.POST or None, instance=opportunity, user=request.user),
                     "projects/opportunity_form.html", success=_("The opportunity has been saved."),
                     update=services.opportunity_update, related=("people", "organisations", "categories", "sites"))


@member_required
def opportunity_status(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = editable_opportunity(request, pk)
    return status_page(request, opportunity, OpportunityStatusForm(request.POST or None, obj=opportunity),
                       "projects/opportunity_status.html",
                       move=lambda data: services.opportunity_set_status(
                           actor=request.user, opportunity=opportunity, to_status=data["to_status"],
                           reason=data["reason"]))


@member_required
def opportunity_make_project(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page (titles to adjust), then the draft project with the opportunity's people."""
    opportunity = editable_opportunity(request, pk)
    form = ProjectFromOpportunityForm(request.POST or None, initial={
        "title_fr": opportunity.title, "summary_fr": opportunity.description})
    # the partners are worked out only when the page is shown (the template calls the function)
    return form_page(request, form, "projects/opportunity_make_project.html", {
        "opportunity": opportunity, "partners": lambda: services.partners_from_opportunity(opportunity)},
        success=_("The joint project is created as a draft: check its partners."),
        save=lambda data: services.project_create_from_opportunity(actor=request.user, opportunity=opportunity,
                                                                   **data))
