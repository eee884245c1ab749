from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "passerelle.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self) -> None:
        # The works on a profile in GET /api/people/<id> (the directory's API, which cannot import us).
        from passerelle.directory.api import register_person_detail_field

        from .api import VisibleWorksField

        register_person_detail_field("publications", VisibleWorksField)
