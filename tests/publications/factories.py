"""Publications for the tests: factory_boy factories for single rows, and ``work()`` that builds a
whole signed work — ``work(2021, alice, chloe, hidden=[chloe])`` makes a work of 2021 on Alice's and
Chloé's profiles, hidden on Chloé's."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import count

import factory

from passerelle.directory.models import Person
from passerelle.publications.models import Authorship, PersonPublication, Publication
from tests.factories import PersonFactory

_numbers = count(1)


def work(year: int | None, *authors: Person, hidden: Iterable[Person] = (), doi: str | None = None,
         published: date | None = None, title: str = "") -> Publication:
    """A work signed (in this order) by ``authors``, each with a link to it; a DOI unless ``doi=""``."""
    n = next(_numbers)
    publication = Publication.objects.create(
        title=title or f"Shared cohort study {n}", year=year, publication_date=published,
        venue="Journal of Joint Oncology", doi=f"10.5555/jjo.{n}" if doi is None else doi,
        title_key=f"shared cohort study {n}", sources=["orcid"])
    hidden_ids = {person.pk for person in hidden}
    for position, author in enumerate(authors, start=1):
        Authorship.objects.create(publication=publication, position=position, name=author.full_name,
                                  person=author)
        PersonPublication.objects.create(person=author, publication=publication, hidden=author.pk in hidden_ids)
    return publication


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    title = factory.Sequence(lambda n: f"Tumour microenvironment study {n}")
    year = 2021
    venue = "Journal of Joint Oncology"
    doi = factory.Sequence(lambda n: f"10.5555/factory.{n}")
    title_key = factory.LazyAttribute(lambda o: o.title.lower())
    sources = factory.LazyFunction(lambda: ["orcid"])


class PersonPublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonPublication

    person = factory.SubFactory(PersonFactory)
    publication = factory.SubFactory(PublicationFactory)


class AuthorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authorship

    publication = factory.SubFactory(PublicationFactory)
    position = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Author {n}")
