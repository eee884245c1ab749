"""Reads of publications for lists (the API): who may see what is ``selectors.py``'s rule."""
from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from .cross_border import BOTH_SIDES, signed_across, signed_from
from .models import PersonPublication, Publication
from .selectors import links_visible_to, publications_visible_to


def shown_links(user: Any) -> QuerySet[PersonPublication]:
    """The links ``user`` may see, hidden ones left out (even for their own person and coordinators)."""
    return links_visible_to(user).filter(hidden=False)


def publication_list(*, user: Any, person: int | None = None, year: int | None = None,
                     cross_border: bool = False) -> QuerySet[Publication]:
    """The works ``user`` may see (newest first), on ``person``'s profile, of ``year``, signed from both
    territories; each with ``shown_links`` (the links shown, their person loaded) and ``side_AURA`` /
    ``side_QC`` (signed from that territory, through the links shown)."""
    links = shown_links(user)
    works = publications_visible_to(user)
    if person:
        works = works.filter(pk__in=links.filter(person_id=person).values("publication_id"))
    if year:
        works = works.filter(year=year)
    if cross_border:
        works = signed_across(works, links)
    flags = {f"side_{territory}": Exists(signed_from(links, territory).filter(publication_id=OuterRef("pk")))
             for territory in BOTH_SIDES}
    return (works.annotate(**flags)
            .prefetch_related("authorships",
                              Prefetch("person_links", queryset=links.select_related("person").order_by("person__pk"),
                                       to_attr="shown_links"))
            .order_by("-year", "title", "pk"))


