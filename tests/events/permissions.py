"""Who may open every events URL: shared by ``tests/events/test_permissions.py`` and the
project-wide matrix in ``tests/core/test_permission_matrix.py``.

Statuses for (anonymous, member, owner, coordinator); "owner" holds the registration used by
the cancel URL. The event is published with registration open.
"""
from __future__ import annotations

from django.urls import reverse

from passerelle.core.enums import Visibility
from tests.access import COORDINATOR, LOGIN, PUBLIC, SIGNED_IN
from tests.factories import PersonFactory

from .factories import DelegationFactory, EventFactory, ProgrammeItemFactory, RegistrationFactory

EVENTS_EXPECTED = {
    "events:list": PUBLIC,
    "events:create": COORDINATOR,
    "events:agenda": SIGNED_IN,
    "events:agenda_ics": SIGNED_IN,
    "events:detail": PUBLIC,
    "events:programme": PUBLIC,
    "events:programme_ics": PUBLIC,
    "events:edit": COORDINATOR,
    "events:status": COORDINATOR,
    "events:item_create": COORDINATOR,
    "events:item_edit": COORDINATOR,
    "events:item_cancel": COORDINATOR,
    "events:delegation_create": COORDINATOR,
    "events:delegation_edit": COORDINATOR,
    "events:register": SIGNED_IN,
    "events:registrations": COORDINATOR,
    "events:registration_add": COORDINATOR,
    "events:registrations_export": COORDINATOR,
    "events:registration_cancel": (LOGIN, 404, 200, 200),
    "events:registration_logistics": (LOGIN, 404, 200, 200),
    "events:badges": COORDINATOR,
    "api-events": PUBLIC,
    "api-event": PUBLIC,
    "api-event-programme": PUBLIC,
}


def make_event_objects(owner) -> dict:
    """An open event with an item, a delegation and a registration of ``owner``'s profile."""
    event = EventFactory(slug="entretiens-test")
    person = getattr(owner, "person", None) or PersonFactory(user=owner, visibility=Visibility.MEMBERS)
    return {
        "event": event,
        "item": ProgrammeItemFactory(event=event),
        "delegation": DelegationFactory(event=event),
        "registration": RegistrationFactory(event=event, person=person),
    }


def events_url(name: str, objects: dict) -> str:
    event = objects["event"]
    if name in ("events:list", "events:create", "events:agenda", "events:agenda_ics", "api-events"):
        return reverse(name)
    args = {
        "events:item_edit": [event.slug, objects["item"].pk],
        "events:item_cancel": [event.slug, objects["item"].pk],
        "events:delegation_edit": [event.slug, objects["delegation"].pk],
        "events:registration_cancel": [event.slug, objects["registration"].pk],
        "events:registration_logistics": [event.slug, objects["registration"].pk],
        "events:registrations_export": [event.slug, "csv"],
    }.get(name, [event.slug])
    return reverse(name, args=args)
