"""Coordinators' pages: create and edit events, move their status, edit the programme and delegations."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.form_pages import StatusForm, form_page, status_page
from passerelle.core.permissions import coordinator_required
from passerelle.core.rows import rows_from_formset

from .. import services
from ..forms import DelegationForm, EventForm, PlaceFormSet, ProgrammeItemForm
from ..models import Delegation, Event, ProgrammeItem


def _event_form(request: HttpRequest, event: Event) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    places = PlaceFormSet(request.POST or None, instance=event, prefix="places")
    return form_page(request, form, "events/event_form.html", {"places": places, "event": event},
                     formsets=[places], success=_("The event has been saved."),
                     save=lambda data: services.event_save(
                         actor=request.user, event=form.save(commit=False),
                         places=rows_from_formset(places, services.PLACE_FIELDS),
                         categories=data["categories"], sites=data["sites"], organisers=data["organisers"]))


@coordinator_required
def event_create(request: HttpRequest) -> HttpResponse:
    return _event_form(request, Event())


@coordinator_required
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _event_form(request, get_object_or_404(Event, slug=slug))


@coordinator_required
def event_status(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return status_page(request, event, StatusForm(request.POST or None, obj=event), "events/event_status.html",
                       move=lambda data: services.event_set_status(actor=request.user, event=event,
                                                                   to_status=data["to_status"]))


def _item_form(request: HttpRequest, event: Event, item: ProgrammeItem) -> HttpResponse:
    form = ProgrammeItemForm(request.POST or None, instance=item, event=event)
    return form_page(request, form, "events/item_form.html", {"event": event, "item": item},
                     success=_("The programme item has been saved."), to=event,
                     save=lambda data: services.programme_item_save(actor=request.user, item=form.instance,
                                                                    speakers=data["speakers"]))


@coordinator_required
def item_create(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return _item_form(request, event, ProgrammeItem(event=event))


@coordinator_required
def item_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return _item_form(request, event, get_object_or_404(event.items, pk=pk))


@coordinator_required
def item_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    item = get_object_or_404(event.items, pk=pk)
    if request.method == "POST":
        try:
            services.programme_item_cancel(actor=request.user, item=item)
            messages.success(request, _("The item is cancelled; calendars will show it as cancelled."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(event)
    return render(request, "events/item_cancel.html", {"event": event, "item": item})


def _delegation_form(request: HttpRequest, event: Event, delegation: Delegation) -> HttpResponse:
    form = DelegationForm(request.POST or None, instance=delegation, event=event)
    return form_page(request, form, "events/delegation_form.html", {"event": event, "delegation": delegation},
                     success=_("The delegation has been saved."), to=event,
                     save=lambda data: services.delegation_save(actor=request.user, delegation=form.save(commit=False),
                                                                members=data["members"]))


@coordinator_required
def delegation_create(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return _delegation_form(request, event, Delegation(event=event))


@coordinator_required
def delegation_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return _delegation_form(request, event, get_object_or_404(event.delegations, pk=pk))
