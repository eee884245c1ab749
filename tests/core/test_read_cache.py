"""The read cache: values kept per namespace until a write renews it (``core/read_cache.py``)."""
from __future__ import annotations

import pytest

from passerelle.core import read_cache
from passerelle.directory.models import Person
from tests.factories import PersonFactory

# Renewing a namespace also registers a renewal for when the transaction commits.
pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.calls


def test_a_value_is_computed_once_until_its_namespace_is_renewed():
    compute = Counter()
    assert read_cache.cached("demo", ("a",), compute) == 1
    assert read_cache.cached("demo", ("a",), compute) == 1
    assert read_cache.cached("demo", ("b",), compute) == 2  # other parts, other value
    read_cache.bump("other")
    assert read_cache.cached("demo", ("a",), compute) == 1  # another namespace's writes change nothing
    read_cache.bump("demo")
    assert read_cache.cached("demo", ("a",), compute) == 3


def test_a_falsy_value_is_kept_too():
    calls = []
    for _ in range(2):
        assert read_cache.cached("demo", ("none",), lambda: calls.append(1)) is None
    assert len(calls) == 1


def test_the_namespace_is_renewed_again_when_the_transaction_commits(django_capture_on_commit_callbacks):
    """A reader between the write and the commit still saw the old rows: what it kept is dropped."""
    compute = Counter()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        read_cache.bump("demo")
        assert read_cache.cached("demo", ("a",), compute) == 1  # read before the commit
    for callback in callbacks:
        callback()
    assert read_cache.cached("demo", ("a",), compute) == 2


def test_turned_off_every_read_is_computed(settings):
    settings.READ_CACHE = False
    compute = Counter()
    assert [read_cache.cached("demo", ("a",), compute) for _ in range(3)] == [1, 2, 3]


def test_a_failing_cache_still_answers(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}  # nothing listens there
    compute = Counter()
    assert read_cache.cached("demo", ("a",), compute) == 1
    assert read_cache.cached("demo", ("a",), compute) == 2


def test_a_kept_page_follows_its_query_and_every_write_to_its_app():
    PersonFactory(last_name="Alpha")
    queryset = Person.objects.order_by("last_name")
    first = read_cache.CachedPaginator(queryset, 10).page(1)
    assert [p.last_name for p in first.object_list] == ["Alpha"]
    other = read_cache.CachedPaginator(queryset.filter(last_name="Beta"), 10)
    assert other.count == 0  # another query, its own count
    PersonFactory(last_name="Beta")  # a save renews the "directory" namespace
    again = read_cache.CachedPaginator(queryset, 10)
    assert again.count == 2 and [p.last_name for p in again.page(1).object_list] == ["Alpha", "Beta"]


def test_a_kept_page_costs_no_query(django_assert_num_queries):
    PersonFactory.create_batch(3)
    queryset = Person.objects.order_by("pk").prefetch_related("techniques")
    read_cache.CachedPaginator(queryset, 2).page(2)
    with django_assert_num_queries(0):
        page = read_cache.CachedPaginator(queryset, 2).page(2)
        assert len(page.object_list) == 1 and list(page.object_list[0].techniques.all()) == []
