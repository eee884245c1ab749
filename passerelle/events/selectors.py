"""Reads of the events app: what each user may see, with the relations every page needs."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.text import slugify

from passerelle.core.list_filters import ListFilters, containing, filter_when_set, matching_every_word
from passerelle.directory.models import Affiliation, Organisation, Person
from passerelle.directory.selectors import is_coordinator, listed_condition

from .enums import PUBLIC_STATUSES, ItemKind, ItemStatus, RegistrationStatus
from .models import Delegation, Event, ProgrammeItem, Registration


def events_visible_to(user: Any) -> QuerySet[Event]:
    """Coordinators see every event; everyone else sees all but drafts."""
    events = Event.objects.all()
    if not is_coordinator(user):
        events = events.filter(status__in=PUBLIC_STATUSES)
    return events


def with_listing_relations(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.prefetch_related("places", "organisers").annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
    )


@dataclass
class EventListing:
    upcoming: list[Event] = field(default_factory=list)
    archive: list[tuple[int, list[Event]]] = field(default_factory=list)


def event_listing(*, user: Any, kind: str = "", now=None) -> EventListing:
    """Upcoming events first (soonest first), then past ones archived by year (latest first)."""
    now = now or timezone.now()
    events = with_listing_relations(events_visible_to(user))
    if kind:
        events = events.filter(kind=kind)
    listing = EventListing()
    by_year: dict[int, list[Event]] = defaultdict(list)
    for event in events.order_by("start", "pk"):
        if event.end >= now:
            listing.upcoming.append(event)
        else:
            by_year[event.local(event.start).year].append(event)
    listing.archive = [(year, list(reversed(by_year[year]))) for year in sorted(by_year, reverse=True)]
    return listing


def event_detail_queryset(user: Any) -> QuerySet[Event]:
    return events_visible_to(user).prefetch_related("places", "organisers", "categories", "sites")


def programme_items(event: Event, user: Any = None) -> QuerySet[ProgrammeItem]:
    """The items with the speakers ``user`` may see (``None``: a visitor, public profiles only)."""
    speakers = Person.objects.filter(listed_condition(user)).order_by("last_name", "first_name")
    return (event.items.select_related("event", "place", "visited_organisation", "delegation")
            .prefetch_related(Prefetch("speakers", queryset=speakers)))


def items_attended_by(event: Event, person: Person | None, user: Any = None) -> list[ProgrammeItem]:
    """The items of a person's own calendar: the common programme and their delegation's visits,
    with the speakers ``user`` (the calendar's reader) may see."""
    delegation_ids = set(person.delegations.filter(event=event).values_list("pk", flat=True)) if person else set()
    return [item for item in programme_items(event, user)
            if item.delegation_id is None or item.delegation_id in delegation_ids]


def public_participants(*, event: Event, user: Any) -> QuerySet[Registration]:
    """Confirmed people who consented to be listed and whose profile ``user`` may see."""
    return (event.registrations
            .filter(listed_condition(user, "person__"), status=RegistrationStatus.CONFIRMED, consent_to_list=True)
            .select_related("person")
            .prefetch_related(Prefetch("person__affiliations",
                                       queryset=Affiliation.objects.select_related("organisation")))
            .order_by("person__last_name", "person__first_name"))


def delegations_of(event: Event, user: Any = None) -> list[Delegation]:
    """Delegations with all their members (counted) and ``visible_head``: the head if ``user``
    may see that profile, else None."""
    members = Person.objects.order_by("last_name", "first_name")
    visits = ProgrammeItem.objects.select_related("visited_organisation")
    delegations = list(event.delegations.select_related("head")
                       .prefetch_related(Prefetch("members", queryset=members), Prefetch("visits", queryset=visits)))
    visible_heads = set(Person.objects.filter(listed_condition(user), headed_delegations__in=delegations)
                        .values_list("pk", flat=True))
    for delegation in delegations:
        delegation.visible_head = delegation.head if delegation.head_id in visible_heads else None
    return delegations


STATUS_ORDER = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED)


@dataclass(frozen=True)
class RegistrationFilters(ListFilters):
    status: str = ""
    role: str = ""
    territory: str = ""


def registration_list(*, event: Event, filters: RegistrationFilters) -> QuerySet[Registration]:
    """Every registration of an event for its coordinators, filtered, with organisations."""
    registrations = (event.registrations.select_related("person")
                     .prefetch_related(Prefetch("person__affiliations",
                                                queryset=Affiliation.objects.select_related("organisation"))))
    registrations = filter_when_set(registrations, status=filters.status, role=filters.role,
                                    person__territory=filters.territory)
    if filters.q.split():  # a person with several matching organisations stays one row
        registrations = matching_every_word(registrations, filters.q, lambda word: containing(
            word, "person__first_name", "person__last_name", "person__email", "person__organisations__name",
            "person__organisations__acronym")).distinct()
    # Confirmed first, then the waiting list in its order, then cancellations.
    status_order = Case(*(When(status=s, then=Value(i)) for i, s in enumerate(STATUS_ORDER)),
                        output_field=IntegerField())
    return registrations.order_by(status_order, "queued_at", "pk")


def person_of(user: Any) -> Person | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Person.objects.filter(user=user).first()


def registration_of(*, event: Event, person: Person | None) -> Registration | None:
    if person is None:
        return None
    return event.registrations.filter(person=person).first()


def my_registrations(user: Any) -> QuerySet[Registration]:
    """A member's registrations that still hold (confirmed or waiting), soonest event first."""
    return (Registration.objects.filter(person__user=user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .filter(event__status__in=PUBLIC_STATUSES)
            .select_related("event").prefetch_related("event__places")
            .order_by("event__start", "pk"))


def events_of_person(person: Person, user: Any) -> QuerySet[Event]:
    """Events ``person`` took part in, as ``user`` may know it (consent respected, drafts hidden)."""
    registrations = Registration.objects.filter(person=person, status=RegistrationStatus.CONFIRMED)
    own = getattr(user, "is_authenticated", False) and person.user_id == user.pk
    if not (is_coordinator(user) or own):
        registrations = registrations.filter(consent_to_list=True)
    return (events_visible_to(user).filter(pk__in=registrations.values("event_id"))
            .order_by("-start", "pk"))


def visits_hosted(organisation: Organisation, user: Any) -> QuerySet[ProgrammeItem]:
    """Site visits of visible events that went to ``organisation``."""
    return (ProgrammeItem.objects
            .filter(kind=ItemKind.VISIT, status=ItemStatus.SCHEDULED, visited_organisation=organisation,
                    event__in=events_visible_to(user))
            .select_related("event", "delegation").order_by("-start", "pk"))


def free_slug(title: str, *, exclude_pk: int | None = None, max_length: int = 80) -> str:
    """The event's address made from its title: ``slugify``'d, shortened on a word, and suffixed
    ``-2``, ``-3``… when another event already uses it."""
    full = slugify(title)
    base = full[:max_length].rstrip("-") or "event"
    if len(full) > max_length and "-" in base:
        base = base.rsplit("-", 1)[0]
    taken = set(Event.objects.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate, number = base[: max_length - len(suffix)].rstrip("-") + suffix, number + 1
    return candidate
