"""Behaviour shared by models of several apps (plain mixins: no fields, no migrations).

``BilingualText`` reads the French/English pairs users write (``title_fr``/``title_en``,
``description_fr``/``description_en``) in the active language; ``OwnTimeZone`` shows moments
stored in UTC in the object's own ``time_zone`` (an event in Montréal, a call of a Québec funder).
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from passerelle.core.bilingual import bilingual


class BilingualText:
    title_fr: str
    title_en: str
    description_fr: str
    description_en: str

    title = bilingual("title")
    description = bilingual("description")


class OwnTimeZone:
    time_zone: str

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def local(self, moment: datetime | None) -> datetime | None:
        """``moment`` (stored in UTC) in the object's own time zone."""
        return timezone.localtime(moment, self.tz) if moment else None
