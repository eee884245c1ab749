"""The B2B session of an event: when meetings may happen (windows minus breaks, cut into slots),
where (tables or rooms), its rules (slot length, request deadline, meetings per person) and who
takes part (participants with their unavailable slots)."""
from __future__ import annotations

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.bilingual import bilingual
from passerelle.core.fields import account_field
from passerelle.core.mixins import page_url
from passerelle.core.models import Positioned, Timestamped
from passerelle.core.workflow import status_history

from ..enums import SESSION_WORKFLOW, SessionStatus


class B2BSession(Timestamped):
    """One per event. Its status moves through ``services.session_set_status`` only."""

    event = models.OneToOneField("events.Event", verbose_name=_("event"), on_delete=models.CASCADE,
                                 related_name="b2b_session")
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices,
                              default=SessionStatus.DRAFT, editable=False)
    workflow = SESSION_WORKFLOW  # the allowed status moves (``passerelle.core.workflow``)
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"), default=20, validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    max_meetings = models.PositiveSmallIntegerField(
        _("maximum meetings per person"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Empty: no limit other than the number of slots."),
    )
    request_deadline = models.DateTimeField(
        _("request deadline"), null=True, blank=True,
        help_text=_("After it, members may no longer send requests (coordinators still may)."),
    )
    request_expiry_days = models.PositiveSmallIntegerField(
        _("requests expire after (days)"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("An unanswered request expires after this many days and its sender is told. Empty: never."),
    )
    instructions_fr = models.TextField(_("instructions (French)"), blank=True)
    instructions_en = models.TextField(_("instructions (English)"), blank=True)
    solver_seconds = models.PositiveIntegerField(
        _("scheduler time limit (seconds)"), default=60, validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    # Grows each time the published schedule changes (a publication, a move, a cancellation).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_by = account_field(editable=False)

    class Meta:
        ordering = ["-event__start", "pk"]
        verbose_name = _("meeting session")
        verbose_name_plural = _("meeting sessions")

    def __str__(self) -> str:
        return str(_("Meetings of %(event)s") % {"event": self.event})

    get_absolute_url = page_url("meetings:session", "event.slug")

    agenda_url = page_url("meetings:agenda", "event.slug")

    instructions = bilingual("instructions")

    @property
    def is_published(self) -> bool:
        return self.status == SessionStatus.PUBLISHED

    def accepts_requests(self, now: datetime | None = None) -> bool:
        """Members may send requests: open, scheduled or published, and before the deadline."""
        now = now or timezone.now()
        return self.status != SessionStatus.DRAFT and (self.request_deadline is None or now < self.request_deadline)


class TimeSpan(models.Model):
    """A stretch of a session's time with ``start`` and ``end`` moments, the end strictly after the
    start; listed in time order."""

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        abstract = True
        ordering = ["start", "pk"]

    def clean(self) -> None:
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must come after the start.")})


class SessionWindow(TimeSpan):
    """A stretch of time for meetings (a morning, an afternoon, a day). Nobody has a "break"
    across two windows: idle time is only counted inside one."""

    session = models.ForeignKey(B2BSession, on_delete=models.CASCADE, related_name="windows")

    class Meta(TimeSpan.Meta):
        verbose_name = _("time window")
        verbose_name_plural = _("time windows")

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M} – {self.end:%H:%M}"


class SessionBreak(TimeSpan):
    """A pause inside the windows (lunch, coffee, a plenary): no slot overlaps it."""

    session = models.ForeignKey(B2BSession, on_delete=models.CASCADE, related_name="breaks")
    label_fr = models.CharField(_("label (French)"), max_length=120)
    label_en = models.CharField(_("label (English)"), max_length=120, blank=True)

    class Meta(TimeSpan.Meta):
        verbose_name = _("break")
        verbose_name_plural = _("breaks")

    def __str__(self) -> str:
        return self.label

    label = bilingual("label")


class Slot(TimeSpan):
    """A time slot of the grid, cut from a window by ``services.session_build_grid``. Meetings
    point to their slot with PROTECT: a slot holding meetings cannot vanish silently."""

    session = models.ForeignKey(B2BSession, on_delete=models.CASCADE, related_name="slots")
    window = models.ForeignKey(SessionWindow, on_delete=models.PROTECT, related_name="slots")

    class Meta(TimeSpan.Meta):
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [models.UniqueConstraint(fields=["session", "start"], name="slot_unique_start")]

    def __str__(self) -> str:
        local = timezone.localtime(self.start, self.session.event.tz) if self.session_id else self.start
        return f"{local:%Y-%m-%d %H:%M}"

    @property
    def key(self) -> str:
        """The slot's id in a solver instance (UTC, sortable)."""
        return self.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


class MeetingTable(Positioned):
    """A table or a room where one meeting happens per slot."""

    session = models.ForeignKey(B2BSession, on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(_("name"), max_length=60, help_text=_("e.g. “Table 12” or “Salle Rhône”."))
    location = models.CharField(_("location"), max_length=200, blank=True,
                                help_text=_("Where to find it (floor, hall, building)."))

    class Meta(Positioned.Meta):
        verbose_name = _("table or room")
        verbose_name_plural = _("tables and rooms")
        constraints = [models.UniqueConstraint(fields=["session", "name"], name="table_unique_name")]

    def __str__(self) -> str:
        return self.name

    @property
    def where(self) -> str:
        return f"{self.name} ({self.location})" if self.location else self.name


class Participant(models.Model):
    """A registered person's settings for the meetings of a session (created on first use)."""

    session = models.ForeignKey(B2BSession, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey("directory.Person", verbose_name=_("person"), on_delete=models.CASCADE,
                               related_name="b2b_participations")
    takes_meetings = models.BooleanField(
        _("I take part in bilateral meetings"), default=True,
        help_text=_("Untick to receive no more requests; your meetings already accepted are kept."),
    )
    max_meetings = models.PositiveSmallIntegerField(
        _("at most this many meetings"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Empty: the session's limit."),
    )
    unavailable_slots = models.ManyToManyField(Slot, blank=True, related_name="unavailable_participants",
                                               verbose_name=_("unavailable slots"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["person__last_name", "person__first_name", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="participant_unique_person")]

    def __str__(self) -> str:
        return f"{self.person} – {self.session_id}"

    def limit(self, session: B2BSession) -> int | None:
        """The number of meetings this person may have: the lower of theirs and the session's."""
        limits = [n for n in (self.max_meetings, session.max_meetings) if n]
        return min(limits) if limits else None


SessionStatusChange = status_history(B2BSession, field="session", name="SessionStatusChange",
                                     verbose_name=_("session status change"),
                                     verbose_name_plural=_("session status changes"))
