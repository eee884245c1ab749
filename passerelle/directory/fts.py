"""SQLite's full-text index of the directory: external-content FTS5 tables over the
``search_document`` columns, kept in step by triggers (created by migration 0005).

SQLite cannot add most columns in place: Django rebuilds the table, and the triggers of the old
table go with it. A migration that adds or alters a column of ``directory_person`` or
``directory_organisation`` must end with ``RunPython(restore_triggers, ...)`` (migration 0007 does).
"""
from __future__ import annotations

from typing import Any

TABLES = ("directory_person", "directory_organisation")


def index_statement(table: str) -> str:
    return (f"CREATE VIRTUAL TABLE {table}_fts USING fts5(search_document, content='{table}', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')")


def trigger_statements(table: str) -> list[str]:
    fts = f"{table}_fts"
    return [
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_document) VALUES (new.id, new.search_document); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_document) VALUES ('delete', old.id, old.search_document); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF search_document ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_document) VALUES ('delete', old.id, old.search_document); "
        f"INSERT INTO {fts}(rowid, search_document) VALUES (new.id, new.search_document); END",
    ]


def restore_triggers(apps: Any, schema_editor: Any) -> None:
    """Create the triggers again (a table rebuild dropped them) and rebuild the index."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in TABLES:
        for statement in trigger_statements(table):
            schema_editor.execute(statement)
        schema_editor.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
