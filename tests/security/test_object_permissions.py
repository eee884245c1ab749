"""Per-object permissions, generated: every URL about one person × the person's visibility ×
each role, and every URL about one event × draft or published × each role, pages and API.

The project-wide matrix (tests/core/test_permission_matrix.py) checks one object per URL;
this one checks that the answer follows the object: hidden profiles and drafts answer 404
(their existence is not revealed), coordinator pages 403 to members whatever the object.
"""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.core.enums import Visibility
from passerelle.events.enums import EventStatus
from tests.access import LOGIN, ROLES, check_answer, sign_in
from tests.events.factories import EventFactory, ProgrammeItemFactory
from tests.factories import MemberFactory, PersonFactory

pytestmark = pytest.mark.django_db
SEES = {
    "anonymous": {Visibility.PUBLIC},
    "member": {Visibility.PUBLIC, Visibility.MEMBERS},
    "owner": set(Visibility),  # their own profile, whatever its level
    "coordinator": set(Visibility),
}


def person_expectation(name: str, role: str, visibility: str) -> int | str:
    visible = visibility in SEES[role]
    if name in ("directory:person", "api-person"):
        return 200 if visible else 404
    if name == "api-person-suggestions":  # for the person themself and coordinators; 401 JSON without an account
        return {"anonymous": 401, "member": 403 if visible else 404}.get(role, 200)
    if name == "directory:person_edit":
        return LOGIN if role == "anonymous" else (200 if role in ("owner", "coordinator") else 404)
    # Coordinator pages: the object does not change the answer.
    return {"anonymous": LOGIN, "member": 403, "owner": 403, "coordinator": 200}[role]


PERSON_URLS = ["directory:person", "directory:person_edit", "api-person", "api-person-suggestions",
               "directory:person_history", "directory:person_delete", "privacy:person", "privacy:person_data_json",
               "privacy:person_erase"]
EVENT_URLS = ["events:detail", "events:programme", "events:programme_ics", "api-event", "api-event-programme"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("name", PERSON_URLS)
def test_person_urls_follow_the_profile_visibility(client, name, visibility, role):
    owner = MemberFactory()
    person = PersonFactory(visibility=visibility, user=owner)
    expected = person_expectation(name, role, visibility)
    check_answer(sign_in(client, role, owner), reverse(name, args=[person.pk]), expected)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", [EventStatus.DRAFT, EventStatus.PUBLISHED, EventStatus.CANCELLED])
@pytest.mark.parametrize("name", EVENT_URLS)
def test_event_urls_hide_drafts_from_all_but_coordinators(client, name, status, role):
    owner = MemberFactory()
    event = EventFactory(status=status)
    ProgrammeItemFactory(event=event)
    expected = 404 if status == EventStatus.DRAFT and role != "coordinator" else 200
    check_answer(sign_in(client, role, owner), reverse(name, args=[event.slug]), expected)


def test_the_generated_table_covers_every_url_that_takes_a_person():
    from tests.core.test_permission_matrix import passerelle_patterns

    takes_person = {name for name, pattern in passerelle_patterns()
                    if name.startswith(("directory:person", "privacy:person", "api-person"))
                    and "pk" in pattern.pattern.regex.groupindex}
    assert takes_person == set(PERSON_URLS)
