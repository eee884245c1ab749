"""E-mails of the funding app: applicants hear of submission, eligibility and the decision;
coordinators of new submissions; reviewers of their assignments. Sent after commit."""
from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from passerelle.projects.notifications import absolute, addresses, coordinators, project_followers, send

from . import eligibility
from .models import Application, ReviewAssignment


def applicants(application: Application) -> list[Any]:
    return project_followers(application.project) + [application.created_by, application.submitted_by]


def application_submitted(application: Application, *, actor: Any = None) -> None:
    context = {"application": application, "url": absolute(application.get_absolute_url())}
    subject = _("Application submitted: %(project)s → %(call)s") % {
        "project": application.project.title, "call": application.call.title}
    send(subject, "funding/email/submitted.txt", context,
         addresses(applicants(application) + coordinators(), actor))


def eligibility_checked(application: Application, *, actor: Any = None) -> None:
    context = {"application": application, "url": absolute(application.get_absolute_url()),
               "results": [eligibility.describe(r) for r in application.eligibility if not r.get("passed")]}
    subject = _("Eligibility of your application to %(call)s: %(status)s") % {
        "call": application.call.title, "status": application.get_status_display()}
    send(subject, "funding/email/eligibility.txt", context, addresses(applicants(application), actor))


def decision_recorded(application: Application, *, actor: Any = None) -> None:
    context = {"application": application, "url": absolute(application.get_absolute_url()),
               "amounts": list(application.amounts.all())}
    subject = _("Decision on your application to %(call)s: %(status)s") % {
        "call": application.call.title, "status": application.get_status_display()}
    send(subject, "funding/email/decision.txt", context, addresses(applicants(application), actor))


def reviewer_assigned(assignment: ReviewAssignment, *, actor: Any = None) -> None:
    user = assignment.reviewer.user
    context = {"assignment": assignment, "application": assignment.application,
               "url": absolute(assignment.get_absolute_url())}
    subject = _("An application to review: %(call)s") % {"call": assignment.application.call.title}
    send(subject, "funding/email/assigned.txt", context, addresses([user], actor))
