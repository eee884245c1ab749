"""Publications proposed as outcomes of the joint projects of ``pipeline.py``, counted by hand.

    P1 active, starts 1 Jan 2020, partners alice + chloe, already has X1 (DOI 10.1000/xyz123)
    P2 completed, no start (recorded 10 Jun 2020), partners bruno + denis · P3 draft, farid

    A  10 May 2021  alice, chloe                     → P1
    B  2019 (year)  alice, chloe                     before P1 started → no
    C  2020 (year)  alice, chloe                     may be after the start → P1
    D  2022         alice, chloe, DOI of X1          already an outcome of P1 → no
    E  2021         alice, chloe (chloe hid it)      one partner left → no
    F  2021         alice, bruno                     partners of different projects → no
    G  2021         bruno, denis                     → P2
    H  2022         farid, alice                     P3 is a draft, farid is not in P1 → no
    I  2022         alice, chloe, no DOI             a publication outcome needs its DOI → no
    J  1 Mar 2020   bruno, denis                     before P2 was recorded → no
"""
from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from passerelle.directory.models import AuditEntry
from passerelle.reports import services
from passerelle.reports.enums import OutcomeKind, ProposalStatus
from passerelle.reports.jobs import propose_outcomes
from passerelle.reports.models import Outcome, OutcomeProposal
from passerelle.reports.selectors import outcome_chain
from tests.publications.factories import work


@pytest.fixture
def works(pipeline, world):
    p = world.people
    return {
        "A": work(2021, p["alice"], p["chloe"], published=date(2021, 5, 10)),
        "B": work(2019, p["alice"], p["chloe"]),
        "C": work(2020, p["alice"], p["chloe"]),
        "D": work(2022, p["alice"], p["chloe"], doi="10.1000/XYZ123"),
        "E": work(2021, p["alice"], p["chloe"], hidden=[p["chloe"]]),
        "F": work(2021, p["alice"], p["bruno"]),
        "G": work(2021, p["bruno"], p["denis"]),
        "H": work(2022, p["farid"], p["alice"]),
        "I": work(2022, p["alice"], p["chloe"], doi=""),
        "J": work(2020, p["bruno"], p["denis"], published=date(2020, 3, 1)),
    }


def proposed(pipeline, works) -> set[tuple[str, str]]:
    projects = {project.pk: name for name, project in pipeline.projects.items()}
    names = {publication.pk: name for name, publication in works.items()}
    return {(projects[p], names[w]) for p, w in OutcomeProposal.objects.values_list("project_id", "publication_id")}


def test_works_co_signed_after_the_start_are_proposed_once(pipeline, works):
    assert services.propose_publication_outcomes() == 3
    assert proposed(pipeline, works) == {("P1", "A"), ("P1", "C"), ("P2", "G")}
    assert services.propose_publication_outcomes() == 0
    assert OutcomeProposal.objects.count() == 3
    assert set(OutcomeProposal.objects.values_list("status", flat=True)) == {ProposalStatus.PROPOSED}


def test_a_dismissed_proposal_is_never_made_again(pipeline, works, coordinator):
    services.propose_publication_outcomes()
    proposal = OutcomeProposal.objects.get(publication=works["C"])
    services.proposal_dismiss(actor=coordinator, proposal=proposal)
    assert services.propose_publication_outcomes() == 0
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DISMISSED and proposal.decided_by == coordinator
    assert OutcomeProposal.objects.filter(publication=works["C"]).count() == 1
    assert not Outcome.objects.filter(doi=works["C"].doi).exists()


def test_the_periodic_job_proposes(pipeline, works):
    assert propose_outcomes(None, lambda *args: None) == {"proposed": 3}


def test_confirming_records_one_outcome_whose_chain_reaches_the_meeting_and_the_event(pipeline, works, coordinator):
    services.propose_publication_outcomes()
    proposal = OutcomeProposal.objects.get(publication=works["A"])
    outcome = services.proposal_confirm(actor=coordinator, proposal=proposal)
    assert (outcome.project, outcome.kind, outcome.doi, outcome.date) == (
        pipeline.projects["P1"], OutcomeKind.PUBLICATION, works["A"].doi, date(2021, 5, 10))
    assert outcome.title_fr == works["A"].title and outcome.link == f"https://doi.org/{works['A'].doi}"
    proposal.refresh_from_db()
    assert (proposal.status, proposal.outcome, proposal.decided_by) == (ProposalStatus.CONFIRMED, outcome, coordinator)
    assert AuditEntry.objects.filter(object_type="outcome_proposal", object_id=proposal.pk, actor=coordinator).exists()
    assert AuditEntry.objects.filter(object_type="outcome", object_id=outcome.pk, actor=coordinator).exists()
    chain = outcome_chain(outcome, coordinator)
    assert [step.kind for step in chain] == ["outcome", "project", "application", "opportunity", "meeting", "event"]
    with pytest.raises(services.ValidationError):
        services.proposal_confirm(actor=coordinator, proposal=proposal)
    assert Outcome.objects.filter(doi=works["A"].doi).count() == 1


def test_a_year_only_work_is_dated_the_first_of_january(pipeline, works, coordinator):
    services.propose_publication_outcomes()
    outcome = services.proposal_confirm(actor=coordinator, proposal=OutcomeProposal.objects.get(publication=works["C"]))
    assert outcome.date == date(2020, 1, 1)


def test_a_long_title_is_shortened_to_fit(pipeline, world, coordinator):
    long = work(2022, world.people["alice"], world.people["chloe"], title="Radiomics " * 60)
    services.propose_publication_outcomes()
    outcome = services.proposal_confirm(actor=coordinator, proposal=OutcomeProposal.objects.get(publication=long))
    assert len(outcome.title_fr) == 255 and outcome.title_fr.endswith("…")


def test_coordinators_confirm_and_dismiss_from_the_pages(pipeline, works, coordinator_client):
    services.propose_publication_outcomes()
    assert "Proposed publications (3)" in coordinator_client.get(reverse("reports:dashboard")).content.decode()
    listing = coordinator_client.get(reverse("reports:outcome_proposals")).content.decode()
    assert works["A"].title in listing and works["G"].title in listing and works["F"].title not in listing
    assert "Alice" in listing and "Chloé" in listing
    proposal = OutcomeProposal.objects.get(publication=works["A"])
    url = reverse("reports:proposal_confirm", args=[proposal.pk])
    page = coordinator_client.get(url).content.decode()
    assert "Record this publication as an outcome of" in page and 'name="csrfmiddlewaretoken"' in page
    assert not Outcome.objects.filter(doi=works["A"].doi).exists()  # the page alone changes nothing
    response = coordinator_client.post(url)
    outcome = Outcome.objects.get(doi=works["A"].doi)
    assert response.status_code == 302 and response.url == outcome.get_absolute_url()
    assert coordinator_client.post(url).status_code == 404  # decided: no second outcome
    assert Outcome.objects.filter(doi=works["A"].doi).count() == 1

    other = OutcomeProposal.objects.get(publication=works["G"])
    dismiss = reverse("reports:proposal_dismiss", args=[other.pk])
    assert "It will not be proposed again" in coordinator_client.get(dismiss).content.decode()
    assert coordinator_client.post(dismiss).status_code == 302
    other.refresh_from_db()
    assert other.status == ProposalStatus.DISMISSED
    decided = coordinator_client.get(reverse("reports:outcome_proposals") + "?status=dismissed").content.decode()
    assert works["G"].title in decided


def test_members_and_partners_may_not_decide(pipeline, works, world, member, member_client):
    services.propose_publication_outcomes()
    proposal = OutcomeProposal.objects.get(publication=works["A"])
    for url in (reverse("reports:proposal_confirm", args=[proposal.pk]),
                reverse("reports:proposal_dismiss", args=[proposal.pk])):
        assert member_client.post(url).status_code == 403
    alice = world.people["alice"]  # the member is now Alice, a partner of P1
    alice.user = member
    alice.save()
    assert member_client.post(reverse("reports:proposal_confirm", args=[proposal.pk])).status_code == 403
    assert member_client.get(reverse("reports:outcome_proposals")).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED and not Outcome.objects.filter(doi=works["A"].doi).exists()


def test_deciding_needs_the_csrf_token(pipeline, works, coordinator):
    services.propose_publication_outcomes()
    proposal = OutcomeProposal.objects.get(publication=works["A"])
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(coordinator)
    assert strict.post(reverse("reports:proposal_confirm", args=[proposal.pk])).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED
