"""Full-text search on SQLite: FTS5 tables over the search documents, and stems in every document.

On SQLite, ``directory_person_fts`` and ``directory_organisation_fts`` are external-content FTS5
tables (``unicode61`` tokenizer, accents removed) over the ``search_document`` columns; triggers
keep them in step with every insert, update and delete, whichever code path writes the row.
On every database, existing search documents gain the stems of their words
(``core.text.search_document`` now appends them), so that search answers alike everywhere.
"""
from django.db import migrations

from passerelle.core.text import search_stems
from passerelle.directory.fts import TABLES, index_statement, restore_triggers


def _with_stems(document: str) -> str:
    words = document.split()
    return " ".join([*words, *search_stems(words)])


def forward(apps, schema_editor):
    for model_name in ("Person", "Organisation"):
        model = apps.get_model("directory", model_name)
        changed = []
        for row in model.objects.only("pk", "search_document").iterator(chunk_size=2000):
            document = _with_stems(row.search_document)
            if document != row.search_document:
                row.search_document = document
                changed.append(row)
        model.objects.bulk_update(changed, ["search_document"], batch_size=1000)
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in TABLES:
        schema_editor.execute(index_statement(table))
    restore_triggers(apps, schema_editor)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in TABLES:
        for suffix in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}_fts")


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_person_visible_index")]
    operations = [migrations.RunPython(forward, backward)]
