from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "passerelle.publications"
    verbose_name = _("Publications")

    def ready(self) -> None:
        # The works on a profile in GET /api/people/<id> (the directory's API, which cannot import us).
        from passerelle.directory.api import register_person_detail_field

        from .api import VisibleWorksField

        register_person_detail_field("publications", VisibleWorksField)

        # Matching: visible works are more texts of a profile, co-authors are existing ties, and a
        # change of a work or a link moves the suggestions index.
        from django.db.models.signals import post_delete, post_save

        from passerelle.directory.engine_documents import register_partner_source, register_text_source

        from . import matching
        from .models import PersonPublication, Publication

        register_text_source(matching.publication_texts)
        register_partner_source(matching.coauthors)
        post_save.connect(matching.link_changed, sender=PersonPublication, dispatch_uid="publications.link_saved")
        post_delete.connect(matching.link_changed, sender=PersonPublication, dispatch_uid="publications.link_deleted")
        post_save.connect(matching.publication_changed, sender=Publication, dispatch_uid="publications.saved")
