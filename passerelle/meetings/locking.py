"""The session row lock that serialises every change of a schedule.

Moving, placing, cancelling or publishing meetings, applying a scheduler run and editing the grid
all start with ``lock_session``: on PostgreSQL a second coordinator's transaction waits until the
first commits, then re-checks the rules against what was just written, so nobody is ever booked
twice (the database's unique constraints on attendees and tables are the second line of defence).
"""
from __future__ import annotations

from django.db import transaction

from .models import B2BSession


def lock_session(session_id: int) -> B2BSession:
    """The session, freshly read and locked until the current transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_session() must run inside transaction.atomic().")
    return B2BSession.objects.select_for_update(of=("self",)).select_related("event").get(pk=session_id)
