from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "passerelle.core"
    label = "core"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from .control_characters import install_validators

        install_validators()
