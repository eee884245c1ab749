"""The read API of calls and applications: who sees what, deadlines in the call's zone, amounts per
currency, eligibility in words; and the endpoints are in the OpenAPI document."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from passerelle.funding import services
from tests.factories import CoordinatorFactory, MemberFactory

from .factories import CallFactory

pytestmark = pytest.mark.django_db


def test_calls_are_public_but_drafts_with_dates_in_their_zone(client):
    CallFactory(slug="sdc-2027", time_zone="America/Montreal",
                opens_at=datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("America/Montreal")),
                closes_at=datetime(2027, 3, 15, 17, tzinfo=ZoneInfo("America/Montreal")),
                rules={"max_duration": {"months": 24}})
    CallFactory(slug="brouillon", status="draft")

    results = client.get(reverse("api-calls")).json()["results"]

    assert [(c["slug"], c["closes_at"], c["time_zone"]) for c in results] == [
        ("sdc-2027", "2027-03-15T17:00:00-04:00", "America/Montreal")]
    assert results[0]["rules"] == [{"kind": "max_duration", "params": {"months": 24}}]
    assert client.get(reverse("api-call", args=["brouillon"])).status_code == 404
    client.force_login(CoordinatorFactory())
    assert client.get(reverse("api-call", args=["brouillon"])).status_code == 200


def test_applications_are_shown_to_their_applicants_and_coordinators_only(client, case):
    application = services.application_check_eligibility(
        actor=None, application=services.application_submit(actor=None, application=case["application"]))
    url = reverse("api-application", args=[application.pk])

    assert client.get(reverse("api-applications")).json()["results"] == []
    assert client.get(url).status_code == 404
    client.force_login(MemberFactory())
    assert client.get(reverse("api-applications")).json()["results"] == []
    assert client.get(url).status_code == 404

    client.force_login(case["lea_user"])
    data = client.get(url).json()
    assert data["status"] == "eligible"
    assert data["amounts"] == [{"currency": "CAD", "requested": "18000.00", "granted": None},
                               {"currency": "EUR", "requested": "12000.00", "granted": None}]
    assert data["eligibility"][0] == {"rule": "leads_per_territory", "passed": True,
                                      "message": "A lead in each territory: met."}
    client.force_login(CoordinatorFactory())
    assert [a["id"] for a in client.get(reverse("api-applications"), {"status": "eligible"}).json()["results"]] \
        == [application.pk]
    assert client.get(reverse("api-applications"), {"status": "funded"}).json()["results"] == []


def test_the_openapi_document_describes_the_projects_and_funding_endpoints(client):
    paths = client.get(reverse("api-schema")).json()["paths"]
    for path in ("/api/opportunities", "/api/opportunities/{id}", "/api/projects", "/api/projects/{id}",
                 "/api/calls", "/api/calls/{slug}", "/api/applications", "/api/applications/{id}"):
        assert "get" in paths[path], path
        assert paths[path]["get"]["summary"]
