"""Works co-signed across the ocean: at least one author of Auvergne-Rhône-Alpes and one of Québec
among the directory's people who have the work on their profile.

An author counts through their link to the work (``PersonPublication``), never through the
country or affiliation the source printed: the link says who the person is in the directory, and
the territory is the one on their profile. A hidden link does not count, so that what a member
chose to hide never shows, not even in a total.
"""
from __future__ import annotations

from django.db.models import QuerySet

from passerelle.core.enums import Territory, Visibility

from .models import PersonPublication, Publication

BOTH_SIDES = (Territory.AURA, Territory.QC)
# Profiles every member may see: what an aggregate open to everyone may count.
MEMBER_LEVELS = (Visibility.PUBLIC, Visibility.MEMBERS)


def links_any_member_sees() -> QuerySet[PersonPublication]:
    """The links that are not hidden, on profiles that are not reserved to coordinators."""
    return PersonPublication.objects.filter(hidden=False, person__visibility__in=MEMBER_LEVELS)


def signed_from(links: QuerySet[PersonPublication], territory: str) -> QuerySet:
    """Ids of the works that ``links`` tie to a person of ``territory``."""
    return links.filter(person__territory=territory).values("publication_id")


def signed_across(works: QuerySet[Publication], links: QuerySet[PersonPublication]) -> QuerySet[Publication]:
    """The works of ``works`` that ``links`` tie to a person of each territory."""
    for territory in BOTH_SIDES:
        works = works.filter(pk__in=signed_from(links, territory))
    return works
