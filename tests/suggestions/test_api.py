"""API: a person's suggestions and an idea's, with the pages' access rules; the OpenAPI document."""
from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import CoordinatorFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_a_person_gets_their_suggestions_with_reasons(client, community):
    client.force_login(community.owner)
    data = client.get(reverse("api-person-suggestions", args=[community.clinician.pk]), {"k": 2}).json()
    assert data["person"] == community.clinician.pk
    assert len(data["results"]) == 2
    first = data["results"][0]
    assert (first["id"], first["last_name"], first["territory"]) == (community.company.pk, "Tremblay", "QC")
    assert first["organisations"] == ["Imagia"]
    assert 2 <= len(first["reasons"]) <= 4
    assert first["score"] == pytest.approx(sum(first["components"].values()))
    assert first["url"] == community.company.get_absolute_url()


def test_person_suggestions_follow_the_access_rules(client, community):
    url = reverse("api-person-suggestions", args=[community.clinician.pk])
    assert client.get(url).status_code == 401
    client.force_login(MemberFactory())
    assert client.get(url).status_code == 403
    assert client.get(reverse("api-person-suggestions", args=[community.hidden.pk])).status_code == 404
    client.force_login(CoordinatorFactory())
    names = [r["last_name"] for r in client.get(url, {"k": 50}).json()["results"]]
    assert "Cachée" in names  # coordinators see every profile


def test_person_suggestions_take_the_filters(client, community):
    client.force_login(community.owner)
    url = reverse("api-person-suggestions", args=[community.clinician.pk])
    assert [r["last_name"] for r in client.get(url, {"kind": "company"}).json()["results"]] == ["Tremblay"]
    members = [r["last_name"] for r in client.get(url, {"k": 50}).json()["results"]]
    assert "Cachée" not in members
    assert len(client.get(url, {"k": "many"}).json()["results"]) == len(members)


def test_an_idea_posted_as_json(client, community):
    client.force_login(MemberFactory())
    response = client.post(reverse("api-idea-suggestions"), {
        "text": "Radiomique des IRM de glioblastome pour prédire la réponse à la radiothérapie",
        "sites": [6], "territory": "QC", "k": 3,
    }, content_type="application/json")
    data = response.json()
    assert response.status_code == 200
    assert {p["last_name"] for p in data["people"][:2]} == {"Tremblay", "Martin"}
    assert len(data["people"]) <= 3
    assert data["organisations"][0]["name"] == "Imagia"
    assert all(p["last_name"] != "Cachée" for p in data["people"])


def test_a_bad_idea_is_refused_field_by_field(client, community):
    client.force_login(MemberFactory())
    response = client.post(reverse("api-idea-suggestions"), {"text": "x", "sites": [999]},
                           content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"text", "sites"}
    client.logout()
    assert client.post(reverse("api-idea-suggestions"), {"text": "x"}, content_type="application/json"
                       ).status_code == 401


def test_the_openapi_document_describes_both_endpoints(client, db):
    schema = client.get(reverse("api-schema")).json()
    person = schema["paths"]["/api/people/{id}/suggestions"]["get"]
    assert {p["name"] for p in person["parameters"]} >= {"id", "k", "both", "kind", "category"}
    idea = schema["paths"]["/api/suggestions/idea"]["post"]
    body = idea["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert {"text", "sites", "categories", "territory"} <= set(schema["components"]["schemas"][body]["properties"])
