"""SQLite rebuilds a table to add most columns, and the full-text triggers go with the old table:
after every migration, each directory table must still have its three triggers."""
import pytest
from django.db import connection

from passerelle.directory.fts import TABLES


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index exists on SQLite only")
def test_every_full_text_trigger_survives_the_migrations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {row[0] for row in cursor.fetchall()}
    expected = {f"{table}_fts_{event}" for table in TABLES for event in ("insert", "delete", "update")}
    assert expected <= triggers
