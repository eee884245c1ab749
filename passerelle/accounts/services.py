"""Invitations: a coordinator invites a person by e-mail; the link creates their account."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.mail import deliver, make_message

from .models import Invitation


@transaction.atomic
def invitation_create(*, invited_by: Any, email: str, role: str, person: Any = None,
                      base_url: str) -> Invitation:
    """Record an invitation and e-mail its link (``base_url`` is the site's scheme and host)."""
    email = email.strip().lower()
    if get_user_model().objects.filter(email=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    invitation = Invitation.objects.create(email=email, role=role, person=person, invited_by=invited_by)
    link = base_url.rstrip("/") + reverse("accounts:accept", args=[invitation.token])
    context = {"invitation": invitation, "link": link, "days": settings.INVITATION_MAX_AGE_DAYS}
    deliver(make_message(subject=_("Your invitation to Passerelle"),
                         body=render_to_string("accounts/invitation_email.txt", context), to=[email]))
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, first_name: str, last_name: str, password: str) -> Any:
    """Create the account, link it to its directory profile if one was named, close the invitation."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has expired or has already been used."))
    if get_user_model().objects.filter(email=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address already exists: sign in instead."))
    user = get_user_model().objects.create_user(
        email=invitation.email, password=password, first_name=first_name, last_name=last_name, role=invitation.role,
    )
    if invitation.person_id and invitation.person.user_id is None:
        invitation.person.user = user
        invitation.person.save(update_fields=["user"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user
