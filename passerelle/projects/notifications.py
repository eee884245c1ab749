"""E-mails of the projects app: who follows an opportunity or a project hears of its changes."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .models import Opportunity


def _addresses(users: Iterable[Any], actor: Any) -> list[str]:
    """Distinct e-mail addresses of active ``users``, without the one who made the change."""
    seen: list[str] = []
    for user in users:
        if user is None or not user.is_active or not user.email:
            continue
        if actor is not None and user.pk == getattr(actor, "pk", None):
            continue
        if user.email not in seen:
            seen.append(user.email)
    return seen


def opportunity_followers(opportunity: Opportunity) -> list[Any]:
    """The owner, the creator and every person involved who has an account."""
    users = [opportunity.owner, opportunity.created_by]
    users += [person.user for person in opportunity.people.select_related("user") if person.user_id]
    return users


def _send(subject: str, template: str, context: dict, recipients: list[str]) -> None:
    if not recipients:
        return
    body = render_to_string(template, context)
    send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients])


def opportunity_created(opportunity: Opportunity, *, actor: Any = None) -> None:
    _send(_("New opportunity: %(title)s") % {"title": opportunity.title}, "projects/email/opportunity.txt",
          {"opportunity": opportunity, "created": True},
          _addresses(opportunity_followers(opportunity), actor))


def opportunity_status_changed(opportunity: Opportunity, *, actor: Any = None) -> None:
    _send(_("Opportunity “%(title)s”: %(status)s") % {"title": opportunity.title,
                                                        "status": opportunity.get_status_display()},
          "projects/email/opportunity.txt", {"opportunity": opportunity, "created": False},
          _addresses(opportunity_followers(opportunity), actor))
