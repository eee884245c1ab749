"""Factories of the events app: real rows, dates in UTC, an event open for registration by default."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import factory
from django.utils import timezone

from passerelle.core.enums import TimeZone
from passerelle.events.enums import EventKind, EventStatus, ItemKind, RegistrationRole
from passerelle.events.models import Delegation, Event, Place, ProgrammeItem, Registration
from tests.factories import PersonFactory, numbered


def in_days(days: float, hour: int = 9) -> datetime:
    moment = timezone.now() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = EventKind.ANNUAL_MEETING
    slug, title_fr, title_en = numbered("evenement-{n}", "Entretiens {n}", "Meeting {n}")
    start = factory.LazyFunction(lambda: in_days(30, 7))
    end = factory.LazyAttribute(lambda e: e.start + timedelta(days=2, hours=10))
    time_zone = TimeZone.PARIS
    capacity = None
    registration_opens = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    registration_closes = factory.LazyAttribute(lambda e: e.start - timedelta(days=1))
    status = EventStatus.REGISTRATION_OPEN


class EventPartFactory(factory.django.DjangoModelFactory):
    """What belongs to an event (a place, an item, a registration, a delegation): of a new event unless
    one is given."""

    class Meta:
        abstract = True

    event = factory.SubFactory(EventFactory)


class PlaceFactory(EventPartFactory):
    class Meta:
        model = Place

    name = "Centre Léon Bérard"
    city = "Lyon"


class ProgrammeItemFactory(EventPartFactory):
    class Meta:
        model = ProgrammeItem

    kind = ItemKind.SESSION
    title_fr, title_en = numbered("Séance {n}", "Session {n}")
    start = factory.LazyAttribute(lambda i: i.event.start + timedelta(hours=1))
    end = factory.LazyAttribute(lambda i: i.start + timedelta(hours=1))
    room = "Amphi A"


class RegistrationFactory(EventPartFactory):
    class Meta:
        model = Registration

    person = factory.SubFactory(PersonFactory)
    role = RegistrationRole.DELEGATE
    consent_to_list = True
    queued_at = factory.LazyFunction(timezone.now)


class DelegationFactory(EventPartFactory):
    class Meta:
        model = Delegation

    name = "Délégation québécoise"
    origin = "QC"
    destination = "AURA"


__all__ = ["UTC", "DelegationFactory", "EventFactory", "PlaceFactory", "ProgrammeItemFactory",
           "RegistrationFactory", "in_days"]
