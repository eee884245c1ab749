"""Changing the e-mail address an account signs in with: confirmed from the new address.

The member asks for a new address; a signed link (valid ``EMAIL_CHANGE_MAX_AGE_DAYS``) goes to the
new address, and the current one is told. The change happens only when the link is opened by the
same account while its address is still the one the link was made for; the profile's e-mail
follows when it was the old sign-in address. Personal data follows the account, so nobody gains
another person's records by typing their address.
"""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from passerelle.core.mail import deliver, make_message
from passerelle.directory import services as directory_services
from passerelle.directory.models import Person

from . import rules

SALT = "passerelle.accounts.email-change"


def _max_age() -> int:
    return getattr(settings, "EMAIL_CHANGE_MAX_AGE_DAYS", 2) * 24 * 3600


def email_change_request(*, user: Any, new_email: str, base_url: str) -> str:
    """Send the confirmation link to the new address and a notice to the current one."""
    email = rules.check_new_email(user=user, new_email=new_email)
    token = signing.dumps({"user": user.pk, "old": user.email.lower(), "new": email}, salt=SALT)
    link = base_url.rstrip("/") + reverse("accounts:email_change_confirm", args=[token])
    days = getattr(settings, "EMAIL_CHANGE_MAX_AGE_DAYS", 2)
    deliver(make_message(subject=_("Confirm your new e-mail address for Passerelle"), to=[email],
                         body=render_to_string("accounts/email_change_confirm.txt", {"link": link, "days": days})))
    deliver(make_message(subject=_("A change of your Passerelle e-mail address was asked"), to=[user.email],
                         body=render_to_string("accounts/email_change_notice.txt", {"new": email})))
    return token


def email_change_confirm(*, user: Any, token: str) -> Any:
    """Apply the change a link asks for; a bad, expired, foreign or stale link is refused."""
    try:
        data = signing.loads(token, salt=SALT, max_age=_max_age())
    except signing.SignatureExpired:
        raise ValidationError(_("This link has expired: ask for a new one.")) from None
    except signing.BadSignature:
        raise ValidationError(_("This link is not valid.")) from None
    with transaction.atomic():
        locked = get_user_model().objects.select_for_update().get(pk=user.pk)
        if data.get("user") != locked.pk or data.get("old") != locked.email.lower():
            raise ValidationError(_("This link is not valid for your account any more."))
        new = rules.check_new_email(user=locked, new_email=data["new"])
        old = locked.email
        locked.email = new
        locked.full_clean(exclude=["password"])
        locked.save(update_fields=["email"])
        person = Person.objects.filter(user=locked).first()
        if person is not None and person.email.lower() == old.lower():
            directory_services.person_update(actor=locked, person=person, data={"email": new})
    return locked
