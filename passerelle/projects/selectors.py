"""Reads of the projects app: what each user may see, with the relations every page needs."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from passerelle.core.list_filters import ListFilters, containing, filter_when_set, matching_every_word, sort_order
from passerelle.directory.selectors import is_coordinator, people_visible_to
from passerelle.events.selectors import events_visible_to

from .enums import ProjectStatus
from .models import Opportunity, Project, ProjectPartner, ServiceRequest

OPPORTUNITY_SORTS = {
    "recent": ["-created_at", "-pk"],
    "oldest": ["created_at", "pk"],
    "title": ["title", "pk"],
    "status": ["status", "-created_at", "-pk"],
    "due": ["next_step_due", "-created_at", "-pk"],
}


def opportunities_visible_to(user: Any) -> QuerySet[Opportunity]:
    """Coordinators see every opportunity; a member sees those they own, created or take part in."""
    opportunities = Opportunity.objects.all()
    if is_coordinator(user):
        return opportunities
    if not getattr(user, "is_authenticated", False):
        return opportunities.none()
    mine = Q(owner=user) | Q(created_by=user) | Q(pk__in=Opportunity.people.through.objects
                                                  .filter(person__user=user).values("opportunity_id"))
    return opportunities.filter(mine)


@dataclass(frozen=True)
class OpportunityFilters(ListFilters):
    status: str = ""
    origin_kind: str = ""
    event: int | None = None
    sort: str = "recent"


def opportunity_list(*, user: Any, filters: OpportunityFilters) -> QuerySet[Opportunity]:
    """Visible opportunities filtered and sorted, with what the list shows."""
    opportunities = filter_when_set(opportunities_visible_to(user), status=filters.status,
                                    origin_kind=filters.origin_kind, origin_event_id=filters.event)

    def matches(word: str) -> Q:
        return containing(word, "title", "description", "next_step") | Q(
            pk__in=Opportunity.people.through.objects.filter(
                containing(word, "person__last_name", "person__first_name"), person__in=people_visible_to(user),
            ).values("opportunity_id"))

    opportunities = matching_every_word(opportunities, filters.q, matches)
    return (opportunities.select_related("owner")
            .prefetch_related(Prefetch("people", queryset=people_visible_to(user)),
                              Prefetch("origin_event", queryset=events_visible_to(user)),
                              "organisations").order_by(*sort_order(OPPORTUNITY_SORTS, filters.sort, "recent")))


def opportunity_detail_queryset(user: Any) -> QuerySet[Opportunity]:
    """Opportunities with only the people and the event of origin that ``user`` may see."""
    people = people_visible_to(user).prefetch_related("affiliations__organisation")
    return (opportunities_visible_to(user).select_related("owner", "created_by")
            .prefetch_related(Prefetch("people", queryset=people),
                              Prefetch("origin_event", queryset=events_visible_to(user)),
                              "organisations", "categories", "sites"))


# Joint projects -----------------------------------------------------------------------------

PROJECT_SORTS = {
    "recent": ["-created_at", "-pk"],
    "title": ["title_fr", "pk"],
    "start": ["-start", "-pk"],
    "status": ["status", "-created_at", "-pk"],
}


def _partner_of(user: Any) -> Q:
    return Q(pk__in=ProjectPartner.objects.filter(person__user=user).values("project_id"))


def projects_visible_to(user: Any) -> QuerySet[Project]:
    """Coordinators see every project; members see all but others' drafts (a draft is seen by
    its partners with an account and its creator); visitors see none."""
    projects = Project.objects.all()
    if is_coordinator(user):
        return projects
    if not getattr(user, "is_authenticated", False):
        return projects.none()
    return projects.filter(~Q(status=ProjectStatus.DRAFT) | Q(created_by=user) | _partner_of(user))


def projects_editable_by(user: Any) -> QuerySet[Project]:
    """Projects ``user`` may edit and apply with: coordinators all; members those they created or
    take part in."""
    if is_coordinator(user):
        return Project.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Project.objects.none()
    return Project.objects.filter(Q(created_by=user) | _partner_of(user))


@dataclass(frozen=True)
class ProjectFilters(ListFilters):
    """``territory``: one of a partner's; ``event``: one the project came from; ``sort``: a key of
    ``PROJECT_SORTS``."""

    status: str = ""
    territory: str = ""
    event: int | None = None
    sort: str = "recent"


def project_list(*, user: Any, filters: ProjectFilters) -> QuerySet[Project]:
    projects = filter_when_set(projects_visible_to(user), status=filters.status, events=filters.event)
    if filters.territory:
        projects = projects.filter(pk__in=ProjectPartner.objects.filter(territory=filters.territory)
                                   .values("project_id"))

    def matches(word: str) -> Q:
        return containing(word, "title_fr", "title_en", "acronym", "summary_fr", "summary_en") | Q(
            pk__in=partners_shown_to(user).filter(
                containing(word, "person__last_name", "organisation__name", "organisation__acronym")
            ).values("project_id"))

    projects = matching_every_word(projects, filters.q, matches)
    return projects.prefetch_related(Prefetch("partners", queryset=partners_shown_to(user)),
                                     Prefetch("events", queryset=events_visible_to(user))).order_by(
        *sort_order(PROJECT_SORTS, filters.sort, "recent"))


def partners_shown_to(user: Any) -> QuerySet[ProjectPartner]:
    """Partner rows ``user`` may see: an organisation, or a profile they may see."""
    return (ProjectPartner.objects.filter(Q(person__isnull=True) | Q(person__in=people_visible_to(user)))
            .select_related("person", "organisation").order_by("role", "pk"))


def project_detail_queryset(user: Any) -> QuerySet[Project]:
    """Projects with only the partners and events that ``user`` may see."""
    return (projects_visible_to(user).select_related("opportunity", "created_by")
            .prefetch_related(Prefetch("partners", queryset=partners_shown_to(user)),
                              Prefetch("events", queryset=events_visible_to(user)), "categories", "sites"))


@dataclass(frozen=True)
class TimelineEntry:
    at: Any
    kind: str
    title: str
    detail: str = ""
    url: str = ""
    by: Any = None


TimelineSource = Callable[[Project, Any], Iterable[TimelineEntry]]
_timeline_sources: list[TimelineSource] = []


def add_timeline_source(source: TimelineSource) -> None:
    """Let a higher app add its entries to every project's timeline (``source(project, user)``
    returns the entries ``user`` may see). Called from that app's ``AppConfig.ready``."""
    if source not in _timeline_sources:
        _timeline_sources.append(source)


def project_timeline(project: Project, user: Any) -> list[TimelineEntry]:
    """The project's story, oldest first: the events it came from, the opportunity and its moves,
    the project's own moves, what other apps add (the funding app: its applications' moves) and
    the support it asked for."""
    from django.utils.translation import gettext as _

    entries: list[TimelineEntry] = []
    for event in project.events.all():
        entries.append(TimelineEntry(event.start, "event", event.title, event.get_kind_display(),
                                     event.get_absolute_url()))
    opportunity = project.opportunity
    if opportunity is not None:
        if opportunity.origin_meeting_id:
            meeting = opportunity.origin_meeting
            start = getattr(getattr(meeting, "slot", None), "start", None) or opportunity.created_at
            entries.append(TimelineEntry(start, "meeting", _("Meeting"), opportunity.origin_note))
        visible = opportunities_visible_to(user).filter(pk=opportunity.pk).exists()
        for change in opportunity.status_changes.select_related("by").order_by("at", "pk"):
            title = _("Opportunity “%(title)s”: %(status)s") % {"title": opportunity.title,
                                                                 "status": change.get_to_status_display()}
            entries.append(TimelineEntry(change.at, "opportunity", title, change.note,
                                         opportunity.get_absolute_url() if visible else "", change.by))
    for change in project.status_changes.select_related("by").order_by("at", "pk"):
        entries.append(TimelineEntry(change.at, "project", _("Project: %(status)s") % {
            "status": change.get_to_status_display()}, change.note, "", change.by))
    for source in _timeline_sources:
        entries.extend(source(project, user))
    for request in project.service_requests.select_related("service"):
        entries.append(TimelineEntry(request.created_at, "service", _("Support requested: %(service)s") % {
            "service": request.service.name}, request.get_status_display(), request.get_absolute_url()))
    return sorted(entries, key=lambda e: (e.at, e.kind))


# Support services ---------------------------------------------------------------------------

def service_requests_visible_to(user: Any) -> QuerySet[ServiceRequest]:
    """Coordinators see every request; a member sees their own and those of their projects."""
    requests = ServiceRequest.objects.select_related("service", "requester", "project", "assigned_to")
    if is_coordinator(user):
        return requests
    if not getattr(user, "is_authenticated", False):
        return requests.none()
    return requests.filter(Q(requester=user) | Q(project__in=projects_editable_by(user)))


@dataclass(frozen=True)
class ServiceRequestFilters(ListFilters):
    status: str = ""
    service: int | None = None
    mine: bool = False


def service_request_list(*, user: Any, filters: ServiceRequestFilters) -> QuerySet[ServiceRequest]:
    requests = filter_when_set(service_requests_visible_to(user), status=filters.status,
                               service_id=filters.service)
    if filters.mine:
        requests = requests.filter(Q(requester=user) | Q(assigned_to=user))
    requests = matching_every_word(requests, filters.q, lambda word: containing(
        word, "message", "requester__email", "project__title_fr", "project__acronym"))
    return requests.order_by("-created_at", "-pk")
