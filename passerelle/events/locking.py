"""The event row lock that serialises seat-taking, programme checks and status moves.

``select_for_update`` on PostgreSQL makes a second transaction wait until the first commits,
so two people cannot both take the last seat (pretix's ``services/locking.py`` does the same).
SQLite ignores it but runs one writer at a time.
"""
from __future__ import annotations

from django.db import transaction

from .models import Event


def lock_event(event_id: int) -> Event:
    """The event, freshly read and locked until the current transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_event() must run inside transaction.atomic().")
    return Event.objects.select_for_update().get(pk=event_id)
