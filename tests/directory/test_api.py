"""The read API: people and organisations, their OpenAPI document and browsable docs."""
from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_api_person_holds_the_profile_with_its_tags(member_client):
    org = OrganisationFactory(name="CHUM")
    person = PersonFactory(first_name="Louise", last_name="Bouchard", organisation=org, categories=["5.3"],
                           sites=[7], techniques=["immunotherapy"], languages=["fr"], orcid="0000-0002-1825-0097",
                           offers="Cohorte\nBiobanque", seeks="Partenaire industriel")
    body = member_client.get(reverse("api-person", args=[person.pk])).json()
    assert {k: body[k] for k in ("first_name", "last_name", "orcid", "categories", "sites", "techniques",
                                 "languages", "offers", "seeks", "affiliations")} == {
        "first_name": "Louise", "last_name": "Bouchard", "orcid": "0000-0002-1825-0097", "categories": ["5.3"],
        "sites": [7], "techniques": ["immunotherapy"], "languages": ["fr"], "offers": ["Cohorte", "Biobanque"],
        "seeks": ["Partenaire industriel"],
        "affiliations": [{"organisation": org.pk, "organisation_name": "CHUM", "position": "", "is_primary": True}],
    }


def test_api_does_not_reveal_visibility_or_account(client):
    person = PersonFactory()
    body = client.get(reverse("api-person", args=[person.pk])).json()
    assert {"visibility", "user", "consent_date", "search_document"} & set(body) == set()


def test_api_organisation_detail(client):
    parent = OrganisationFactory(name="Université Laval")
    org = OrganisationFactory(name="CRCHU de Québec", parent=parent, ror_id="03yrm5c26")
    body = client.get(reverse("api-organisation", args=[org.pk])).json()
    assert (body["name"], body["parent"], body["ror_id"]) == ("CRCHU de Québec", parent.pk, "03yrm5c26")


def test_api_page_size_can_be_chosen(client):
    PersonFactory.create_batch(5)
    body = client.get(reverse("api-people"), {"page_size": 2, "page": 3}).json()
    assert (body["count"], len(body["results"]), body["next"]) == (5, 1, None)


def test_api_is_read_only(coordinator_client):
    response = coordinator_client.post(reverse("api-people"), {"first_name": "X"})
    assert response.status_code in (403, 405)


def test_openapi_document_is_valid_json_with_the_directory_paths(client):
    response = client.get(reverse("api-schema"))
    schema = response.json()
    assert response.status_code == 200
    assert schema["openapi"].startswith("3.")
    assert {"/api/people", "/api/people/{id}", "/api/organisations", "/api/organisations/{id}"} <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/people"]["get"]["parameters"]}
    assert {"q", "territory", "kind", "organisation", "category", "site", "technique", "language", "sort",
            "page"} <= parameters
    assert "count" in schema["components"]["schemas"]["PaginatedPersonList"]["properties"]


def test_api_docs_render(client):
    page = client.get(reverse("api-docs"))
    script = client.get(reverse("api-docs"), {"script": ""})
    assert (page.status_code, script.status_code) == (200, 200)
    assert "swagger-ui-bundle.js" in page.content.decode()
    assert reverse("api-schema") in script.content.decode()
