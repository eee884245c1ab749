"""Predicates of the funding app, shared by views and services."""
from __future__ import annotations

from typing import Any

from . import selectors
from .enums import CLOSED_BY_CONFLICT, ApplicationStatus
from .models import Application

# Where the eligibility check may run: on a submitted application, or again on a checked one.
CHECKABLE = frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE})


def can_edit(application: Application) -> bool:
    """Only a draft is changed (abstract, amounts, documents)."""
    return application.status == ApplicationStatus.DRAFT


def can_check_eligibility(application: Application) -> bool:
    return application.status in CHECKABLE


def can_read_documents(user: Any, application: Application) -> bool:
    """Applicants, coordinators and the application's reviewers (unless closed by a conflict)."""
    if selectors.applications_visible_to(user).filter(pk=application.pk).exists():
        return True
    return selectors.assignments_of(user).filter(application=application).exclude(
        status__in=CLOSED_BY_CONFLICT).exists()
