"""Figures in templates: ``{{ value|figure:row.unit }}`` and ``{{ value|ratio_parts }}``."""
from __future__ import annotations

from django import template

from .. import values

register = template.Library()


@register.filter
def figure(value, unit: str) -> str:
    return values.display_value(unit, value)


@register.filter
def ratio_parts(value) -> str:
    return values.ratio_parts(value)
