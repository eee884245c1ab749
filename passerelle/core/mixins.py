"""Behaviour shared by models of several apps (plain mixins: no fields, no migrations; a model with
its own time zone declares the field with ``fields.time_zone_field()``).

``BilingualText`` reads the French/English pairs users write (``title_fr``/``title_en``,
``description_fr``/``description_en``) in the active language; ``OwnTimeZone`` shows moments
stored in UTC in the object's own ``time_zone`` (an event in Montréal, a call of a Québec funder).
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.bilingual import bilingual


class BilingualText:
    """A French title (required) and description, their English versions, read in the active
    language. The model declares the four fields where they stand among its own:
    ``title_fr, title_en, description_fr, description_en = BilingualText.fields()``."""

    title_fr: str
    title_en: str
    description_fr: str
    description_en: str

    title = bilingual("title")
    description = bilingual("description")

    @staticmethod
    def fields() -> tuple[models.CharField, models.CharField, models.TextField, models.TextField]:
        return (
            models.CharField(_("title (French)"), max_length=255),
            models.CharField(_("title (English)"), max_length=255, blank=True),
            models.TextField(_("description (French)"), blank=True),
            models.TextField(_("description (English)"), blank=True),
        )


class OwnTimeZone:
    """Declares ``time_zone = fields.time_zone_field()``."""

    time_zone: str

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def local(self, moment: datetime | None) -> datetime | None:
        """``moment`` (stored in UTC) in the object's own time zone."""
        return timezone.localtime(moment, self.tz) if moment else None
