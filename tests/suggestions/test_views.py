"""Pages: a person's suggested partners, saving one as an opportunity, ideas, the event matrix."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.core.enums import Territory, Visibility
from passerelle.projects.enums import OriginKind
from passerelle.projects.models import Opportunity
from tests.access import check_cell, each_role
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory

from .permissions import SUGGESTIONS_EXPECTED, make_suggestions_objects, suggestions_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(db):
    from tests.events.factories import EventFactory

    owner = MemberFactory()
    person = PersonFactory(user=owner, visibility=Visibility.MEMBERS, expertise="Glioblastoma MRI")
    return {"owner": owner, "person": person, "event": EventFactory(), **make_suggestions_objects(owner)}


@pytest.mark.parametrize(("name", "role"), each_role(SUGGESTIONS_EXPECTED))
def test_every_role_gets_the_expected_status(client, objects, name, role):
    check_cell(client, SUGGESTIONS_EXPECTED, suggestions_url, objects, name, role)


def test_a_hidden_profile_answers_404_and_a_visible_other_403(client, community):
    client.force_login(MemberFactory())
    assert client.get(reverse("suggestions:person", args=[community.hidden.pk])).status_code == 404
    assert client.get(reverse("suggestions:person", args=[community.company.pk])).status_code == 403
    assert client.post(reverse("suggestions:save", args=[community.company.pk, community.economist.pk])
                       ).status_code == 403
    assert not Opportunity.objects.exists()


def test_a_member_reads_their_suggestions_with_the_reasons(client, community):
    client.force_login(community.owner)
    response = client.get(reverse("suggestions:mine"), follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("suggestions:person", args=[community.clinician.pk])
    assert "My suggested partners" in html
    assert html.index("Marc Tremblay") < html.index("Paul Lavoie")
    assert "radiomics analysis of glioblastoma MRI, which you seek" in html
    assert "Cachée" not in html and "confidential" not in html
    assert "Save as opportunity" in html
    assert "<script>" not in html and 'style="' not in html


def test_filters_change_the_list(client, community):
    client.force_login(community.owner)
    url = reverse("suggestions:person", args=[community.clinician.pk])
    assert "Marc Tremblay" not in client.get(url, {"kind": "researcher"}).content.decode()
    both = client.get(url, {"both": "on"}).content.decode()
    assert "Tremblay" in both
    ignored = client.get(url, {"kind": "not-a-kind", "category": "99"})
    assert ignored.status_code == 200 and "Marc Tremblay" in ignored.content.decode()


def test_an_empty_list_says_what_to_do(client, db):
    owner = MemberFactory()
    person = PersonFactory(user=owner, territory=Territory.AURA, expertise="")
    client.force_login(owner)
    html = client.get(reverse("suggestions:person", args=[person.pk]), {"kind": "company"}).content.decode()
    assert "No suggestion with these filters." in html
    assert "Complete my profile" in html


def test_a_member_without_profile_is_told_so(client, db):
    client.force_login(MemberFactory())
    response = client.get(reverse("suggestions:mine"))
    assert response.status_code == 200
    assert "not linked to a profile" in response.content.decode()


def test_saving_a_suggestion_creates_an_opportunity_with_its_score_and_reasons(client, community):
    client.force_login(community.owner)
    page = client.get(reverse("suggestions:person", args=[community.clinician.pk])).context
    shown = next(s for s in page["suggestions"] if s.person == community.company)
    response = client.post(reverse("suggestions:save", args=[community.clinician.pk, community.company.pk]),
                           {"score": "99", "reasons": "forged"})
    opportunity = Opportunity.objects.get()
    assert response["Location"] == opportunity.get_absolute_url()
    assert opportunity.origin_kind == OriginKind.SUGGESTION
    assert set(opportunity.people.all()) == {community.clinician, community.company}
    assert opportunity.match_score == pytest.approx(shown.score, abs=1e-4)
    assert opportunity.match_reasons == shown.reasons
    assert list(opportunity.sites.values_list("icrp_code", flat=True)) == [6]
    assert opportunity.created_by == community.owner
    html = client.get(reverse("suggestions:person", args=[community.clinician.pk])).content.decode()
    assert "Saved as an opportunity" in html


def test_saving_twice_keeps_one_opportunity(client, community):
    client.force_login(community.owner)
    url = reverse("suggestions:save", args=[community.clinician.pk, community.company.pk])
    client.post(url)
    again = client.post(url)
    assert again.status_code == 200
    assert "already saved as an opportunity" in again.content.decode()
    assert Opportunity.objects.count() == 1


def test_the_confirmation_page_shows_the_pair_and_its_reasons(client, community):
    client.force_login(CoordinatorFactory())
    html = client.get(reverse("suggestions:save", args=[community.clinician.pk, community.company.pk])
                      ).content.decode()
    assert "Claire Roux – Marc Tremblay" in html
    assert "which you seek" in html
    assert not Opportunity.objects.exists()


def test_a_hidden_or_unsuggestible_partner_cannot_be_saved(client, community):
    client.force_login(community.owner)
    assert client.post(reverse("suggestions:save", args=[community.clinician.pk, community.hidden.pk])
                       ).status_code == 404
    assert client.post(reverse("suggestions:save", args=[community.clinician.pk, community.clinician.pk])
                       ).status_code == 404
    assert not Opportunity.objects.exists()


def test_the_person_page_shows_the_block_to_the_person_and_coordinators_only(client, community):
    url = community.clinician.get_absolute_url()
    client.force_login(community.owner)
    own = client.get(url).content.decode()
    assert "Suggested partners" in own and "Marc Tremblay" in own
    client.force_login(MemberFactory())
    other = client.get(url).content.decode()
    assert "All suggested partners" not in other


def test_an_idea_gives_people_and_organisations(client, community):
    client.force_login(MemberFactory())
    response = client.post(reverse("suggestions:idea"), {
        "text": "Radiomics of glioblastoma MRI to predict the response to radiotherapy.",
        "sites": ["6"], "territory": "QC",
    })
    html = response.content.decode()
    assert response.status_code == 200
    results = response.context["results"]
    # The two radiomics-of-glioblastoma-MRI profiles lead (the tags recognised in the idea weigh for both).
    assert {s.person.last_name for s in results.people[:2]} == {"Tremblay", "Martin"}
    assert results.organisations[0].organisation.name == "Imagia"
    assert html.index("Marc Tremblay") < html.index("<h2>Organisations</h2>") < html.rindex("Imagia")
    assert "Cachée" not in html and "Secret Lab" not in html


def test_an_idea_form_names_its_errors(client, community):
    client.force_login(MemberFactory())
    response = client.post(reverse("suggestions:idea"), {"text": "short", "sites": ["999"], "territory": "XX"})
    errors = response.context["form"].errors
    assert set(errors) == {"text", "sites", "territory"}
    assert response.context["results"] is None


def test_the_idea_form_looks_on_the_other_side_by_default(client, community):
    client.force_login(community.owner)
    form = client.get(reverse("suggestions:idea")).context["form"]
    assert form["territory"].value() == Territory.QC


def test_ask_for_a_meeting_when_both_take_part_in_a_session_open_to_requests(client, community):
    from passerelle.meetings.enums import SessionStatus
    from passerelle.meetings.models import B2BSession
    from passerelle.suggestions.jobs import compute_event
    from tests.events.factories import RegistrationFactory
    from tests.meetings.factories import make_session

    session = make_session()
    for person in (community.clinician, community.company):
        RegistrationFactory(event=session.event, person=person)
    compute_event(session.event)
    request_url = reverse("meetings:request_create", args=[session.event.slug, community.company.pk])
    client.force_login(community.owner)
    url = reverse("suggestions:person", args=[community.clinician.pk])
    html = client.get(url).content.decode()
    assert html.count(f'href="{request_url}"') == 2  # on the card and in the event's suggested meetings
    assert client.get(request_url).status_code == 200
    client.force_login(CoordinatorFactory())  # coordinators do not ask on the person's behalf
    assert request_url not in client.get(url).content.decode()
    B2BSession.objects.filter(pk=session.pk).update(status=SessionStatus.DRAFT)
    client.force_login(community.owner)
    assert request_url not in client.get(url).content.decode()
