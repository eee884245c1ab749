"""What publications give to matching, registered in the directory's profile → document adapter
(``passerelle.directory.engine_documents``) by this app's ``ready``:

- each visible work (link not hidden) is one more text of its person: title and abstract, the
  ``MAX_TEXTS_PER_PERSON`` most recent ones, each cut at ``MAX_TEXT_CHARS`` characters, so that a
  profile with hundreds of works is not reduced to its bibliography (docs/publications.md);
- the directory's people who co-signed a work are each other's existing partners, with how many
  works they co-signed (suggestions exclude them, or show them with that count as a reason).

Both read one flat query for all the people asked for. Link and work writes touch the linked
people's ``updated_at``, which moves the suggestions index's fingerprint (signals below);
bulk writes that bypass signals call :func:`touch_people` themselves.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone

from passerelle.directory.models import Person

from .models import PersonPublication, Publication
from .selectors import coauthor_pairs

MAX_TEXTS_PER_PERSON = 20
MAX_TEXT_CHARS = 1500


def publication_texts(person_pks: Collection[int] | None) -> dict[int, list[str]]:
    """person pk → "title. abstract" of their most recent visible works (one query)."""
    links = PersonPublication.objects.filter(hidden=False)
    if person_pks is not None:
        links = links.filter(person_id__in=list(person_pks))
    links = links.annotate(
        rank=Window(RowNumber(), partition_by=[F("person_id")],
                    order_by=[F("publication__year").desc(nulls_last=True), F("publication_id").desc()]),
        head=Substr("publication__abstract", 1, MAX_TEXT_CHARS),
    ).filter(rank__lte=MAX_TEXTS_PER_PERSON)
    texts: dict[int, list[str]] = {}
    rows = links.order_by("person_id", "rank").values_list("person_id", "publication__title", "head")
    for person_id, title, abstract in rows:
        text = ". ".join(part.strip().rstrip(".") for part in (title, abstract) if part and part.strip())
        if text:
            texts.setdefault(person_id, []).append(text[:MAX_TEXT_CHARS])
    return texts


def coauthors(person_pks: Collection[int] | None) -> dict[int, dict[int, int]]:
    """person pk → co-author pk → works they co-signed (links not hidden on either side)."""
    partners: dict[int, dict[int, int]] = {}
    for (a, b), count in coauthor_pairs(person_pks).items():
        partners.setdefault(a, {})[b] = count
        partners.setdefault(b, {})[a] = count
    return partners


def touch_people(person_pks: Iterable[int]) -> None:
    """Mark these people as changed for matching (their suggestions index is rebuilt)."""
    Person.objects.filter(pk__in=list(set(person_pks))).update(updated_at=timezone.now())


def link_changed(sender: Any, instance: PersonPublication, **kwargs: Any) -> None:
    touch_people([instance.person_id])


def publication_changed(sender: Any, instance: Publication, **kwargs: Any) -> None:
    touch_people(PersonPublication.objects.filter(publication=instance).values_list("person_id", flat=True))
