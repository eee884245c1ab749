"""Organisations: created and edited by coordinators, ROR ids checked, parents without cycles."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.directory.models import AuditEntry, Organisation
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def org_data(**changes) -> dict:
    data = {"name": "Centre Léon Bérard", "acronym": "CLB", "kind": "cancer_centre", "territory": "AURA",
            "city": "Lyon", "website": "https://www.centreleonberard.fr", "ror_id": "", "parent": ""}
    data.update(changes)
    return data


def errors_of(response) -> dict:
    return {field: list(errors) for field, errors in response.context["form"].errors.items()}


def test_coordinator_creates_an_organisation_with_its_ror_url(coordinator_client, coordinator):
    response = coordinator_client.post(reverse("directory:organisation_create"),
                                       org_data(ror_id="https://ror.org/03yrm5c26"))
    org = Organisation.objects.get()
    assert (response["Location"], org.ror_id) == (org.get_absolute_url(), "03yrm5c26")
    assert "centre leon berard" in org.search_document
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.changes["name"]) == ("create", coordinator, ["", "Centre Léon Bérard"])


def test_invalid_ror_is_reported_on_the_ror_field(coordinator_client):
    response = coordinator_client.post(reverse("directory:organisation_create"), org_data(ror_id="03yrm5c27"))
    assert list(errors_of(response)) == ["ror_id"]
    assert Organisation.objects.count() == 0


def test_duplicate_ror_is_reported_on_the_ror_field(coordinator_client):
    OrganisationFactory(ror_id="03yrm5c26")
    response = coordinator_client.post(reverse("directory:organisation_create"), org_data(ror_id="03YRM5C26"))
    assert list(errors_of(response)) == ["ror_id"]


def test_an_organisation_cannot_become_its_own_ancestor(coordinator_client):
    top = OrganisationFactory(name="Université")
    unit = OrganisationFactory(name="Laboratoire", parent=top)
    response = coordinator_client.post(reverse("directory:organisation_edit", args=[top.pk]),
                                       org_data(name="Université", parent=unit.pk))
    assert list(errors_of(response)) == ["parent"]
    top.refresh_from_db()
    assert top.parent is None


def test_renaming_an_organisation_updates_its_members_search_and_is_audited(coordinator_client):
    org = OrganisationFactory(name="Institut A")
    person = PersonFactory(organisation=org)
    coordinator_client.post(reverse("directory:organisation_edit", args=[org.pk]), org_data(name="Gustave Roussy"))
    person.refresh_from_db()
    assert "gustave roussy" in person.search_document
    assert AuditEntry.objects.get(action="update").changes["name"] == ["Institut A", "Gustave Roussy"]


def test_organisation_history_lists_the_changes(coordinator_client):
    org = OrganisationFactory(name="Institut A", city="Lyon")
    coordinator_client.post(reverse("directory:organisation_edit", args=[org.pk]),
                            org_data(name="Institut A", city="Grenoble"))
    response = coordinator_client.get(reverse("directory:organisation_history", args=[org.pk]))
    assert [e.changes["city"] for e in response.context["page"].object_list] == [["Lyon", "Grenoble"]]


def test_deleting_an_organisation_keeps_its_people_and_records_it(coordinator_client):
    org = OrganisationFactory(name="Fermé")
    person = PersonFactory(organisation=org)
    response = coordinator_client.post(reverse("directory:organisation_delete", args=[org.pk]))
    assert response["Location"] == reverse("directory:organisations")
    assert list(person.affiliations.all()) == []
    assert AuditEntry.objects.filter(action="delete", object_type="organisation").count() == 1


def test_organisation_page_lists_its_units(client):
    top = OrganisationFactory(name="Université Grenoble Alpes")
    OrganisationFactory(name="Institut pour l'avancée des biosciences", parent=top)
    response = client.get(top.get_absolute_url())
    assert [c.name for c in response.context["children"]] == ["Institut pour l'avancée des biosciences"]
