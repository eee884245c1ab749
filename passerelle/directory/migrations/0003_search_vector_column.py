"""On PostgreSQL, a stored ``search_vector`` column (generated from the search document) with a GIN index.

Ranking with ``ts_rank(to_tsvector(search_document), …)`` recomputed the vector of every matching
row at each search (measured: most of a search page's time on 50,000 people). A generated column
keeps the vector on disk, always in step with the document; ``search.py`` filters and ranks on it.
The expression indexes of migration 0002 are dropped: nothing queries that expression any more.
SQLite has neither type; its fallback search scans the documents.
"""
from django.db import migrations

TABLES = {"directory_person": "directory_person_search_gin", "directory_organisation": "directory_org_search_gin"}


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, old_index in TABLES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {old_index}")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(search_document, ''))) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {table}_search_vector_gin ON {table} USING gin (search_vector)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, old_index in TABLES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_vector_gin")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        schema_editor.execute(
            f"CREATE INDEX {old_index} ON {table} USING gin (to_tsvector('simple'::regconfig, "
            "COALESCE(search_document, ''::text)))"
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_search_indexes")]
    operations = [migrations.RunPython(forward, backward)]
