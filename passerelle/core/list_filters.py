"""What every list page does with its filter bar: the search box, the choices left at "any", the sort.

The apps' selectors describe their own filters (a frozen dataclass based on :class:`ListFilters`) and
say which columns a searched word is looked for in; these helpers apply them the same way everywhere.
"""
from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class ListFilters:
    """What every list's filters hold: the words typed in its search box."""

    q: str = ""


def filter_when_set(queryset: QuerySet[M], **lookups: Any) -> QuerySet[M]:
    """``queryset`` narrowed by each lookup whose value is set: a choice left empty means "any".
    Each lookup is its own ``filter()`` call, as a chain of ``if`` blocks would make them."""
    for lookup, value in lookups.items():
        if value:
            queryset = queryset.filter(**{lookup: value})
    return queryset


def containing(word: str, *fields: str) -> Q:
    """Rows where one of ``fields`` (lookups, relations allowed) contains ``word``, case aside."""
    return reduce(operator.or_, (Q(**{f"{name}__icontains": word}) for name in fields))


def matching_every_word(queryset: QuerySet[M], text: str, condition: Callable[[str], Q]) -> QuerySet[M]:
    """The rows that match each word of a search box's ``text``; ``condition(word)`` says which rows
    one word matches (often :func:`containing`)."""
    for word in text.split():
        queryset = queryset.filter(condition(word))
    return queryset


def sort_order(sorts: Mapping[str, Sequence[str]], key: str, default: str) -> Sequence[str]:
    """The ``order_by`` fields of the sort named ``key`` in ``sorts``, else those of ``default``."""
    return sorts.get(key, sorts[default])
