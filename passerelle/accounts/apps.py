from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "passerelle.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Registers the bearer scheme of the OpenAPI document (drf-spectacular extension).
        from . import authentication  # noqa: F401
