"""Full-text search over the directory.

Each profile keeps a *search document*: its names, expertise, keywords, offers, seeks,
organisations and tag labels in both languages, lower-cased and with accents folded.
On PostgreSQL it is matched with a prefix ``tsquery`` against the stored, generated
``search_vector`` column and its GIN index (migration ``directory.0003``), which also serves
the ranking; on SQLite every term must occur in it.
"""
from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import QuerySet, Value
from django.db.models.expressions import RawSQL

from passerelle.core.text import search_document, search_terms

from .models import Organisation, Person

SEARCH_CONFIG = "simple"


def person_search_document(person: Person) -> str:
    parts: list[str] = [person.first_name, person.last_name, person.expertise, person.keywords,
                        person.offers, person.seeks, person.orcid]
    for tag in person.category_tags.select_related("category"):
        parts += [tag.category.code, tag.category.title_en, tag.category.title_fr]
    for tag in person.site_tags.select_related("site"):
        parts += [tag.site.title_en, tag.site.title_fr, tag.site.synonyms.replace(";", " ")]
    for technique in person.techniques.all():
        parts += [technique.title_en, technique.title_fr]
    for affiliation in person.affiliations.select_related("organisation"):
        parts += [affiliation.organisation.name, affiliation.organisation.acronym,
                  affiliation.organisation.city, affiliation.position]
    return search_document(*parts)


def organisation_search_document(organisation: Organisation) -> str:
    return search_document(organisation.name, organisation.acronym, organisation.city,
                           organisation.ror_id, organisation.get_kind_display())


def refresh_person(person: Person) -> None:
    Person.objects.filter(pk=person.pk).update(search_document=person_search_document(person))


def refresh_organisation(organisation: Organisation) -> None:
    Organisation.objects.filter(pk=organisation.pk).update(
        search_document=organisation_search_document(organisation)
    )


def search_vector(model: type[Person] | type[Organisation]) -> RawSQL:
    """The stored ``search_vector`` column of ``model``'s table (PostgreSQL only; not a model field)."""
    return RawSQL(f'"{model._meta.db_table}"."search_vector"', [], output_field=SearchVectorField())


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def apply_search(queryset: QuerySet, query: str) -> QuerySet:
    """Keep rows matching every term of ``query`` (prefixes allowed); annotate ``rank``."""
    terms = search_terms(query)
    if not terms:
        return queryset.annotate(rank=Value(0.0))
    if uses_postgres():
        tsquery = SearchQuery(" & ".join(f"{t}:*" for t in terms), search_type="raw", config=SEARCH_CONFIG)
        vector = search_vector(queryset.model)
        return queryset.annotate(search=vector).filter(search=tsquery).annotate(
            rank=SearchRank(vector, tsquery)
        )
    for term in terms:
        queryset = queryset.filter(search_document__contains=term)
    return queryset.annotate(rank=Value(0.0))
