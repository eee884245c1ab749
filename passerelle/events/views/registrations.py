"""Registrations: a member registers or cancels, coordinators list, export, register others and
print badges; every member has an agenda (web and iCalendar)."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.exports import download
from passerelle.core.permissions import coordinator_required, member_required
from passerelle.directory.selectors import is_coordinator

from .. import exports, ics, selectors, services
from ..enums import RegistrationStatus
from ..forms import CoordinatorRegistrationForm, LogisticsForm, RegistrationFilterForm, SelfRegistrationForm
from ..models import Event, Registration
from .public import visible_event


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _announce(request: HttpRequest, registration: Registration) -> None:
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(request, _("The registration is confirmed; a confirmation e-mail is on its way."))
    else:
        messages.warning(request, _("The event is full: the registration is on the waiting list."))


@member_required
def register(request: HttpRequest, slug: str) -> HttpResponse:
    """A member registers themself; their directory profile is required."""
    event = visible_event(request, slug)
    person = selectors.person_of(request.user)
    current = selectors.registration_of(event=event, person=person)
    form = SelfRegistrationForm(request.POST or None)
    if request.method == "POST" and person is not None and form.is_valid():
        try:
            registration = services.registration_register(
                actor=request.user, event=event, person=person, role=form.cleaned_data["role"],
                consent_to_list=form.cleaned_data["consent_to_list"], base_url=base_url(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _announce(request, registration)
            return redirect(event)
    active = current if current and current.is_active else None
    return render(request, "events/register.html", {
        "event": event, "form": form, "person": person, "current": active,
        "logistics_form": LogisticsForm(instance=active) if active else None,
        "registration_open": event.registration_is_open(),
    })


@member_required
def registration_logistics(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The registrant or a coordinator gives the travel and stay details of a registration."""
    event = visible_event(request, slug)
    registration = get_object_or_404(event.registrations.select_related("person", "event"), pk=pk)
    coordinator = is_coordinator(request.user)
    if not coordinator and registration.person.user_id != request.user.pk:
        raise Http404
    form = LogisticsForm(request.POST or None, instance=registration)
    if request.method == "POST" and form.is_valid():
        services.registration_set_logistics(actor=request.user, registration=registration,
                                            **{name: form.cleaned_data[name] for name in services.LOGISTICS_FIELDS})
        messages.success(request, _("Your travel details are saved."))
        return redirect("events:registrations", slug=event.slug) if coordinator else redirect(
            "events:register", slug=event.slug)
    return render(request, "events/registration_logistics.html", {"event": event, "registration": registration,
                                                                   "form": form})


@member_required
def registration_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The registrant or a coordinator cancels; the next person waiting gets the seat."""
    event = visible_event(request, slug)
    registration = get_object_or_404(event.registrations.select_related("person"), pk=pk)
    coordinator = is_coordinator(request.user)
    if not coordinator and registration.person.user_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        try:
            services.registration_cancel(actor=request.user, registration=registration, base_url=base_url(request))
            messages.success(request, _("The registration is cancelled."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("events:registrations", slug=event.slug) if coordinator else redirect("events:agenda")
    return render(request, "events/registration_cancel.html", {"event": event, "registration": registration})


def _filtered(request: HttpRequest, event: Event):
    form = RegistrationFilterForm(request.GET or None)
    filters = form.filters() if request.GET else selectors.RegistrationFilters()
    return form, selectors.registration_list(event=event, filters=filters)


@coordinator_required
def registration_list(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    form, registrations = _filtered(request, event)
    return render(request, "events/registration_list.html", {
        "event": event, "form": form, "registrations": registrations,
        "export_query": request.GET.urlencode(),
    })


@coordinator_required
def registration_add(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    form = CoordinatorRegistrationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_register(
                actor=request.user, event=event, person=form.cleaned_data["person"], role=form.cleaned_data["role"],
                consent_to_list=form.cleaned_data["consent_to_list"], by_coordinator=True,
                base_url=base_url(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _announce(request, registration)
            return redirect("events:registrations", slug=event.slug)
    return render(request, "events/registration_add.html", {"event": event, "form": form})


@coordinator_required
def registration_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    _form, registrations = _filtered(request, event)
    delegations = {person.pk: d.name for d in selectors.delegations_of(event, request.user)
                   for person in d.members.all()}
    dataset = exports.registrations_dataset(registrations.select_related("event"), delegations)
    return download(dataset, fmt, f"{event.slug}-registrations")


@coordinator_required
def badges(request: HttpRequest, slug: str) -> HttpResponse:
    """Printable badges of the confirmed participants: name, organisation, territory."""
    event = get_object_or_404(Event, slug=slug)
    registrations = selectors.registration_list(
        event=event, filters=selectors.RegistrationFilters(status=RegistrationStatus.CONFIRMED),
    ).order_by("person__last_name", "person__first_name")
    return render(request, "events/badges.html", {"event": event, "registrations": registrations})


@member_required
def agenda(request: HttpRequest) -> HttpResponse:
    return render(request, "events/agenda.html", {
        "registrations": selectors.my_registrations(request.user),
        "has_profile": selectors.person_of(request.user) is not None,
    })


@member_required
def agenda_ics(request: HttpRequest) -> HttpResponse:
    """The member's calendar: the programme of every event they hold a seat at."""
    registrations = selectors.my_registrations(request.user).filter(status=RegistrationStatus.CONFIRMED)
    programmes = [(r.event, selectors.items_attended_by(r.event, r.person, request.user),
                   request.build_absolute_uri(r.event.get_absolute_url()))
                  for r in registrations.select_related("person")]
    response = HttpResponse(ics.personal_calendar(_("My agenda — Passerelle"), programmes),
                            content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="passerelle-agenda.ics"'
    return response
