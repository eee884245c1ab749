"""Managing a profile's publications on the web: identifiers, the import button, hide and show,
remove, add by DOI, reference files, and the coordinators' import for many people. Only the person
and coordinators may; writes take POST with its CSRF token."""
from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passerelle.core.enums import Visibility
from passerelle.directory.models import AuditEntry
from passerelle.jobs.models import Job
from passerelle.publications import services
from passerelle.publications.enums import LinkOrigin
from passerelle.publications.models import HarvestState, PersonPublication, Publication
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory

from .factories import PersonPublicationFactory, PublicationFactory

pytestmark = pytest.mark.django_db
ORCID = "0000-0002-1825-0097"


@pytest.fixture
def owner():
    user = MemberFactory()
    PersonFactory(user=user, visibility=Visibility.MEMBERS)
    return user


@pytest.fixture
def link(owner):
    return PersonPublicationFactory(person=owner.person, publication=PublicationFactory(title="Liquid biopsy"))


@pytest.fixture
def started(monkeypatch):
    """``start_harvest`` records whom it was asked for and gives a job (the harvest has its own tests)."""
    calls = []

    def start_harvest(*, user, person_ids):
        calls.append(sorted(person_ids))
        return Job.objects.create(handler="tests.jobs.handlers.count_to", title="Harvest", created_by=user)

    monkeypatch.setattr(services, "start_harvest", start_harvest)
    return calls


def manage_url(person) -> str:
    return reverse("publications:manage", args=[person.pk])


def test_my_publications_leads_to_the_profile_s_page_or_to_create_a_profile(client, owner):
    client.force_login(owner)
    assert client.get(reverse("publications:mine"))["Location"] == manage_url(owner.person)
    client.force_login(MemberFactory())
    assert reverse("directory:my_profile") in client.get(reverse("publications:mine")).content.decode()


def test_the_menu_and_the_page_offer_the_import(client, owner):
    client.force_login(owner)
    page = client.get(manage_url(owner.person)).content.decode()
    assert reverse("publications:mine") in page
    assert "Link an ORCID iD or an idHAL above" in page and reverse("publications:harvest", args=[owner.person.pk]) \
        not in page


# --- identifiers ---------------------------------------------------------------------------------

def test_a_member_links_their_orcid_and_idhal_and_the_audit_trail_keeps_it(client, owner):
    client.force_login(owner)

    response = client.post(reverse("publications:identifiers", args=[owner.person.pk]),
                           {"orcid": f"https://orcid.org/{ORCID}", "idhal": "https://cv.hal.science/Jean-Dupont"})

    assert response.status_code == 302
    owner.person.refresh_from_db()
    assert (owner.person.orcid, owner.person.idhal) == (ORCID, "jean-dupont")
    entry = AuditEntry.objects.filter(object_type="person", object_id=owner.person.pk).latest("pk")
    assert entry.actor == owner and entry.changes["orcid"] == ["", ORCID]
    assert entry.changes["idhal"] == ["", "jean-dupont"]


@pytest.mark.parametrize("data, field, message", [
    ({"orcid": "0000-0002-1825-0098", "idhal": ""}, "orcid", "check character is wrong"),
    ({"orcid": "1234", "idhal": ""}, "orcid", "is not an ORCID iD"),
    ({"orcid": "", "idhal": "jean dupont"}, "idhal", "is not an idHAL"),
    ({"orcid": "", "idhal": "jean\x1b-dupont"}, "idhal", "is not an idHAL"),
    ({"orcid": "", "idhal": "x" * 101}, "idhal", "at most 100 characters"),
])
def test_identifiers_are_validated(client, owner, data, field, message):
    client.force_login(owner)

    response = client.post(reverse("publications:identifiers", args=[owner.person.pk]), data)

    assert response.status_code == 400
    assert message in " ".join(response.context["identifiers_form"].errors[field])
    owner.person.refresh_from_db()
    assert (owner.person.orcid, owner.person.idhal) == ("", "")


def test_an_identifier_of_another_profile_is_refused(client, owner):
    PersonFactory(orcid=ORCID, idhal="jean-dupont")
    client.force_login(owner)

    response = client.post(reverse("publications:identifiers", args=[owner.person.pk]),
                           {"orcid": ORCID, "idhal": "jean-dupont"})

    assert set(response.context["identifiers_form"].errors) == {"orcid", "idhal"}


# --- who may write -------------------------------------------------------------------------------

def test_another_member_manages_nothing(client, owner, link, started):
    client.force_login(MemberFactory())
    person = owner.person
    posts = {
        reverse("publications:identifiers", args=[person.pk]): {"orcid": ORCID},
        reverse("publications:harvest", args=[person.pk]): {},
        reverse("publications:add_doi", args=[person.pk]): {"doi": "10.1000/x"},
        reverse("publications:import_file", args=[person.pk]): {},
        reverse("publications:link_visibility", args=[link.pk]): {"hidden": "1"},
        reverse("publications:link_remove", args=[link.pk]): {},
    }

    for url, data in posts.items():
        assert client.post(url, data).status_code == 404, url
    assert client.get(manage_url(person)).status_code == 404
    link.refresh_from_db()
    person.refresh_from_db()
    assert (link.hidden, person.orcid, started) == (False, "", [])
    assert PersonPublication.objects.filter(pk=link.pk).exists()


def test_writes_need_the_csrf_token(owner, link):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)

    response = client.post(reverse("publications:link_visibility", args=[link.pk]), {"hidden": "1"})

    assert response.status_code == 403
    link.refresh_from_db()
    assert link.hidden is False


# --- hide, show, remove --------------------------------------------------------------------------

def test_the_member_hides_a_work_and_shows_it_again(client, owner, link):
    client.force_login(owner)
    url = reverse("publications:link_visibility", args=[link.pk])

    response = client.post(url, {"hidden": "1", "next": manage_url(owner.person)})
    link.refresh_from_db()
    assert link.hidden is True and response["Location"] == manage_url(owner.person)

    response = client.post(url, {"hidden": "0", "next": "https://evil.example/"})
    link.refresh_from_db()
    assert link.hidden is False and response["Location"] == owner.person.get_absolute_url()

    for elsewhere in ("//evil.example/", "/\\evil.example/", "https:evil.example"):  # never to another site
        response = client.post(url, {"hidden": "1", "next": elsewhere})
        assert response["Location"] == owner.person.get_absolute_url(), elsewhere


def test_a_coordinator_may_hide_a_member_s_work(client, link):
    client.force_login(CoordinatorFactory())

    client.post(reverse("publications:link_visibility", args=[link.pk]), {"hidden": "1"})

    link.refresh_from_db()
    assert link.hidden is True


def test_removing_a_work_asks_first(client, owner, link):
    client.force_login(owner)
    url = reverse("publications:link_remove", args=[link.pk])

    page = client.get(url)
    assert page.status_code == 200 and "Yes, remove" in page.content.decode()
    assert PersonPublication.objects.filter(pk=link.pk).exists()

    response = client.post(url)
    assert response["Location"] == manage_url(owner.person)
    assert not PersonPublication.objects.filter(pk=link.pk).exists()
    assert Publication.objects.filter(pk=link.publication_id).exists()  # the work is a public fact and stays


# --- the import from the databases ---------------------------------------------------------------

def test_the_import_button_starts_the_background_job(client, owner, started):
    owner.person.orcid = ORCID
    owner.person.save()
    client.force_login(owner)

    response = client.post(reverse("publications:harvest", args=[owner.person.pk]))

    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url() and started == [[owner.person.pk]]


def test_without_an_identifier_there_is_nothing_to_import(client, owner, started):
    client.force_login(owner)

    response = client.post(reverse("publications:harvest", args=[owner.person.pk]), follow=True)

    assert started == [] and "Link an ORCID iD or an idHAL first" in response.content.decode()


def test_the_page_shows_each_database_s_last_harvest_and_failures(client, owner):
    HarvestState.objects.create(person=owner.person, source="orcid", last_success_at=timezone.now(), works_seen=12)
    HarvestState.objects.create(person=owner.person, source="hal", last_attempt_at=timezone.now(),
                                last_error="HAL did not answer in time.")
    client.force_login(owner)

    page = client.get(manage_url(owner.person)).content.decode()

    assert "HAL did not answer in time." in page and ">12<" in page and "Not imported yet" in page


def test_a_coordinator_imports_everyone_with_an_identifier(client, started):
    with_orcid = PersonFactory(orcid=ORCID)
    with_idhal = PersonFactory(idhal="marie-tremblay")
    PersonFactory()
    client.force_login(CoordinatorFactory())

    response = client.post(reverse("publications:harvest_many"), {"scope": "everyone"})

    assert response.status_code == 302 and started == [sorted([with_orcid.pk, with_idhal.pk])]


def test_a_coordinator_imports_chosen_people(client, started):
    chosen, _other = PersonFactory(orcid=ORCID), PersonFactory(idhal="marie-tremblay")
    without = PersonFactory()
    client.force_login(CoordinatorFactory())

    refused = client.post(reverse("publications:harvest_many"), {"scope": "chosen", "people": [without.pk]})
    empty = client.post(reverse("publications:harvest_many"), {"scope": "chosen"})
    client.post(reverse("publications:harvest_many"), {"scope": "chosen", "people": [chosen.pk]})

    assert refused.status_code == empty.status_code == 200 and "people" in empty.context["form"].errors
    assert started == [[chosen.pk]]


def test_members_may_not_import_for_many(client, started):
    client.force_login(MemberFactory())
    assert client.post(reverse("publications:harvest_many"), {"scope": "everyone"}).status_code == 403
    assert started == []


# --- by DOI --------------------------------------------------------------------------------------

@pytest.fixture
def doi_calls(monkeypatch):
    calls = []

    def add_by_doi(*, person, doi, client=None):
        calls.append((person.pk, doi))
        if doi == "10.1000/unknown":
            raise services.PublicationNotFound("No work has this DOI.")
        return PublicationFactory(title="Found by DOI", doi=doi)

    monkeypatch.setattr(services, "add_by_doi", add_by_doi)
    return calls


def test_a_work_is_added_by_its_doi(client, owner, doi_calls):
    client.force_login(owner)

    response = client.post(reverse("publications:add_doi", args=[owner.person.pk]),
                           {"doi": "https://doi.org/10.1000/ABC"}, follow=True)

    assert doi_calls == [(owner.person.pk, "10.1000/abc")]
    assert "“Found by DOI” is on the profile." in response.content.decode()


@pytest.mark.parametrize("doi, message", [
    ("not a doi", "This is not a DOI"),
    ("", "This field is required"),
    ("10.1000/unknown", "No work has this DOI."),
])
def test_doi_errors_are_told_on_the_form(client, owner, doi_calls, doi, message):
    client.force_login(owner)

    response = client.post(reverse("publications:add_doi", args=[owner.person.pk]), {"doi": doi})

    assert response.status_code == 400 and message in " ".join(response.context["doi_form"].errors["doi"])


# --- reference files -----------------------------------------------------------------------------

BIB = rb"""@article{a, title = {Radiomics in gliomas}, author = {Dupont, Jean}, journal = {Lancet}, year = 2021,
doi = {10.1000/radiomics}}
@article{b, author = {Nobody}, year = 2020}
"""


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/plain")


def test_a_reference_file_is_imported_with_its_report(client, owner):
    client.force_login(owner)

    response = client.post(reverse("publications:import_file", args=[owner.person.pk]),
                           {"file": upload("mine.bib", BIB)})

    page = response.content.decode()
    assert response.status_code == 200 and "1 publication added" in page
    assert "It has no title." in page and "1 reference set aside" in page
    link = PersonPublication.objects.get(person=owner.person)
    assert (link.publication.doi, link.origin) == ("10.1000/radiomics", LinkOrigin.FILE)

    again = client.post(reverse("publications:import_file", args=[owner.person.pk]),
                        {"file": upload("mine.bib", BIB)})
    assert "0 publications added" in again.content.decode()
    assert PersonPublication.objects.filter(person=owner.person).count() == 1


@pytest.mark.parametrize("name, content, message", [
    ("photo.bib", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a BIB file"),
    ("refs.docx", b"PK\x03\x04", "Only these kinds of file"),
    ("refs.json", b"{broken", "not valid JSON"),
    ("refs.ris", b"Nothing here", "No reference was found"),
])
def test_a_bad_file_imports_nothing(client, owner, name, content, message):
    client.force_login(owner)

    response = client.post(reverse("publications:import_file", args=[owner.person.pk]),
                           {"file": upload(name, content)})

    assert response.status_code == 400 and message in " ".join(response.context["file_form"].errors["file"])
    assert not PersonPublication.objects.exists()


def test_the_home_page_asks_to_import_once_an_identifier_is_linked(client, owner):
    owner.person.orcid = ORCID
    owner.person.save()
    client.force_login(owner)

    assert 'data-task="publications"' in client.get(reverse("home")).content.decode()
    PersonPublicationFactory(person=owner.person)
    assert 'data-task="publications"' not in client.get(reverse("home")).content.decode()


def test_the_coordinators_page_lists_the_last_failures(client):
    person = PersonFactory(orcid=ORCID, visibility=Visibility.COORDINATORS)
    HarvestState.objects.create(person=person, source="pubmed", last_attempt_at=timezone.now(),
                                last_error="PubMed answered 429 three times.")
    HarvestState.objects.create(person=PersonFactory(), source="orcid", last_success_at=timezone.now())
    client.force_login(CoordinatorFactory())

    response = client.get(reverse("publications:harvest_many"))

    assert [state.person for state in response.context["failures"].object_list] == [person]
    assert "PubMed answered 429 three times." in response.content.decode()
