"""Without Redis the cache is a database table: `migrate` (and `flush`) create it when it lacks."""
from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

pytestmark = pytest.mark.django_db


def test_migrate_creates_the_database_cache_table_and_the_cache_works(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                   "LOCATION": "passerelle_cache"}}
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS passerelle_cache")
    assert "passerelle_cache" not in connection.introspection.table_names()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert "passerelle_cache" in connection.introspection.table_names()
    caches["default"].set("answer", 41)
    assert caches["default"].get("answer") + 1 == 42
