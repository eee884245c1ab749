"""Indicators of funding: applications, their success rate, money requested and granted (per
currency, never converted) and the time from the first encounter to the funding decision.

Applications are counted in the year they were submitted, decisions in the year they were made.
Event, theme and territory apply to the applying project (see ``projects.projects_matching``).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.funding.enums import ApplicationStatus, Currency
from passerelle.funding.models import Application, ApplicationAmount, ApplicationStatusChange
from passerelle.meetings.enums import MeetingStatus
from passerelle.meetings.models import MeetingAttendee, MeetingFeedback
from passerelle.projects.models import Project, ProjectPartner

from .base import (
    Indicator,
    ReportFilters,
    Series,
    Unit,
    count_series,
    indicator_group,
    median_days,
    ratio_series,
    report_tz,
    sum_series,
)
from .projects import projects_matching

DECIDED = (ApplicationStatus.FUNDED, ApplicationStatus.DECLINED)


def submitted_applications(filters: ReportFilters) -> QuerySet[Application]:
    return Application.objects.filter(filters.period("submitted_at"), submitted_at__isnull=False,
                                      project__in=projects_matching(filters)).exclude(status=ApplicationStatus.DRAFT)


def decided_moment(application_path: str = "pk") -> Coalesce:
    """When the decision was made: ``decided_at`` (written by the funding services), else the time of
    the last move to a decided status in the application's history (rows changed by other means)."""
    history = (ApplicationStatusChange.objects.filter(application_id=OuterRef(application_path), to_status__in=DECIDED)
               .order_by("-at").values("at")[:1])
    prefix = "" if application_path == "pk" else application_path.removesuffix("_id") + "__"
    return Coalesce(f"{prefix}decided_at", Subquery(history))


def decided_applications(filters: ReportFilters) -> QuerySet[Application]:
    """Funded or declined applications decided in the period, annotated with ``decided``."""
    return (Application.objects.filter(status__in=DECIDED, project__in=projects_matching(filters))
            .annotate(decided=decided_moment()).filter(filters.period("decided"), decided__isnull=False))


def applications(filters: ReportFilters) -> Series:
    return count_series(submitted_applications(filters), "submitted_at")


def success_rate(filters: ReportFilters) -> Series:
    decided = decided_applications(filters)
    return ratio_series(count_series(decided.filter(status=ApplicationStatus.FUNDED), "decided"),
                        count_series(decided, "decided"))


def money_requested(filters: ReportFilters) -> Series:
    amounts = ApplicationAmount.objects.filter(application__in=submitted_applications(filters))
    return sum_series(amounts, "application__submitted_at", "requested", "currency")


def money_granted(filters: ReportFilters) -> Series:
    funded = decided_applications(filters).filter(status=ApplicationStatus.FUNDED).values("pk")
    amounts = (ApplicationAmount.objects.filter(application__in=funded, granted__isnull=False)
               .annotate(decided=decided_moment("application_id")))
    return sum_series(amounts, "decided", "granted", "currency")


def first_encounters(projects: list[Project]) -> dict[int, datetime]:
    """For each project, when its people first met: the meeting its opportunity came from, else the
    first meeting held between two of its partners, else the start of the first event it came from."""
    found: dict[int, list[datetime]] = defaultdict(list)
    partners: dict[int, set[int]] = defaultdict(set)
    for project_id, person_id in ProjectPartner.objects.filter(
            project__in=projects, person__isnull=False).values_list("project_id", "person_id"):
        partners[project_id].add(person_id)
    everyone = set().union(*partners.values()) if partners else set()
    seats: dict[int, tuple[datetime, set[int]]] = {}
    meetings_of: dict[int, set[int]] = defaultdict(set)
    no_show = MeetingFeedback.objects.filter(took_place=False).values("meeting_id")
    for meeting_id, person_id, start in (
            MeetingAttendee.objects.filter(person_id__in=everyone, active=True, meeting__status=MeetingStatus.SCHEDULED,
                                           slot__start__lte=timezone.now())
            .exclude(meeting_id__in=no_show).values_list("meeting_id", "person_id", "slot__start")):
        seats.setdefault(meeting_id, (start, set()))[1].add(person_id)
        meetings_of[person_id].add(meeting_id)
    for project in projects:
        opportunity = project.opportunity
        if opportunity and opportunity.origin_meeting_id:
            found[project.pk].append(opportunity.origin_meeting.slot.start)
            continue
        people = partners.get(project.pk, set())
        candidates = set().union(*(meetings_of[person] for person in people)) if people else set()
        met = [seats[m][0] for m in candidates if len(seats[m][1] & people) >= 2]
        if met:
            found[project.pk].append(min(met))
            continue
        events = [event.start for event in project.events.all()]
        if opportunity and opportunity.origin_event_id:
            events.append(opportunity.origin_event.start)
        if events:
            found[project.pk].append(min(events))
    return {pk: min(moments) for pk, moments in found.items()}


def time_to_funding(filters: ReportFilters) -> Series:
    funded = (decided_applications(filters).filter(status=ApplicationStatus.FUNDED)
              .order_by("project_id", "decided"))
    first_funding: dict[int, datetime] = {}
    for project_id, decided_at in funded.values_list("project_id", "decided"):
        first_funding.setdefault(project_id, decided_at)
    # A project counts once: at its first funding decision (an earlier one outside the period hides it).
    earlier = decided_applications(ReportFilters()).filter(project_id__in=first_funding,
                                                           status=ApplicationStatus.FUNDED)
    for project_id, decided_at in earlier.values_list("project_id", "decided"):
        if decided_at < first_funding[project_id]:
            first_funding.pop(project_id, None)
    projects = list(Project.objects.filter(pk__in=first_funding)
                    .select_related("opportunity__origin_meeting__slot", "opportunity__origin_event")
                    .prefetch_related("events"))
    met = first_encounters(projects)
    days: dict[int, list[int]] = defaultdict(list)
    for project_id, decided_at in first_funding.items():
        if project_id in met and met[project_id] <= decided_at:
            year = timezone.localtime(decided_at, report_tz()).year
            days[year].append((decided_at - met[project_id]).days)
    every = [d for values in days.values() for d in values]
    return Series(by_year={year: median_days(values) for year, values in days.items()},
                  total=median_days(every), samples={year: sorted(values) for year, values in days.items()})


def currencies() -> list[tuple[str, str]]:
    return [(code, code) for code in Currency.values]


INDICATORS = indicator_group("funding", [
    Indicator("applications", applications, public=True, label=_("Applications submitted"), definition=_(
        "Applications of joint projects to calls, counted in the year they were submitted. "
        "With a territory: of projects with a partner from it.")),
    Indicator("success_rate", success_rate, unit=Unit.RATE, public=True, label=_("Success rate"), definition=_(
        "Share of the applications decided in the year that were funded (funded ÷ funded and declined).")),
    Indicator("money_requested", money_requested, unit=Unit.MONEY, parts=currencies,
              label=_("Money requested"), definition=_(
        "Sum of the amounts requested by the applications "
        "submitted in the year, per currency (never converted).")),
    Indicator("money_granted", money_granted, unit=Unit.MONEY, public=True, parts=currencies,
              label=_("Money granted"), definition=_(
        "Sum of the amounts granted to the applications funded in the year, per currency (never converted).")),
    Indicator("days_to_funding", time_to_funding, unit=Unit.DAYS, public=True,
              label=_("Days from first meeting to funding"), definition=_(
        "Median number of days between a project's first encounter (the meeting its "
        "opportunity came from, else the first meeting held between two of its partners, else "
        "the event it came from) and its first funding decision, in the year of that decision.")),
])
