"""Writes of the review: assigning reviewers (refused on a conflict of interest), declaring
conflicts, scoring. An application's first reviewer moves it from eligible to under review."""
from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.actors import recorded_user
from passerelle.core.mail import after_commit
from passerelle.core.workflow import transition
from passerelle.directory.models import Person

from . import notifications, rules
from .conflicts import conflicts_between
from .enums import CLOSED_BY_CONFLICT, ApplicationStatus, AssignmentStatus
from .models import Application, ConflictOfInterest, ReviewAssignment, ReviewScore
from .services import _lock

REVIEWABLE = (ApplicationStatus.ELIGIBLE, ApplicationStatus.UNDER_REVIEW)


def assign_reviewer(*, actor: Any, application: Application, reviewer: Person,
                    match_score: float | None = None) -> ReviewAssignment:
    with transaction.atomic():
        locked = _lock(application)
        if locked.status not in REVIEWABLE:
            raise ValidationError(_("Reviewers are assigned to eligible applications (this one is %(status)s).") % {
                "status": locked.get_status_display().lower()})
        if ReviewAssignment.objects.filter(application=locked, reviewer=reviewer).exists():
            raise ValidationError(_("%(name)s is already assigned to this application.") % {
                "name": reviewer.full_name})
        rules.check_can_review(reviewer, locked)
        assignment = ReviewAssignment.objects.create(application=locked, reviewer=reviewer, match_score=match_score,
                                                     assigned_by=recorded_user(actor))
        if locked.status == ApplicationStatus.ELIGIBLE:
            transition(locked, ApplicationStatus.UNDER_REVIEW, by=actor, note=_("Reviewer assigned."))
        after_commit(partial(notifications.reviewer_assigned, assignment, actor=recorded_user(actor)))
    return assignment


def unassign_reviewer(*, actor: Any, assignment: ReviewAssignment) -> None:
    with transaction.atomic():
        stored = ReviewAssignment.objects.select_for_update().get(pk=assignment.pk)
        if stored.status == AssignmentStatus.SUBMITTED:
            raise ValidationError(_("A submitted review is kept."))
        stored.delete()


def declare_conflict(*, actor: Any, reviewer: Person, reason: str, application: Application | None = None,
                     person: Person | None = None, organisation: Any = None) -> ConflictOfInterest:
    """Record a declared conflict. An open assignment to an application it concerns is declined; a
    submitted one is withdrawn: its scores are kept (the history) but leave the ranking, and the
    reviewer loses access to the application and its documents."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say what the conflict is.")})
    with transaction.atomic():
        conflict = ConflictOfInterest(reviewer=reviewer, application=application, person=person,
                                      organisation=organisation, reason=reason.strip(),
                                      declared_by=recorded_user(actor))
        conflict.full_clean()
        conflict.save()
        closing = {AssignmentStatus.ASSIGNED: AssignmentStatus.DECLINED,
                   AssignmentStatus.SUBMITTED: AssignmentStatus.WITHDRAWN}
        concerned = ReviewAssignment.objects.filter(reviewer=reviewer, status__in=list(closing))
        for assignment in concerned.select_for_update().select_related("application__project"):
            if conflicts_between(reviewer, assignment.application):
                assignment.status = closing[assignment.status]
                assignment.save(update_fields=["status"])
    return conflict


def submit_review(*, actor: Any, assignment: ReviewAssignment, scores: Mapping[int, int],
                  comments: str = "") -> ReviewAssignment:
    """The reviewer scores every criterion of the call (0 … its maximum) and comments; a review
    may be corrected until the decision."""
    with transaction.atomic():
        stored = ReviewAssignment.objects.select_for_update().select_related("application__call", "reviewer") \
            .get(pk=assignment.pk)
        if stored.status in CLOSED_BY_CONFLICT:
            raise ValidationError(_("This assignment was closed for a conflict of interest."))
        if stored.application.status != ApplicationStatus.UNDER_REVIEW:
            raise ValidationError(_("This application is no longer under review."))
        criteria = list(stored.application.call.criteria.all())
        missing = [c.label for c in criteria if scores.get(c.pk) is None]
        if missing:
            raise ValidationError(_("Score every criterion: %(missing)s.") % {"missing": ", ".join(missing)})
        for criterion in criteria:
            value = int(scores[criterion.pk])
            if not 0 <= value <= criterion.max_score:
                raise ValidationError(_("“%(criterion)s” is scored from 0 to %(max)d.") % {
                    "criterion": criterion.label, "max": criterion.max_score})
            ReviewScore.objects.update_or_create(assignment=stored, criterion=criterion, defaults={"score": value})
        stored.comments, stored.status, stored.submitted_at = comments.strip(), AssignmentStatus.SUBMITTED, \
            timezone.now()
        stored.save(update_fields=["comments", "status", "submitted_at"])
    return stored
