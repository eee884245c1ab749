from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "passerelle.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from passerelle.directory.engine_documents import register_partner_source, register_text_source

        from . import matching
        from .models import PersonPublication, Publication

        register_text_source(matching.publication_texts)
        register_partner_source(matching.coauthors)
        post_save.connect(matching.link_changed, sender=PersonPublication, dispatch_uid="publications.link_saved")
        post_delete.connect(matching.link_changed, sender=PersonPublication, dispatch_uid="publications.link_deleted")
        post_save.connect(matching.publication_changed, sender=Publication, dispatch_uid="publications.saved")
