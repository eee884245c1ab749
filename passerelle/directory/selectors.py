"""Reads of the directory that respect each profile's visibility."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from passerelle.core import read_cache
from passerelle.core.enums import Visibility
from passerelle.core.list_filters import ListFilters, filter_when_set, sort_order

from . import search
from .models import Affiliation, Organisation, Person, PersonCategory

PEOPLE_SORTS = {
    "name": ["last_name", "first_name", "pk"],
    "-name": ["-last_name", "-first_name", "-pk"],
    "territory": ["territory", "last_name", "first_name", "pk"],
    "kind": ["kind", "last_name", "first_name", "pk"],
    "recent": ["-updated_at", "-pk"],
    "relevance": ["-rank", "last_name", "first_name", "pk"],
}
ORGANISATION_SORTS = {
    "name": ["name", "pk"],
    "-name": ["-name", "-pk"],
    "territory": ["territory", "name", "pk"],
    "kind": ["kind", "name", "pk"],
    "people": ["-people_count", "name", "pk"],
    "relevance": ["-rank", "name", "pk"],
}


def is_coordinator(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_coordinator)


def visible_levels(user: Any) -> list[str]:
    if is_coordinator(user):
        return [v.value for v in Visibility]
    if getattr(user, "is_authenticated", False):
        return [Visibility.PUBLIC, Visibility.MEMBERS]
    return [Visibility.PUBLIC]


def visible_condition(user: Any, prefix: str = "") -> Q:
    """The filter on profiles ``user`` may see; ``prefix`` reaches them through a relation."""
    condition = Q(**{f"{prefix}visibility__in": visible_levels(user)})
    if getattr(user, "is_authenticated", False):
        condition |= Q(**{f"{prefix}user": user})
    return condition


def people_visible_to(user: Any) -> QuerySet[Person]:
    """Profiles ``user`` may see: anonymous → public; members → public and members; own always."""
    return Person.objects.filter(visible_condition(user))


def listed_condition(user: Any, prefix: str = "") -> Q:
    """:func:`visible_condition`, written so that askers who see the same profiles ask the same query
    (and share its kept pages and counts): the asker's own profile is named only when their level
    would hide it."""
    levels = visible_levels(user)
    if getattr(user, "is_authenticated", False) and read_cache.cached(
        "directory", ("own-profile-hidden", user.pk, tuple(levels)),
        lambda: Person.objects.filter(user=user).exclude(visibility__in=levels).exists(),
    ):
        return visible_condition(user, prefix)
    return Q(**{f"{prefix}visibility__in": levels})


def people_listed_for(user: Any) -> QuerySet[Person]:
    """The profiles of :func:`people_visible_to`, as a query shared by askers who see the same ones."""
    return Person.objects.filter(listed_condition(user))


@dataclass(frozen=True)
class DirectoryFilters(ListFilters):
    """What both directory lists filter on; ``sort`` is a key of the list's sorts (none: by relevance
    when searching, else by name)."""

    territory: str = ""
    kind: str = ""
    sort: str = ""


def _directory_list(qs: QuerySet, filters: DirectoryFilters, sorts: dict[str, list[str]]) -> QuerySet:
    """``qs`` narrowed by the filters both directory lists have, searched and sorted."""
    qs = search.apply_search(filter_when_set(qs, territory=filters.territory, kind=filters.kind), filters.q)
    return qs.order_by(*sort_order(sorts, filters.sort, "relevance" if filters.q else "name"))


@dataclass(frozen=True)
class PeopleFilters(DirectoryFilters):
    """``organisation`` and ``category`` take in their sub-organisations and sub-categories; ``site`` is
    an ICRP code; ``sort`` a key of ``PEOPLE_SORTS``."""

    organisation: int | None = None
    category: str = ""
    site: int | None = None
    technique: str = ""
    language: str = ""


def person_list(*, user: Any, filters: PeopleFilters) -> QuerySet[Person]:
    """Visible people matching every filter, sorted; one query for the page with prefetches."""
    qs = people_listed_for(user)
    if filters.organisation:
        qs = qs.filter(pk__in=Person.organisations.through.objects.filter(
            Q(organisation_id=filters.organisation) | Q(organisation__parent_id=filters.organisation)
        ).values("person_id"))
    if filters.category:
        qs = qs.filter(pk__in=PersonCategory.objects.filter(
            Q(category__code=filters.category) | Q(category__parent__code=filters.category)
        ).values("person_id"))
    qs = filter_when_set(qs, site_tags__site__icrp_code=filters.site, techniques__code=filters.technique,
                         languages__code=filters.language)
    return _directory_list(qs, filters, PEOPLE_SORTS)


def with_card_relations(qs: QuerySet[Person]) -> QuerySet[Person]:
    """What a person's card in a list shows: organisations, cancer sites, techniques."""
    return qs.prefetch_related("affiliations__organisation", "site_tags__site", "techniques")


def with_profile_relations(qs: QuerySet[Person]) -> QuerySet[Person]:
    return qs.prefetch_related(
        "affiliations__organisation", "site_tags__site", "category_tags__category", "techniques", "languages"
    )


@dataclass(frozen=True)
class OrganisationFilters(DirectoryFilters):
    """The organisations list's filters; ``sort`` is a key of ``ORGANISATION_SORTS``."""


def organisation_list(*, user: Any, filters: OrganisationFilters) -> QuerySet[Organisation]:
    # A subquery, not a join: with the page's LIMIT, only the organisations shown are counted.
    visible_members = (Affiliation.objects.filter(listed_condition(user, "person__"), organisation=OuterRef("pk"))
                       .order_by().values("organisation").annotate(n=Count("person", distinct=True)).values("n"))
    qs = Organisation.objects.select_related("parent").annotate(
        people_count=Coalesce(Subquery(visible_members, output_field=IntegerField()), 0)
    )
    return _directory_list(qs, filters, ORGANISATION_SORTS)


def organisation_members(*, user: Any, organisation: Organisation) -> QuerySet[Person]:
    return with_profile_relations(
        people_visible_to(user).filter(affiliations__organisation=organisation).order_by("last_name", "first_name")
    )
