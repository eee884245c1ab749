"""An event (meeting, mission, tour, visit, workshop, webinar), its places and its status history."""
from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import Territory
from passerelle.core.fields import time_zone_field
from passerelle.core.mixins import BilingualText, OwnTimeZone, page_url
from passerelle.core.models import Positioned, Timestamped
from passerelle.core.workflow import status_history

from ..enums import EVENT_WORKFLOW, EventKind, EventStatus


class Event(BilingualText, OwnTimeZone, Timestamped):
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    title_fr, title_en, description_fr, description_en = BilingualText.fields()
    categories = models.ManyToManyField(
        "core.CsoCategory", blank=True, related_name="+", verbose_name=_("cancer research categories")
    )
    sites = models.ManyToManyField("core.CancerSite", blank=True, related_name="+", verbose_name=_("cancer sites"))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = time_zone_field()
    organisers = models.ManyToManyField(
        "directory.Organisation", blank=True, related_name="organised_events",
        verbose_name=_("co-organising organisations"),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit. Beyond it, people join a waiting list."),
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT, editable=False
    )
    workflow = EVENT_WORKFLOW  # the allowed status moves (``passerelle.core.workflow``)
    # Grows on every change: the calendar entry of an event without a programme replaces older copies.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "start"])]

    get_absolute_url = page_url("events:detail", "slug")

    @property
    def is_draft(self) -> bool:
        return self.status == EventStatus.DRAFT

    def registration_is_open(self, now: datetime | None = None) -> bool:
        """Open status and inside the window (an unset bound does not limit)."""
        now = now or timezone.now()
        return (
            self.status == EventStatus.REGISTRATION_OPEN
            and (self.registration_opens is None or self.registration_opens <= now)
            and (self.registration_closes is None or now < self.registration_closes)
        )

    def clean(self) -> None:
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must come after the start.")
        if self.registration_opens and self.registration_closes \
                and self.registration_closes <= self.registration_opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.registration_closes and self.end and self.registration_closes > self.end:
            errors.setdefault("registration_closes", _("Registration must close before the event ends."))
        if errors:
            raise ValidationError(errors)


class Place(Positioned):
    """A city or site where (part of) an event happens; programme items point to one."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="places")
    name = models.CharField(_("place"), max_length=200, help_text=_("A site, building or venue."))
    city = models.CharField(_("city"), max_length=120)
    territory = models.CharField(_("territory"), max_length=8, choices=Territory.choices, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)

    class Meta(Positioned.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}" if self.name != self.city else self.city


EventStatusChange = status_history(Event, verbose_name=_("status change"),
                                   verbose_name_plural=_("status changes"))
