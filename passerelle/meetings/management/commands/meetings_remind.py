"""``manage.py meetings_remind``: expire the unanswered meeting requests older than their session's
delay (their senders are told) and remind invitees half-way. The workers run it hourly (jobs/periodic.py)."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from passerelle.meetings.services.requests import requests_expire_and_remind


class Command(BaseCommand):
    help = "Expire unanswered meeting requests after their session's delay and remind invitees half-way."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", default=getattr(settings, "SITE_URL", ""),
                            help="Scheme and host for the links in the e-mails, e.g. https://passerelle.example.")

    def handle(self, *args: Any, **options: Any) -> None:
        expired, reminded = requests_expire_and_remind(base_url=options["base_url"])
        self.stdout.write(f"{expired} requests expired, {reminded} reminders sent.")
