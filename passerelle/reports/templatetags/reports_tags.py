"""Figures in templates: ``{{ value|figure:row.unit }}`` and ``{{ value|ratio_parts }}``."""
from __future__ import annotations

from django import template
from django.utils.formats import number_format

from .. import values

register = template.Library()


@register.filter
def figure(value, unit: str) -> str:
    return values.display_value(unit, value)


@register.filter
def ratio_parts(value) -> str:
    return values.ratio_parts(value)


@register.filter
def percent(value) -> str:
    """A share (0–1) as "62.5 %", "—" when there is none."""
    if value is None:
        return values.MISSING
    return f"{number_format(round(value * 100, 1), 1)} %"
