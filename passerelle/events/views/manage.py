"""Coordinators' pages: create and edit events, move their status, edit the programme and delegations."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.permissions import coordinator_required
from passerelle.core.rows import rows_from_formset

from .. import services
from ..forms import DelegationForm, EventForm, PlaceFormSet, ProgrammeItemForm, StatusForm
from ..models import Delegation, Event, ProgrammeItem


def _event_form(request: HttpRequest, event: Event) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    places = PlaceFormSet(request.POST or None, instance=event, prefix="places")
    if request.method == "POST" and form.is_valid() and places.is_valid():
        try:
            event = services.event_save(
                actor=request.user, event=form.save(commit=False),
                places=rows_from_formset(places, services.PLACE_FIELDS),
                categories=form.cleaned_data["categories"], sites=form.cleaned_data["sites"],
                organisers=form.cleaned_data["organisers"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The event has been saved."))
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "places": places, "event": event})


@coordinator_required
def event_create(request: HttpRequest) -> HttpResponse:
    return _event_form(request, Event())


@coordinator_required
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _event_form(request, get_object_or_404(Event, slug=slug))


@coordinator_required
def event_status(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    form = StatusForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_set_status(actor=request.user, event=event, to_status=form.cleaned_data["to_status"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The status is now “%(status)s”.") % {"status": event.get_status_display()})
            return redirect(event)
    history = event.status_changes.select_related("by")
    return render(request, "events/event_status.html", {"event": event, "form": form, "history": history})


def _item_form(request: HttpRequest, event: Event, item: ProgrammeItem) -> HttpResponse:
    form = ProgrammeItemForm(request.POST or None, instance=item, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_item_save(actor=request.user, item=form.instance,
                                         speakers=form.cleaned_data["speakers"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The programme item has been saved."))
            return redirect(event)
    return render(request, "events/item_form.html", {"form": form, "event": event, "item": item})


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
    if request.method == "POST" and form.is_valid():
        try:
            services.delegation_save(actor=request.user, delegation=form.save(commit=False),
                                     members=form.cleaned_data["members"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The delegation has been saved."))
            return redirect(event)
    return render(request, "events/delegation_form.html", {"form": form, "event": event, "delegation": delegation})


@coordinator_required
def delegation_create(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return _delegation_form(request, event, Delegation(event=event))


@coordinator_required
def delegation_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return _delegation_form(request, event, get_object_or_404(event.delegations, pk=pk))
