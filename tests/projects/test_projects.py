"""Joint projects: born of an opportunity (partners, themes, event carried over), drafts seen only
by their partners, partners and status edited with their history, and the timeline of the chain."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from passerelle.core.enums import Territory
from passerelle.funding import services as funding
from passerelle.projects import services
from passerelle.projects.enums import OriginKind, ProjectStatus
from passerelle.projects.models import Project, ProjectPartner
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory
from tests.funding.factories import SDC_RULES, CallFactory

from .factories import ProjectFactory


@pytest.fixture
def opportunity(pair):
    return services.opportunity_create(actor=pair["lea_user"], title="Radiomics of glioblastoma",
                                       description="MRI features and radiotherapy response",
                                       people=[pair["lea"], pair["marc"]], origin_kind=OriginKind.EVENT,
                                       origin_event=pair["event"])


def test_an_opportunity_becomes_a_draft_project_with_a_lead_on_each_side(pair, opportunity):
    coordinator = CoordinatorFactory()
    project = services.project_create_from_opportunity(actor=coordinator, opportunity=opportunity,
                                                       acronym="GLIO-RAD", title_en="Radiomics of glioblastoma")

    assert (project.status, project.opportunity, project.title_fr) == ("draft", opportunity,
                                                                       "Radiomics of glioblastoma")
    assert sorted((p.person.last_name, p.role, p.territory, p.organisation.name) for p in project.partners.all()) == [
        ("Dupont", "lead", "AURA", "Centre Léon Bérard"), ("Tremblay", "lead", "QC", "Université de Sherbrooke")]
    assert list(project.events.all()) == [pair["event"]]
    opportunity.refresh_from_db()
    assert opportunity.status == "project"
    assert opportunity.status_changes.first().by == coordinator


def test_a_second_person_of_a_territory_joins_as_co_investigator(pair, opportunity):
    opportunity.people.add(PersonFactory(last_name="Martin"))
    project = services.project_create_from_opportunity(actor=None, opportunity=opportunity)
    assert project.partners.get(person__last_name="Martin").role == "co_investigator"


def test_a_dropped_opportunity_cannot_become_a_project(pair, opportunity):
    services.opportunity_set_status(actor=None, opportunity=opportunity, to_status="dropped", reason="No time")
    with pytest.raises(ValidationError, match="Only an idea or an opportunity being explored"):
        services.project_create_from_opportunity(actor=None, opportunity=opportunity)
    assert not Project.objects.exists()


def test_the_page_turns_the_opportunity_into_a_project(client, pair, opportunity):
    client.force_login(pair["lea_user"])
    response = client.post(reverse("projects:opportunity_project", args=[opportunity.pk]),
                           {"title_fr": "Radiomique des glioblastomes", "title_en": "Glioblastoma radiomics",
                            "acronym": "GLIO"})
    project = Project.objects.get()
    assert response["Location"] == project.get_absolute_url()
    assert project.created_by == pair["lea_user"]


def test_members_never_see_another_projects_draft(client, pair):
    draft = ProjectFactory(title_en="Secret draft")
    active = ProjectFactory(title_en="Public project", status=ProjectStatus.ACTIVE)
    client.force_login(MemberFactory())

    listing = client.get(reverse("projects:projects")).content.decode()
    assert "Public project" in listing and "Secret draft" not in listing
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("api-project", args=[draft.pk])).status_code == 404
    assert client.get(active.get_absolute_url()).status_code == 200
    assert client.get(reverse("projects:project_edit", args=[active.pk])).status_code == 404


def test_partners_see_their_draft_and_edit_it(client, pair):
    draft = ProjectFactory(partners=[(pair["marc"], "lead")])
    client.force_login(pair["marc_user"])
    assert client.get(draft.get_absolute_url()).status_code == 200
    response = client.post(reverse("projects:project_edit", args=[draft.pk]), {
        "title_fr": "Nouveau titre", "title_en": "", "acronym": "NT", "summary_fr": "", "summary_en": "",
        "start": "2027-01-01", "end": "2026-01-01"})
    assert "The end must come after the start." in response.content.decode()


def test_partners_are_saved_with_the_territory_of_the_person_or_organisation(client, pair):
    project = ProjectFactory(partners=[(pair["lea"], "lead")], created_by=pair["lea_user"])
    company = OrganisationFactory(name="Repare Therapeutics", kind="company", territory=Territory.QC)
    client.force_login(pair["lea_user"])
    first = project.partners.get()
    data = {"partners-TOTAL_FORMS": "3", "partners-INITIAL_FORMS": "1",
            "partners-0-id": first.pk, "partners-0-person": pair["lea"].pk, "partners-0-organisation": pair["clb"].pk,
            "partners-0-role": "lead",
            "partners-1-person": pair["marc"].pk, "partners-1-role": "lead",
            "partners-2-organisation": company.pk, "partners-2-role": "partner"}
    client.post(reverse("projects:project_partners", args=[project.pk]), data)

    assert sorted((str(p), p.territory) for p in ProjectPartner.objects.all()) == [
        ("Léa Dupont (Lead)", "AURA"), ("Marc Tremblay (Lead)", "QC"), ("Repare Therapeutics (Partner)", "QC")]


def test_a_partner_row_needs_a_person_or_an_organisation_and_no_one_twice(client, pair):
    project = ProjectFactory(created_by=pair["lea_user"])
    client.force_login(pair["lea_user"])
    url = reverse("projects:project_partners", args=[project.pk])
    empty = client.post(url, {"partners-TOTAL_FORMS": "1", "partners-INITIAL_FORMS": "0", "partners-0-role": "lead"})
    assert "Choose a person or an organisation." in empty.content.decode()
    twice = client.post(url, {"partners-TOTAL_FORMS": "2", "partners-INITIAL_FORMS": "0",
                              "partners-0-person": pair["lea"].pk, "partners-0-role": "lead",
                              "partners-1-person": pair["lea"].pk, "partners-1-role": "partner"})
    assert "Léa Dupont is listed twice." in twice.content.decode()
    assert not ProjectPartner.objects.exists()


@pytest.mark.parametrize(("moves", "refused"), [
    (["completed"], "cannot go from “Draft” to “Completed”"),
    (["active", "completed", "active"], "cannot go from “Completed” to “Active”"),
    (["draft"], "cannot go from “Draft” to “Draft”"),
])
def test_project_moves_that_are_not_allowed_are_refused(pair, moves, refused):
    project = ProjectFactory()
    *allowed, last = moves
    for move in allowed:
        services.project_set_status(actor=None, project=project, to_status=move)
    with pytest.raises(ValidationError, match=refused):
        services.project_set_status(actor=None, project=project, to_status=last)


def test_the_project_page_shows_the_whole_chain(client, pair, opportunity):
    project = services.project_create_from_opportunity(actor=pair["lea_user"], opportunity=opportunity)
    call = CallFactory(rules=SDC_RULES, title_en="Samuel-De Champlain 2027")
    application = funding.application_create(actor=pair["lea_user"], call=call, project=project,
                                             amounts={"EUR": "9000"})
    funding.application_submit(actor=pair["lea_user"], application=application)
    client.force_login(pair["marc_user"])

    page = client.get(project.get_absolute_url()).content.decode()
    chain = ["Jacques Cartier Meetings 2026", "Opportunity “Radiomics of glioblastoma”: Idea",
             "Opportunity “Radiomics of glioblastoma”: Became a project", "Project: Draft",
             "Application to Samuel-De Champlain 2027: Draft", "Application to Samuel-De Champlain 2027: Submitted"]
    positions = [page.index(step) for step in chain]
    assert positions == sorted(positions)


def test_the_timeline_hides_applications_the_viewer_may_not_see(client, pair, opportunity):
    project = services.project_create_from_opportunity(actor=pair["lea_user"], opportunity=opportunity)
    services.project_set_status(actor=None, project=project, to_status="active")
    funding.application_create(actor=None, call=CallFactory(title_en="Hidden call"), project=project)
    client.force_login(MemberFactory())
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Project: Active" in page and "Hidden call" not in page
