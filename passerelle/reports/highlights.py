"""What an annual report tells besides the figures: the events of the year, the projects funded and
the outcomes recorded. Names of projects and events only — nothing about individual people."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from passerelle.events.models import Event
from passerelle.funding.enums import ApplicationStatus
from passerelle.funding.models import Application, ApplicationAmount

from .indicators import ReportFilters
from .indicators.events import accompanied_events
from .indicators.funding import decided_applications
from .models import Outcome


@dataclass
class Highlights:
    events: QuerySet[Event]
    funded: QuerySet[Application]
    outcomes: QuerySet[Outcome]


def year_highlights(year: int) -> Highlights:
    filters = ReportFilters(year_from=year, year_to=year)
    amounts = Prefetch("amounts", queryset=ApplicationAmount.objects.order_by("currency"))
    return Highlights(
        events=accompanied_events(filters).prefetch_related("places").order_by("start"),
        funded=(decided_applications(filters).filter(status=ApplicationStatus.FUNDED)
                .select_related("project", "call__programme").prefetch_related(amounts).order_by("decided", "pk")),
        outcomes=(Outcome.objects.filter(filters.period_dates("date")).select_related("project", "organisation")
                  .order_by("kind", "date", "pk")),
    )
