"""``manage.py mail_retry``: send again the notifications whose sending failed (the workers run it hourly)."""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from passerelle.core.mail import retry_unsent


class Command(BaseCommand):
    help = "Send again the e-mails whose sending failed (kept as unsent e-mails)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent, failed = retry_unsent()
        self.stdout.write(f"{sent} e-mails sent, {failed} still failing.")
