"""Reads behind the profile pages: a person's works as the viewer may see them, one work's page,
the harvest states, the people a coordinator may import for. Visibility comes from
``selectors.links_visible_to`` only."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from passerelle.directory.models import Person
from passerelle.directory.selectors import people_visible_to

from .enums import Source
from .models import Authorship, HarvestState, PersonPublication, Publication
from .selectors import links_visible_to

# The databases a harvest asks, in the order the pages list them.
HARVEST_SOURCES = (Source.ORCID, Source.OPENALEX, Source.HAL, Source.PUBMED)
BY_YEAR = (F("publication__year").desc(nulls_last=True), "publication__title", "pk")


def links_of(person: Person, viewer: Any) -> QuerySet[PersonPublication]:
    """``person``'s works that ``viewer`` may see (hidden ones for the person and coordinators), newest
    year first."""
    return (links_visible_to(viewer).filter(person=person).select_related("publication").order_by(*BY_YEAR))


def managed_links(person: Person) -> QuerySet[PersonPublication]:
    """Every work of ``person``, hidden ones included, for the pages of those who manage them."""
    return PersonPublication.objects.filter(person=person).select_related("publication").order_by(*BY_YEAR)


def managed_link(viewer: Any, pk: int) -> PersonPublication:
    """The link ``pk`` when ``viewer`` may see it (the caller then checks they may manage it); else 404."""
    return get_object_or_404(links_visible_to(viewer).select_related("person", "publication"), pk=pk)


@dataclass(frozen=True)
class AuthorLine:
    authorship: Authorship
    person: Person | None  # the directory's profile, when the viewer may open it


@dataclass(frozen=True)
class PublicationPage:
    publication: Publication
    authors: list[AuthorLine]
    own_link: PersonPublication | None


def publication_page(viewer: Any, pk: int) -> PublicationPage:
    """A work as ``viewer`` may see it: 404 unless one of its links is visible to them. Authors are
    linked to their profile only when the viewer may open it and the author has not hidden this work
    from the viewer."""
    if not links_visible_to(viewer).filter(publication_id=pk).exists():
        raise Http404
    publication = get_object_or_404(Publication, pk=pk)
    authorships = list(publication.authorships.order_by("position"))
    author_ids = {a.person_id for a in authorships if a.person_id}
    shown = set(people_visible_to(viewer).filter(pk__in=author_ids).values_list("pk", flat=True))
    hidden_from_viewer = set(
        PersonPublication.objects.filter(publication=publication, hidden=True, person_id__in=author_ids)
        .exclude(pk__in=links_visible_to(viewer).filter(publication=publication).values("pk"))
        .values_list("person_id", flat=True))
    people = Person.objects.in_bulk(shown - hidden_from_viewer)
    own_link = None
    if getattr(viewer, "is_authenticated", False):
        own_link = PersonPublication.objects.filter(publication=publication, person__user=viewer).first()
    return PublicationPage(publication=publication, own_link=own_link,
                           authors=[AuthorLine(a, people.get(a.person_id)) for a in authorships])


def harvest_states(person: Person) -> list[dict[str, Any]]:
    """One row per source, in ``HARVEST_SOURCES`` order: its state, or ``None`` before its first harvest."""
    states = {state.source: state for state in HarvestState.objects.filter(person=person)}
    return [{"source": source, "state": states.get(source)} for source in HARVEST_SOURCES]


def people_with_identifiers() -> QuerySet[Person]:
    """Profiles a harvest can look for: those with an ORCID iD or an idHAL."""
    return Person.objects.filter(~Q(orcid="") | ~Q(idhal="")).order_by("last_name", "first_name", "pk")


def failed_states() -> QuerySet[HarvestState]:
    """The last failure of each person and source that has not succeeded since, newest first."""
    return (HarvestState.objects.exclude(last_error="").select_related("person")
            .order_by(F("last_attempt_at").desc(nulls_last=True), "pk"))
