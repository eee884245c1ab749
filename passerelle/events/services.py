"""Writes of the events app: each use case runs in one transaction, under the event lock when
seats, the programme or the status are at stake, and re-checks its rules (``rules.py``) there."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.mail import after_commit
from passerelle.core.rows import save_rows
from passerelle.core.workflow import transition
from passerelle.directory.models import Person

from . import notifications, rules
from .enums import EventStatus, ItemStatus, RegistrationStatus
from .locking import lock_event
from .models import Delegation, Event, Place, ProgrammeItem, Registration

ICS_FIELDS = ("kind", "title_fr", "title_en", "description_fr", "description_en", "start", "end", "place_id",
              "room", "status", "delegation_id", "visited_organisation_id")


# Events -------------------------------------------------------------------------------------

PLACE_FIELDS = ("name", "city", "territory", "address", "position")


def event_save(*, actor: Any, event: Event, categories: Iterable = (), sites: Iterable = (),
               organisers: Iterable = (), places: Sequence[Mapping[str, Any]] = ()) -> Event:
    """Create or update an event with its themes, co-organisers and places (rows as in
    ``core.rows``: ``{"id", "delete", "name", "city", "territory", "address", "position"}``).
    Capacity may not drop below the confirmed registrations."""
    with transaction.atomic():
        if event.pk:
            lock_event(event.pk)
            rules.check_capacity(event, event.capacity)
            event.sequence += 1
        event.full_clean()
        event.save()
        event.categories.set(categories)
        event.sites.set(sites)
        event.organisers.set(organisers)
        save_rows(event, places, model=Place, parent_field="event", fields=PLACE_FIELDS)
        if event.capacity is not None:
            promoted = _promote_waiting(event)
            for registration in promoted:
                after_commit(partial(notifications.send_registration_email, registration, promoted=True))
    return event


def event_set_status(*, actor: Any, event: Event, to_status: str) -> Event:
    """The one way to move an event's status: refuses moves outside ``EVENT_WORKFLOW`` and
    records who made the move and when."""
    with transaction.atomic():
        locked = lock_event(event.pk)
        rules.check_transition(locked, to_status)
        transition(locked, to_status, by=actor, check=False, changes={"sequence": locked.sequence + 1})
    event.status, event.sequence = locked.status, locked.sequence
    return event


# Programme ----------------------------------------------------------------------------------

def _ics_fingerprint(item: ProgrammeItem, speaker_ids: Iterable[int]) -> tuple:
    return tuple(getattr(item, name) for name in ICS_FIELDS) + (tuple(sorted(speaker_ids)),)


def programme_item_save(*, actor: Any, item: ProgrammeItem, speakers: Iterable[Person] = ()) -> ProgrammeItem:
    """Create or update an item; its sequence grows when anything a calendar shows changes."""
    speakers = list(speakers)
    with transaction.atomic():
        item.event = lock_event(item.event_id)
        item.full_clean(exclude=["speakers"])
        rules.check_item(item)
        if item.pk:
            stored = ProgrammeItem.objects.get(pk=item.pk)
            before = _ics_fingerprint(stored, stored.speakers.values_list("pk", flat=True))
            if before != _ics_fingerprint(item, [p.pk for p in speakers]):
                item.sequence = stored.sequence + 1
        item.save()
        item.speakers.set(speakers)
    return item


def programme_item_cancel(*, actor: Any, item: ProgrammeItem) -> ProgrammeItem:
    """Keep the item (calendars must learn it is cancelled) but mark it so, with a new sequence."""
    with transaction.atomic():
        lock_event(item.event_id)
        stored = ProgrammeItem.objects.select_for_update().get(pk=item.pk)
        if stored.is_cancelled:
            raise ValidationError(_("This item is already cancelled."))
        stored.status = ItemStatus.CANCELLED
        stored.sequence += 1
        stored.save(update_fields=["status", "sequence", "updated_at"])
    return stored


# Registrations ------------------------------------------------------------------------------

def _promote_waiting(event: Event) -> list[Registration]:
    """Confirm people from the waiting list, first come first served, while seats are free.
    Runs under the event lock."""
    waiting = event.registrations.filter(status=RegistrationStatus.WAITING).order_by("queued_at", "pk")
    free = None if event.capacity is None else max(event.capacity - rules.confirmed_count(event), 0)
    promoted = []
    for registration in waiting.select_related("person", "event")[:free]:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        promoted.append(registration)
    return promoted


def registration_register(*, actor: Any, event: Event, person: Person, role: str, consent_to_list: bool,
                          by_coordinator: bool = False, base_url: str = "") -> Registration:
    """Register ``person``: a seat if one is free, else the waiting list. Members register only
    inside the window; coordinators may register anyone until the event is held or cancelled."""
    with transaction.atomic():
        locked = lock_event(event.pk)
        rules.check_can_be_registered(locked)
        if not by_coordinator:
            rules.check_can_self_register(locked)
            rules.check_self_chosen_role(role)
        registration = Registration.objects.filter(event=locked, person=person).first()
        if registration is not None and registration.is_active:
            raise ValidationError(_("%(name)s is already registered to this event.") % {"name": person.full_name})
        registration = registration or Registration(event=locked, person=person)
        full = locked.capacity is not None and rules.confirmed_count(locked) >= locked.capacity
        now = timezone.now()
        registration.role, registration.consent_to_list, registration.registered_by = role, consent_to_list, actor
        registration.status = RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED
        registration.queued_at, registration.cancelled_at = now, None
        registration.confirmed_at = None if full else now
        registration.full_clean(exclude=["registered_by"], validate_unique=False)
        registration.save()
        registration.event = locked
        after_commit(partial(notifications.send_registration_email, registration, base_url=base_url))
    return registration


LOGISTICS_FIELDS = ("arrival", "departure", "dietary_needs", "invitation_letter", "letter_details")


def registration_set_logistics(*, actor: Any, registration: Registration, arrival=None, departure=None,
                               dietary_needs: str = "", invitation_letter: bool = False,
                               letter_details: str = "") -> Registration:
    """Record the travel and stay details of a registration (the registrant or a coordinator)."""
    rules.check_logistics(registration.event, arrival=arrival, departure=departure,
                          invitation_letter=invitation_letter, letter_details=letter_details)
    registration.arrival, registration.departure = arrival, departure
    registration.dietary_needs, registration.invitation_letter = dietary_needs.strip(), invitation_letter
    registration.letter_details = letter_details.strip() if invitation_letter else ""
    registration.full_clean(exclude=["registered_by"], validate_unique=False)
    registration.save(update_fields=list(LOGISTICS_FIELDS))
    return registration


def registration_cancel(*, actor: Any, registration: Registration, base_url: str = "") -> Registration:
    """Cancel a registration; a freed seat goes to the next person on the waiting list."""
    with transaction.atomic():
        event = lock_event(registration.event_id)
        stored = Registration.objects.get(pk=registration.pk)
        if not stored.is_active:
            raise ValidationError(_("This registration is already cancelled."))
        stored.status = RegistrationStatus.CANCELLED
        stored.cancelled_at = timezone.now()
        stored.save(update_fields=["status", "cancelled_at"])
        if event.status not in (EventStatus.HELD, EventStatus.CANCELLED):
            for promoted in _promote_waiting(event):
                after_commit(partial(notifications.send_registration_email, promoted,
                                              base_url=base_url, promoted=True))
    return stored


def registration_update(*, actor: Any, registration: Registration, role: str, consent_to_list: bool) -> Registration:
    with transaction.atomic():
        registration.role, registration.consent_to_list = role, consent_to_list
        registration.full_clean(exclude=["registered_by"], validate_unique=False)
        registration.save(update_fields=["role", "consent_to_list"])
    return registration


# Delegations --------------------------------------------------------------------------------

def delegation_save(*, actor: Any, delegation: Delegation, members: Iterable[Person]) -> Delegation:
    """Save a delegation whose head and members are all registered to its event."""
    members = list(members)
    with transaction.atomic():
        event = lock_event(delegation.event_id)
        rules.check_delegation_members(event, [delegation.head, *members])
        delegation.full_clean()
        delegation.save()
        delegation.members.set(members)
    return delegation
