"""Bodies and page numbers an attacker would send answer 400 or a page, never 500."""
from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.factories import MemberFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("body", ["[1, 2, 3]", '"a string"', "42", "null", "[" * 5000 + "]" * 5000,
                                  '{"text": ' * 3000 + "1" + "}" * 3000, "{not json"],
                         ids=["array", "string", "number", "null", "nested-arrays", "nested-objects", "broken"])
def test_the_idea_api_answers_400_to_a_body_that_is_not_an_object(client, body):
    client.force_login(MemberFactory())
    response = client.post(reverse("api-idea-suggestions"), data=body, content_type="application/json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (400, "parse_error") and error["message"]


def test_the_idea_api_still_answers_a_proper_object(client):
    client.force_login(MemberFactory())
    response = client.post(reverse("api-idea-suggestions"), data=json.dumps({"text": ""}),
                           content_type="application/json")
    assert (response.status_code, list(response.json())) == (400, ["error"])
    assert list(response.json()["error"]["fields"]) == ["text"]


@pytest.mark.parametrize("page", ["9999999999999999999", "-5", "0", "abc", "1e9", "99999"])
def test_a_huge_or_odd_page_number_shows_a_page(client, page):
    PersonFactory(last_name="Radiomique", expertise="radiomique", visibility="public")
    for query in ({"page": page}, {"page": page, "q": "radiomique"}):
        response = client.get(reverse("directory:people"), query)
        assert response.status_code == 200
        assert "Radiomique" in response.content.decode()


def test_a_huge_page_number_in_the_api_is_a_404_not_a_500(client):
    response = client.get(reverse("api-people"), {"page": "9999999999999999999"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
