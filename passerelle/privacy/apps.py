from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "passerelle.privacy"
    label = "privacy"
    verbose_name = _("Privacy and personal data")

    def ready(self) -> None:
        # Each app's part of a person's data export and erasure (registry.py).
        from . import consent_history, contrib, parts  # noqa: F401
