"""Indicators of what grows from the encounters: opportunities and joint projects born.

A project *comes from* an event when it names the event, or when its opportunity was born at the
event or at one of its meetings. On a theme: the project's (or opportunity's) own categories and
sites. With a territory: a partner (or a person involved) from it.
"""
from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _

from passerelle.projects.enums import ProjectStatus
from passerelle.projects.models import Opportunity, Project, ProjectPartner

from .base import Indicator, ReportFilters, Series, count_series, day_of, indicator_group

BORN_STATUSES = (ProjectStatus.ACTIVE, ProjectStatus.COMPLETED, ProjectStatus.STOPPED)


def born_on(prefix: str = "") -> Coalesce:
    """A project is born on its start date, or the day it was recorded when it has none."""
    return Coalesce(f"{prefix}start", day_of(f"{prefix}created_at"))


def theme_q(filters: ReportFilters, model) -> Q:
    """Objects of ``model`` (Project or Opportunity) whose own tags hold the category and site."""
    q = Q()
    if filters.category:
        tagged = model.categories.through.objects.filter(filters.category_q("csocategory__code"))
        q &= Q(pk__in=tagged.values(f"{model._meta.model_name}_id"))
    if filters.site:
        tagged = model.sites.through.objects.filter(cancersite__icrp_code=filters.site)
        q &= Q(pk__in=tagged.values(f"{model._meta.model_name}_id"))
    return q


def projects_matching(filters: ReportFilters, *, territory: bool = True) -> QuerySet[Project]:
    """Projects (any status) of the chosen event, theme and — unless told not to — territory."""
    projects = Project.objects.filter(theme_q(filters, Project))
    if filters.event:
        projects = projects.filter(
            Q(pk__in=Project.events.through.objects.filter(event_id=filters.event).values("project_id"))
            | Q(opportunity__origin_event_id=filters.event)
            | Q(opportunity__origin_meeting__session__event_id=filters.event))
    if territory and filters.territory:
        projects = projects.filter(
            pk__in=ProjectPartner.objects.filter(territory=filters.territory).values("project_id"))
    return projects


def born_projects(filters: ReportFilters, *, territory: bool = True) -> QuerySet[Project]:
    """Projects past their draft, born in the period."""
    projects = projects_matching(filters, territory=territory).filter(status__in=BORN_STATUSES)
    projects = projects.annotate(born=born_on())
    if filters.year_from is not None:
        projects = projects.filter(born__gte=date(filters.year_from, 1, 1))
    if filters.year_to is not None:
        projects = projects.filter(born__lte=date(filters.year_to, 12, 31))
    return projects


def projects_born(filters: ReportFilters) -> Series:
    return count_series(born_projects(filters), ExtractYear("born"))


def opportunities(filters: ReportFilters) -> Series:
    found = Opportunity.objects.filter(filters.period("created_at"), theme_q(filters, Opportunity))
    if filters.event:
        found = found.filter(Q(origin_event_id=filters.event)
                             | Q(origin_meeting__session__event_id=filters.event))
    if filters.territory:
        found = found.filter(
            Q(pk__in=Opportunity.people.through.objects.filter(person__territory=filters.territory)
              .values("opportunity_id"))
            | Q(pk__in=Opportunity.organisations.through.objects
                .filter(organisation__territory=filters.territory).values("opportunity_id")))
    return count_series(found, "created_at")


INDICATORS = indicator_group("projects", [
    Indicator("opportunities", opportunities, label=_("Opportunities"), definition=_(
        "Collaboration ideas recorded in the year (from an event, a meeting's "
        "feedback, a suggestion or by hand), whatever became of them. "
        "With a territory: involving someone from it.")),
    Indicator("projects_born", projects_born, public=True, label=_("Joint projects born"), definition=_(
        "Joint projects past their draft (active, completed or stopped), counted "
        "in the year they started (or were recorded, without a start date). "
        "With a territory: with a partner from it.")),
])
