"""Opportunities: recording one from each origin (the API other apps call), its status moves with
their history and reasons, who sees and edits it, and the e-mails."""
from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from passerelle.core.models import CancerSite
from passerelle.projects import services
from passerelle.projects.enums import OpportunityStatus, OriginKind
from passerelle.projects.models import Opportunity
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory


def create(pair, **extra):
    fields = {"actor": pair["lea_user"], "title": "Radiomics of glioblastoma", "people": [pair["lea"], pair["marc"]]}
    return services.opportunity_create(**(fields | extra))


def test_an_opportunity_born_at_an_event_starts_as_an_idea_with_its_history(pair):
    opportunity = create(pair, origin_kind=OriginKind.EVENT, origin_event=pair["event"], next_step="Call in May")

    assert (opportunity.status, opportunity.origin_event, opportunity.owner) == ("idea", pair["event"],
                                                                                  pair["lea_user"])
    assert list(opportunity.organisations.all()) == [pair["clb"], pair["udes"]]  # main affiliations by default
    change = opportunity.status_changes.get()
    assert (change.from_status, change.to_status, change.by, change.note) == ("", "idea", pair["lea_user"],
                                                                              "An event")


def test_a_saved_suggestion_keeps_its_score_and_reasons(pair):
    class Reason:
        text = "both work on glioblastoma"

    opportunity = create(pair, origin_kind=OriginKind.SUGGESTION, score=0.5731,
                         reasons=[Reason(), {"text": "offers radiomics, which you seek"}, "a clinician and a company"])

    assert opportunity.match_score == 0.5731
    assert opportunity.match_reasons == ["both work on glioblastoma", "offers radiomics, which you seek",
                                         "a clinician and a company"]


@pytest.mark.parametrize(("extra", "field"), [
    ({"people": []}, "people"),
    ({"title": "  "}, "title"),
    ({"origin_kind": "rumour"}, "origin_kind"),
    ({"score": -0.1}, "match_score"),
])
def test_bad_input_is_refused_and_names_the_field(pair, extra, field):
    with pytest.raises(ValidationError) as error:
        create(pair, **extra)
    assert field in error.value.message_dict
    assert not Opportunity.objects.exists()


def test_the_people_involved_are_told_but_not_the_one_who_recorded_it(pair, committed):
    with committed():
        create(pair)
    assert [m.to for m in mail.outbox] == [["marc@example.org"]]
    assert "Radiomics of glioblastoma" in mail.outbox[0].subject


def test_status_moves_keep_who_and_when_and_a_dropped_one_keeps_its_reason(pair):
    opportunity = create(pair)
    coordinator = CoordinatorFactory()
    services.opportunity_set_status(actor=coordinator, opportunity=opportunity, to_status="exploring")
    with pytest.raises(ValidationError, match="Say why"):
        services.opportunity_set_status(actor=coordinator, opportunity=opportunity, to_status="dropped")
    services.opportunity_set_status(actor=coordinator, opportunity=opportunity, to_status="dropped",
                                    reason="No funding for the clinical part")

    opportunity.refresh_from_db()
    assert (opportunity.status, opportunity.dropped_reason) == ("dropped", "No funding for the clinical part")
    assert [(c.to_status, c.by) for c in opportunity.status_changes.order_by("pk")] == [
        ("idea", pair["lea_user"]), ("exploring", coordinator), ("dropped", coordinator)]
    services.opportunity_set_status(actor=coordinator, opportunity=opportunity, to_status="exploring")
    opportunity.refresh_from_db()
    assert opportunity.dropped_reason == ""


@pytest.mark.parametrize("to_status", ["project", "idea", "nonsense"])
def test_moves_that_are_not_allowed_are_refused(pair, to_status):
    opportunity = create(pair)
    with pytest.raises(ValidationError, match="cannot go from “Idea”"):
        services.opportunity_set_status(actor=None, opportunity=opportunity, to_status=to_status)


def test_an_opportunity_that_became_a_project_no_longer_moves(pair):
    opportunity = create(pair)
    services.project_create_from_opportunity(actor=None, opportunity=opportunity)
    with pytest.raises(ValidationError, match="cannot go from “Became a project”"):
        services.opportunity_set_status(actor=None, opportunity=opportunity, to_status="dropped", reason="x")


def test_members_see_only_the_opportunities_they_are_part_of(client, pair):
    mine = create(pair)
    others = services.opportunity_create(actor=None, title="Someone else's idea", people=[PersonFactory()])
    client.force_login(pair["marc_user"])

    listing = client.get(reverse("projects:opportunities")).content.decode()
    assert "Radiomics of glioblastoma" in listing and "Someone else" not in listing
    assert client.get(others.get_absolute_url()).status_code == 404
    assert client.get(mine.get_absolute_url()).status_code == 200
    # Marc takes part but neither owns nor created it: he reads, he does not edit.
    assert client.get(reverse("projects:opportunity_edit", args=[mine.pk])).status_code == 404


def test_a_member_records_an_opportunity_on_the_page(client, pair):
    client.force_login(pair["lea_user"])
    site = CancerSite.objects.first()
    response = client.post(reverse("projects:opportunity_create"), {
        "title": "Liquid biopsy in lung cancer", "people": [pair["lea"].pk, pair["marc"].pk],
        "origin_kind": "event", "origin_event": pair["event"].pk, "sites": [site.pk], "owner": pair["lea_user"].pk,
        "next_step": "Share protocols"})
    opportunity = Opportunity.objects.get()
    assert response["Location"] == opportunity.get_absolute_url()
    assert (opportunity.origin_event, list(opportunity.sites.all())) == (pair["event"], [site])


def test_dropping_on_the_page_asks_for_the_reason(client, pair):
    opportunity = create(pair)
    client.force_login(pair["lea_user"])
    url = reverse("projects:opportunity_status", args=[opportunity.pk])
    response = client.post(url, {"to_status": "dropped", "reason": ""})
    assert "Say why the opportunity is dropped." in response.content.decode()
    client.post(url, {"to_status": "dropped", "reason": "Partner left"})
    assert Opportunity.objects.get().status == OpportunityStatus.DROPPED


def test_list_filters_by_status_and_searches_people(client, pair):
    create(pair, title="First idea")
    other = create(pair, title="Second idea")
    services.opportunity_set_status(actor=None, opportunity=other, to_status="exploring")
    client.force_login(CoordinatorFactory())
    page = client.get(reverse("projects:opportunities"), {"status": "exploring"}).content.decode()
    assert "Second idea" in page and "First idea" not in page
    page = client.get(reverse("projects:opportunities"), {"q": "Tremblay", "sort": "title"}).content.decode()
    assert page.index("First idea") < page.index("Second idea")
    assert "No opportunity matches" in client.get(reverse("projects:opportunities"), {"q": "zzz"}).content.decode()


def test_a_stranger_cannot_move_someone_elses_opportunity(client, pair):
    opportunity = create(pair)
    client.force_login(MemberFactory())
    response = client.post(reverse("projects:opportunity_status", args=[opportunity.pk]),
                           {"to_status": "dropped", "reason": "mine now"})
    assert response.status_code == 404
    assert Opportunity.objects.get().status == "idea"
