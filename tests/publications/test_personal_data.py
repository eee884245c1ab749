"""A member's publications in their data export; erasure unlinks them from the works, which stay."""
from __future__ import annotations

import pytest

from passerelle.core.personal_data import Erasure, declare
from passerelle.privacy import registry, services
from passerelle.publications.models import Authorship, HarvestState, PersonPublication, Publication
from tests.factories import PersonFactory
from tests.publications.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_the_export_lists_the_works_and_hidden_flags():
    ada, bob = PersonFactory(last_name="Lovelace"), PersonFactory(last_name="Hopper")
    PublicationFactory(title="Analytical engines in oncology", authors=[ada, bob, "Charles Babbage"])
    PersonPublication.objects.filter(person=ada).update(hidden=True)
    exported = str(registry.export_person(ada)["publications"])
    assert "Analytical engines in oncology" in exported and "'hidden': True" in exported
    assert "Hopper" not in exported  # the co-author's link is not Ada's data


def test_erasure_removes_the_links_and_keeps_the_works(coordinator):
    ada, bob = PersonFactory(last_name="Lovelace"), PersonFactory()
    work = PublicationFactory(authors=[ada, bob])
    HarvestState.objects.create(person=ada, source="orcid")
    services.person_erase(actor=coordinator, person=ada)
    assert Publication.objects.filter(pk=work.pk).exists()
    assert not PersonPublication.objects.filter(person=ada).exists()
    assert not HarvestState.objects.filter(person=ada).exists()
    assert list(Authorship.objects.filter(publication=work).values_list("person_id", flat=True)) == [None, bob.pk]
    assert PersonPublication.objects.filter(person=bob).exists()


def test_unlinking_needs_a_nullable_foreign_key():
    with pytest.raises(ValueError, match="nullable"):
        declare(PersonPublication, person=("person",), erasure=Erasure.UNLINK)
