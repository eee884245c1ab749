from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_table(using: str = "default", **kwargs: Any) -> None:
    """After each ``migrate``: the database cache's table (settings.CACHES), when it lacks, so that a
    site without Redis never serves with a missing cache table. Does nothing for other caches."""
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "passerelle.core"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from . import sqlite
        from .control_characters import install_validators
        from .text_limits import install_text_limits

        install_validators()
        install_text_limits()
        sqlite.install()
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="passerelle.core.create_cache_table")
