"""The adapter: directory rows → engine documents, and the index kept in step with the directory."""
from __future__ import annotations

import pytest

from passerelle.core.enums import ActorKind, Territory, Visibility
from passerelle.directory import services as directory_services
from passerelle.directory.engine_documents import in_sentence
from passerelle.directory.models import Affiliation
from passerelle.suggestions import index as index_module
from passerelle.suggestions.documents import (
    ENGINE_KIND,
    idea_document,
    load_profile_facts,
    organisation_doc_id,
    organisation_documents,
    person_doc_id,
)
from passerelle.suggestions.index import current_index, directory_fingerprint
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_a_profile_becomes_a_document_with_its_texts_and_tags(community):
    facts = {f.pk: f for f in load_profile_facts()}
    doc = facts[community.clinician.pk].document()
    assert doc.id == person_doc_id(community.clinician.pk)
    assert doc.texts == (community.clinician.expertise, "glioblastome; IRM; radiothérapie")
    assert doc.tags.sites == ("6",)
    assert doc.tags.cso == ("5.4",)
    assert doc.tags.techniques == ("clinical-trials",)
    assert doc.tags.seeks == ("analyse radiomique des IRM de glioblastome",
                              "plateforme d'intelligence artificielle en imagerie")
    assert doc.tags.offers == ()
    assert (doc.tags.kind, doc.tags.territory) == ("clinician", "AURA")
    assert doc.tags.organisation == organisation_doc_id(community.home.pk)


def test_every_kind_of_actor_has_an_engine_kind():
    assert set(ENGINE_KIND) == set(ActorKind.values)
    assert ENGINE_KIND[ActorKind.CLINICIAN_RESEARCHER] == "clinician"
    assert ENGINE_KIND[ActorKind.PATIENT_PARTNER] == "patient"


def test_the_main_organisation_comes_first(db):
    first, main = OrganisationFactory(name="A"), OrganisationFactory(name="B")
    person = PersonFactory()
    Affiliation.objects.create(person=person, organisation=first, is_primary=False)
    Affiliation.objects.create(person=person, organisation=main, is_primary=True)
    [facts] = load_profile_facts()
    assert facts.organisations == [main.pk, first.pk]


def test_organisation_documents_never_use_coordinators_only_profiles(community):
    docs = {d.id: d for d in organisation_documents(load_profile_facts())}
    secret_org = community.hidden.affiliations.get().organisation
    assert organisation_doc_id(secret_org.pk) not in docs
    imagia = docs[organisation_doc_id(community.company.affiliations.get().organisation_id)]
    assert imagia.texts == (community.company.expertise,)
    assert imagia.tags.techniques == ("radiomics",)
    assert (imagia.tags.kind, imagia.tags.territory) == ("company", "QC")
    assert all("confidentialword" not in text for d in docs.values() for text in d.texts)


def test_an_idea_is_a_document_whose_needs_are_its_seeks():
    doc = idea_document(text="  Radiomique du glioblastome ", categories=["5.4"], sites=[6], needs="cohorte\n\nIRM",
                        kind=ActorKind.CLINICIAN)
    assert doc.texts == ("Radiomique du glioblastome",)
    assert doc.tags.seeks == ("cohorte", "IRM")
    assert (doc.tags.sites, doc.tags.kind, doc.tags.territory) == (("6",), "clinician", "")


def test_loading_the_directory_takes_a_fixed_number_of_queries(community, django_assert_num_queries):
    for _ in range(5):
        PersonFactory(sites=[7], categories=["1.1"], techniques=["genomics"], organisation=OrganisationFactory())
    with django_assert_num_queries(5 + 2):  # one per table, one per registered source (publications' texts, co-authors)
        load_profile_facts()


def test_the_index_is_reused_while_the_directory_does_not_change(community):
    first = current_index()
    assert current_index() is first
    assert first.fingerprint == directory_fingerprint()


def test_a_profile_edit_rebuilds_the_index_with_the_new_text(community, coordinator):
    before = current_index()
    directory_services.person_update(actor=coordinator, person=community.economist,
                                     data={"expertise": "Radiomics of glioblastoma MRI"})
    after = current_index()
    assert after is not before
    assert after.facts[community.economist.pk].expertise == "Radiomics of glioblastoma MRI"


def test_a_visibility_change_moves_the_fingerprint(community, coordinator):
    before = directory_fingerprint()
    directory_services.person_update(actor=coordinator, person=community.company,
                                     data={"visibility": Visibility.COORDINATORS})
    assert directory_fingerprint() != before


def test_a_new_profile_and_a_deletion_move_the_fingerprint(community, coordinator):
    before = directory_fingerprint()
    PersonFactory(territory=Territory.QC)
    middle = directory_fingerprint()
    directory_services.person_delete(actor=coordinator, person=community.economist)
    assert len({before, middle, directory_fingerprint()}) == 3


def test_labels_read_inside_a_sentence():
    assert in_sentence("Breast Cancer", every_word=True) == "breast cancer"
    assert in_sentence("MRI and functional imaging", every_word=True) == "MRI and functional imaging"
    assert in_sentence("Non-Hodgkin's Lymphoma", every_word=True) == "Non-Hodgkin's lymphoma"
    assert in_sentence("Maladie de Hodgkin", every_word=False) == "maladie de Hodgkin"
    assert in_sentence("IRM et imagerie fonctionnelle", every_word=False) == "IRM et imagerie fonctionnelle"


def test_large_directories_answer_from_the_previous_index_while_a_job_rebuilds_it(community, settings,
                                                                                   coordinator):
    from passerelle.jobs.models import Job, JobStatus

    settings.SUGGESTIONS_SYNC_REBUILD_LIMIT = 0
    first = current_index()  # no index at all: built here, whatever the size
    assert not Job.objects.exists()
    directory_services.person_update(actor=coordinator, person=community.economist,
                                     data={"expertise": "Radiomics of glioblastoma MRI"})
    index_module.forget_index()  # another process: nothing in memory, only the snapshot (none yet)
    stale = index_module._current = first  # this process still holds the old one
    answered = current_index()
    job = Job.objects.get(handler=index_module.REBUILD_HANDLER)
    assert job.status == JobStatus.SUCCEEDED  # the immediate backend of the tests ran it at once
    assert job.result["people"] == 7
    assert index_module.stored_fingerprint() == repr(directory_fingerprint())
    # the job ran in this process and installed the fresh index; another process reads the snapshot
    assert answered is stale or answered.fingerprint == directory_fingerprint()
    index_module.forget_index()
    fresh = current_index()
    assert fresh.fingerprint == directory_fingerprint()
    assert fresh.facts[community.economist.pk].expertise == "Radiomics of glioblastoma MRI"
    assert Job.objects.filter(handler=index_module.REBUILD_HANDLER).count() == 1
