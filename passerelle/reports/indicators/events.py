"""Indicators of events: events accompanied, participations, participants, delegations, visits.

Every one starts from :func:`accompanied_events`: the events that took place (neither draft nor
cancelled, started already) in the period, of the chosen event, on the chosen theme.
"""
from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.events.enums import EventStatus, ItemKind, ItemStatus, RegistrationStatus
from passerelle.events.models import Delegation, Event, Place, ProgrammeItem, Registration

from .base import Indicator, ReportFilters, Series, count_series, indicator_group

TOOK_PLACE = (EventStatus.PUBLISHED, EventStatus.REGISTRATION_OPEN, EventStatus.CLOSED, EventStatus.HELD)


def event_theme_q(filters: ReportFilters, prefix: str = "") -> Q:
    """Events whose own theme holds the chosen category (or a sub-category) and site."""
    q = Q()
    if filters.category:
        tagged = Event.categories.through.objects.filter(filters.category_q("csocategory__code"))
        q &= Q(**{f"{prefix}pk__in": tagged.values("event_id")})
    if filters.site:
        tagged = Event.sites.through.objects.filter(cancersite__icrp_code=filters.site)
        q &= Q(**{f"{prefix}pk__in": tagged.values("event_id")})
    return q


def accompanied_events(filters: ReportFilters) -> QuerySet[Event]:
    """Events that took place in the period (territory not applied: each indicator has its own)."""
    events = Event.objects.filter(filters.period("start"), status__in=TOOK_PLACE, start__lte=timezone.now())
    if filters.event:
        events = events.filter(pk=filters.event)
    return events.filter(event_theme_q(filters))


def events_accompanied(filters: ReportFilters) -> Series:
    events = accompanied_events(filters)
    if filters.territory:
        events = events.filter(pk__in=Place.objects.filter(territory=filters.territory).values("event_id"))
    return count_series(events, "start")


def confirmed_registrations(filters: ReportFilters) -> QuerySet[Registration]:
    registrations = Registration.objects.filter(status=RegistrationStatus.CONFIRMED,
                                                event__in=accompanied_events(filters))
    if filters.territory:
        registrations = registrations.filter(person__territory=filters.territory)
    return registrations


def participations(filters: ReportFilters) -> Series:
    return count_series(confirmed_registrations(filters), "event__start")


def participants(filters: ReportFilters) -> Series:
    return count_series(confirmed_registrations(filters), "event__start", distinct="person_id")


def delegations(filters: ReportFilters) -> Series:
    found = Delegation.objects.filter(event__in=accompanied_events(filters))
    if filters.territory:
        found = found.filter(origin=filters.territory)
    return count_series(found, "event__start")


def delegates(filters: ReportFilters) -> Series:
    members = Delegation.members.through.objects.filter(delegation__event__in=accompanied_events(filters))
    if filters.territory:
        members = members.filter(person__territory=filters.territory)
    return count_series(members, "delegation__event__start")


def site_visits(filters: ReportFilters) -> Series:
    visits = ProgrammeItem.objects.filter(kind=ItemKind.VISIT, status=ItemStatus.SCHEDULED,
                                          event__in=accompanied_events(filters))
    if filters.territory:
        visits = visits.filter(visited_organisation__territory=filters.territory)
    return count_series(visits, "start")


INDICATORS = indicator_group("events", [
    Indicator("events", events_accompanied, public=True, label=_("Events accompanied"), definition=_(
        "Events that took place in the year (neither draft nor cancelled, already started). "
        "With a territory: held there (one of their places is "
        "in it); online events count in all territories only. "
        "With a category or site: events whose theme includes it.")),
    Indicator("participations", participations, public=True, label=_("Participations"), definition=_(
        "Confirmed registrations to the events accompanied (one person at two events counts twice). "
        "With a territory: people of that territory.")),
    Indicator("participants", participants, public=True, label=_("Participants"), definition=_(
        "Different people with a confirmed registration to an event accompanied "
        "in the year (each counted once per year, and once over the period).")),
    Indicator("delegations", delegations, public=True, label=_("Delegations"), definition=_(
        "Delegations received or sent at the events accompanied. "
        "With a territory: delegations coming from it.")),
    Indicator("delegates", delegates, label=_("Delegation members"), definition=_(
        "Places in delegations (one person in two delegations counts twice). "
        "With a territory: members from it.")),
    Indicator("site_visits", site_visits, public=True, label=_("Site visits"), definition=_(
        "Visits of organisations in the programmes of the events accompanied (cancelled items excluded). "
        "With a territory: organisations visited there.")),
])
