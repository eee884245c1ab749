"""A programme item: a session, talk, panel, site visit or meal, with its place, room and speakers.

Each item carries a stable ``uid`` and a ``sequence`` that grows on every change, so calendar
clients replace their copy instead of keeping a stale one (RFC 5545).
"""
from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import optional_link
from passerelle.core.mixins import BilingualText

from ..enums import ItemKind, ItemStatus
from .event import Event, Place


class ProgrammeItem(BilingualText, models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices, default=ItemKind.SESSION)
    title_fr, title_en, description_fr, description_en = BilingualText.fields()
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place = optional_link(Place, _("place"), on_delete=models.SET_NULL, related_name="items")
    room = models.CharField(_("room"), max_length=120, blank=True)
    speakers = models.ManyToManyField(
        "directory.Person", blank=True, related_name="programme_items", verbose_name=_("speakers")
    )
    visited_organisation = optional_link(
        "directory.Organisation", _("organisation visited"), on_delete=models.SET_NULL, related_name="hosted_visits",
    )
    delegation = optional_link(
        "events.Delegation", _("delegation"), on_delete=models.SET_NULL, related_name="visits",
        help_text=_("For a visit made by one delegation only."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.SCHEDULED, editable=False
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "end", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        indexes = [models.Index(fields=["event", "start"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == ItemStatus.CANCELLED

    @property
    def location(self) -> str:
        """Place and room as one line (what a calendar shows)."""
        return ", ".join(part for part in (self.room, str(self.place) if self.place_id else "") if part)
