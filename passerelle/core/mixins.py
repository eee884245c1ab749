"""Behaviour shared by models of several apps (plain mixins: no fields, no migrations; a model with
its own time zone declares the field with ``fields.time_zone_field()``).

``BilingualText`` and ``BilingualName`` read the French/English pairs users write (``title_fr``/``title_en``
or ``name_fr``/``name_en``, ``description_fr``/``description_en``) in the active language;
``OwnTimeZone`` shows moments stored in UTC in the object's own ``time_zone`` (an event in Montréal,
a call of a Québec funder).
``page_url`` makes the method giving the address of an object's page.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.bilingual import bilingual

FourFields = tuple[models.CharField, models.CharField, models.TextField, models.TextField]


def _named_and_described(french: Any, english: Any, max_length: int) -> FourFields:
    """A French name or title (required) and its English version, then a description in each language."""
    return (
        models.CharField(french, max_length=max_length),
        models.CharField(english, max_length=max_length, blank=True),
        models.TextField(_("description (French)"), blank=True),
        models.TextField(_("description (English)"), blank=True),
    )


class Described:
    """A description in French and English, read in the active language."""

    description_fr: str
    description_en: str

    description = bilingual("description")


class BilingualText(Described):
    """A French title (required) and description, their English versions, read in the active
    language; the object is shown by its title. The model declares the four fields where they stand
    among its own: ``title_fr, title_en, description_fr, description_en = BilingualText.fields()``."""

    title_fr: str
    title_en: str

    title = bilingual("title")

    def __str__(self) -> str:
        return self.title

    @staticmethod
    def fields() -> FourFields:
        return _named_and_described(_("title (French)"), _("title (English)"), 255)


class BilingualName(Described):
    """A French name (required) and description, their English versions, read in the active
    language. The model declares the four fields where they stand among its own:
    ``name_fr, name_en, description_fr, description_en = BilingualName.fields(max_length=200)``."""

    name_fr: str
    name_en: str

    name = bilingual("name")

    @staticmethod
    def fields(max_length: int = 255) -> FourFields:
        return _named_and_described(_("name (French)"), _("name (English)"), max_length)


class OwnTimeZone:
    """Declares ``time_zone = fields.time_zone_field()``."""

    time_zone: str

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def local(self, moment: datetime | None) -> datetime | None:
        """``moment`` (stored in UTC) in the object's own time zone."""
        return timezone.localtime(moment, self.tz) if moment else None


def page_url(url_name: str, key: str = "pk") -> Callable[[Any], str]:
    """A method giving the address of the object's page: the URL ``url_name`` with the object's
    ``key`` (a dotted path such as ``event.slug`` follows a relation), e.g.
    ``get_absolute_url = page_url("events:detail", "slug")``."""
    read = attrgetter(key)

    def url(obj: Any) -> str:
        return reverse(url_name, args=[read(obj)])

    url.__doc__ = f"The address of the object's ``{url_name}`` page."
    return url
