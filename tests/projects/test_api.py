"""The read API of opportunities and projects respects the same visibility as the pages."""
from __future__ import annotations

from django.urls import reverse

from passerelle.projects import services
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory

from .factories import ProjectFactory


def test_opportunities_are_for_the_people_involved_and_coordinators(client, pair):
    mine = services.opportunity_create(actor=None, title="Glioblastoma", people=[pair["lea"], pair["marc"]],
                                       origin_kind="suggestion", score=0.61, reasons=["both work on glioblastoma"],
                                       notify=False)
    services.opportunity_create(actor=None, title="Elsewhere", people=[PersonFactory()], notify=False)

    assert client.get(reverse("api-opportunities")).json()["results"] == []
    client.force_login(pair["marc_user"])
    [only] = client.get(reverse("api-opportunities")).json()["results"]
    assert (only["title"], only["match_score"], only["match_reasons"]) == ("Glioblastoma", 0.61,
                                                                          ["both work on glioblastoma"])
    assert sorted(p["territory"] for p in only["people"]) == ["AURA", "QC"]
    client.force_login(MemberFactory())
    assert client.get(reverse("api-opportunity", args=[mine.pk])).status_code == 404
    client.force_login(CoordinatorFactory())
    assert client.get(reverse("api-opportunities")).json()["count"] == 2


def test_projects_list_leaves_out_others_drafts_and_filters_by_status(client, pair):
    ProjectFactory(title_fr="Brouillon", partners=[(pair["lea"], "lead")])
    ProjectFactory(title_fr="Actif", status="active", partners=[(pair["marc"], "lead")])
    client.force_login(pair["marc_user"])

    assert [p["title_fr"] for p in client.get(reverse("api-projects")).json()["results"]] == ["Actif"]
    client.force_login(pair["lea_user"])
    assert sorted(p["title_fr"] for p in client.get(reverse("api-projects")).json()["results"]) == ["Actif",
                                                                                                   "Brouillon"]
    drafts = client.get(reverse("api-projects"), {"status": "draft"}).json()["results"]
    assert [(p["title_fr"], p["partners"][0]["territory"], p["partners"][0]["role"]) for p in drafts] == [
        ("Brouillon", "AURA", "lead")]
