"""The demo's SQLite file takes a web write while the worker writes: WAL, immediate transactions."""
from __future__ import annotations

import sqlite3
import threading

import pytest
from django.conf import settings
from django.db import connection


@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="SQLite only")
def test_sqlite_transactions_take_the_write_lock_at_once_and_wait_for_it():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert (options["transaction_mode"], options["timeout"]) == ("IMMEDIATE", 20)


def test_a_file_database_uses_the_write_ahead_log(tmp_path):
    """Two connections to one file: a reader is not blocked by an open write transaction."""
    from passerelle.core.sqlite import use_write_ahead_log

    class Wrapper:
        vendor = "sqlite"

        def __init__(self, raw):
            self.raw = raw

        def cursor(self):
            return _Cursor(self.raw.cursor())

    path = tmp_path / "demo.sqlite3"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    use_write_ahead_log(None, Wrapper(writer))
    assert writer.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    writer.execute("CREATE TABLE t (x)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO t VALUES (1)")
    seen = []
    reader = threading.Thread(target=lambda: seen.append(
        sqlite3.connect(path, timeout=0.1).execute("SELECT count(*) FROM t").fetchone()[0]))
    reader.start()
    reader.join()
    writer.execute("COMMIT")
    assert seen == [0]
    assert connection.vendor in ("sqlite", "postgresql")


class _Cursor:
    def __init__(self, cursor):
        self.cursor = cursor

    def __enter__(self):
        return self.cursor

    def __exit__(self, *exc):
        self.cursor.close()
