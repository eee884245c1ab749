"""Load the reference taxonomies shipped in core/data (CSO, cancer sites, techniques, languages)."""
from django.db import migrations


def load(apps, schema_editor):
    from passerelle.core.taxonomies import load_taxonomies

    load_taxonomies(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
