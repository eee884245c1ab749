"""Sending notifications so that they never fail a committed change.

Every e-mail of Passerelle goes through ``deliver``: its subject is made one line (a name holding a
line break cannot inject a header), and a failure to send is logged and kept as an ``UnsentEmail``
for ``retry_unsent`` (``manage.py mail_retry``) instead of raising. ``after_commit`` registers a
notification to run once the transaction commits, and logs whatever it raises: the change the user
made is already saved, so the page answers normally.
"""
from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from .control_characters import single_line
from .models import UnsentEmail

logger = logging.getLogger("passerelle.mail")

MAX_ATTEMPTS = 5


def make_message(*, subject: str, body: str, to: Sequence[str], from_email: str | None = None) -> EmailMessage:
    """One message; its subject is one line whatever the data it was written from."""
    return EmailMessage(subject=single_line(str(subject)), body=body,
                        from_email=from_email or settings.DEFAULT_FROM_EMAIL, to=list(to))


def deliver(message: EmailMessage) -> bool:
    """Send ``message``; on failure log it, keep it for a later attempt and return False."""
    message.subject = single_line(str(message.subject))
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - any failure of the mail backend is kept, not raised
        logger.exception("E-mail to %s not sent; kept for retry", ", ".join(message.to))
        _keep(message, error)
        return False
    return True


def _keep(message: EmailMessage, error: Exception) -> None:
    attachments = []
    for item in message.attachments:
        name, content, mimetype = item if isinstance(item, tuple) else (item.get_filename(), item.get_payload(), None)
        raw = content.encode("utf-8") if isinstance(content, str) else bytes(content or b"")
        attachments.append({"name": name, "content": base64.b64encode(raw).decode("ascii"), "type": mimetype})
    UnsentEmail.objects.create(subject=message.subject[:998], body=message.body, from_email=message.from_email,
                               to=list(message.to), attachments=attachments, last_error=repr(error)[:2000])


def retry_unsent(*, max_attempts: int = MAX_ATTEMPTS) -> tuple[int, int]:
    """Send the kept messages again; returns (sent, still failing). A message that fails
    ``max_attempts`` times stays in the admin for a coordinator to read and is not tried again."""
    sent = failed = 0
    for kept in UnsentEmail.objects.filter(attempts__lt=max_attempts).order_by("pk"):
        message = make_message(subject=kept.subject, body=kept.body, to=kept.to, from_email=kept.from_email)
        for item in kept.attachments:
            message.attach(item["name"], base64.b64decode(item["content"]), item.get("type"))
        try:
            message.send()
        except Exception as error:  # noqa: BLE001 - counted, kept, and the loop goes on
            logger.warning("E-mail %s still not sent: %r", kept.pk, error)
            UnsentEmail.objects.filter(pk=kept.pk).update(attempts=kept.attempts + 1, last_error=repr(error)[:2000])
            failed += 1
        else:
            kept.delete()
            sent += 1
    return sent, failed


def after_commit(callback: Callable[[], Any]) -> None:
    """Run ``callback`` (a notification) once the current transaction commits; never raise from it."""

    def guarded() -> None:
        try:
            callback()
        except Exception:  # noqa: BLE001 - the change is committed; the failure is logged
            logger.exception("Notification %r failed after commit", callback)

    transaction.on_commit(guarded)
