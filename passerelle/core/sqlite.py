"""SQLite for the demo and small sites: the web server and the worker write to one file.

Write-ahead logging lets pages read while the worker writes, and IMMEDIATE transactions (set in
the settings) take the write lock when a transaction begins, so two writers wait for each other
(up to the timeout) instead of one failing with "database is locked" when it upgrades a read lock.
"""
from __future__ import annotations

from typing import Any

from django.db.backends.signals import connection_created


def use_write_ahead_log(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")


def install() -> None:
    connection_created.connect(use_write_ahead_log, dispatch_uid="passerelle.sqlite.wal")
