from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "passerelle.projects"
    verbose_name = _("Opportunities, joint projects and support services")
