"""States of the meetings app; the allowed moves live here, next to the states."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import ScheduleStatus
from passerelle.core.workflow import Workflow


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for requests")
    SCHEDULED = "scheduled", _("Scheduled (not yet published)")
    PUBLISHED = "published", _("Published")


# The only moves ``services.session_set_status`` accepts. A published session stays published:
# late changes are re-scheduled around the meetings already announced, then published again.
# ``by_hand``: a session is scheduled by the scheduler and published by ``schedule.session_publish``,
# not on the status page.
SESSION_WORKFLOW = Workflow("""
    draft     -> open
    open      -> draft, scheduled
    scheduled -> open, published
    published ->
""", statuses=SessionStatus, refused=_("A session cannot move from “%(from)s” to “%(to)s”."), by_hand="""
    draft     -> open
    open      -> draft
    scheduled -> open
""")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired (no answer in time)")


# Moves of a request as a whole; ``services`` performs them and refuses the others.
REQUEST_WORKFLOW = Workflow("""
    pending   -> accepted, declined, cancelled, expired
    accepted  -> cancelled
    declined  ->
    cancelled ->
    expired   ->
""", statuses=RequestStatus, history="")


class Answer(models.TextChoices):
    """One invitee's answer to a request."""

    PENDING = "pending", _("No answer yet")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Priority(models.IntegerChoices):
    LOW = 1, _("Nice to have")
    NORMAL = 2, _("Important")
    HIGH = 3, _("Essential")


# A meeting takes place or is cancelled, like an event's programme item: the one choice in core.
MeetingStatus = ScheduleStatus


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    APPLIED = "applied", _("Applied")
    FAILED = "failed", _("Failed")
    SUPERSEDED = "superseded", _("Superseded by a newer run")
