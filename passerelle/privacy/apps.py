from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "passerelle.privacy"
    verbose_name = _("Privacy and personal data")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # What each app declares about people (its personal_data.py), then each app's part of a
        # person's data export and erasure (registry.py).
        autodiscover_modules("personal_data")
        from . import consent_history, contrib, parts  # noqa: F401

        contrib.register_declared_apps()
