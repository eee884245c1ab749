"""Rules of the directory that every way in (forms, imports, API, services) applies the same way."""
from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Person
from .selectors import is_coordinator


def check_profile_email(email: str, person: Person) -> None:
    """A profile's e-mail is its own: not another profile's, and not the sign-in address of an
    account other than the profile's own (personal data follows the account, never a string)."""
    email = (email or "").strip().lower()
    if not email:
        return
    others = Person.objects.filter(email__iexact=email)
    if person.pk:
        others = others.exclude(pk=person.pk)
    if others.exists():
        raise ValidationError({"email": _("Another profile already uses this e-mail address.")})
    accounts = get_user_model().objects.filter(email__iexact=email)
    if person.user_id:
        accounts = accounts.exclude(pk=person.user_id)
    if accounts.exists():
        raise ValidationError({"email": _("This e-mail address belongs to another account.")})


def can_edit_person(user: Any, person: Person) -> bool:
    return is_coordinator(user) or (
        getattr(user, "is_authenticated", False) and person.user_id is not None and person.user_id == user.pk
    )


def can_see_contact(user: Any) -> bool:
    """E-mail addresses are shown to signed-in users only."""
    return bool(getattr(user, "is_authenticated", False))
