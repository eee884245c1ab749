"""Counting a page's queries, to show that they do not grow with the rows it lists."""
from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_of(client: Client, url: str) -> int:
    """Queries of a page computed afresh (nothing kept in the read cache); the page must answer 200."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def assert_queries_do_not_grow(client: Client, url: str, fill: Callable[[int], None], few: int, more: int) -> None:
    """After ``fill(few)`` and then ``fill(more)`` rows, the page at ``url`` reads as many queries."""
    fill(few)
    with_few = queries_of(client, url)
    fill(more)
    assert queries_of(client, url) == with_few
