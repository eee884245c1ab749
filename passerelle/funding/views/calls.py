"""Programmes and calls: public pages (drafts for coordinators only) and coordinators' editing."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.permissions import coordinator_required, public
from passerelle.directory.selectors import is_coordinator
from passerelle.projects.views.listing import paginate, query_without

from .. import eligibility, selectors, services
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


def _programme_form(request: HttpRequest, programme: Programme) -> HttpResponse:
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        programme = form.save()
        messages.success(request, _("The programme has been saved."))
        return redirect(programme)
    return render(request, "funding/programme_form.html", {"form": form, "programme": programme})


@coordinator_required
def programme_create(request: HttpRequest) -> HttpResponse:
    return _programme_form(request, Programme())


@coordinator_required
def programme_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _programme_form(request, get_object_or_404(Programme, slug=slug))


@public
def call_list(request: HttpRequest) -> HttpResponse:
    programmes = selectors.programmes_visible_to(request.user)
    form = CallFilterForm(request.GET or None, programmes=programmes)
    filters = form.filters() if request.GET else selectors.CallFilters()
    page = paginate(request, selectors.call_list(user=request.user, filters=filters))
    return render(request, "funding/call_list.html", {
        "form": form, "page": page, "page_query": query_without(request, "page"), "now": timezone.now(),
        "is_coordinator": is_coordinator(request.user),
    })


@public
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(selectors.calls_visible_to(request.user).prefetch_related("rules", "criteria"),
                             slug=slug)
    rules = [(rule, eligibility.RuleKind(rule.kind).label, rule.params) for rule in call.rules.all()]
    mine = selectors.applications_visible_to(request.user).filter(call=call).select_related("project") \
        if request.user.is_authenticated else []
    return render(request, "funding/call_detail.html", {
        "call": call, "rules": rules, "is_open": call.is_open(), "applications": mine,
        "is_coordinator": is_coordinator(request.user), "deadline": selectors.format_deadline(call),
    })


def _call_form(request: HttpRequest, call: Call) -> HttpResponse:
    form = CallForm(request.POST or None, instance=call)
    criteria = CriterionFormSet(request.POST or None, instance=call, prefix="criteria")
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        try:
            call = services.call_save(actor=request.user, call=form.save(commit=False), rules=form.rules(),
                                      criteria_formset=criteria)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The call has been saved."))
            return redirect(call)
    return render(request, "funding/call_form.html", {"form": form, "criteria": criteria, "call": call})


@coordinator_required
def call_create(request: HttpRequest) -> HttpResponse:
    programme = Programme.objects.filter(slug=request.GET.get("programme", "")).first()
    return _call_form(request, Call(programme=programme) if programme else Call())


@coordinator_required
def call_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _call_form(request, get_object_or_404(Call, slug=slug))
