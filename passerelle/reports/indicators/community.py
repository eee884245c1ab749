"""People and organisations active on each side: who took part in something that year.

An activity source says where a person was active and when: a confirmed registration to an
event accompanied, a place in a delegation, a talk in a programme, and — from the apps that hold
them — a meeting held, a project. An organisation is active when one of its people is, when it
was visited, or when it co-organised an event.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from passerelle.directory.models import Affiliation, Organisation
from passerelle.events.enums import ItemKind, ItemStatus
from passerelle.events.models import Delegation, Event, ProgrammeItem
from passerelle.meetings.models import MeetingAttendee
from passerelle.projects.models import ProjectPartner

from . import events as event_indicators
from . import meetings as meeting_indicators
from . import projects as project_indicators
from .base import (
    Indicator,
    ReportFilters,
    Series,
    YearOf,
    activity_rows,
    distinct_series,
    indicator_group,
    union_sql,
)


@dataclass(frozen=True)
class ActivitySource:
    """Rows of ``items(filters)`` tell that ``path`` (a person or an organisation) was active at
    ``when`` (a datetime path or a year expression). ``items`` applies every filter but the territory."""

    items: Callable[[ReportFilters], QuerySet]
    path: str
    when: YearOf

    def rows(self, filters: ReportFilters, *, territory: bool = True) -> QuerySet:
        items = self.items(filters)
        if territory and filters.territory:
            items = items.filter(**{f"{self.path}__territory": filters.territory})
        return activity_rows(items, f"{self.path}_id", self.when)


def _registrations(filters: ReportFilters) -> QuerySet:
    return event_indicators.confirmed_registrations(filters.but(territory=""))


def _delegation_places(filters: ReportFilters) -> QuerySet:
    return Delegation.members.through.objects.filter(
        delegation__event__in=event_indicators.accompanied_events(filters))


def _talks(filters: ReportFilters) -> QuerySet:
    return ProgrammeItem.speakers.through.objects.filter(
        programmeitem__status=ItemStatus.SCHEDULED,
        programmeitem__event__in=event_indicators.accompanied_events(filters))


def _visits(filters: ReportFilters) -> QuerySet:
    return ProgrammeItem.objects.filter(kind=ItemKind.VISIT, status=ItemStatus.SCHEDULED,
                                        visited_organisation__isnull=False,
                                        event__in=event_indicators.accompanied_events(filters))


def _co_organisers(filters: ReportFilters) -> QuerySet:
    return Event.organisers.through.objects.filter(event__in=event_indicators.accompanied_events(filters))


def _meeting_seats(filters: ReportFilters) -> QuerySet:
    return MeetingAttendee.objects.filter(active=True, meeting__in=meeting_indicators.held_meetings(filters))


def _project_roles(filters: ReportFilters) -> QuerySet:
    born = project_indicators.born_projects(filters, territory=False)
    return ProjectPartner.objects.filter(project__in=born.values("pk"))


PERSON_SOURCES: list[ActivitySource] = [
    ActivitySource(_registrations, "person", "event__start"),
    ActivitySource(_delegation_places, "person", "delegation__event__start"),
    ActivitySource(_talks, "person", "programmeitem__start"),
    ActivitySource(_meeting_seats, "person", "slot__start"),
    ActivitySource(lambda filters: _project_roles(filters).filter(person__isnull=False), "person",
                   ExtractYear(project_indicators.born_on("project__"))),
]
ORGANISATION_SOURCES: list[ActivitySource] = [
    ActivitySource(_visits, "visited_organisation", "start"),
    ActivitySource(_co_organisers, "organisation", "event__start"),
    ActivitySource(lambda filters: _project_roles(filters).filter(organisation__isnull=False), "organisation",
                   ExtractYear(project_indicators.born_on("project__"))),
]


def people_active(filters: ReportFilters) -> Series:
    return distinct_series([source.rows(filters) for source in PERSON_SOURCES])


def _organisations_of_active_people(filters: ReportFilters) -> tuple[str, list]:
    """(organisation, year) for every affiliation of a person active that year, as SQL."""
    sql, params = union_sql(source.rows(filters, territory=False) for source in PERSON_SOURCES)
    affiliation, organisation = Affiliation._meta.db_table, Organisation._meta.db_table
    where = ""
    if filters.territory:
        where = " WHERE o.territory = %s"
        params = [*params, filters.territory]
    return (f"SELECT a.organisation_id AS r_item, ap.r_year AS r_year FROM ({sql}) ap "
            f"JOIN {affiliation} a ON a.person_id = ap.r_item "
            f"JOIN {organisation} o ON o.id = a.organisation_id{where}", params)


def organisations_active(filters: ReportFilters) -> Series:
    parts: list = [_organisations_of_active_people(filters)]
    parts += [source.rows(filters) for source in ORGANISATION_SOURCES]
    return distinct_series(parts)


INDICATORS = indicator_group("community", [
    Indicator("people_active", people_active, public=True, label=_("People active"), definition=_(
        "Different people who took part in something in the year: a confirmed registration to "
        "an event accompanied, a place in a delegation, a talk, a meeting held, a project. "
        "With a territory: people of that territory.")),
    Indicator("organisations_active", organisations_active, public=True, label=_("Organisations active"), definition=_(
        "Different organisations with an active person, visited "
        "during an event or co-organising one in the year. "
        "With a territory: organisations of that territory.")),
])
