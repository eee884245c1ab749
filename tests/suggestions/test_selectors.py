"""suggest_partners and suggest_for_idea: ranking, filters, and visibility that never leaks."""
from __future__ import annotations

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.core.enums import ActorKind, Territory, Visibility
from passerelle.directory.models import Affiliation
from passerelle.suggestions.rules import can_see_suggestions
from passerelle.suggestions.selectors import (
    pair_suggestion,
    suggest_for_idea,
    suggest_partners,
)
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def names(suggestions):
    return [s.person.last_name for s in suggestions]


def test_the_radiomics_company_comes_first_for_the_glioblastoma_clinician(community):
    suggestions = suggest_partners(community.clinician, viewer=community.owner)
    assert names(suggestions)[0] == "Tremblay"
    assert names(suggestions).index("Gagnon") < names(suggestions).index("Lavoie")
    first = suggestions[0]
    assert 2 <= len(first.reasons) <= 4
    assert any("radiomics analysis of glioblastoma MRI" in r and "which you seek" in r for r in first.reasons)
    assert first.score == pytest.approx(sum(first.components.values()))
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)


def test_reasons_follow_the_active_language(community):
    with translation.override("fr"):
        french = suggest_partners(community.clinician, viewer=community.owner, k=1)[0].reasons
    assert any("que vous recherchez" in r for r in french)
    assert any("tumeur" in r.lower() or "cerveau" in r.lower() or "cérébr" in r.lower() for r in french)


def test_never_oneself_nor_a_colleague_of_any_of_ones_organisations(community):
    # The colleague's main organisation is elsewhere; they share the clinician's as a second one.
    Affiliation.objects.filter(person=community.colleague).update(is_primary=False)
    Affiliation.objects.create(person=community.colleague, organisation=OrganisationFactory(territory=Territory.QC),
                               is_primary=True)
    community.colleague.save()
    found = names(suggest_partners(community.clinician, viewer=CoordinatorFactory(), both_territories=True))
    assert "Roux" not in found
    assert "Martin" not in found
    assert "Tremblay" in found


def test_the_other_territory_by_default_and_both_on_request(community):
    same_side = PersonFactory(last_name="Voisin", territory=Territory.AURA, expertise="Glioblastoma MRI radiomics",
                              sites=[6])
    assert same_side.last_name not in names(suggest_partners(community.clinician, viewer=community.owner))
    both = suggest_partners(community.clinician, viewer=community.owner, both_territories=True)
    assert same_side.last_name in names(both)


def test_a_member_never_sees_a_coordinators_only_profile_nor_its_words(community):
    for suggestions in (suggest_partners(community.clinician, viewer=community.owner, k=50),
                        suggest_partners(community.clinician, viewer=community.owner, k=50, both_territories=True)):
        assert "Cachée" not in names(suggestions)
        assert all("confidential" not in r for s in suggestions for r in s.reasons)
    coordinator_view = suggest_partners(community.clinician, viewer=CoordinatorFactory(), k=50)
    assert "Cachée" in names(coordinator_view)


def test_what_a_viewer_sees_is_always_within_the_directory_they_see(community):
    from passerelle.directory.selectors import people_visible_to

    for viewer in (community.owner, MemberFactory(), CoordinatorFactory()):
        visible = set(people_visible_to(viewer).values_list("pk", flat=True))
        found = {s.person.pk for s in suggest_partners(community.clinician, viewer=viewer, k=50,
                                                        both_territories=True)}
        assert found <= visible


def test_candidates_restrict_the_suggestions(community):
    found = suggest_partners(community.clinician, viewer=community.owner,
                             candidates=[community.economist, community.glioma_researcher])
    assert names(found) == ["Gagnon", "Lavoie"]
    from passerelle.directory.models import Person

    queryset = Person.objects.filter(pk=community.economist.pk)
    assert names(suggest_partners(community.clinician, viewer=community.owner, candidates=queryset)) == ["Lavoie"]


def test_filters_by_kind_and_by_category_with_its_sub_categories(community):
    assert names(suggest_partners(community.clinician, viewer=community.owner, kinds=[ActorKind.COMPANY])) == [
        "Tremblay"]
    # "4" is the parent of the company's "4.1"; "6.4" is the economist's own code.
    assert names(suggest_partners(community.clinician, viewer=community.owner, category="4")) == ["Tremblay"]
    assert names(suggest_partners(community.clinician, viewer=community.owner, category="6.4")) == ["Lavoie"]


def test_who_may_see_a_persons_suggestions(community):
    assert can_see_suggestions(community.owner, community.clinician)
    assert can_see_suggestions(CoordinatorFactory(), community.clinician)
    assert not can_see_suggestions(MemberFactory(), community.clinician)
    from django.contrib.auth.models import AnonymousUser

    assert not can_see_suggestions(AnonymousUser(), community.clinician)


def test_a_pair_is_scored_like_the_suggestion_and_refused_when_hidden(community):
    listed = {s.person.pk: s for s in suggest_partners(community.clinician, viewer=community.owner)}
    pair = pair_suggestion(community.clinician, community.company, viewer=community.owner)
    assert pair.score == pytest.approx(listed[community.company.pk].score)
    assert pair.reasons == listed[community.company.pk].reasons
    assert pair_suggestion(community.clinician, community.hidden, viewer=community.owner) is None
    assert pair_suggestion(community.clinician, community.clinician, viewer=community.owner) is None


def test_a_new_profile_has_no_suggestion_until_it_is_indexed_and_then_has_them(community):
    newcomer = PersonFactory(last_name="Nouveau", territory=Territory.AURA, visibility=Visibility.PUBLIC,
                             expertise="Radiothérapie des tumeurs cérébrales et glioblastome", sites=[6])
    assert "Tremblay" in names(suggest_partners(newcomer, viewer=CoordinatorFactory()))


def test_an_idea_in_french_finds_people_and_organisations_with_reasons(community):
    results = suggest_for_idea(
        viewer=community.owner, sites=[6], territories=[Territory.QC],
        text="Nous cherchons à prédire la réponse du glioblastome à la radiothérapie par la radiomique des IRM.",
    )
    assert names(results.people)[0] == "Tremblay"
    assert "Cachée" not in names(results.people)
    assert "Roux" not in names(results.people)  # the member's own profile
    assert all(s.person.territory == Territory.QC for s in results.people)
    assert results.organisations[0].organisation.name == "Imagia"
    assert "Secret Lab" not in [o.organisation.name for o in results.organisations]
    assert "Centre Léon Bérard" not in [o.organisation.name for o in results.organisations]
    assert all(o.reasons for o in results.organisations)


def test_an_idea_in_english_from_a_coordinator_without_profile(community):
    results = suggest_for_idea(viewer=CoordinatorFactory(), text="health economics of screening for breast cancer")
    assert names(results.people)[0] == "Lavoie"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(levels=st.lists(st.sampled_from(list(Visibility.values)), min_size=3, max_size=6),
       role=st.sampled_from(["member", "coordinator", "owner"]))
def test_no_visibility_level_ever_leaks(db, levels, role):
    owner = MemberFactory()
    me = PersonFactory(user=owner, territory=Territory.AURA, expertise="glioblastoma radiomics MRI", sites=[6])
    others = [PersonFactory(visibility=v, territory=Territory.QC, expertise="glioblastoma radiomics MRI", sites=[6])
              for v in levels]
    viewer = {"member": owner, "owner": owner, "coordinator": CoordinatorFactory()}[role]
    found = {s.person.pk for s in suggest_partners(me, viewer=viewer, k=20, candidates=others)}
    for person in others:
        allowed = role == "coordinator" or person.visibility != Visibility.COORDINATORS
        assert (person.pk in found) == allowed
