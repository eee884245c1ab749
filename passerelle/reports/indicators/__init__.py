"""The registry of indicators, in the order the dashboard, the exports and the API show them.

Each indicator is one selector (``Indicator.compute``) living in the module of its domain;
``passerelle/reports/tables.py`` puts them together by year for every page, file and API answer.
"""
from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from . import community, events, funding, meetings, outcomes, projects, publications
from .base import Indicator, Ratio, ReportFilters, Series, Unit

GROUPS = {
    "events": _("Events"),
    "community": _("Community"),
    "meetings": _("Bilateral meetings"),
    "projects": _("Opportunities and projects"),
    "funding": _("Funding"),
    "outcomes": _("Outcomes"),
    "publications": _("Publications"),
}


def all_indicators() -> list[Indicator]:
    return [*events.INDICATORS, *community.INDICATORS, *meetings.INDICATORS, *projects.INDICATORS,
            *funding.INDICATORS, *outcomes.INDICATORS, *publications.INDICATORS]


def indicator(key: str) -> Indicator:
    for found in all_indicators():
        if found.key == key:
            return found
    raise KeyError(key)


__all__ = ["GROUPS", "Indicator", "Ratio", "ReportFilters", "Series", "Unit", "all_indicators", "indicator"]
