"""A mail backend whose server is down, for the tests of notifications that must not fail a change."""
from __future__ import annotations

from django.core.mail.backends.base import BaseEmailBackend


class ServerDownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")
