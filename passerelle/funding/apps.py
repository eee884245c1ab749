from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "passerelle.funding"
    verbose_name = _("Funding programmes, calls and review")

    def ready(self) -> None:
        from passerelle.projects.selectors import add_timeline_source

        from .selectors import project_timeline_entries

        # The project page's timeline shows the moves of the project's applications.
        add_timeline_source(project_timeline_entries)
