"""A joint project: bilingual title and summary, a lead in each territory, partners with roles,
themes, dates, status with history, and the opportunity and events it came from."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from passerelle.core.bilingual import bilingual
from passerelle.core.enums import Territory
from passerelle.core.fields import account_field, optional_link
from passerelle.core.mixins import page_url
from passerelle.core.models import DatedRecord
from passerelle.core.workflow import status_history

from ..enums import PROJECT_WORKFLOW, PartnerRole, ProjectStatus


class Project(DatedRecord):
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    opportunity = optional_link(
        "projects.Opportunity", _("opportunity of origin"), on_delete=models.SET_NULL, related_name="projects",
    )
    events = models.ManyToManyField(
        "events.Event", blank=True, related_name="projects", verbose_name=_("events it came from"),
    )
    categories = models.ManyToManyField(
        "core.CsoCategory", blank=True, related_name="+", verbose_name=_("cancer research categories"),
    )
    sites = models.ManyToManyField("core.CancerSite", blank=True, related_name="+", verbose_name=_("cancer sites"))
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.DRAFT, editable=False,
    )
    workflow = PROJECT_WORKFLOW  # the allowed status moves (``passerelle.core.workflow``)
    created_by = account_field(_("created by"))

    class Meta(DatedRecord.Meta):
        verbose_name = _("joint project")
        verbose_name_plural = _("joint projects")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.acronym} – {self.title}" if self.acronym else self.title

    get_absolute_url = page_url("projects:project")

    title = bilingual("title")
    summary = bilingual("summary")

    @property
    def duration_months(self) -> int | None:
        """Whole months from start to end (a started month counts), None without both dates."""
        if not (self.start and self.end):
            return None
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month
        return months + (1 if self.end.day >= self.start.day else 0)

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})


class ProjectPartner(models.Model):
    """A person and/or an organisation taking part in a project, with a role. ``territory`` is
    copied from the person (else the organisation) so that rules and indicators read it directly."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    person = optional_link("directory.Person", _("person"), on_delete=models.PROTECT, related_name="project_roles")
    organisation = optional_link(
        "directory.Organisation", _("organisation"), on_delete=models.PROTECT, related_name="project_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER)
    territory = models.CharField(_("territory"), max_length=8, choices=Territory.choices)

    class Meta:
        ordering = ["project", "role", "pk"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.CheckConstraint(condition=Q(person__isnull=False) | Q(organisation__isnull=False),
                                   name="partner_person_or_organisation"),
            models.UniqueConstraint(fields=["project", "person"], condition=Q(person__isnull=False),
                                    name="partner_unique_person"),
        ]
        indexes = [models.Index(fields=["role", "territory"])]

    def __str__(self) -> str:
        who = self.person.full_name if self.person_id else str(self.organisation)
        return f"{who} ({self.get_role_display()})"

    @property
    def is_lead(self) -> bool:
        return self.role == PartnerRole.LEAD


ProjectStatusChange = status_history(Project, verbose_name=_("project status change"),
                                     verbose_name_plural=_("project status changes"))
