"""Publications in matching: more texts of a profile, co-authors as existing ties, index freshness."""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from passerelle.directory.engine_documents import load_profile_facts
from passerelle.directory.models import Person
from passerelle.publications import matching
from passerelle.publications.models import PersonPublication
from passerelle.suggestions.documents import person_doc_id
from passerelle.suggestions.index import current_index, directory_fingerprint
from passerelle.suggestions.selectors import pair_suggestion, suggest_partners
from tests.factories import CoordinatorFactory, PersonFactory
from tests.publications.factories import signed

pytestmark = pytest.mark.django_db


def facts_of(person):
    return {f.pk: f for f in load_profile_facts()}[person.pk]


def test_visible_works_are_more_texts_of_the_profile_and_hidden_ones_are_not(community):
    signed(community.economist, title="Screening mammography costs", abstract="A Markov model of costs.")
    signed(community.economist, hidden=(community.economist,), title="Secret hidden work")
    texts = facts_of(community.economist).document().texts
    assert texts[-1] == "Screening mammography costs. A Markov model of costs"
    assert not any("Secret" in t for t in texts)


def test_a_profile_with_hundreds_of_works_keeps_only_the_most_recent_ones_cut_short(community):
    for year in range(2000, 2000 + matching.MAX_TEXTS_PER_PERSON + 5):
        signed(community.economist, title=f"Work of {year}", abstract="x" * 5000, year=year)
    extra = facts_of(community.economist).extra_texts
    assert len(extra) == matching.MAX_TEXTS_PER_PERSON
    assert extra[0].startswith(f"Work of {2000 + matching.MAX_TEXTS_PER_PERSON + 4}")
    assert max(len(t) for t in extra) == matching.MAX_TEXT_CHARS


def test_publications_and_coauthors_are_read_with_one_query_each_whatever_the_number_of_people(community):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            load_profile_facts()
        return len(queries)

    before = count()
    for _ in range(5):
        signed(PersonFactory(), PersonFactory(), community.economist)
    assert count() == before


def test_coauthors_are_existing_partners_from_links_that_are_not_hidden(community):
    signed(community.clinician, community.company)
    signed(community.clinician, community.company)
    signed(community.clinician, community.glioma_researcher, hidden=(community.glioma_researcher,))
    facts = facts_of(community.clinician)
    assert facts.partners == {community.company.pk: 2}
    assert facts.document().tags.partners == (person_doc_id(community.company.pk),)


def test_existing_coauthors_are_left_out_unless_asked_for_with_the_works_cosigned(community):
    coordinator = CoordinatorFactory()
    before = [s.person for s in suggest_partners(community.clinician, viewer=coordinator)]
    assert community.company in before
    for _ in range(3):
        signed(community.clinician, community.company)
    after = [s.person for s in suggest_partners(community.clinician, viewer=coordinator)]
    assert community.company not in after
    shown = {s.person: s for s in suggest_partners(community.clinician, viewer=coordinator, existing_ties=True)}
    assert shown[community.company].reasons[0] == "you co-signed 3 articles"
    assert shown[community.company].reason_components[0] == "coauthors"
    with translation.override("fr"):
        found = pair_suggestion(community.clinician, community.company, viewer=coordinator)
    assert found is not None
    assert found.reasons[0] in {"vous avez cosigné 3 articles", "you co-signed 3 articles"}  # before the catalogue


def test_one_cosigned_work_is_said_in_the_singular(community):
    signed(community.clinician, community.company)
    found = pair_suggestion(community.clinician, community.company, viewer=CoordinatorFactory())
    assert found is not None and found.reasons[0] == "you co-signed 1 article"


def test_reasons_can_cite_terms_of_a_publication(community):
    coordinator = CoordinatorFactory()
    before = pair_suggestion(community.clinician, community.economist, viewer=coordinator)
    assert before is not None and "text" not in before.reason_components
    signed(community.economist, title="Costs of neuro-oncology care",
           abstract="Neuro-oncology follow-up: a cost-effectiveness analysis of clinical trials.")
    found = pair_suggestion(community.clinician, community.economist, viewer=coordinator)
    assert found is not None
    text = found.reasons[found.reason_components.index("text")]
    assert "neuro-oncolog" in text.lower()


def test_the_index_is_rebuilt_when_a_work_is_linked_hidden_or_unlinked(community):
    current_index()
    first = directory_fingerprint()
    work = signed(community.economist, title="Breast screening in Québec")
    second = directory_fingerprint()
    assert second != first
    assert "Breast screening in Québec" in current_index().facts[community.economist.pk].extra_texts
    link = PersonPublication.objects.get(publication=work)
    link.hidden = True
    link.save()
    third = directory_fingerprint()
    assert third != second
    assert current_index().facts[community.economist.pk].extra_texts == []
    link.delete()
    fourth = directory_fingerprint()
    assert fourth != third
    PersonPublication.objects.create(person=community.economist, publication=work)
    work.title = "Renamed"
    work.save()
    assert current_index().facts[community.economist.pk].extra_texts == ["Renamed"]



def test_a_subset_of_people_gets_its_own_works_and_co_authors_outside_the_subset(community):
    signed(community.clinician, community.company, title="Radiomics of brain tumours")
    signed(community.company, title="Company white paper")
    facts = load_profile_facts(Person.objects.filter(pk=community.clinician.pk))
    assert [(f.pk, f.extra_texts, f.partners) for f in facts] == [
        (community.clinician.pk, ["Radiomics of brain tumours"], {community.company.pk: 1})]


def test_only_a_coordinator_may_ask_the_page_for_existing_co_authors(community, client):
    signed(community.clinician, community.company)
    signed(community.clinician, community.company)
    url = reverse("suggestions:person", args=[community.clinician.pk])
    client.force_login(community.owner)
    member_page = client.get(url, {"ties": "1", "both": "1"}).content.decode()
    assert "Marc Tremblay" not in member_page and 'name="ties"' not in member_page
    client.force_login(CoordinatorFactory())
    assert "Marc Tremblay" not in client.get(url, {"both": "1"}).content.decode()
    page = client.get(url, {"ties": "1", "both": "1"}).content.decode()
    assert 'name="ties"' in page and "Marc Tremblay" in page and "you co-signed 2 articles" in page
