"""Outcomes: the list, one outcome with its chain back to the event, recording, editing, deleting.
Coordinators handle every outcome; a member, the outcomes of the projects they take part in."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.pagination import paginate
from passerelle.core.permissions import member_required

from .. import rules, selectors, services
from ..forms import OutcomeFilterForm, OutcomeForm
from ..models import Outcome

DETAIL_RELATIONS = ["project__opportunity__origin_event", "project__opportunity__origin_meeting__slot",
                    "project__opportunity__origin_meeting__table",
                    "project__opportunity__origin_meeting__session__event", "organisation"]


def editable_outcome(request: HttpRequest, pk: int) -> Outcome:
    """The outcome if ``request.user`` may change it; 404 otherwise (its existence is not revealed)."""
    return get_object_or_404(Outcome.objects.filter(project__in=selectors.projects_of(request.user)), pk=pk)


@member_required
def outcome_list(request: HttpRequest) -> HttpResponse:
    form = OutcomeFilterForm(request.GET or None)
    outcomes = selectors.outcome_list(user=request.user, filters=form.filters())
    page = paginate(request, outcomes)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "reports/outcome_list.html", {
        "form": form, "page": page, "page_query": query.urlencode(),
        "can_add": selectors.projects_of(request.user).exists(),
    })


@member_required
def outcome_detail(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = get_object_or_404(selectors.outcomes_visible_to(request.user).select_related(*DETAIL_RELATIONS),
                                pk=pk)
    return render(request, "reports/outcome_detail.html", {
        "outcome": outcome, "chain": selectors.outcome_chain(outcome, request.user),
        "can_edit": rules.can_edit_outcome(request.user, outcome),
    })


def _form_page(request: HttpRequest, form: OutcomeForm, outcome: Outcome | None) -> HttpResponse:
    """The form of a new outcome (``outcome`` None) or of ``outcome``; a valid POST goes through the
    services, which check again (their refusals are shown like the form's own errors)."""
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if outcome is None:
                saved = services.outcome_create(actor=request.user, **fields)
                messages.success(request, _("The outcome was recorded."))
            else:
                saved = services.outcome_update(actor=request.user, outcome=Outcome.objects.get(pk=outcome.pk),
                                                **fields)
                messages.success(request, _("The outcome was saved."))
            return redirect(saved)
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "reports/outcome_form.html", {"form": form, "outcome": outcome})


@member_required
def outcome_create(request: HttpRequest) -> HttpResponse:
    if not selectors.projects_of(request.user).exists():
        raise PermissionDenied
    initial = {"project": request.GET.get("project")} if request.GET.get("project") else {}
    return _form_page(request, OutcomeForm(request.POST or None, user=request.user, initial=initial), None)


@member_required
def outcome_edit(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = editable_outcome(request, pk)
    return _form_page(request, OutcomeForm(request.POST or None, instance=outcome, user=request.user), outcome)


@member_required
def outcome_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page, then the deletion (recorded in the audit trail)."""
    outcome = editable_outcome(request, pk)
    if request.method == "POST":
        services.outcome_delete(actor=request.user, outcome=outcome)
        messages.success(request, _("The outcome was deleted."))
        return redirect("reports:outcomes")
    return render(request, "reports/outcome_delete.html", {"outcome": outcome})

