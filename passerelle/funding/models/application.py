"""An application of a joint project to a call: its status history, amounts per currency
(requested and granted, never converted) and documents."""
from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import account_field
from passerelle.core.mixins import page_url
from passerelle.core.models import DatedRecord
from passerelle.core.workflow import status_history

from ..enums import APPLICATION_WORKFLOW, DECIDED_STATUSES, ApplicationStatus, Currency, DocumentKind
from .programme import Call


class Application(DatedRecord):
    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications")
    project = models.ForeignKey(
        "projects.Project", verbose_name=_("project"), on_delete=models.PROTECT, related_name="applications",
    )
    abstract = models.TextField(
        _("abstract"), blank=True, help_text=_("What reviewers read first; also used to suggest reviewers."),
    )
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.DRAFT, editable=False)
    workflow = APPLICATION_WORKFLOW  # the allowed status moves (``passerelle.core.workflow``)
    # The result of the last eligibility check: [{"rule": kind, "passed": bool, "message": str}, ...].
    eligibility = models.JSONField(_("eligibility check"), default=list, blank=True, editable=False)
    eligibility_checked_at = models.DateTimeField(_("eligibility checked at"), null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    submitted_by = account_field(_("submitted by"), editable=False)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decided_by = account_field(_("decided by"), editable=False)
    decision_note = models.TextField(_("decision note"), blank=True, editable=False)
    created_by = account_field()

    class Meta(DatedRecord.Meta):
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [models.UniqueConstraint(fields=["call", "project"], name="application_unique_project")]
        indexes = [models.Index(fields=["call", "status"]), models.Index(fields=["status", "decided_at"])]

    def __str__(self) -> str:
        return f"{self.project} → {self.call}"

    get_absolute_url = page_url("funding:application")

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_STATUSES

    @property
    def failed_rules(self) -> list[dict]:
        return [result for result in self.eligibility if not result.get("passed")]


class ApplicationAmount(models.Model):
    """One currency's line of an application: requested, and granted once funded."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="amounts")
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    requested = models.DecimalField(_("requested"), max_digits=12, decimal_places=2,
                                    validators=[MinValueValidator(0)])
    granted = models.DecimalField(_("granted"), max_digits=12, decimal_places=2, null=True, blank=True,
                                  validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["application", "currency"]
        verbose_name = _("amount")
        verbose_name_plural = _("amounts")
        constraints = [models.UniqueConstraint(fields=["application", "currency"], name="amount_unique_currency")]

    def __str__(self) -> str:
        return f"{self.requested} {self.currency}"


def document_path(document: ApplicationDocument, filename: str) -> str:
    return f"funding/applications/{document.application_id}/{filename}"


class ApplicationDocument(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind of document"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=document_path, max_length=255)
    uploaded_by = account_field()
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["application", "kind", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.filename}"

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


ApplicationStatusChange = status_history(Application, verbose_name=_("application status change"),
                                         verbose_name_plural=_("application status changes"))
