"""Try to leak a members-only or coordinators-only person through every channel of the
directory and the events: pages, search, API, exports, organisation pages, figures,
participant lists, programmes (page, print, iCalendar, API), delegations and e-mails.

Each case pairs a viewer with a profile they must not see; a coordinator, who sees everyone,
is the control that proves each channel does show the person when allowed.
"""
from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from passerelle.core.enums import Visibility
from tests.events.factories import DelegationFactory, EventFactory, ProgrammeItemFactory, RegistrationFactory
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

HIDDEN = {Visibility.MEMBERS: "Zorglubmembres", Visibility.COORDINATORS: "Zorglubcoord"}
CASES = [("anonymous", Visibility.MEMBERS), ("anonymous", Visibility.COORDINATORS), ("member", Visibility.COORDINATORS)]


@pytest.fixture
def world(db):
    org = OrganisationFactory(name="Institut Vigie")
    event = EventFactory(slug="entretiens-vigie")
    item = ProgrammeItemFactory(event=event, title_fr="Séance plénière", title_en="Plenary")
    people = {}
    for level, name in HIDDEN.items():
        person = PersonFactory(first_name="Hector", last_name=name, email=f"{name.lower()}@example.org",
                               visibility=level, organisation=org, expertise=f"radiomique {name.lower()}quark",
                               orcid="")
        RegistrationFactory(event=event, person=person, consent_to_list=True)
        item.speakers.add(person)
        delegation = DelegationFactory(event=event, name=f"Délégation {level}", head=person)
        RegistrationFactory(event=event, person=PersonFactory(visibility=Visibility.PUBLIC))
        delegation.members.add(person)
        people[level] = person
    return {"org": org, "event": event, "item": item, "people": people}


def client_as(client, role: str):
    if role == "member":
        client.force_login(MemberFactory())
    elif role == "coordinator":
        client.force_login(CoordinatorFactory())
    return client


def channels(world: dict, person) -> dict[str, str]:
    """Every URL that lists or shows people, as a viewer would fetch it."""
    event, org, word = world["event"], world["org"], f"{person.last_name.lower()}quark"
    return {
        "people list": reverse("directory:people"),
        "people search": reverse("directory:people") + f"?q={word}",
        "people export csv": reverse("directory:people_export", args=["csv"]) + f"?q={word}",
        "api people": reverse("api-people"),
        "api people search": reverse("api-people") + f"?q={word}",
        "organisation page": reverse("directory:organisation", args=[org.pk]),
        "event page": reverse("events:detail", args=[event.slug]),
        "printable programme": reverse("events:programme", args=[event.slug]),
        "programme ics": reverse("events:programme_ics", args=[event.slug]),
        "api programme": reverse("api-event-programme", args=[event.slug]),
    }


@pytest.mark.parametrize(("role", "level"), CASES)
def test_hidden_person_appears_in_no_listing_search_export_or_programme(client, world, role, level):
    person = world["people"][level]
    viewer = client_as(client, role)
    leaks = [name for name, url in channels(world, person).items()
             if person.last_name in viewer.get(url).content.decode("utf-8", "replace")]
    assert leaks == []


def test_coordinators_see_the_people_through_those_channels(client, world):
    """The control: each channel does show a person to whoever may see them."""
    viewer = client_as(client, "coordinator")
    for person in world["people"].values():
        shown = {name for name, url in channels(world, person).items()
                 if person.last_name in viewer.get(url).content.decode("utf-8", "replace")}
        assert shown == set(channels(world, person)), person.visibility


@pytest.mark.parametrize(("role", "level"), CASES)
def test_hidden_profile_and_its_api_record_answer_404(client, world, role, level):
    person = world["people"][level]
    viewer = client_as(client, role)
    assert viewer.get(reverse("directory:person", args=[person.pk])).status_code == 404
    assert viewer.get(reverse("api-person", args=[person.pk])).status_code == 404


@pytest.mark.parametrize(("role", "level"), CASES)
def test_hidden_person_is_not_counted_in_public_figures(client, world, role, level):
    viewer = client_as(client, role)
    visible_before = viewer.get(reverse("home")).context["home"].figures.people
    world["people"][level].delete()
    assert viewer.get(reverse("home")).context["home"].figures.people == visible_before


@pytest.mark.parametrize(("role", "level"), CASES)
def test_organisation_counts_only_the_people_the_viewer_may_see(client, world, role, level):
    viewer = client_as(client, role)
    listed = {o.pk: o.people_count for o in viewer.get(reverse("directory:organisations")).context["page"]}
    allowed = 0 if role == "anonymous" else 1  # the members-only person, for a member
    assert listed[world["org"].pk] == allowed


def test_confirmation_e_mail_of_another_participant_names_no_hidden_speaker(client, world,
                                                                         django_capture_on_commit_callbacks):
    member = MemberFactory(email="lea@example.org")
    PersonFactory(user=member, email="lea@example.org", visibility=Visibility.MEMBERS)
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:register", args=[world["event"].slug]), {"role": "delegate"})

    assert [m.to for m in mail.outbox] == [["lea@example.org"]]
    message = mail.outbox[0]
    texts = [message.body] + [attachment[1] if isinstance(attachment[1], str) else attachment[1].decode()
                              for attachment in message.attachments]
    # A member may see members-only colleagues, never coordinators-only ones.
    assert not any(HIDDEN[Visibility.COORDINATORS] in text for text in texts)


def test_participant_list_respects_the_consent_of_visible_people_too(client, world):
    public_person = PersonFactory(last_name="Sansconsentement", visibility=Visibility.PUBLIC)
    RegistrationFactory(event=world["event"], person=public_person, consent_to_list=False)
    body = client.get(reverse("events:detail", args=[world["event"].slug])).content.decode()
    assert "Sansconsentement" not in body
