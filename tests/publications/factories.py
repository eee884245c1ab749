"""factory_boy factories of publications (``PublicationFactory(authors=[person, "A. Nobody"])``)."""
from __future__ import annotations

import factory

from passerelle.publications.enums import Source, WorkType
from passerelle.publications.models import Authorship, HarvestState, PersonPublication, Publication
from passerelle.publications.normalise import title_key
from passerelle.publications.records import AuthorRecord, WorkRecord
from tests.factories import PersonFactory


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
