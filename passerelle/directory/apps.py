from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "passerelle.directory"
    verbose_name = _("Directory")

    def ready(self) -> None:
        from passerelle.core.read_cache import bump_on_writes

        # Kept directory reads (pages, counts, filter options) show profiles, organisations and the
        # reference taxonomies' titles: any write to them renews the "directory" namespace.
        bump_on_writes("directory", [*self.get_models(), *apps.get_app_config("core").get_models()])
