"""Small factories of publications for the matching tests (works and the people who signed them)."""
from __future__ import annotations

import factory

from passerelle.directory.models import Person
from passerelle.publications.models import PersonPublication, Publication


class WorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    title = factory.Sequence(lambda n: f"A study of tumour biology number {n}")
    abstract = ""
    year = 2022
    doi = factory.Sequence(lambda n: f"10.5555/test.{n}")


def signed(*people: Person, hidden: tuple[Person, ...] = (), **fields: object) -> Publication:
    """A work signed by ``people``; the links of those in ``hidden`` are hidden."""
    work = WorkFactory(**fields)
    for person in people:
        PersonPublication.objects.create(person=person, publication=work, hidden=person in hidden)
    return work
