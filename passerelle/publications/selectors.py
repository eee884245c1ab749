"""Reads of publications, with who may see what.

A work is shown through its links to people: a link is visible when its person's profile is
visible to the asker (the directory's rule) and the link is not hidden — hidden links are seen only
by the person themself (to show them again) and by coordinators. A work none of whose links the
asker may see is not shown at all.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from django.db.models import Q, QuerySet

from passerelle.directory.selectors import is_coordinator, visible_condition

from .models import PersonPublication, Publication


def links_visible_to(user: Any) -> QuerySet[PersonPublication]:
    """The person ↔ work links ``user`` may see (hidden ones only for their person and coordinators)."""
    links = PersonPublication.objects.filter(visible_condition(user, prefix="person__"))
    if is_coordinator(user):
        return links
    shown = Q(hidden=False)
    if getattr(user, "is_authenticated", False):
        shown |= Q(person__user=user)
    return links.filter(shown)


def publications_visible_to(user: Any) -> QuerySet[Publication]:
    """Works with at least one link ``user`` may see and that is not hidden."""
    shown = links_visible_to(user).filter(hidden=False)
    return Publication.objects.filter(pk__in=shown.values("publication_id"))


def coauthor_pairs(person_ids: Iterable[int] | None = None, *, year_from: int | None = None,
                   year_to: int | None = None) -> Counter[tuple[int, int]]:
    """How many works each pair of the directory's people signed together, from the links that are
    not hidden; pairs are ``(smaller pk, larger pk)``. With ``person_ids``, only pairs that include
    one of them; with ``year_from`` / ``year_to``, only works published in those years."""
    links = PersonPublication.objects.filter(hidden=False)
    if year_from is not None:
        links = links.filter(publication__year__gte=year_from)
    if year_to is not None:
        links = links.filter(publication__year__lte=year_to)
    if person_ids is not None:
        wanted = set(person_ids)
        links = links.filter(publication__in=PersonPublication.objects.filter(
            hidden=False, person_id__in=wanted).values("publication_id"))
    else:
        wanted = None
    people_of: dict[int, set[int]] = {}
    for publication_id, person_id in links.values_list("publication_id", "person_id"):
        people_of.setdefault(publication_id, set()).add(person_id)
    pairs: Counter[tuple[int, int]] = Counter()
    for people in people_of.values():
        for pair in combinations(sorted(people), 2):
            if wanted is None or pair[0] in wanted or pair[1] in wanted:
                pairs[pair] += 1
    return pairs
