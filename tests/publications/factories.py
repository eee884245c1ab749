"""Publications for the tests: factory_boy factories (``PublicationFactory(authors=[person, "A. Nobody"])``),
``work_record()`` for the readers' output, and ``work()`` that builds a whole signed work —
``work(2021, alice, chloe, hidden=[chloe])`` makes a work of 2021 on Alice's and Chloé's profiles,
hidden on Chloé's."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import count

import factory

from passerelle.directory.models import Person
from passerelle.publications.enums import Source, WorkType
from passerelle.publications.models import Authorship, HarvestState, PersonPublication, Publication
from passerelle.publications.normalise import title_key
from passerelle.publications.records import AuthorRecord, WorkRecord
from tests.factories import PersonFactory

_numbers = count(1)


class PublicationFactory(factory.django.DjangoModelFactory):
    """A work; ``authors`` lists directory people (matched authorships, linked to the work) or
    plain names, in order: ``PublicationFactory(authors=[alice, "Jean Nobody", bob])``."""

    class Meta:
        model = Publication
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Tumour microenvironment study number {n}")
    year = 2022
    venue = "Journal of Fictional Oncology"
    work_type = WorkType.ARTICLE
    doi = factory.Sequence(lambda n: f"10.5555/fict.{n}")
    title_key = factory.LazyAttribute(lambda o: title_key(o.title))
    sources = factory.LazyFunction(lambda: [Source.OPENALEX])

    @factory.post_generation
    def authors(obj, create, extracted, **kwargs):  # noqa: N805
        if not create or not extracted:
            return
        for position, author in enumerate(extracted, start=1):
            if isinstance(author, str):
                Authorship.objects.create(publication=obj, position=position, name=author)
            else:
                Authorship.objects.create(publication=obj, position=position, person=author,
                                          name=f"{author.first_name} {author.last_name}", orcid=author.orcid)
                PersonPublication.objects.get_or_create(person=author, publication=obj)


class AuthorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authorship

    publication = factory.SubFactory(PublicationFactory)
    position = factory.Sequence(lambda n: n + 1)
    name = factory.Faker("name", locale="fr_FR")


class PersonPublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonPublication

    person = factory.SubFactory(PersonFactory)
    publication = factory.SubFactory(PublicationFactory)  # origin: harvest, not hidden (the model's defaults)


class HarvestStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HarvestState

    person = factory.SubFactory(PersonFactory)
    source = Source.ORCID


def work_record(**fields) -> WorkRecord:
    """A ``WorkRecord`` with sensible defaults (``authors`` may be names or ``AuthorRecord``s)."""
    authors = tuple(a if isinstance(a, AuthorRecord) else AuthorRecord(name=a) for a in fields.pop("authors", ()))
    values = {"source": Source.OPENALEX, "title": "A fictional study of tumour cells", "year": 2021, **fields}
    return WorkRecord(authors=authors, **values)


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


def signed(*people: Person, hidden: Iterable[Person] = (), **fields: object) -> Publication:
    """A work (``PublicationFactory(**fields)``) on the profiles of ``people``, without authorships;
    the links of those in ``hidden`` are hidden."""
    publication = PublicationFactory(**fields)
    hidden_ids = {person.pk for person in hidden}
    for person in people:
        PersonPublication.objects.create(person=person, publication=publication, hidden=person.pk in hidden_ids)
    return publication
