"""E-mails of the projects app: who follows an opportunity, a project or a service request hears of
its changes (never the person who made the change). Sent after the transaction commits."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from passerelle.core.mail import deliver, make_message

from .models import Opportunity, Project, ServiceRequest


def absolute(path: str) -> str:
    """A link for an e-mail: ``SITE_URL`` (when set) and the path."""
    return getattr(settings, "SITE_URL", "").rstrip("/") + path


def addresses(users: Iterable[Any], actor: Any = None) -> list[str]:
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


def coordinators() -> list[Any]:
    return list(get_user_model().objects.filter(role="coordinator", is_active=True))


def send(subject: str, template: str, context: dict, recipients: list[str]) -> None:
    """One message per recipient (nobody sees the others' addresses)."""
    if not recipients:
        return
    body = render_to_string(template, context)
    for address in recipients:
        deliver(make_message(subject=subject, body=body, to=[address]))


def opportunity_followers(opportunity: Opportunity) -> list[Any]:
    """The owner, the creator and every person involved who has an account."""
    users = [opportunity.owner, opportunity.created_by]
    users += [person.user for person in opportunity.people.select_related("user") if person.user_id]
    return users


def project_followers(project: Project) -> list[Any]:
    """The creator and every partner who has an account."""
    users = [project.created_by]
    partners = project.partners.select_related("person__user")
    users += [p.person.user for p in partners if p.person_id and p.person.user_id]
    return users


def opportunity_created(opportunity: Opportunity, *, actor: Any = None) -> None:
    send(_("New opportunity: %(title)s") % {"title": opportunity.title}, "projects/email/opportunity.txt",
         {"opportunity": opportunity, "created": True, "url": absolute(opportunity.get_absolute_url())},
         addresses(opportunity_followers(opportunity), actor))


def opportunity_status_changed(opportunity: Opportunity, *, actor: Any = None) -> None:
    send(_("Opportunity “%(title)s”: %(status)s") % {"title": opportunity.title,
                                                       "status": opportunity.get_status_display()},
         "projects/email/opportunity.txt",
         {"opportunity": opportunity, "created": False, "url": absolute(opportunity.get_absolute_url())},
         addresses(opportunity_followers(opportunity), actor))


def project_status_changed(project: Project, *, actor: Any = None) -> None:
    send(_("Project “%(title)s”: %(status)s") % {"title": project.title, "status": project.get_status_display()},
         "projects/email/project.txt", {"project": project, "url": absolute(project.get_absolute_url())},
         addresses(project_followers(project), actor))


def service_request_created(request: ServiceRequest, *, actor: Any = None) -> None:
    contact = [request.service.contact] if request.service.contact_id else coordinators()
    send(_("New request for “%(service)s”") % {"service": request.service.name},
         "projects/email/service_request.txt",
         {"request": request, "created": True, "url": absolute(request.get_absolute_url())},
         addresses(contact, actor))


def service_request_changed(request: ServiceRequest, *, actor: Any = None, note: str = "") -> None:
    send(_("Your request for “%(service)s”: %(status)s") % {"service": request.service.name,
                                                              "status": request.get_status_display()},
         "projects/email/service_request.txt",
         {"request": request, "created": False, "note": note, "url": absolute(request.get_absolute_url())},
         addresses([request.requester, request.assigned_to], actor))
