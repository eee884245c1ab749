"""idHAL on people. On SQLite the column is added by rebuilding the table, which drops the
full-text triggers: they are created again (``directory/fts.py``)."""
from django.db import migrations, models

from passerelle.directory.fts import restore_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0006_import_merged_rows'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='idhal',
            field=models.CharField(blank=True, help_text='Your identifier in HAL, the French open archive (e.g. jean-dupont).', max_length=100, verbose_name='idHAL'),
        ),
        migrations.RunPython(restore_triggers, migrations.RunPython.noop),
    ]
