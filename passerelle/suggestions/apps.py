from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuggestionsConfig(AppConfig):
    name = "passerelle.suggestions"
    verbose_name = _("Suggested partners")
