from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "passerelle.meetings"
    verbose_name = _("Bilateral meetings")

    def ready(self) -> None:
        from passerelle.suggestions.selectors import provide_meeting_request_urls

        from .selectors import request_urls_for_partners

        # The suggestions pages offer "Ask for a meeting" where a session takes requests.
        provide_meeting_request_urls(request_urls_for_partners)
