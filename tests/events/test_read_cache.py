"""The event page's kept reads (event, programme, participants, delegations): a change shows right
after it is made, and what one asker was shown never answers an asker who may see less."""
from __future__ import annotations

import itertools

import pytest
from django.test import Client

from passerelle.core.enums import Visibility
from passerelle.directory import services as directory_services
from passerelle.events import services
from passerelle.events.enums import EventStatus, RegistrationRole
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory

from .factories import DelegationFactory, EventFactory, ProgrammeItemFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "member", "coordinator")
SEES = {"anonymous": {Visibility.PUBLIC}, "member": {Visibility.PUBLIC, Visibility.MEMBERS},
        "coordinator": {Visibility.PUBLIC, Visibility.MEMBERS, Visibility.COORDINATORS}}


@pytest.fixture
def clients(db):
    made = {role: Client(HTTP_ACCEPT_LANGUAGE="en") for role in ROLES}
    made["member"].force_login(MemberFactory())
    made["coordinator"].force_login(CoordinatorFactory())
    return made


@pytest.fixture
def event(db):
    """An event whose participants, speakers and delegation heads are one profile per visibility level."""
    event = EventFactory()
    item = ProgrammeItemFactory(event=event)
    for visibility, word in ((Visibility.PUBLIC, "Public"), (Visibility.MEMBERS, "Members"),
                             (Visibility.COORDINATORS, "Hidden")):
        participant = PersonFactory(first_name="Participant", last_name=f"{word}Participant", visibility=visibility)
        RegistrationFactory(event=event, person=participant)
        item.speakers.add(PersonFactory(first_name="Speaker", last_name=f"{word}Speaker", visibility=visibility))
        DelegationFactory(event=event, name=f"Delegation {word}",
                          head=PersonFactory(first_name="Head", last_name=f"{word}Head", visibility=visibility))
    return event


def shown(html: str) -> dict[str, set[str]]:
    return {kind: {word for word in ("Public", "Members", "Hidden") if f"{word}{kind}" in html}
            for kind in ("Participant", "Speaker", "Head")}


@pytest.mark.parametrize("order", list(itertools.permutations(ROLES)))
def test_a_kept_event_page_never_shows_one_role_what_only_another_may_see(clients, event, order):
    words = {Visibility.PUBLIC: "Public", Visibility.MEMBERS: "Members", Visibility.COORDINATORS: "Hidden"}
    for _ in range(2):  # the second round answers from what the first kept
        for role in order:
            html = clients[role].get(event.get_absolute_url()).content.decode()
            expected = {words[v] for v in SEES[role]}
            assert shown(html) == {"Participant": expected, "Speaker": expected, "Head": expected}, role


@pytest.mark.parametrize("order", [("coordinator", "member"), ("member", "coordinator")])
def test_a_kept_draft_event_answers_only_coordinators(clients, order):
    draft = EventFactory(status=EventStatus.DRAFT)
    for _ in range(2):
        for role in order:
            assert clients[role].get(draft.get_absolute_url()).status_code == (200 if role == "coordinator" else 404)


def test_a_registration_shows_in_the_participants_at_once(clients, event):
    newcomer = PersonFactory(first_name="Nouvelle", last_name="Inscrite")
    assert "Inscrite" not in clients["anonymous"].get(event.get_absolute_url()).content.decode()
    services.registration_register(actor=None, event=event, person=newcomer, role=RegistrationRole.DELEGATE,
                                   consent_to_list=True, by_coordinator=True)
    assert "Inscrite" in clients["anonymous"].get(event.get_absolute_url()).content.decode()


def test_a_cancelled_registration_leaves_the_participants_at_once(clients, event):
    registration = event.registrations.get(person__last_name="PublicParticipant")
    assert "PublicParticipant" in clients["anonymous"].get(event.get_absolute_url()).content.decode()
    services.registration_cancel(actor=None, registration=registration)
    assert "PublicParticipant" not in clients["anonymous"].get(event.get_absolute_url()).content.decode()


def test_a_participant_who_hides_their_profile_leaves_the_page_at_once(clients, event):
    person = event.registrations.get(person__last_name="PublicParticipant").person
    assert "PublicParticipant" in clients["anonymous"].get(event.get_absolute_url()).content.decode()
    directory_services.person_update(actor=None, person=person, data={"visibility": Visibility.MEMBERS})
    assert "PublicParticipant" not in clients["anonymous"].get(event.get_absolute_url()).content.decode()
    assert "PublicParticipant" in clients["member"].get(event.get_absolute_url()).content.decode()


def test_an_edited_event_and_programme_show_at_once(clients, event):
    assert "Meeting" in clients["anonymous"].get(event.get_absolute_url()).content.decode()
    event.title_en = "Renamed Gathering"
    event.save()
    item = event.items.get()
    item.title_en = "Renamed Session"
    item.save()
    html = clients["anonymous"].get(event.get_absolute_url()).content.decode()
    assert "Renamed Gathering" in html and "Renamed Session" in html


def test_the_asker_s_own_registration_is_never_kept_for_others(clients, event):
    """The register button and the notice depend on the asker: read for them alone."""
    member = MemberFactory()
    person = PersonFactory(user=member, visibility=Visibility.MEMBERS)
    own = Client(HTTP_ACCEPT_LANGUAGE="en")
    own.force_login(member)
    RegistrationFactory(event=event, person=person)
    assert "You are registered to this event." in own.get(event.get_absolute_url()).content.decode()
    assert "You are registered to this event." not in clients["member"].get(event.get_absolute_url()).content.decode()
