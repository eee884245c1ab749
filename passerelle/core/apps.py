from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "passerelle.core"
    label = "core"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from . import sqlite
        from .control_characters import install_validators
        from .text_limits import install_text_limits

        install_validators()
        install_text_limits()
        sqlite.install()
