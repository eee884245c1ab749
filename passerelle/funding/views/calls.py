"""Programmes and calls: public pages (drafts for coordinators only) and coordinators' editing."""
from __future__ import annotations

from functools import partial

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.form_pages import edit_page, form_page
from passerelle.core.pagination import list_page
from passerelle.core.permissions import coordinator_required, public
from passerelle.core.rows import rows_from_formset
from passerelle.directory.selectors import is_coordinator

from .. import eligibility, selectors, services
from ..formatting import format_deadline
from ..forms import CallFilterForm, CallForm, CriterionFormSet, ProgrammeForm
from ..models import Call, Programme


@public
def programme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "funding/programme_list.html", {
        "programmes": selectors.programmes_visible_to(request.user),
        "is_coordinator": is_coordinator(request.user),
    })


@public
def programme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_object_or_404(selectors.programmes_visible_to(request.user), slug=slug)
    return render(request, "funding/programme_detail.html", {
        "programme": programme,
        "calls": selectors.calls_visible_to(request.user).filter(programme=programme),
        "is_coordinator": is_coordinator(request.user), "now": timezone.now(),
    })


@coordinator_required
def programme_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """A new programme (no ``slug``), or the programme ``slug``, edited."""
    programme = get_object_or_404(Programme, slug=slug) if slug else Programme()
    return edit_page(request, ProgrammeForm(request.POST or None, instance=programme), "funding/programme_form.html",
                     success=_("The programme has been saved."), update=services.programme_save, related=["funders"])


@public
def call_list(request: HttpRequest) -> HttpResponse:
    programmes = selectors.programmes_visible_to(request.user)
    return list_page(request, "funding/call_list.html", partial(CallFilterForm, programmes=programmes),
                     selectors.call_list, {"now": timezone.now(), "is_coordinator": is_coordinator(request.user)})


@public
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(selectors.calls_visible_to(request.user).prefetch_related("rules", "criteria"),
                             slug=slug)
    rules = [(rule, eligibility.RuleKind(rule.kind).label, rule.params) for rule in call.rules.all()]
    mine = selectors.applications_visible_to(request.user).filter(call=call).select_related("project") \
        if request.user.is_authenticated else []
    return render(request, "funding/call_detail.html", {
        "call": call, "rules": rules, "is_open": call.is_open(), "applications": mine,
        "is_coordinator": is_coordinator(request.user), "deadline": format_deadline(call),
    })


@coordinator_required
def call_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """A new call (no ``slug``; of the programme the query string names, if any), or the call ``slug``,
    edited with its review criteria."""
    if slug:
        call = get_object_or_404(Call, slug=slug)
    else:
        call = Call(programme=Programme.objects.filter(slug=request.GET.get("programme", "")).first())
    form = CallForm(request.POST or None, instance=call)
    criteria = CriterionFormSet(request.POST or None, instance=call, prefix="criteria")
    return form_page(request, form, "funding/call_form.html", {"criteria": criteria, "call": call},
                     formsets=[criteria], success=_("The call has been saved."),
                     save=lambda _data: services.call_save(
                         actor=request.user, call=form.save(commit=False), rules=form.rules(),
                         criteria=rows_from_formset(criteria, services.CRITERION_FIELDS)))
