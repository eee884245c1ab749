"""How a figure is written: for people (localised, with its unit) and for files and the API (plain
numbers). Both come from the same value, so a page and an export cannot disagree."""
from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format

from .indicators import Ratio, Unit
from .indicators.base import Value

MISSING = "—"


def plain_value(unit: str, value: Value) -> int | float | None:
    """Counts and days as integers, amounts as numbers, rates as percentages with one decimal."""
    if value is None:
        return None
    if isinstance(value, Ratio):
        return None if value.value is None else round(value.value * 100, 1)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def display_value(unit: str, value: Value) -> str:
    plain = plain_value(unit, value)
    if plain is None:
        return MISSING
    if unit == Unit.RATE:
        return f"{number_format(plain, 1)} %"
    if unit == Unit.MONEY:
        return number_format(plain, 0, force_grouping=True)
    return number_format(plain, force_grouping=True)


def ratio_parts(value: Value) -> str:
    """"31 / 50" for a rate (shown beside it), "" otherwise."""
    if isinstance(value, Ratio):
        return f"{value.numerator} / {value.denominator}"
    return ""
