"""On PostgreSQL, GIN indexes over the search documents (the exact expression search.py queries).

SQLite has no such index type; the fallback search there scans, which suits small directories.
"""
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = {
    "person": "directory_person_search_gin",
    "organisation": "directory_org_search_gin",
}


def _index(name: str) -> GinIndex:
    return GinIndex(SearchVector("search_document", config="simple"), name=name)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index_name in INDEXES.items():
        schema_editor.add_index(apps.get_model("directory", model_name), _index(index_name))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index_name in INDEXES.items():
        schema_editor.remove_index(apps.get_model("directory", model_name), _index(index_name))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
