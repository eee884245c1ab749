"""Reading publications on the web: the profile's block, a person's whole list, a work's page — each
role sees only what it may, and hidden profiles and hidden links never leak."""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from passerelle.core.enums import Visibility
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory

from .factories import AuthorshipFactory, PersonPublicationFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    user = MemberFactory()
    PersonFactory(user=user, visibility=Visibility.MEMBERS)
    return user


def work(person, *, hidden=False, **fields):
    return PersonPublicationFactory(person=person, hidden=hidden, publication=PublicationFactory(**fields))


def test_the_profile_lists_works_newest_year_first(client, owner):
    person = owner.person
    for title, year in (("Old", 2015), ("Undated", None), ("New", 2024), ("Middle", 2020)):
        work(person, title=title, year=year)
    client.force_login(MemberFactory())

    page = client.get(person.get_absolute_url()).content.decode()

    positions = [page.index(f">{title}</a>") for title in ("New", "Middle", "Old", "Undated")]
    assert positions == sorted(positions)


def test_a_hidden_work_is_shown_only_to_its_person_and_coordinators(client, owner):
    person = owner.person
    hidden = work(person, hidden=True, title="A retracted preprint")
    work(person, title="A shown article")
    member, coordinator = MemberFactory(), CoordinatorFactory()

    client.force_login(member)
    for url in (person.get_absolute_url(), reverse("publications:person", args=[person.pk])):
        page = client.get(url).content.decode()
        assert "A shown article" in page and "A retracted preprint" not in page
    assert client.get(hidden.publication.get_absolute_url()).status_code == 404

    client.force_login(owner)
    page = client.get(person.get_absolute_url()).content.decode()
    assert "A retracted preprint" in page and "Show again" in page and ">hidden<" in page
    assert client.get(hidden.publication.get_absolute_url()).status_code == 200

    client.force_login(coordinator)
    page = client.get(reverse("publications:person", args=[person.pk])).content.decode()
    assert "A retracted preprint" in page and ">hidden<" in page


def test_a_hidden_profile_s_works_never_leak_to_members(client):
    secret = PersonFactory(visibility=Visibility.COORDINATORS, first_name="Secret", last_name="Person")
    link = work(secret, title="Only by a hidden profile")
    client.force_login(MemberFactory())

    assert client.get(reverse("publications:person", args=[secret.pk])).status_code == 404
    assert client.get(link.publication.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(link.publication.get_absolute_url()).status_code == 404


def test_co_authors_are_linked_only_when_the_viewer_may_open_them(client):
    public = PersonFactory(first_name="Marie", last_name="Tremblay")
    secret = PersonFactory(visibility=Visibility.COORDINATORS)
    shy = PersonFactory()
    publication = PublicationFactory(title="Co-signed", doi="10.1000/abc", pmid="123456", hal_id="hal-0123456")
    for person, hidden in ((public, False), (secret, False), (shy, True)):
        PersonPublicationFactory(person=person, publication=publication, hidden=hidden)
    AuthorshipFactory(publication=publication, position=1, name="M. Tremblay", person=public)
    AuthorshipFactory(publication=publication, position=2, name="S. Secret", person=secret)
    AuthorshipFactory(publication=publication, position=3, name="H. Shy", person=shy)
    AuthorshipFactory(publication=publication, position=4, name="Someone Else")
    client.force_login(MemberFactory())

    page = client.get(publication.get_absolute_url()).content.decode()

    assert f'href="{public.get_absolute_url()}"' in page
    assert secret.get_absolute_url() not in page and shy.get_absolute_url() not in page
    assert "S. Secret" in page and "H. Shy" in page  # the author list as published stays
    assert "https://doi.org/10.1000/abc" in page
    assert "https://pubmed.ncbi.nlm.nih.gov/123456/" in page and "https://hal.science/hal-0123456" in page

    client.force_login(CoordinatorFactory())
    page = client.get(publication.get_absolute_url()).content.decode()
    assert secret.get_absolute_url() in page and shy.get_absolute_url() in page


def test_a_work_s_text_is_escaped(client):
    link = work(PersonFactory(), title="<script>alert(1)</script>", abstract="<img src=x onerror=alert(1)>")

    page = client.get(link.publication.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in page and "<img src=x" not in page and "&lt;script&gt;" in page


def test_a_long_list_is_paginated_and_the_profile_shows_the_newest(client, owner):
    for year in range(1990, 2020):
        work(owner.person, title=f"Work of {year}", year=year)
    client.force_login(MemberFactory())

    profile = client.get(owner.person.get_absolute_url()).content.decode()
    first = client.get(reverse("publications:person", args=[owner.person.pk]))
    last = client.get(reverse("publications:person", args=[owner.person.pk]) + "?page=2")

    assert "Work of 2019" in profile and "Work of 2010" in profile and "Work of 2009" not in profile
    assert reverse("publications:person", args=[owner.person.pk]) in profile
    assert len(first.context["page"].object_list) == 25 and "Work of 2019" in first.content.decode()
    assert [link.publication.year for link in last.context["page"].object_list] == [1994, 1993, 1992, 1991, 1990]


def test_empty_states(client, owner):
    client.force_login(owner)
    assert "No publication on this profile yet" in client.get(owner.person.get_absolute_url()).content.decode()
    client.force_login(MemberFactory())
    assert "person-publications" not in client.get(owner.person.get_absolute_url()).content.decode()


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def test_the_profile_page_s_queries_do_not_grow_with_works(client, owner, settings):
    settings.READ_CACHE = False
    client.force_login(MemberFactory())
    url = owner.person.get_absolute_url()
    work(owner.person, title="First")
    one = queries_of(client, url)
    for n in range(5):
        work(owner.person, title=f"W{n}")

    assert queries_of(client, url) == one
