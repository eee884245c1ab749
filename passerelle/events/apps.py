from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "passerelle.events"
    verbose_name = _("Events and missions")

    def ready(self) -> None:
        from passerelle.core.read_cache import bump_on_writes

        # Kept event reads (the event, its programme, participants and delegations) show people and
        # organisations of the directory too: writes to either renew the "events" namespace.
        bump_on_writes("events", [*self.get_models(), *apps.get_app_config("directory").get_models(),
                                  *apps.get_app_config("core").get_models()])
