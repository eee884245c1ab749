"""Meeting requests: a sender asks one or more people (a group meeting when 3+ people) to meet,
with a message and a priority; each invitee answers. The request as a whole is accepted when
every invitee accepted, declined as soon as one declines."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import account_field
from passerelle.core.models import NewestFirst

from ..enums import REQUEST_WORKFLOW, Answer, Priority, RequestStatus
from .session import B2BSession


class MeetingRequest(NewestFirst):
    session = models.ForeignKey(B2BSession, on_delete=models.CASCADE, related_name="requests")
    requester = models.ForeignKey("directory.Person", verbose_name=_("from"), on_delete=models.CASCADE,
                                  related_name="sent_meeting_requests")
    invitees = models.ManyToManyField("directory.Person", through="RequestInvitee", related_name="+",
                                      verbose_name=_("to"))
    message = models.TextField(_("message"), max_length=2000, blank=True,
                               help_text=_("Why you would like to meet: what you offer, what you seek."))
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices,
                              default=RequestStatus.PENDING, editable=False)
    workflow = REQUEST_WORKFLOW  # the allowed status moves (``passerelle.core.workflow``)
    created_by = account_field(editable=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    cancelled_by = account_field(editable=False)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta(NewestFirst.Meta):
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        indexes = [models.Index(fields=["session", "status"]), models.Index(fields=["requester", "status"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.requester}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:request", args=[self.session.event.slug, self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (RequestStatus.PENDING, RequestStatus.ACCEPTED)

    def expires_at(self) -> datetime | None:
        days = self.session.request_expiry_days
        return self.created_at + timedelta(days=days) if days and self.status == RequestStatus.PENDING else None


class RequestInvitee(models.Model):
    """One person asked by a request, and their answer."""

    request = models.ForeignKey(MeetingRequest, on_delete=models.CASCADE, related_name="answers")
    person = models.ForeignKey("directory.Person", verbose_name=_("person"), on_delete=models.CASCADE,
                               related_name="meeting_invitations")
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, default=Answer.PENDING)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, null=True, blank=True,
        help_text=_("How much the invitee wants this meeting, given when accepting."),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("invitee")
        verbose_name_plural = _("invitees")
        constraints = [models.UniqueConstraint(fields=["request", "person"], name="invitee_unique_person")]
        indexes = [models.Index(fields=["person", "answer"])]

    def __str__(self) -> str:
        return f"{self.person} ({self.answer})"
