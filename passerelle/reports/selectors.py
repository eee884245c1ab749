"""Reads of the reports app about outcomes: who may see and record them, lists, and the chain that
traces an outcome back to the meeting and the event it came from.

(The indicators have their own selectors, one per indicator, in ``indicators/``.)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

from passerelle.core.list_filters import ListFilters, containing, filter_when_set, matching_every_word
from passerelle.directory.models import Person
from passerelle.directory.selectors import is_coordinator, visible_condition
from passerelle.funding.models import Application
from passerelle.projects.models import Project, ProjectPartner
from passerelle.publications.models import PersonPublication, Publication

from .enums import OutcomeKind, ProposalStatus
from .indicators.projects import BORN_STATUSES, born_on
from .models import Outcome, OutcomeProposal
from .outcome_ids import normalize_doi


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
class OutcomeFilters(ListFilters):
    kind: str = ""
    year: int | None = None
    project: int | None = None


def outcome_list(*, user: Any, filters: OutcomeFilters) -> QuerySet[Outcome]:
    outcomes = filter_when_set(outcomes_visible_to(user), kind=filters.kind, date__year=filters.year,
                               project_id=filters.project)
    outcomes = matching_every_word(outcomes, filters.q, lambda word: containing(
        word, "title_fr", "title_en", "doi", "project__acronym", "project__title_fr", "organisation_name"))
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


# --- publications proposed as outcomes ----------------------------------------------------------------

def publication_day(year: int | None, published: date | None) -> date | None:
    """The latest day a work may have come out: its date, else the last day of its year."""
    if published is not None:
        return published
    return date(year, 12, 31) if year else None


def publication_outcome_candidates() -> set[tuple[int, int]]:
    """(project, publication) pairs where the work is on the profiles (links not hidden) of two or
    more people who are partners of the project, came out on or after the day the project started
    (or was recorded, without a start) and has a valid DOI (what a publication outcome needs).
    Projects still in draft have no outcomes yet; works the project already has as an outcome (the
    same DOI) are left out."""
    born = dict(Project.objects.filter(status__in=BORN_STATUSES).annotate(born=born_on())
                .values_list("pk", "born"))
    team: dict[int, set[int]] = {}
    for project_id, person_id in (ProjectPartner.objects.filter(project_id__in=born, person__isnull=False)
                                  .values_list("project_id", "person_id")):
        team.setdefault(project_id, set()).add(person_id)
    works_of: dict[int, set[int]] = {}
    people = set().union(*team.values()) if team else set()
    for person_id, publication_id in (PersonPublication.objects.filter(hidden=False, person_id__in=people)
                                      .values_list("person_id", "publication_id")):
        works_of.setdefault(person_id, set()).add(publication_id)
    signed: dict[tuple[int, int], int] = {}
    for project_id, members in team.items():
        for person_id in members:
            for publication_id in works_of.get(person_id, ()):
                signed[(project_id, publication_id)] = signed.get((project_id, publication_id), 0) + 1
    pairs = {pair for pair, n in signed.items() if n >= 2}
    works = {pk: (doi, publication_day(year, published)) for pk, doi, year, published in
             Publication.objects.filter(pk__in={pub for _project, pub in pairs})
             .values_list("pk", "doi", "year", "publication_date")}
    recorded = {(project_id, doi.lower()) for project_id, doi in Outcome.objects.filter(
        kind=OutcomeKind.PUBLICATION, project_id__in={project for project, _pub in pairs})
        .values_list("project_id", "doi")}
    found = set()
    for project_id, publication_id in pairs:
        doi, day = works[publication_id]
        if day is None or day < born[project_id] or not _valid_doi(doi):
            continue
        if (project_id, normalize_doi(doi)) not in recorded:
            found.add((project_id, publication_id))
    return found


def _valid_doi(doi: str) -> bool:
    try:
        normalize_doi(doi)
    except ValidationError:
        return False
    return bool(doi)


def proposal_list(*, status: str = ProposalStatus.PROPOSED) -> QuerySet[OutcomeProposal]:
    """Proposals of one status (all with ``status=""``), the newest first, ready to show."""
    proposals = OutcomeProposal.objects.select_related("project", "publication", "decided_by", "outcome")
    if status:
        proposals = proposals.filter(status=status)
    return proposals.order_by("-proposed_at", "-pk")


def proposal_signers(proposals: list[OutcomeProposal]) -> dict[int, list[Person]]:
    """For each proposal, the project's partners who have the work on their profile (links not hidden)."""
    partners = ProjectPartner.objects.filter(project_id__in={p.project_id for p in proposals}, person__isnull=False)
    team: dict[int, set[int]] = {}
    for project_id, person_id in partners.values_list("project_id", "person_id"):
        team.setdefault(project_id, set()).add(person_id)
    links = (PersonPublication.objects.filter(hidden=False, publication_id__in={p.publication_id for p in proposals})
             .select_related("person").order_by("person__last_name", "person__first_name"))
    signers: dict[int, list[Person]] = {p.pk: [] for p in proposals}
    for proposal in proposals:
        for link in links:
            if link.publication_id == proposal.publication_id and link.person_id in team.get(proposal.project_id, ()):
                signers[proposal.pk].append(link.person)
    return signers
