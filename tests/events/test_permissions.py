"""Every events URL × role (anonymous, member, coordinator, and the registration's owner)."""
from __future__ import annotations

import pytest

from tests.access import check_cell, each_role, objects_of_owner
from tests.factories import MemberFactory

from .permissions import EVENTS_EXPECTED, events_url, make_event_objects

objects = objects_of_owner(make_event_objects)


@pytest.mark.parametrize(("name", "role"), each_role(EVENTS_EXPECTED))
def test_events_url_answers_each_role(client, objects, name, role):
    check_cell(client, EVENTS_EXPECTED, events_url, objects, name, role)


@pytest.mark.parametrize("name", ["events:register", "events:status", "events:item_cancel",
                                  "events:registration_cancel", "events:registration_add"])
def test_member_posts_cannot_change_what_they_may_not(client, objects, name):
    """A POST by another member changes nothing that belongs to coordinators or to the owner."""
    from passerelle.events.models import Event, ProgrammeItem, Registration

    client.force_login(MemberFactory())
    client.post(events_url(name, objects), {"to_status": "cancelled", "role": "delegate"})
    assert Event.objects.get().status == objects["event"].status
    assert not ProgrammeItem.objects.filter(status="cancelled").exists()
    assert list(Registration.objects.values_list("status", flat=True)) == ["confirmed"]
