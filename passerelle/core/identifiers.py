"""Validation of persistent identifiers: ORCID iD (ISO 7064 MOD 11-2) and ROR id.

Both validators accept the bare identifier or its resolver URL and return the
canonical bare form, so that storage and duplicate detection compare like with like.
"""
from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ORCID_RE = re.compile(r"^(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$")
_ROR_RE = re.compile(r"^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$")
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def orcid_check_character(base_digits: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 15 digits of an ORCID iD."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def normalize_orcid(value: str) -> str:
    """Return the canonical ``0000-0002-1825-0097`` form, or raise ValidationError."""
    raw = (value or "").strip().upper()
    for prefix in ("HTTPS://ORCID.ORG/", "HTTP://ORCID.ORG/", "ORCID.ORG/"):
        if raw.startswith(prefix):
            raw = raw[len(prefix):]
    match = _ORCID_RE.match(raw)
    if not match:
        raise ValidationError(
            _("%(value)s is not an ORCID iD: expected four groups of four characters, e.g. 0000-0002-1825-0097."),
            code="orcid_format",
            params={"value": value},
        )
    digits = "".join(match.groups())
    if orcid_check_character(digits[:15]) != digits[15]:
        raise ValidationError(
            _("%(value)s is not a valid ORCID iD: its check character is wrong."),
            code="orcid_checksum",
            params={"value": value},
        )
    return "-".join(match.groups())


def validate_orcid(value: str) -> None:
    normalize_orcid(value)


def ror_checksum(body: str) -> str:
    """Two check digits of a ROR id body (the six characters after the leading 0)."""
    number = 0
    for char in body:
        number = number * 32 + _CROCKFORD.index(char)
    return f"{98 - (number * 100) % 97:02d}"


def normalize_ror(value: str) -> str:
    """Return the canonical 9-character ROR id (``03yrm5c26``), or raise ValidationError."""
    raw = (value or "").strip().lower()
    for prefix in ("https://ror.org/", "http://ror.org/", "ror.org/"):
        if raw.startswith(prefix):
            raw = raw[len(prefix):]
    if not _ROR_RE.match(raw):
        raise ValidationError(
            _("%(value)s is not a ROR id: expected 0, six letters or digits and two check digits."),
            code="ror_format",
            params={"value": value},
        )
    if ror_checksum(raw[1:7]) != raw[7:]:
        raise ValidationError(
            _("%(value)s is not a valid ROR id: its check digits are wrong."),
            code="ror_checksum",
            params={"value": value},
        )
    return raw


def validate_ror(value: str) -> None:
    normalize_ror(value)
