"""Coordinators' pages: create and edit events, move their status, edit the programme and delegations."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from passerelle.core.form_pages import StatusForm, confirm_page, form_page, status_page
from passerelle.core.permissions import coordinator_required
from passerelle.core.rows import rows_from_formset

from .. import services
from ..forms import DelegationForm, EventForm, PlaceFormSet, ProgrammeItemForm
from ..models import Event


@coordinator_required
def event_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """A new event (no ``slug``), or the event ``slug``, edited with its places."""
    event = get_object_or_404(Event, slug=slug) if slug else Event()
    form = EventForm(request.POST or None, instance=event)
    places = PlaceFormSet(request.POST or None, instance=event, prefix="places")
    return form_page(request, form, "events/event_form.html", {"places": places, "event": event},
                     formsets=[places], success=_("The event has been saved."),
                     save=lambda data: services.event_save(
                         actor=request.user, event=form.save(commit=False),
                         places=rows_from_formset(places, services.PLACE_FIELDS),
                         categories=data["categories"], sites=data["sites"], organisers=data["organisers"]))


@coordinator_required
def event_status(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return status_page(request, event, StatusForm(request.POST or None, obj=event), "events/event_status.html",
                       move=lambda data: services.event_set_status(actor=request.user, event=event,
                                                                   to_status=data["to_status"]))


def _part_page(request: HttpRequest, slug: str, pk: int | None, parts: str, name: str, form_class: type[ModelForm],
               *, success: str, save: Callable[[ModelForm, dict], Any]) -> HttpResponse:
    """The form page of a part of the event ``slug`` (``parts``: its programme items, its delegations):
    a new one when no ``pk``, else its part ``pk``. The template ``events/<name>_form.html`` gets the
    event and the part as ``name``; ``save(form, cleaned_data)`` calls the service, then back to the event."""
    event = get_object_or_404(Event, slug=slug)
    related = getattr(event, parts)
    part = get_object_or_404(related, pk=pk) if pk else related.model(event=event)
    form = form_class(request.POST or None, instance=part, event=event)
    return form_page(request, form, f"events/{name}_form.html", {"event": event, name: part}, success=success,
                     to=event, save=lambda data: save(form, data))


@coordinator_required
def item_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    return _part_page(request, slug, pk, "items", "item", ProgrammeItemForm,
                      success=_("The programme item has been saved."),
                      save=lambda form, data: services.programme_item_save(actor=request.user, item=form.instance,
                                                                           speakers=data["speakers"]))


@coordinator_required
def item_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    item = get_object_or_404(event.items, pk=pk)
    return confirm_page(request, "events/item_cancel.html", {"event": event, "item": item},
                        do=lambda: services.programme_item_cancel(actor=request.user, item=item),
                        success=_("The item is cancelled; calendars will show it as cancelled."), to=event)


@coordinator_required
def delegation_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    return _part_page(request, slug, pk, "delegations", "delegation", DelegationForm,
                      success=_("The delegation has been saved."),
                      save=lambda form, data: services.delegation_save(
                          actor=request.user, delegation=form.save(commit=False), members=data["members"]))
