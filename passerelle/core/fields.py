"""Model fields several apps declare alike."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import TimeZone


def account_field(verbose_name: Any = None, **options: Any) -> models.ForeignKey:
    """The account that did something to the row (created, submitted, decided, recorded…): optional,
    set to null when the account is deleted (the row stays), not followed back from the account."""
    return models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=verbose_name, on_delete=models.SET_NULL,
                             null=True, blank=True, related_name="+", **options)


def time_zone_field() -> models.CharField:
    """The ``time_zone`` field of a model with its own zone (``mixins.OwnTimeZone``), Lyon / Paris unless chosen."""
    return models.CharField(
        _("time zone"), max_length=40, choices=TimeZone.choices, default=TimeZone.PARIS,
        help_text=_("Dates are entered and shown in this zone."),
    )


def optional_link(to: Any, verbose_name: Any = None, *, on_delete: Any, **options: Any) -> models.ForeignKey:
    """A link that may be left empty: null in the database, not required in forms."""
    return models.ForeignKey(to, verbose_name=verbose_name, on_delete=on_delete, null=True, blank=True, **options)
