"""A member never sees, attaches nor drops a profile visible to coordinators only, through the
opportunity and project forms, pages and API."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.core.enums import Visibility
from passerelle.projects.enums import PartnerRole
from passerelle.projects.models import Opportunity
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory

from .factories import OpportunityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    user = MemberFactory()
    PersonFactory(user=user, visibility=Visibility.MEMBERS, last_name="Membre")
    return user


@pytest.fixture
def hidden(db):
    return PersonFactory(last_name="Cachée", visibility=Visibility.COORDINATORS)


def test_member_cannot_attach_a_hidden_profile_to_an_opportunity(client, member, hidden):
    client.force_login(member)
    response = client.post(reverse("projects:opportunity_create"), {
        "title": "Idée", "description": "", "people": [hidden.pk, member.person.pk], "origin_kind": "manual",
        "owner": member.pk})
    assert response.status_code == 200
    assert "people" in response.context["form"].errors
    assert not Opportunity.objects.filter(title="Idée").exists()


def test_member_editing_an_opportunity_keeps_the_hidden_people_without_seeing_them(client, member, hidden):
    opportunity = OpportunityFactory(people=[member.person, hidden], owner=member, title="Partagée")
    client.force_login(member)
    page = client.get(reverse("projects:opportunity_edit", args=[opportunity.pk])).content.decode()
    assert "Cachée" not in page
    response = client.post(reverse("projects:opportunity_edit", args=[opportunity.pk]), {
        "title": "Renommée", "description": "", "people": [member.person.pk], "origin_kind": "manual",
        "owner": member.pk})
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert (opportunity.title, set(opportunity.people.all())) == ("Renommée", {member.person, hidden})


def test_opportunity_page_and_api_hide_the_hidden_person_from_members_only(client, member, hidden):
    opportunity = OpportunityFactory(people=[member.person, hidden], owner=member)
    client.force_login(member)
    page = client.get(opportunity.get_absolute_url()).content.decode()
    api = client.get(reverse("api-opportunity", args=[opportunity.pk])).json()
    assert "Cachée" not in page
    assert [p["id"] for p in api["people"]] == [member.person.pk]
    client.force_login(CoordinatorFactory())
    assert "Cachée" in client.get(opportunity.get_absolute_url()).content.decode()


def test_project_partners_of_hidden_profiles_are_neither_shown_nor_dropped(client, member, hidden):
    org = OrganisationFactory(name="Centre Visible")
    project = ProjectFactory(partners=[(member.person, PartnerRole.LEAD), (hidden, PartnerRole.LEAD),
                                       (org, PartnerRole.PARTNER)], created_by=member)
    client.force_login(member)
    assert "Cachée" not in client.get(project.get_absolute_url()).content.decode()
    assert "Cachée" not in client.get(reverse("projects:project_partners", args=[project.pk])).content.decode()
    api = client.get(reverse("api-project", args=[project.pk])).json()
    assert hidden.pk not in [p["person"]["id"] for p in api["partners"] if p["person"]]
    formset_page = client.get(reverse("projects:project_partners", args=[project.pk]))
    formset = formset_page.context["formset"]
    data = {"partners-TOTAL_FORMS": str(formset.total_form_count()),
            "partners-INITIAL_FORMS": str(formset.initial_form_count()),
            "partners-MIN_NUM_FORMS": "0", "partners-MAX_NUM_FORMS": "1000"}
    for i, form in enumerate(formset.forms):
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if value is not None and name != "DELETE":
                data[f"partners-{i}-{name}"] = getattr(value, "pk", value)
    response = client.post(reverse("projects:project_partners", args=[project.pk]), data)
    assert response.status_code == 302
    assert project.partners.filter(person=hidden).exists()
