"""The review of applications: reviewers' assignments and scores, and declared conflicts of interest."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import account_field, optional_link
from passerelle.core.mixins import page_url

from ..enums import AssignmentStatus
from .application import Application
from .programme import ReviewCriterion


class ReviewAssignment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        "directory.Person", verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="review_assignments",
    )
    status = models.CharField(_("status"), max_length=20, choices=AssignmentStatus.choices,
                              default=AssignmentStatus.ASSIGNED, editable=False)
    # The matching engine's expertise score when the reviewer was assigned (None: chosen by hand).
    match_score = models.FloatField(_("expertise match"), null=True, blank=True, editable=False)
    comments = models.TextField(_("comments"), blank=True)
    assigned_by = account_field()
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["application", "assigned_at", "pk"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="assignment_unique_reviewer")]
        indexes = [models.Index(fields=["reviewer", "status"])]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.application_id}"

    get_absolute_url = page_url("funding:review")


class ReviewScore(models.Model):
    assignment = models.ForeignKey(ReviewAssignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["assignment", "criterion__position", "pk"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["assignment", "criterion"], name="score_unique_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"

    def clean(self) -> None:
        if self.score is not None and self.criterion_id and self.score > self.criterion.max_score:
            raise ValidationError({"score": _("At most %(max)d.") % {"max": self.criterion.max_score}})


class ConflictOfInterest(models.Model):
    """A conflict a reviewer (or a coordinator for them) declared: with one application, a person
    or an organisation. Declared conflicts block assignment, like the automatic ones."""

    reviewer = models.ForeignKey(
        "directory.Person", verbose_name=_("reviewer"), on_delete=models.CASCADE, related_name="declared_conflicts",
    )
    application = optional_link(
        Application, _("application"), on_delete=models.CASCADE, related_name="declared_conflicts",
    )
    person = optional_link("directory.Person", _("person"), on_delete=models.CASCADE, related_name="+")
    organisation = optional_link(
        "directory.Organisation", _("organisation"), on_delete=models.CASCADE, related_name="+",
    )
    reason = models.TextField(_("reason"))
    declared_by = account_field()
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)

    class Meta:
        ordering = ["-declared_at", "-pk"]
        verbose_name = _("declared conflict of interest")
        verbose_name_plural = _("declared conflicts of interest")
        constraints = [
            models.CheckConstraint(
                condition=Q(application__isnull=False) | Q(person__isnull=False) | Q(organisation__isnull=False),
                name="conflict_has_a_target",
            ),
        ]

    def __str__(self) -> str:
        target = self.application or self.person or self.organisation
        return f"{self.reviewer} ≠ {target}"
