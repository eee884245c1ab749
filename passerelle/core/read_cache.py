"""Reads that many people share, kept in Django's cache and dropped as soon as something changes.

Each *namespace* (``"directory"``, ``"events"``…) has a version token in the cache. A value is
kept under a key that carries the token current when it was read; any write to the namespace
(model signals connected in the apps' ``ready()``, plus explicit calls after bulk writes) puts a new
token, so every earlier value becomes unreachable at once and expires by itself. The token is
replaced right away *and* again when the writing transaction commits: a reader that ran between
the two, still seeing the old rows, kept them under a token nobody reads any more.

What is kept must never depend on who asks unless the key says so: callers put in the key
everything the value depends on (the SQL of a query, which carries the visibility levels and the
asker when they matter; the language; the filters).

``READ_CACHE`` (setting, environment variable ``READ_CACHE``) turns it all off: every read is
computed, as before. With several processes (gunicorn workers, the background worker), the cache
must be shared by all of them (Redis, the database cache): a per-process memory cache would only
see its own process's writes.
"""
from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Prefetch, QuerySet

logger = logging.getLogger(__name__)
T = TypeVar("T")
_MISSING = object()


def enabled() -> bool:
    return bool(getattr(settings, "READ_CACHE", True))


def _version_key(namespace: str) -> str:
    return f"read:{namespace}:version"


def version(namespace: str) -> str:
    """The current token of ``namespace`` (a new one is put when there is none)."""
    key = _version_key(namespace)
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        token = cache.get(key) or "0"
    return token


def _renew(namespaces: tuple[str, ...]) -> None:
    try:
        cache.set_many({_version_key(n): uuid.uuid4().hex for n in namespaces}, timeout=None)
    except Exception:  # a cache that cannot be written to serves nothing either (see cached())
        logger.exception("read cache: could not renew %s", ", ".join(namespaces))


def bump(*namespaces: str) -> None:
    """Make every kept read of ``namespaces`` unreachable, now and when the transaction commits."""
    _renew(namespaces)
    transaction.on_commit(lambda: _renew(namespaces))


def key_for(namespace: str, parts: Iterable[Any]) -> str:
    digest = hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()[:40]
    return f"read:{namespace}:{version(namespace)}:{digest}"


def cached(namespace: str, parts: Iterable[Any], compute: Callable[[], T], timeout: int | None = None) -> T:
    """``compute()``, kept under ``parts`` until ``namespace`` changes (or ``READ_CACHE_SECONDS``).

    A cache that fails (Redis down) is logged and the value computed: pages stay up."""
    if not enabled():
        return compute()
    try:
        key = key_for(namespace, parts)
        value = cache.get(key, _MISSING)
    except Exception:
        logger.exception("read cache: could not read %s", namespace)
        return compute()
    if value is _MISSING:
        value = compute()
        try:
            cache.set(key, value, settings.READ_CACHE_SECONDS if timeout is None else timeout)
        except Exception:
            logger.exception("read cache: could not keep %s", namespace)
    return value


def query_key(queryset: QuerySet) -> tuple[str, ...]:
    """What identifies a query's rows: its SQL and parameters (visibility levels, the asker when the
    rows depend on them, filters, order), and those of every query it prefetches with (a
    ``Prefetch`` may filter what it reads by visibility too) — two askers share a kept value only if
    they ask the same."""
    sql, params = queryset.query.sql_with_params()
    parts: list[str] = [sql, repr(params)]
    for lookup in queryset._prefetch_related_lookups:
        if isinstance(lookup, Prefetch):
            parts.append(f"prefetch {lookup.prefetch_to}")
            if lookup.queryset is not None:
                parts += query_key(lookup.queryset)
        else:
            parts.append(f"prefetch {lookup}")
    return tuple(parts)


def cached_rows(queryset: QuerySet) -> list[Any]:
    """The rows of ``queryset`` (with what it prefetches), kept under its SQL in its app's namespace."""
    return cached(queryset.model._meta.app_label, ("rows", *query_key(queryset)) if enabled() else (),
                  lambda: list(queryset))


class CachedPaginator(Paginator):
    """A :class:`Paginator` whose count and pages are kept in the cache of the queryset's app (its
    namespace), under the query's own SQL. A page is kept as its rows, with their annotations and
    the relations the queryset prefetches, so a kept page costs no query at all."""

    def __init__(self, object_list: QuerySet, per_page: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, *args, **kwargs)
        self.namespace = object_list.model._meta.app_label
        self._query_key = query_key(object_list) if enabled() else None

    @property
    def count(self) -> int:  # type: ignore[override]
        if "_count" not in self.__dict__:
            self.__dict__["_count"] = cached(self.namespace, ("count", self._query_key),
                                             lambda: self.object_list.count())
        return self.__dict__["_count"]

    def page(self, number: Any) -> Page:
        if not enabled():
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = cached(self.namespace, ("page", self._query_key, bottom, top),
                      lambda: list(self.object_list[bottom:top]))
        return self._get_page(rows, number, self)


def bump_on_writes(namespace: str, models: Iterable[type]) -> None:
    """Renew ``namespace`` whenever a row of ``models`` is saved or deleted, or one of their
    many-to-many relations changes (Django's signals; bulk writes call :func:`bump` themselves)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    def renew(sender: Any, **kwargs: Any) -> None:
        if kwargs.get("action", "post_").startswith("post_") and not kwargs.get("raw"):
            bump(namespace)

    for model in models:
        uid = f"read-cache:{namespace}:{model._meta.label}"
        post_save.connect(renew, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(renew, sender=model, weak=False, dispatch_uid=uid)
        for field in model._meta.many_to_many:
            m2m_changed.connect(renew, sender=field.remote_field.through, weak=False,
                                dispatch_uid=f"{uid}:{field.name}")
