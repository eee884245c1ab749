"""Rules of accounts: each ``check_*`` raises ``ValidationError`` with a message for people."""
from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from passerelle.directory.models import Person


def check_new_email(*, user: Any, new_email: str) -> str:
    """The new address, folded; refused when it is the current one or anybody else's."""
    email = new_email.strip().lower()
    if email == user.email.lower():
        raise ValidationError({"email": _("This is already your e-mail address.")})
    if get_user_model().objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        raise ValidationError({"email": _("This e-mail address belongs to another account.")})
    if Person.objects.filter(email__iexact=email).exclude(user=user).exists():
        raise ValidationError({"email": _("Another profile already uses this e-mail address.")})
    return email
