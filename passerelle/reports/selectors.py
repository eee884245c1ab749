"""Reads of the reports app about outcomes: who may see and record them, lists, and the chain that
traces an outcome back to the meeting and the event it came from.

(The indicators have their own selectors, one per indicator, in ``indicators/``.)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

from passerelle.directory.models import Person
from passerelle.directory.selectors import is_coordinator, visible_condition
from passerelle.funding.models import Application
from passerelle.projects.models import Project, ProjectPartner

from .models import Outcome


def projects_of(user: Any) -> QuerySet[Project]:
    """Projects whose outcomes ``user`` may record: all for coordinators, a member's own projects."""
    if is_coordinator(user):
        return Project.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Project.objects.none()
    return Project.objects.filter(pk__in=ProjectPartner.objects.filter(person__user=user).values("project_id"))


def outcomes_visible_to(user: Any) -> QuerySet[Outcome]:
    """Coordinators see every outcome; a member sees the outcomes of the projects they take part in."""
    outcomes = Outcome.objects.all()
    if is_coordinator(user):
        return outcomes
    return outcomes.filter(project__in=projects_of(user))


@dataclass(frozen=True)
class OutcomeFilters:
    kind: str = ""
    year: int | None = None
    project: int | None = None
    q: str = ""


def outcome_list(*, user: Any, filters: OutcomeFilters) -> QuerySet[Outcome]:
    outcomes = outcomes_visible_to(user)
    if filters.kind:
        outcomes = outcomes.filter(kind=filters.kind)
    if filters.year:
        outcomes = outcomes.filter(date__year=filters.year)
    if filters.project:
        outcomes = outcomes.filter(project_id=filters.project)
    for word in filters.q.split():
        outcomes = outcomes.filter(Q(title_fr__icontains=word) | Q(title_en__icontains=word)
                                   | Q(doi__icontains=word) | Q(project__acronym__icontains=word)
                                   | Q(project__title_fr__icontains=word) | Q(organisation_name__icontains=word))
    return outcomes.select_related("project", "organisation").order_by("-date", "-pk")


# --- the chain: outcome ← project ← application(s) ← opportunity ← meeting / suggestion ← event --------------

@dataclass
class ChainStep:
    kind: str
    label: str
    title: str
    url: str = ""
    when: date | datetime | None = None
    details: list[str] = field(default_factory=list)


def _url(obj: Any) -> str:
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:  # the app that owns the page has not published it
        return ""


def _names(people: list[Person], user: Any) -> list[str]:
    """People's names as ``user`` may know them (hidden profiles become "someone from <territory>")."""
    visible = set(Person.objects.filter(visible_condition(user), pk__in=[p.pk for p in people])
                  .values_list("pk", flat=True))
    return [p.full_name if p.pk in visible else _("someone from %(territory)s") % {
        "territory": p.get_territory_display()} for p in people]


def outcome_chain(outcome: Outcome, user: Any) -> list[ChainStep]:
    """From the outcome back to its origin, each step with what proves it."""
    project = outcome.project
    steps = [ChainStep("outcome", _("Outcome"), outcome.title, _url(outcome), outcome.date,
                       [outcome.get_kind_display()]),
             ChainStep("project", _("Joint project"), str(project), _url(project), project.start,
                       [project.get_status_display()])]
    for application in (Application.objects.filter(project=project).exclude(submitted_at__isnull=True)
                        .select_related("call__programme").prefetch_related("amounts").order_by("submitted_at")):
        granted = [f"{a.granted:,.0f} {a.currency}" for a in application.amounts.all() if a.granted is not None]
        details = [application.get_status_display(), str(application.call.programme)]
        if granted:
            details.append(_("granted: %(amounts)s") % {"amounts": ", ".join(granted)})
        steps.append(ChainStep("application", _("Application"), str(application.call), _url(application),
                               application.decided_at or application.submitted_at, details))
    events = list(project.events.all())
    opportunity = project.opportunity
    if opportunity is not None:
        steps.append(ChainStep("opportunity", _("Opportunity"), opportunity.title, _url(opportunity),
                               opportunity.created_at, [opportunity.get_origin_kind_display()]))
        if opportunity.origin_meeting_id:
            steps.append(_meeting_step(opportunity.origin_meeting, user))
            events.insert(0, opportunity.origin_meeting.session.event)
        elif opportunity.match_score is not None or opportunity.match_reasons:
            details = [str(reason) for reason in opportunity.match_reasons]
            if opportunity.match_score is not None:
                details.insert(0, _("matching score %(score).2f") % {"score": opportunity.match_score})
            steps.append(ChainStep("suggestion", _("Suggestion"), _("A partner suggested by Passerelle"),
                                   details=details))
        if opportunity.origin_event_id:
            events.insert(0, opportunity.origin_event)
    seen: set[int] = set()
    for event in events:
        if event.pk not in seen:
            seen.add(event.pk)
            steps.append(ChainStep("event", _("Event"), event.title, _url(event), event.local(event.start).date(),
                                   [event.get_kind_display()]))
    return steps


def _meeting_step(meeting, user: Any) -> ChainStep:
    people = [seat.person for seat in meeting.attendees.select_related("person").order_by("pk")]
    local = meeting.session.event.local(meeting.slot.start)
    return ChainStep("meeting", _("Meeting"), " · ".join(_names(people, user)), when=local,
                     details=[f"{local:%Y-%m-%d %H:%M}", str(meeting.table)])
