"""Indicators of outcomes: how many, of which kind, and the follow-on funding they brought.

Outcomes count in the year of their date. Event and theme apply to their project. With a
territory: outcomes placed in it (a site opened there, money from its side) and outcomes placed
nowhere in particular (a joint paper) whose project has a partner from it.
"""
from __future__ import annotations

from django.db.models import Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from passerelle.projects.models import ProjectPartner

from ..enums import OutcomeKind
from ..models import Outcome
from .base import Indicator, ReportFilters, Series, Unit, count_parts_series, count_series, indicator_group, sum_series
from .funding import currencies
from .projects import projects_matching


def outcomes_matching(filters: ReportFilters) -> QuerySet[Outcome]:
    found = Outcome.objects.filter(filters.period_dates("date"),
                                   project__in=projects_matching(filters, territory=False))
    if filters.territory:
        partnered = ProjectPartner.objects.filter(territory=filters.territory).values("project_id")
        found = found.filter(Q(territory=filters.territory) | Q(territory="", project_id__in=partnered))
    return found


def outcomes(filters: ReportFilters) -> Series:
    return count_series(outcomes_matching(filters), ExtractYear("date"))


def outcomes_by_kind(filters: ReportFilters) -> Series:
    return count_parts_series(outcomes_matching(filters), ExtractYear("date"), "kind")


def follow_on_funding(filters: ReportFilters) -> Series:
    found = outcomes_matching(filters).filter(kind=OutcomeKind.FOLLOW_ON_FUNDING, amount__isnull=False)
    return sum_series(found, ExtractYear("date"), "amount", "currency")


def kinds() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in OutcomeKind.choices]


INDICATORS = indicator_group("outcomes", [
    Indicator("outcomes", outcomes, public=True, label=_("Outcomes"), definition=_(
        "Outcomes of joint projects (publications, patents, trials, follow-on funding, "
        "exchanges, sites opened, companies created, others) dated in the year.")),
    Indicator("outcomes_by_kind", outcomes_by_kind, public=True, parts=kinds, label=_("Outcomes by kind"), definition=_(
        "The same outcomes, kind by kind.")),
    Indicator("follow_on_funding", follow_on_funding, unit=Unit.MONEY, public=True, parts=currencies,
              label=_("Follow-on funding raised"), definition=_(
        "Sum of the follow-on funding recorded as outcomes, "
        "dated in the year, per currency (never converted).")),
])
