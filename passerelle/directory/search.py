"""Full-text search over the directory.

Each profile keeps a *search document*: its names, expertise, keywords, offers, seeks,
organisations and tag labels in both languages, lower-cased and with accents folded, followed
by the stems of its words (``core.text.search_document``). A query is parsed once
(``core.text.search_query``) and rendered for the database in use, so both answer alike:

- PostgreSQL matches a ``tsquery`` against the stored, generated ``search_vector`` column and its
  GIN index (migration ``directory.0003``) and ranks with ``ts_rank``;
- SQLite matches an FTS5 expression against the ``<table>_fts`` virtual tables (migration
  ``directory.0005``, kept in step with ``search_document`` by triggers) and ranks with ``bm25``.

Every term must match; a term matches a word or its stem, as a prefix when at least
``MIN_PREFIX_LENGTH`` letters long; a hyphenated compound matches as a phrase of whole words.
"""
from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import QuerySet, Value
from django.db.models.expressions import RawSQL

from passerelle.core.text import SearchPhrase, SearchTerm, search_document, search_query

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


def fts_table(model: type[Person] | type[Organisation]) -> str:
    """The SQLite FTS5 table indexing ``model``'s search documents (migration 0005)."""
    return f"{model._meta.db_table}_fts"


def _tsquery_phrase(phrase: SearchPhrase) -> str:
    words = list(phrase.words)
    if phrase.prefix:
        words[-1] += ":*"
    return " <-> ".join(words)


def tsquery_expression(terms: list[SearchTerm]) -> str:
    """A raw PostgreSQL ``tsquery``: every term, each the union of its alternatives."""
    return " & ".join("(" + " | ".join(_tsquery_phrase(p) for p in term.alternatives) + ")" for term in terms)


def _fts5_phrase(phrase: SearchPhrase) -> str:
    return '"' + " ".join(phrase.words) + '"' + (" *" if phrase.prefix else "")


def fts5_expression(terms: list[SearchTerm]) -> str:
    """An FTS5 ``MATCH`` expression with the same meaning as ``tsquery_expression``.

    Words are folded letters and digits only (``search_query``), so quoting them is safe.
    """
    return " AND ".join("(" + " OR ".join(_fts5_phrase(p) for p in term.alternatives) + ")" for term in terms)


def apply_search(queryset: QuerySet, query: str) -> QuerySet:
    """Keep rows matching every term of ``query``; annotate ``rank`` (higher is more relevant)."""
    terms = search_query(query)
    if not terms:
        return queryset.annotate(rank=Value(0.0))
    model = queryset.model
    if uses_postgres():
        tsquery = SearchQuery(tsquery_expression(terms), search_type="raw", config=SEARCH_CONFIG)
        vector = search_vector(model)
        return queryset.annotate(search=vector).filter(search=tsquery).annotate(
            rank=SearchRank(vector, tsquery)
        )
    if connection.vendor == "sqlite":
        table, own = fts_table(model), model._meta.db_table
        # A join, not a subquery per row: the FTS5 table drives (MATCH), each match reaches its row by
        # primary key, and bm25() (lower is better, hence negated) is read in the same pass. The unary
        # "+" keeps SQLite from driving from the people instead (one full-text evaluation per row:
        # seconds for a COUNT over 20,000 people).
        return queryset.extra(  # noqa: S610 (table names are the models' own; the expression is a parameter)
            select={"rank": f'-bm25("{table}")'},
            tables=[table],
            where=[f'"{table}" MATCH %s', f'+"{table}".rowid = "{own}"."{model._meta.pk.column}"'],
            params=[fts5_expression(terms)],
        )
    for term in terms:  # any other database: whole documents scanned, no ranking
        queryset = queryset.filter(search_document__contains=" ".join(term.alternatives[0].words))
    return queryset.annotate(rank=Value(0.0))
