from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "passerelle.reports"
    verbose_name = _("Impact and reports")
