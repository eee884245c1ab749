"""Personal data records: consents (what, when, how), erasure requests and retention reviews.

The directory keeps the date of the current consent on each profile (``Person.consent_date``);
this app keeps the whole history, so that every consent can be proven and every withdrawal seen.
"""
from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import account_field, optional_link

from .enums import ConsentMethod, ConsentPurpose, ErasureStatus, RetentionResolution


class ConsentRecord(models.Model):
    """One consent given or withdrawn, for one purpose; the latest record of a purpose holds."""

    person = models.ForeignKey("directory.Person", verbose_name=_("person"), on_delete=models.CASCADE,
                               related_name="consent_records")
    purpose = models.CharField(_("what"), max_length=20, choices=ConsentPurpose.choices)
    given = models.BooleanField(_("given"), help_text=_("Unticked: the consent was withdrawn."))
    at = models.DateTimeField(_("when"), default=timezone.now)
    method = models.CharField(_("how"), max_length=20, choices=ConsentMethod.choices)
    recorded_by = account_field(_("recorded by"))
    notice_version = models.CharField(_("privacy notice version"), max_length=20, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True,
                            help_text=_("e.g. where the signed form is filed"))

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        indexes = [models.Index(fields=["person", "purpose", "-at"])]

    def __str__(self) -> str:
        return f"{self.person_id} {self.purpose} {'+' if self.given else '-'} {self.at:%Y-%m-%d}"


class ErasureRequest(models.Model):
    """A person's request to be erased, and its execution by a coordinator.

    After execution the person row is an anonymous stub (kept for the figures), ``label`` no
    longer holds the name and ``summary`` tells how many records of each app were touched.
    """

    person = optional_link("directory.Person", _("person"), on_delete=models.SET_NULL, related_name="erasure_requests")
    label = models.CharField(_("person"), max_length=255)
    status = models.CharField(_("status"), max_length=20, choices=ErasureStatus.choices,
                              default=ErasureStatus.PENDING)
    reason = models.TextField(_("reason"), blank=True)
    requested_by = account_field()
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    executed_by = account_field(_("executed by"))
    executed_at = models.DateTimeField(_("executed at"), null=True, blank=True)
    summary = models.JSONField(_("what was erased"), default=dict, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        indexes = [models.Index(fields=["status", "-requested_at"])]

    def __str__(self) -> str:
        return f"{self.label} ({self.get_status_display()})"


class RetentionFlag(models.Model):
    """An inactive profile without consent, flagged for a coordinator to keep or erase."""

    person = models.OneToOneField("directory.Person", verbose_name=_("person"), on_delete=models.CASCADE,
                                  related_name="retention_flag")
    flagged_at = models.DateTimeField(_("flagged at"), default=timezone.now)
    last_activity = models.DateTimeField(_("last activity"))
    resolved_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    resolved_by = account_field(_("reviewed by"))
    resolution = models.CharField(_("decision"), max_length=20, choices=RetentionResolution.choices, blank=True)

    class Meta:
        ordering = ["last_activity", "pk"]
        verbose_name = _("retention review")
        verbose_name_plural = _("retention reviews")
        indexes = [models.Index(fields=["resolved_at", "last_activity"])]

    def __str__(self) -> str:
        return f"{self.person_id} ({self.flagged_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
