"""``GET /api/publications`` and the works in ``GET /api/people/<id>``: what each caller may see.

    alice (AURA, public) · chloe (QC, public) · denis (QC, members only) · gaspard (AURA, coordinators
    only) · hugo (AURA, public)

    W1 2021 alice, chloe                 across
    W2 2020 alice, hugo
    W3 2021 gaspard                      coordinators only
    W4 2021 denis, alice (alice hid it)  members see it through denis; not across (alice's link is hidden)
    W5 2022 gaspard, chloe               across for coordinators only; others see chloe alone
    W6 2019 chloe, who hid it            nobody

    anonymous: W5, W1, W2 · member: W5, W1, W4, W2 · coordinator: W5, W1, W3, W4, W2
"""
from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from passerelle.core.enums import Territory, Visibility
from tests.factories import PersonFactory
from tests.publications.factories import work


@pytest.fixture
def people(db):
    return {
        "alice": PersonFactory(first_name="Alice", territory=Territory.AURA),
        "chloe": PersonFactory(first_name="Chloé", territory=Territory.QC),
        "denis": PersonFactory(first_name="Denis", territory=Territory.QC, visibility=Visibility.MEMBERS),
        "gaspard": PersonFactory(first_name="Gaspard", territory=Territory.AURA, visibility=Visibility.COORDINATORS),
        "hugo": PersonFactory(first_name="Hugo", territory=Territory.AURA),
    }


@pytest.fixture
def works(people):
    p = people
    return {
        "W1": work(2021, p["alice"], p["chloe"], title="W1 joint radiomics"),
        "W2": work(2020, p["alice"], p["hugo"], title="W2 Lyon cohort"),
        "W3": work(2021, p["gaspard"], title="W3 hidden profile's work"),
        "W4": work(2021, p["denis"], p["alice"], hidden=[p["alice"]], title="W4 denis and alice"),
        "W5": work(2022, p["gaspard"], p["chloe"], title="W5 gaspard and chloe"),
        "W6": work(2019, p["chloe"], hidden=[p["chloe"]], title="W6 hidden by chloe"),
    }


def titles(client, **params) -> list[str]:
    response = client.get(reverse("api-publications"), params)
    assert response.status_code == 200, response.content
    return [item["title"].split()[0] for item in response.json()["results"]]


def test_each_caller_sees_the_works_of_the_links_they_may_see(works, member_client):
    assert titles(Client()) == ["W5", "W1", "W2"]
    assert titles(member_client) == ["W5", "W1", "W4", "W2"]


def test_coordinators_see_hidden_profiles_but_never_hidden_links(works, coordinator_client):
    assert titles(coordinator_client) == ["W5", "W1", "W3", "W4", "W2"]


def test_filters(works, people, member_client):
    assert titles(member_client, year=2021) == ["W1", "W4"]
    assert titles(member_client, cross_border=1) == ["W1"]
    assert titles(member_client, person=people["alice"].pk) == ["W1", "W2"]  # W4: alice hid it
    assert titles(member_client, person=people["gaspard"].pk) == []


def test_cross_border_for_coordinators(works, people, coordinator_client):
    assert titles(coordinator_client, cross_border=1) == ["W5", "W1"]
    assert titles(coordinator_client, person=people["gaspard"].pk) == ["W5", "W3"]


def test_a_member_never_reads_a_hidden_profile_in_a_work(works, people, member_client):
    data = member_client.get(reverse("api-publications"), {"year": 2022}).json()["results"]
    assert len(data) == 1
    w5 = data[0]
    assert [person["name"].split()[0] for person in w5["people"]] == ["Chloé"]
    assert w5["cross_border"] is False
    assert [author["name"].split()[0] if author["name"] else "" for author in w5["authors"]] == ["", "Chloé"]
    assert "Gaspard" not in member_client.get(reverse("api-publications")).content.decode()
    w4 = member_client.get(reverse("api-publications"), {"person": people["denis"].pk}).json()["results"][0]
    assert [person["name"].split()[0] for person in w4["people"]] == ["Denis"]
    assert w4["authors"][1]["name"] == ""  # alice hid it


def test_bad_filters_are_named(db, client):
    response = client.get(reverse("api-publications"), {"year": "twenty", "person": "-3"})
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"year", "person"}


def test_pages_like_the_other_lists(works, coordinator_client):
    data = coordinator_client.get(reverse("api-publications"), {"page_size": 2}).json()
    assert data["count"] == 5 and len(data["results"]) == 2 and data["next"]


def test_a_persons_answer_lists_their_visible_works(works, people, member, member_client):
    def works_of(client, who) -> list[str]:
        response = client.get(reverse("api-person", args=[people[who].pk]))
        return [item["title"].split()[0] for item in response.json()["publications"]] \
            if response.status_code == 200 else response.status_code

    assert works_of(Client(), "chloe") == ["W5", "W1"]
    assert works_of(member_client, "alice") == ["W1", "W2"]
    assert works_of(member_client, "gaspard") == 404
    people["alice"].user = member  # her own hidden work stays out of the API
    people["alice"].save()
    assert works_of(member_client, "alice") == ["W1", "W2"]


def test_a_coordinator_reads_a_hidden_profiles_works(works, people, coordinator_client):
    response = coordinator_client.get(reverse("api-person", args=[people["gaspard"].pk]))
    assert [item["title"].split()[0] for item in response.json()["publications"]] == ["W5", "W3"]


def test_the_openapi_document_describes_them(db, client):
    schema = client.get(reverse("api-schema")).json()
    parameters = {p["name"] for p in schema["paths"]["/api/publications"]["get"]["parameters"]}
    assert {"person", "year", "cross_border", "page"} <= parameters
    person = schema["paths"]["/api/people/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    name = person["$ref"].rsplit("/", 1)[-1]
    assert "publications" in schema["components"]["schemas"][name]["properties"]


@pytest.mark.parametrize("params", [{"person": "9" * 30}, {"year": "9" * 30}, {"page": "9" * 30},
                                    {"cross_border": "\x00"}, {"person": "1\x00"}])
def test_absurd_filters_never_fail(works, client, params):
    response = client.get(reverse("api-publications"), params)
    assert response.status_code in (200, 400, 404)
    assert "error" in response.json() or "results" in response.json()
