"""Meeting requests: send, answer, cancel; expire the unanswered ones and remind invitees.

States move only here (``enums.REQUEST_WORKFLOW``); every participant is told by e-mail after
the transaction commits. Cancelling a request whose meeting is in the schedule cancels the
meeting too: a draft one disappears, an announced one stays in calendars as cancelled.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.actors import recorded_user
from passerelle.core.mail import after_commit
from passerelle.directory.models import Person

from .. import notifications, rules
from ..enums import REQUEST_WORKFLOW, Answer, MeetingStatus, Priority, RequestStatus
from ..locking import lock_session
from ..models import B2BSession, MeetingRequest, Participant, RequestInvitee
from . import schedule

logger = logging.getLogger(__name__)


def _move(request: MeetingRequest, to_status: str) -> None:
    if to_status not in REQUEST_WORKFLOW.allowed_moves(request.status):
        raise ValidationError(_("This request is already “%(status)s”.") % {"status": request.get_status_display()})
    request.status = to_status
    request.decided_at = timezone.now()


def request_send(*, actor: Any, session: B2BSession, requester: Person, invitees: Sequence[Person], message: str,
                 priority: int = Priority.NORMAL, by_coordinator: bool = False, base_url: str = "") -> MeetingRequest:
    """Ask ``invitees`` (one, or several for a group meeting) to meet ``requester``."""
    invitees = list(invitees)
    with transaction.atomic():
        session = lock_session(session.pk)
        rules.check_request(session, requester, invitees, by_coordinator=by_coordinator)
        request = MeetingRequest(session=session, requester=requester, message=message.strip(), priority=priority,
                                 created_by=recorded_user(actor))
        request.full_clean(exclude=["created_by", "cancelled_by"])
        request.save()
        RequestInvitee.objects.bulk_create([RequestInvitee(request=request, person=p) for p in invitees])
        for person in [requester, *invitees]:
            Participant.objects.get_or_create(session=session, person=person)
        after_commit(partial(notifications.send_request_received, request, base_url=base_url))
    return request


def request_answer(*, actor: Any, request: MeetingRequest, person: Person, accept: bool,
                   priority: int | None = None, base_url: str = "") -> MeetingRequest:
    """``person`` (an invitee) accepts or declines. One decline declines the request; the last
    acceptance accepts it, and the request then waits for the scheduler."""
    with transaction.atomic():
        lock_session(request.session_id)
        request = MeetingRequest.objects.select_related("session__event", "requester").get(pk=request.pk)
        answer = request.answers.filter(person=person).first()
        if answer is None:
            raise ValidationError(_("Only the people asked may answer this request."))
        if request.status != RequestStatus.PENDING:
            raise ValidationError(_("This request is already “%(status)s”.") % {"status": request.get_status_display()})
        if answer.answer != Answer.PENDING:
            raise ValidationError(_("You have already answered this request."))
        answer.answer = Answer.ACCEPTED if accept else Answer.DECLINED
        answer.priority = priority if accept else None
        answer.answered_at = timezone.now()
        answer.save(update_fields=["answer", "priority", "answered_at"])
        if not accept:
            _move(request, RequestStatus.DECLINED)
        elif not request.answers.exclude(answer=Answer.ACCEPTED).exists():
            _move(request, RequestStatus.ACCEPTED)
        request.save(update_fields=["status", "decided_at"])
        if request.status != RequestStatus.PENDING:
            after_commit(partial(notifications.send_request_decided, request, base_url=base_url))
    return request


def request_cancel(*, actor: Any, request: MeetingRequest, by: Person | None, base_url: str = "") -> MeetingRequest:
    """The sender, an invitee (``by``) or a coordinator (``by`` None) cancels an open request,
    and with it its meeting if it has one."""
    with transaction.atomic():
        session = lock_session(request.session_id)
        request = MeetingRequest.objects.select_related("session__event", "requester").get(pk=request.pk)
        _move(request, RequestStatus.CANCELLED)
        request.cancelled_by = recorded_user(actor)
        request.save(update_fields=["status", "decided_at", "cancelled_by"])
        meeting = request.meetings.filter(status=MeetingStatus.SCHEDULED).first()
        if meeting is not None:
            schedule.meeting_cancel_locked(actor=actor, session=session, meeting=meeting, base_url=base_url)
        after_commit(partial(notifications.send_request_cancelled, request, cancelled_by=by,
                                      base_url=base_url))
    return request


def requests_expire_and_remind(*, now=None, base_url: str = "") -> tuple[int, int]:
    """Expire the pending requests older than their session's delay (the sender is told) and remind
    the invitees who have not answered once half the delay has passed. Returns (expired, reminded).

    One request that fails (bad data, a template error) is logged and skipped: the others are
    still expired and reminded."""
    now = now or timezone.now()
    expired = reminded = 0
    pending = (MeetingRequest.objects.filter(status=RequestStatus.PENDING, session__request_expiry_days__isnull=False)
               .select_related("session__event", "requester"))
    for request in pending:
        try:
            outcome = _expire_or_remind(request, now=now, base_url=base_url)
        except Exception:  # noqa: BLE001 - a periodic job never stops at one bad item
            logger.exception("Meeting request %s could not be expired or reminded", request.pk)
            continue
        expired += outcome == "expired"
        reminded += outcome == "reminded"
    return expired, reminded


def _expire_or_remind(request: MeetingRequest, *, now, base_url: str) -> str:
    delay = timedelta(days=request.session.request_expiry_days)
    if request.created_at + delay <= now:
        with transaction.atomic():
            lock_session(request.session_id)
            locked = MeetingRequest.objects.select_related("session__event", "requester").get(pk=request.pk)
            if locked.status != RequestStatus.PENDING:
                return ""
            _move(locked, RequestStatus.EXPIRED)
            locked.save(update_fields=["status", "decided_at"])
            after_commit(partial(notifications.send_request_expired, locked, base_url=base_url))
        return "expired"
    if request.reminded_at is None and request.created_at + delay / 2 <= now:
        waiting = [a.person for a in request.answers.filter(answer=Answer.PENDING).select_related("person")]
        notifications.send_request_reminder(request, waiting, base_url=base_url)
        MeetingRequest.objects.filter(pk=request.pk).update(reminded_at=now)
        return "reminded"
    return ""
