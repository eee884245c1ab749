"""An opportunity: a collaboration idea between people (and organisations) of the two territories,
with where it was born, its next step, its owner and its status history."""
from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelle.core.fields import account_field, optional_link
from passerelle.core.mixins import page_url
from passerelle.core.models import DatedRecord
from passerelle.core.workflow import status_history

from ..enums import OPPORTUNITY_WORKFLOW, OpportunityStatus, OriginKind


class Opportunity(DatedRecord):
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("topic"), blank=True, help_text=_("What the collaboration would be about."))
    people = models.ManyToManyField(
        "directory.Person", related_name="opportunities", verbose_name=_("people"),
    )
    organisations = models.ManyToManyField(
        "directory.Organisation", blank=True, related_name="opportunities", verbose_name=_("organisations"),
    )
    categories = models.ManyToManyField(
        "core.CsoCategory", blank=True, related_name="+", verbose_name=_("cancer research categories"),
    )
    sites = models.ManyToManyField("core.CancerSite", blank=True, related_name="+", verbose_name=_("cancer sites"))
    origin_kind = models.CharField(_("origin"), max_length=20, choices=OriginKind.choices, default=OriginKind.MANUAL)
    origin_event = optional_link(
        "events.Event", _("event of origin"), on_delete=models.SET_NULL, related_name="opportunities",
    )
    origin_meeting = optional_link(
        "meetings.Meeting", _("meeting of origin"), on_delete=models.SET_NULL, related_name="opportunities",
    )
    origin_note = models.TextField(
        _("origin details"), blank=True,
        help_text=_("What was said at the meeting, the feedback, or why the suggestion was kept."),
    )
    # A matching suggestion keeps its score and reasons as they were when it was saved.
    match_score = models.FloatField(
        _("matching score"), null=True, blank=True, validators=[MinValueValidator(0.0)],
    )
    match_reasons = models.JSONField(_("matching reasons"), default=list, blank=True)
    next_step = models.CharField(_("next step"), max_length=255, blank=True)
    next_step_due = models.DateField(_("next step due"), null=True, blank=True)
    owner = optional_link(
        settings.AUTH_USER_MODEL, _("owner"), on_delete=models.SET_NULL, related_name="owned_opportunities",
        help_text=_("Who follows this opportunity."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=OpportunityStatus.choices, default=OpportunityStatus.IDEA, editable=False,
    )
    workflow = OPPORTUNITY_WORKFLOW  # the allowed status moves (``passerelle.core.workflow``)
    dropped_reason = models.TextField(_("reason for dropping"), blank=True, editable=False)
    created_by = account_field(_("created by"))

    class Meta(DatedRecord.Meta):
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            models.Index(fields=["origin_kind"]),
        ]

    def __str__(self) -> str:
        return self.title

    get_absolute_url = page_url("projects:opportunity")

    @property
    def is_open(self) -> bool:
        return self.status in (OpportunityStatus.IDEA, OpportunityStatus.EXPLORING)


OpportunityStatusChange = status_history(Opportunity, verbose_name=_("opportunity status change"),
                                         verbose_name_plural=_("opportunity status changes"))
