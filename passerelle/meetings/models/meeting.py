"""Meetings placed in the grid, who sits at them, what people said afterwards, and the scheduler's runs.

Nobody is ever in two meetings of one slot and no table holds two meetings of one slot: the
services check it under the session lock, and the database refuses it as well (conditional unique
constraints on ``MeetingAttendee(person, slot)`` and ``Meeting(slot, table)``).
"""
from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import account_field, optional_link
from passerelle.core.models import NewestFirst, Timestamped

from ..enums import MeetingStatus, RunStatus
from .request import MeetingRequest
from .session import B2BSession, MeetingTable, Slot


class Meeting(Timestamped):
    """A request placed in a slot at a table. ``published_at`` is set when participants were told;
    from then on the scheduler keeps it where it is. Cancelled meetings are kept (status) so that
    calendars receive the cancellation; ``sequence`` grows on every visible change."""

    session = models.ForeignKey(B2BSession, on_delete=models.CASCADE, related_name="meetings")
    request = models.ForeignKey(MeetingRequest, verbose_name=_("request"), on_delete=models.PROTECT,
                                related_name="meetings")
    slot = models.ForeignKey(Slot, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="meetings")
    table = models.ForeignKey(MeetingTable, verbose_name=_("table or room"), on_delete=models.PROTECT,
                              related_name="meetings")
    status = models.CharField(_("status"), max_length=20, choices=MeetingStatus.choices,
                              default=MeetingStatus.SCHEDULED, editable=False)
    locked = models.BooleanField(_("locked"), default=False,
                                 help_text=_("The scheduler keeps a locked meeting where it is."))
    published_at = models.DateTimeField(_("announced at"), null=True, blank=True, editable=False)
    run = optional_link("ScheduleRun", on_delete=models.SET_NULL, related_name="+", editable=False)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["slot__start", "table__position", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["slot", "table"], condition=Q(status=MeetingStatus.SCHEDULED),
                                    name="meeting_one_per_table_and_slot"),
            models.UniqueConstraint(fields=["request"], condition=Q(status=MeetingStatus.SCHEDULED),
                                    name="meeting_one_per_request"),
        ]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return f"{self.slot} · {self.table}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_announced(self) -> bool:
        return self.published_at is not None


class MeetingAttendee(models.Model):
    """One person at one meeting, with the meeting's slot copied so that the database itself
    refuses a person in two active meetings of the same slot."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    person = models.ForeignKey("directory.Person", on_delete=models.CASCADE, related_name="meeting_seats")
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="+")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [
            models.UniqueConstraint(fields=["person", "slot"], condition=Q(active=True),
                                    name="attendee_one_meeting_per_slot"),
            models.UniqueConstraint(fields=["meeting", "person"], name="attendee_unique_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.meeting_id}"


class MeetingFeedback(Timestamped):
    """One participant's one-minute feedback on one meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="feedback")
    person = models.ForeignKey("directory.Person", verbose_name=_("person"), on_delete=models.CASCADE,
                               related_name="meeting_feedback")
    took_place = models.BooleanField(_("the meeting took place"), default=True)
    useful = models.BooleanField(_("useful"), null=True, blank=True)
    follow_up = models.BooleanField(_("follow-up planned"), default=False)
    note = models.TextField(_("note"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("meeting feedback")
        verbose_name_plural = _("meeting feedback")
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="feedback_unique_person")]

    def __str__(self) -> str:
        return f"{self.person_id} on {self.meeting_id}"


class ScheduleRun(NewestFirst):
    """One run of the scheduler on a session: the figures the coordinator sees, and the requests it
    left out with the reason. Written by the background job in one transaction at its end."""

    session = models.ForeignKey(B2BSession, on_delete=models.CASCADE, related_name="runs")
    job_id = models.UUIDField(_("background job"), null=True, blank=True, editable=False)
    started_by = account_field(_("started by"))
    status = models.CharField(_("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.RUNNING)
    solver_status = models.CharField(_("solver status"), max_length=20, blank=True)
    requests_count = models.PositiveIntegerField(_("accepted requests"), default=0)
    fixed_count = models.PositiveIntegerField(_("meetings kept in place"), default=0)
    placed_count = models.PositiveIntegerField(_("meetings placed"), default=0)
    objective = models.FloatField(_("value of the meetings placed"), default=0)
    upper_bound = models.FloatField(_("proven bound"), default=0)
    breaks = models.PositiveIntegerField(_("idle gaps"), default=0)
    max_breaks = models.PositiveIntegerField(_("most idle gaps of one person"), default=0)
    greedy_objective = models.FloatField(_("value reached by first-come-first-served"), default=0)
    greedy_breaks = models.PositiveIntegerField(_("idle gaps of first-come-first-served"), default=0)
    unscheduled = models.JSONField(_("requests left out"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    solve_seconds = models.FloatField(_("solving time (s)"), default=0)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta(NewestFirst.Meta):
        verbose_name = _("scheduler run")
        verbose_name_plural = _("scheduler runs")

    def __str__(self) -> str:
        return f"{self.session_id} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def bound_share(self) -> float | None:
        """The share of the proven bound reached, in percent (None when nothing could be placed)."""
        if not self.upper_bound:
            return None
        return 100.0 * self.objective / self.upper_bound
