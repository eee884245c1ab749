"""The checks of the events app, each in one place: forms call them to show a clear message,
services call them again under the event lock before writing."""
from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext as _

from .enums import EVENT_WORKFLOW, SELF_CHOSEN_ROLES, EventStatus, ItemStatus, RegistrationStatus
from .models import Event, ProgrammeItem


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def check_capacity(event: Event, capacity: int | None) -> None:
    """A capacity may not fall below the number of people already confirmed."""
    if capacity is None or not event.pk:
        return
    confirmed = confirmed_count(event)
    if capacity < confirmed:
        raise ValidationError({"capacity": _(
            "%(confirmed)d people are already confirmed: the capacity cannot be lower than that."
        ) % {"confirmed": confirmed}})


def overlapping_items(item: ProgrammeItem):
    """Scheduled items of the same event, in the same place and room, that overlap ``item``."""
    if item.place_id is None and not item.room.strip():
        return ProgrammeItem.objects.none()
    same_room = Q(place_id=item.place_id) & Q(room__iexact=item.room.strip())
    return (ProgrammeItem.objects
            .filter(same_room, event_id=item.event_id, status=ItemStatus.SCHEDULED,
                    start__lt=item.end, end__gt=item.start)
            .exclude(pk=item.pk))


def check_item(item: ProgrammeItem) -> None:
    """Start before end, inside the event's dates, and no overlap in the same room."""
    if not (item.start and item.end):
        return
    if item.end <= item.start:
        raise ValidationError({"end": _("The end must come after the start.")})
    event = item.event
    if item.start < event.start or item.end > event.end:
        zone = event.tz
        raise ValidationError(_("The item must take place within the event's dates (%(start)s – %(end)s).") % {
            "start": formats.date_format(event.start.astimezone(zone), "j F Y H:i"),
            "end": formats.date_format(event.end.astimezone(zone), "j F Y H:i"),
        })
    if item.is_cancelled:
        return
    clash = overlapping_items(item).first()
    if clash is not None:
        zone = event.tz
        raise ValidationError(_(
            "This room is already taken by “%(title)s” from %(start)s to %(end)s."
        ) % {"title": clash.title, "start": clash.start.astimezone(zone).strftime("%H:%M"),
             "end": clash.end.astimezone(zone).strftime("%H:%M")})


def check_transition(event: Event, to_status: str) -> None:
    EVENT_WORKFLOW.check(event.status, to_status)


def check_can_self_register(event: Event) -> None:
    """A member registers only while registration is open and inside the window."""
    if not event.registration_is_open():
        raise ValidationError(_("Registration for this event is not open."))


def check_self_chosen_role(role: str) -> None:
    """A member registering themself comes as a delegate or a visitor, never as a speaker,
    organiser or host: those are named by the coordinators."""
    if role not in SELF_CHOSEN_ROLES:
        raise ValidationError({"role": _("Choose delegate or visitor: speakers, organisers and hosts are named "
                                         "by the coordinators.")})


def check_can_be_registered(event: Event) -> None:
    """Nobody, not even a coordinator, registers to a draft, held or cancelled event."""
    if event.status in (EventStatus.DRAFT, EventStatus.HELD, EventStatus.CANCELLED):
        raise ValidationError(_("Registration is not possible for an event that is %(status)s.") % {
            "status": EventStatus(event.status).label.lower(),
        })


def check_delegation_members(event: Event, people: Iterable) -> None:
    """Delegation heads and members must be registered to the event."""
    registered = set(event.registrations.exclude(status=RegistrationStatus.CANCELLED)
                     .values_list("person_id", flat=True))
    missing = [p for p in people if p is not None and p.pk not in registered]
    if missing:
        raise ValidationError(_("Not registered to this event: %(names)s.") % {
            "names": ", ".join(p.full_name for p in missing)})



def check_logistics(event: Event, *, arrival, departure, invitation_letter: bool, letter_details: str) -> None:
    """Arrival before departure, the stay overlapping the event (give or take a week), and what the
    invitation letter needs when one is asked for. Errors are named by field."""
    errors = {}
    first, last = event.local(event.start).date(), event.local(event.end).date()
    if arrival and departure and departure < arrival:
        errors["departure"] = _("The departure must come on or after the arrival.")
    if arrival and arrival > last:
        errors["arrival"] = _("The arrival must come before the event ends (%(day)s).") % {
            "day": formats.date_format(last)}
    elif arrival and (first - arrival).days > 7:
        errors["arrival"] = _("The arrival may come at most a week before the event.")
    if departure and departure < first:
        errors["departure"] = _("The departure must come after the event starts (%(day)s).") % {
            "day": formats.date_format(first)}
    elif departure and (departure - last).days > 7:
        errors["departure"] = _("The departure may come at most a week after the event.")
    if invitation_letter and not letter_details.strip():
        errors["letter_details"] = _("For the invitation letter, give your name as in the passport and "
                                     "your nationality.")
    if errors:
        raise ValidationError(errors)
