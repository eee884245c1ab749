"""Every error under /api/ has one JSON shape, ``{"error": {status, code, message, fields?}}``;
calls that need a signed-in caller get 401 (never a redirect); the API is throttled per account
and per client address (429 with Retry-After); the OpenAPI document describes all of it."""
from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from passerelle.accounts import api_tokens
from tests.factories import MemberFactory
from tests.meetings.factories import make_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def error_of(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    error = body["error"]
    assert error["status"] == status and isinstance(error["code"], str) and error["message"]
    return error


def test_anonymous_agenda_is_401_json_with_the_bearer_challenge(client):
    response = client.get(reverse("api-meetings-agenda"))
    assert error_of(response, 401)["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert "Location" not in response


def test_anonymous_idea_and_suggestions_are_401_json(client):
    assert error_of(client.post(reverse("api-idea-suggestions"), {"text": "x"}, content_type="application/json"),
                    401)["code"] == "not_authenticated"
    assert error_of(client.get(reverse("api-person-suggestions", args=[1])), 401)["code"] == "not_authenticated"


def test_a_member_asking_for_a_coordinators_endpoint_gets_403_json(client):
    session = make_session(tables=1)
    client.force_login(MemberFactory())
    error = error_of(client.get(reverse("api-meetings-session", args=[session.event.slug])), 403)
    assert error["code"] == "permission_denied" and "coordinators" in error["message"]


@pytest.mark.parametrize("path", ["/api/no-such-endpoint", "/api/people/12/nothing", "/api/", "/api/events/"])
def test_unknown_addresses_under_the_api_are_404_json(client, path):
    assert error_of(client.get(path), 404)["code"] == "not_found"
    assert error_of(client.post(path, {"a": 1}), 404)["code"] == "not_found"


def test_an_address_missing_its_slash_is_still_redirected(client):
    response = client.get("/api/docs")
    assert (response.status_code, response["Location"]) == (301, "/api/docs/")


def test_a_missing_object_is_404_json_without_naming_the_model(client):
    error = error_of(client.get(reverse("api-person", args=[987654])), 404)
    assert error["code"] == "not_found" and "Person" not in error["message"]


def test_a_wrong_method_is_405_json(client):
    client.force_login(MemberFactory())
    assert error_of(client.get(reverse("api-idea-suggestions")), 405)["code"] == "method_not_allowed"
    assert error_of(client.delete(reverse("api-people")), 405)["code"] == "method_not_allowed"


def test_refused_fields_are_named_in_a_400(client):
    error = error_of(client.get(reverse("api-indicators"), {"territory": "MARS"}), 400)
    assert error["code"] == "invalid" and list(error["fields"]) == ["territory"]
    assert all(isinstance(message, str) for message in error["fields"]["territory"])


def test_an_unexpected_failure_is_500_json(db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("passerelle.reports.api.indicator_table", broken)
    response = Client(raise_request_exception=False).get(reverse("api-indicators"))
    error = error_of(response, 500)
    assert error["code"] == "server_error" and "boom" not in error["message"]


def test_pages_keep_sending_visitors_to_sign_in(client):
    response = client.get(reverse("meetings:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_anonymous_calls_are_throttled_per_address_with_retry_after(client, settings):
    settings.API_RATE_ANON = "2/minute"
    cache.clear()
    url = reverse("api-organisations")
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]

    response = client.get(url)

    assert error_of(response, 429)["code"] == "throttled"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert client.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200  # another address has its own budget


def test_token_calls_are_throttled_per_account(client, settings):
    settings.API_RATE_USER = "2/minute"
    cache.clear()
    member = MemberFactory()
    first = api_tokens.token_create(user=member, name="one").secret
    second = api_tokens.token_create(user=member, name="two").secret
    url = reverse("api-meetings-agenda")
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {first}").status_code == 200
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {second}").status_code == 200

    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {first}")

    assert error_of(response, 429)["code"] == "throttled" and int(response["Retry-After"]) >= 1
    other = api_tokens.token_create(user=MemberFactory(), name="other").secret
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {other}").status_code == 200
    assert client.get(reverse("api-organisations")).status_code == 200  # anonymous budget untouched


def test_the_openapi_document_describes_the_bearer_scheme_and_the_error_shape(client):
    schema = client.get(reverse("api-schema")).json()

    assert schema["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    error = schema["components"]["schemas"]["Error"]
    assert set(error["properties"]["error"]["required"]) == {"status", "code", "message"}
    agenda = schema["paths"]["/api/meetings/agenda"]["get"]
    assert {"bearerAuth": []} in agenda["security"]
    for status in ("401", "403", "404", "429"):
        assert agenda["responses"][status]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"}
    assert schema["paths"]["/api/indicators"]["get"]["responses"]["400"]["content"]["application/json"][
        "schema"] == {"$ref": "#/components/schemas/Error"}
