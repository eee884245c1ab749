"""Rules of the funding app in one place: each ``check_*`` raises ``ValidationError`` with a message
for people, each ``can_*`` answers who may do what. Services call them before writing."""
from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.directory.models import Person

from .conflicts import conflicts_between
from .enums import CLOSED_BY_CONFLICT, ApplicationStatus
from .formatting import format_deadline, format_moment
from .models import Application, Call
from .selectors import applications_visible_to, assignments_of

# Where the eligibility check may run: on a submitted application, or again on a checked one.
CHECKABLE = frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE})


def check_call_accepts(call: Call, now: Any = None) -> None:
    """Applications are written and submitted only while the call is open, in its own time zone."""
    now = now or timezone.now()
    if call.status != "published":
        raise ValidationError(_("This call is not published."))
    if now < call.opens_at:
        raise ValidationError(_("This call opens on %(date)s.") % {"date": format_moment(call, call.opens_at)})
    if now >= call.closes_at:
        raise ValidationError(_("The deadline has passed: %(deadline)s.") % {"deadline": format_deadline(call)})


def check_editable(application: Application) -> None:
    if not can_edit(application):
        raise ValidationError(_("Only a draft application can be changed (this one is %(status)s).") % {
            "status": application.get_status_display().lower()})


def check_can_review(person: Person, application: Application) -> None:
    """A reviewer needs an account and no conflict of interest with the application."""
    if person.user_id is None or not person.user.is_active:
        raise ValidationError(_("%(name)s has no active account and could not sign in to review.") % {
            "name": person.full_name})
    conflicts = conflicts_between(person, application)
    if conflicts:
        raise ValidationError(_("%(name)s cannot review this application: %(conflicts)s.") % {
            "name": person.full_name, "conflicts": "; ".join(c.message for c in conflicts)})


def can_edit(application: Application) -> bool:
    """Only a draft is changed (abstract, amounts, documents)."""
    return application.status == ApplicationStatus.DRAFT


def can_check_eligibility(application: Application) -> bool:
    return application.status in CHECKABLE


def can_read_documents(user: Any, application: Application) -> bool:
    """Applicants, coordinators and the application's reviewers (unless closed by a conflict)."""
    if applications_visible_to(user).filter(pk=application.pk).exists():
        return True
    return assignments_of(user).filter(application=application).exclude(
        status__in=CLOSED_BY_CONFLICT).exists()
