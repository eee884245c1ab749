"""Directory reads kept in the read cache: a change is visible right after it is made, and what one
asker was shown never answers another asker who may see less (``core/read_cache.py``)."""
from __future__ import annotations

import itertools

import pytest
from django.test import Client
from django.urls import reverse

from passerelle.core.enums import Visibility
from passerelle.core.models import Technique
from passerelle.directory import services
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

PEOPLE = reverse("directory:people")
ORGANISATIONS = reverse("directory:organisations")
NAMES = ("Publique", "Membres", "Coordination", "Proprietaire")
VISIBLE = {
    "anonymous": {"Publique"},
    "member": {"Publique", "Membres"},
    "owner": {"Publique", "Membres", "Proprietaire"},
    "coordinator": {"Publique", "Membres", "Coordination", "Proprietaire"},
}


@pytest.fixture
def clients(profiles):
    """A client per role, each signed in for the whole test (so their requests can interleave)."""
    made = {"anonymous": Client()}
    users = (("member", MemberFactory()), ("owner", profiles["owner"]), ("coordinator", CoordinatorFactory()))
    for role, user in users:
        made[role] = Client()
        made[role].force_login(user)
    return made


def names_in(html: str) -> set[str]:
    return {name for name in NAMES if name in html}


@pytest.mark.parametrize("order", list(itertools.permutations(VISIBLE)))
@pytest.mark.parametrize("url", [PEOPLE, PEOPLE + "?q=tumour", PEOPLE + "?territory=AURA&sort=-name"])
def test_a_kept_people_list_never_shows_one_role_what_only_another_may_see(clients, order, url):
    for _ in range(2):  # the second round answers from what the first kept
        for role in order:
            response = clients[role].get(url)
            assert names_in(response.content.decode()) == VISIBLE[role], role
            assert {p.last_name for p in response.context["page"].object_list} == VISIBLE[role], role


@pytest.mark.parametrize("order", list(itertools.permutations(VISIBLE)))
def test_a_kept_people_api_page_never_shows_one_role_what_only_another_may_see(clients, order):
    for _ in range(2):
        for role in order:
            data = clients[role].get(reverse("api-people")).json()
            assert {p["last_name"] for p in data["results"]} == VISIBLE[role], role
            # Addresses only to the signed-in, whoever filled the kept page.
            assert all(bool(p["email"]) == (role != "anonymous") for p in data["results"]), role


@pytest.mark.parametrize("order", list(itertools.permutations(VISIBLE)))
def test_a_kept_profile_page_never_answers_a_role_that_may_not_see_it(clients, profiles, order):
    for _ in range(2):
        for role in order:
            for name, key in (("Publique", "public"), ("Membres", "members"), ("Coordination", "coordinators"),
                              ("Proprietaire", "own")):
                status = clients[role].get(profiles[key].get_absolute_url()).status_code
                assert status == (200 if name in VISIBLE[role] else 404), (role, name)


@pytest.mark.parametrize("order", [("member", "anonymous"), ("anonymous", "member")])
def test_kept_organisation_counts_are_per_visibility(clients, profiles, order):
    organisation = OrganisationFactory(name="Centre Commun")
    for key in ("public", "members", "coordinators"):
        profiles[key].affiliations.create(organisation=organisation)
    expected = {"anonymous": 1, "member": 2}
    for _ in range(2):
        for role in order:
            row = next(o for o in clients[role].get(ORGANISATIONS).context["page"].object_list
                       if o.pk == organisation.pk)
            assert row.people_count == expected[role], role


def test_a_new_profile_is_listed_and_counted_right_after_it_is_created(clients, coordinator):
    before = clients["member"].get(PEOPLE)
    assert before.context["page"].paginator.count == 2
    services.person_create(actor=coordinator, data={"first_name": "Nouvelle", "last_name": "Arrivee",
                                                    "visibility": Visibility.PUBLIC, "kind": "researcher",
                                                    "territory": "QC"})
    after = clients["member"].get(PEOPLE)
    assert "Arrivee" in after.content.decode()
    assert after.context["page"].paginator.count == 3
    assert "Arrivee" in clients["anonymous"].get(PEOPLE + "?q=arrivee").content.decode()


def test_a_profile_made_members_only_leaves_the_public_pages_at_once(clients, profiles, coordinator):
    person = profiles["public"]
    for url in (PEOPLE, person.get_absolute_url(), reverse("api-people")):
        assert clients["anonymous"].get(url).status_code == 200
    assert "Publique" in clients["anonymous"].get(PEOPLE).content.decode()
    services.person_update(actor=coordinator, person=person, data={"visibility": Visibility.MEMBERS})
    assert "Publique" not in clients["anonymous"].get(PEOPLE).content.decode()
    assert clients["anonymous"].get(person.get_absolute_url()).status_code == 404
    assert clients["anonymous"].get(reverse("api-people")).json()["results"] == []
    assert "Publique" in clients["member"].get(PEOPLE).content.decode()


def test_an_edited_profile_shows_its_new_text_at_once(clients, profiles, coordinator):
    person = profiles["public"]
    assert "Tumour immunology" in clients["anonymous"].get(person.get_absolute_url()).content.decode()
    assert "Tumour immunology" in clients["anonymous"].get(PEOPLE).content.decode()
    services.person_update(actor=coordinator, person=person, data={"expertise": "Radiobiologie des gliomes"})
    assert "Radiobiologie des gliomes" in clients["anonymous"].get(person.get_absolute_url()).content.decode()
    assert "Radiobiologie des gliomes" in clients["anonymous"].get(PEOPLE).content.decode()
    assert "Radiobiologie" in str(clients["anonymous"].get(reverse("api-people")).json())


def test_a_deleted_profile_is_gone_at_once(clients, profiles, coordinator):
    person = profiles["public"]
    url = person.get_absolute_url()
    assert clients["anonymous"].get(url).status_code == 200
    assert "Publique" in clients["anonymous"].get(PEOPLE).content.decode()
    services.person_delete(actor=coordinator, person=person)
    assert clients["anonymous"].get(url).status_code == 404
    assert "Publique" not in clients["anonymous"].get(PEOPLE).content.decode()


def test_a_member_who_hides_their_profile_still_sees_it_and_others_do_not(clients, profiles):
    """The owner's own hidden profile is named in their query only: a member asking next does not get it."""
    owner = profiles["owner"]
    own = profiles["own"]
    own.visibility = Visibility.MEMBERS
    own.save()
    assert "Proprietaire" in clients["member"].get(PEOPLE).content.decode()
    services.person_update(actor=owner, person=own, data={"visibility": Visibility.COORDINATORS})
    assert "Proprietaire" in clients["owner"].get(PEOPLE).content.decode()
    assert "Proprietaire" not in clients["member"].get(PEOPLE).content.decode()
    assert clients["member"].get(own.get_absolute_url()).status_code == 404
    assert clients["owner"].get(own.get_absolute_url()).status_code == 200


def test_a_new_organisation_joins_the_filter_bar_and_the_list_at_once(clients, coordinator):
    assert "Institut Nouveau" not in clients["anonymous"].get(PEOPLE).content.decode()
    assert "Institut Nouveau" not in clients["anonymous"].get(ORGANISATIONS).content.decode()
    services.organisation_create(actor=coordinator, data={"name": "Institut Nouveau", "kind": "research_centre",
                                                          "territory": "QC"})
    assert "Institut Nouveau" in clients["anonymous"].get(PEOPLE).content.decode()  # an option of the filter
    assert "Institut Nouveau" in clients["anonymous"].get(ORGANISATIONS).content.decode()


def test_an_affiliation_changes_the_kept_organisation_count_at_once(clients, profiles, coordinator):
    organisation = OrganisationFactory(name="Centre Compte")

    def count() -> int:
        page = clients["anonymous"].get(ORGANISATIONS).context["page"]
        return next(o.people_count for o in page.object_list if o.pk == organisation.pk)

    assert count() == 0
    services.person_update(actor=coordinator, person=profiles["public"], data={},
                           tags=services.PersonTags(affiliations=[services.AffiliationData(organisation)]))
    assert count() == 1
    services.person_delete(actor=coordinator, person=profiles["public"])
    assert count() == 0


def test_a_renamed_technique_shows_in_the_filter_bar_and_on_the_cards_at_once(clients, profiles):
    technique = Technique.objects.get(code="radiomics")
    PersonFactory(last_name="Radiomicienne", techniques=["radiomics"])
    html = clients["anonymous"].get(PEOPLE).content.decode()
    assert technique.title_fr in html
    technique.title_fr = "Radiomique quantitative"
    technique.save()
    html = clients["anonymous"].get(PEOPLE).content.decode()
    assert html.count("Radiomique quantitative") >= 2  # the option and the card's tag


def test_the_filter_bar_is_kept_per_language(client, profiles):
    french = client.get(PEOPLE, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    english = client.get(PEOPLE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Toutes les organisations" in french and "All organisations" not in french
    assert "All organisations" in english and "Toutes les organisations" not in english


def test_the_filter_bar_keeps_the_values_asked(client, profiles):
    organisation = OrganisationFactory(name="Institut Choisi")
    html = client.get(PEOPLE, {"organisation": organisation.pk}).content.decode()
    assert f'<option value="{organisation.pk}" selected>' in html
    assert f'<option value="{organisation.pk}" selected>' not in client.get(PEOPLE).content.decode()


def test_without_the_read_cache_pages_are_computed_every_time(clients, profiles, settings, coordinator):
    settings.READ_CACHE = False
    assert "Publique" in clients["anonymous"].get(PEOPLE).content.decode()
    profiles["public"].__class__.objects.filter(pk=profiles["public"].pk).update(visibility=Visibility.MEMBERS)
    assert "Publique" not in clients["anonymous"].get(PEOPLE).content.decode()
