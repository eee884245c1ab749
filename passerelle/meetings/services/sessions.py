"""Opening a session for an event, editing its grid (windows, breaks, tables) and moving its status."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from passerelle.core.actors import recorded_user
from passerelle.core.workflow import transition
from passerelle.directory.models import AuditEntry

from .. import rules
from ..enums import SessionStatus
from ..grid import cut_slots
from ..locking import lock_session
from ..models import B2BSession, MeetingTable, SessionBreak, SessionWindow, Slot
from . import audit

Span = tuple[datetime, datetime]


def session_save(*, actor: Any, session: B2BSession, windows: Sequence[Span], breaks: Sequence[tuple[str, str, Span]],
                 tables: Sequence[tuple[str, str]]) -> B2BSession:
    """Create or update a session and its grid. ``windows`` are (start, end); ``breaks`` are
    (French label, English label, (start, end)); ``tables`` are (name, location), in order.
    Slots and tables that hold meetings may not disappear: the change is refused, naming them."""
    windows = sorted(windows)
    rules.check_windows(session.event, windows)
    with transaction.atomic():
        creating = session.pk is None
        if not creating:
            lock_session(session.pk)
        else:
            session.status = SessionStatus.DRAFT
            session.created_by = recorded_user(actor)
        session.full_clean()
        session.save()
        session.breaks.all().delete()
        SessionBreak.objects.bulk_create([SessionBreak(session=session, label_fr=fr, label_en=en, start=start, end=end)
                                          for fr, en, (start, end) in breaks])
        _sync_slots(session, windows, [span for _fr, _en, span in breaks])
        _sync_tables(session, tables)
        action = AuditEntry.Action.CREATE if creating else AuditEntry.Action.UPDATE
        grid = _("%(slots)d slots, %(tables)d tables") % {"slots": session.slots.count(),
                                                          "tables": session.tables.count()}
        audit.record(actor=actor, obj=session, action=action, changes={"grid": ["", grid]})
    return session


def _sync_slots(session: B2BSession, windows: Sequence[Span], breaks: Sequence[Span]) -> None:
    """Make the stored slots those cut from ``windows`` minus ``breaks``; keep the unchanged ones
    (their availability and meetings stay attached), refuse to drop one that holds meetings."""
    wanted = {(start, end): index for index, start, end in cut_slots(windows, breaks, session.slot_minutes)}
    existing = {(slot.start, slot.end): slot for slot in session.slots.all()}
    dropped = [slot for key, slot in existing.items() if key not in wanted]
    busy = [slot for slot in dropped if slot.meetings.exists()]
    if busy:
        raise ValidationError(_("These slots hold meetings and cannot be removed: %(slots)s. Move or cancel "
                                "the meetings first.") % {"slots": ", ".join(str(s) for s in busy)})
    Slot.objects.filter(pk__in=[s.pk for s in dropped]).delete()
    window_rows = []
    for start, end in windows:
        window, _created = SessionWindow.objects.get_or_create(session=session, start=start, end=end)
        window_rows.append(window)
    for key, slot in existing.items():
        if key in wanted and slot.window_id != window_rows[wanted[key]].pk:
            slot.window = window_rows[wanted[key]]
            slot.save(update_fields=["window"])
    Slot.objects.bulk_create([Slot(session=session, window=window_rows[index], start=start, end=end)
                              for (start, end), index in sorted(wanted.items()) if (start, end) not in existing])
    session.windows.exclude(pk__in=[w.pk for w in window_rows]).delete()


def _sync_tables(session: B2BSession, tables: Sequence[tuple[str, str]]) -> None:
    if not tables:
        raise ValidationError(_("Give at least one table or room."))
    names = [name for name, _location in tables]
    if len({n.casefold() for n in names}) != len(names):
        raise ValidationError(_("Two tables have the same name."))
    existing = {table.name: table for table in session.tables.all()}
    dropped = [t for name, t in existing.items() if name not in names]
    busy = [t.name for t in dropped if t.meetings.exists()]
    if busy:
        raise ValidationError(_("These tables hold meetings and cannot be removed: %(tables)s.")
                              % {"tables": ", ".join(busy)})
    MeetingTable.objects.filter(pk__in=[t.pk for t in dropped]).delete()
    for position, (name, location) in enumerate(tables):
        table = existing.get(name) or MeetingTable(session=session, name=name)
        table.location, table.position = location, position
        table.full_clean(exclude=["session"], validate_unique=False)
        table.save()


def session_set_status(*, actor: Any, session: B2BSession, to_status: str, note: str = "") -> B2BSession:
    """The one way to move a session's status (publication goes through ``schedule.session_publish``)."""
    with transaction.atomic():
        locked = lock_session(session.pk)
        rules.check_transition(locked, to_status)
        record_status(actor=actor, session=locked, to_status=to_status, note=note)
    session.status = locked.status
    return session


def record_status(*, actor: Any, session: B2BSession, to_status: str, note: str = "") -> None:
    """Move a locked session and keep the history (who, when, from, to)."""
    transition(session, to_status, by=actor, note=note, check=False)
