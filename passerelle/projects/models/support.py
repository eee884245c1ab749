"""The cluster's support services (a catalogue) and requests for them, followed to completion."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import optional_link
from passerelle.core.mixins import BilingualName, page_url
from passerelle.core.models import DatedRecord, Positioned

from ..enums import SERVICE_REQUEST_WORKFLOW, ServiceKind, ServiceRequestStatus


class SupportService(BilingualName, Positioned):
    kind = models.CharField(_("kind"), max_length=30, choices=ServiceKind.choices)
    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    name_fr, name_en, description_fr, description_en = BilingualName.fields(max_length=200)
    contact = optional_link(
        settings.AUTH_USER_MODEL, _("contact"), on_delete=models.SET_NULL, related_name="+",
        help_text=_("The coordinator who receives the requests."),
    )
    active = models.BooleanField(_("offered"), default=True)

    class Meta:
        ordering = ["position", "name_fr"]
        verbose_name = _("support service")
        verbose_name_plural = _("support services")

    def __str__(self) -> str:
        return self.name

    get_absolute_url = page_url("projects:service", "slug")


class ServiceRequest(DatedRecord):
    """A request for one service, by a member, possibly for a project."""

    service = models.ForeignKey(SupportService, verbose_name=_("service"), on_delete=models.PROTECT,
                                related_name="requests")
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.SET_NULL, null=True,
        related_name="service_requests",
    )
    project = optional_link(
        "projects.Project", _("project"), on_delete=models.SET_NULL, related_name="service_requests",
    )
    message = models.TextField(_("what you need"))
    status = models.CharField(_("status"), max_length=20, choices=ServiceRequestStatus.choices,
                              default=ServiceRequestStatus.NEW, editable=False)
    workflow = SERVICE_REQUEST_WORKFLOW  # the allowed status moves (``passerelle.core.workflow``)
    assigned_to = optional_link(
        settings.AUTH_USER_MODEL, _("followed by"), on_delete=models.SET_NULL,
        related_name="assigned_service_requests",
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)  # its creation is the request
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True, editable=False)

    class Meta(DatedRecord.Meta):
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.service} – {self.requester}"

    get_absolute_url = page_url("projects:service_request")


class ServiceRequestNote(models.Model):
    """A note on a request: a status move (``to_status`` set) or a follow-up remark."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="notes")
    from_status = models.CharField(_("from"), max_length=20, choices=ServiceRequestStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=ServiceRequestStatus.choices, blank=True)
    text = models.TextField(_("note"), blank=True)
    internal = models.BooleanField(_("coordinators only"), default=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("service request note")
        verbose_name_plural = _("service request notes")

    def __str__(self) -> str:
        return f"{self.request_id} @ {self.at:%Y-%m-%d}"
