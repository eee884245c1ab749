"""Control characters have no place in what people type: a line break in a name becomes a header
injection in an e-mail subject, a NUL byte breaks exports. One rule, applied to every model field.

Single-line fields (``CharField`` and its kinds) refuse every control character, line breaks
included, and the Unicode line and paragraph separators. Multi-line fields (``TextField``) accept
tab, line feed and carriage return and refuse the other control characters.
"""
from __future__ import annotations

import re

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

_SINGLE_LINE_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_MULTI_LINE_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def reject_line_breaks_and_controls(value: object) -> None:
    if isinstance(value, str) and _SINGLE_LINE_FORBIDDEN.search(value):
        raise ValidationError(_("Line breaks and control characters are not allowed here."),
                              code="control_characters")


def reject_controls(value: object) -> None:
    if isinstance(value, str) and _MULTI_LINE_FORBIDDEN.search(value):
        raise ValidationError(_("Control characters are not allowed here."), code="control_characters")


def single_line(text: str) -> str:
    """``text`` with every run of control characters replaced by one space (for e-mail headers)."""
    return _ANY_CONTROL.sub(" ", text or "").strip()


def install_validators(app_prefix: str = "passerelle.") -> int:
    """Give every text field of Passerelle's models the rule above; returns how many fields.

    The rule is appended to each field instance's computed validators (as Django itself appends
    the maximum length), not to the declared ones, so migrations do not change.
    """
    count = 0
    for model in apps.get_models():
        if not model.__module__.startswith(app_prefix):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.TextField):
                rule = reject_controls
            elif isinstance(field, models.CharField):
                rule = reject_line_breaks_and_controls
            else:
                continue
            if rule not in field.validators:
                field.validators.append(rule)
                count += 1
    return count
