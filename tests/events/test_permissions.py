"""Every events URL × role (anonymous, member, coordinator, and the registration's owner)."""
from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import CoordinatorFactory, MemberFactory

from .permissions import EVENTS_EXPECTED, LOGIN, events_url, make_event_objects

ROLES = ("anonymous", "member", "owner", "coordinator")


@pytest.fixture
def objects(db):
    owner = MemberFactory()
    return {"owner": owner, **make_event_objects(owner)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EVENTS_EXPECTED))
def test_events_url_answers_each_role(client, objects, name, role):
    if role == "member":
        client.force_login(MemberFactory())
    elif role == "owner":
        client.force_login(objects["owner"])
    elif role == "coordinator":
        client.force_login(CoordinatorFactory())
    url = events_url(name, objects)
    expected = EVENTS_EXPECTED[name][ROLES.index(role)]

    response = client.get(url)

    if expected == LOGIN:
        assert (response.status_code, response["Location"]) == (302, f"{reverse('login')}?next={url}")
    else:
        assert response.status_code == expected


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
