"""Reads of the funding app: who sees which call, application and review, the ranking, and what
the eligibility rules and the documents page look at."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.list_filters import ListFilters, containing, filter_when_set, matching_every_word, sort_order
from passerelle.directory.models import Affiliation
from passerelle.directory.selectors import is_coordinator
from passerelle.projects.models import ProjectPartner
from passerelle.projects.selectors import TimelineEntry, projects_editable_by

from . import eligibility
from .enums import CLOSED_BY_CONFLICT, ApplicationStatus, AssignmentStatus, CallStatus, DocumentKind, RuleKind
from .models import (
    Application,
    ApplicationAmount,
    ApplicationStatusChange,
    Call,
    Programme,
    ReviewAssignment,
    ReviewScore,
)


def programmes_visible_to(user: Any) -> QuerySet[Programme]:
    programmes = Programme.objects.prefetch_related("funders")
    return programmes if is_coordinator(user) else programmes.filter(active=True)


def calls_visible_to(user: Any) -> QuerySet[Call]:
    """Published and archived calls are public; drafts only for coordinators."""
    calls = Call.objects.select_related("programme")
    if not is_coordinator(user):
        calls = calls.exclude(status=CallStatus.DRAFT)
    return calls


@dataclass(frozen=True)
class CallFilters(ListFilters):
    programme: str = ""
    state: str = ""  # "open", "upcoming", "closed"
    sort: str = "deadline"


CALL_SORTS = {"deadline": ["-closes_at", "pk"], "soonest": ["closes_at", "pk"], "title": ["title_fr", "pk"]}


def call_list(*, user: Any, filters: CallFilters, now: Any = None) -> QuerySet[Call]:
    now = now or timezone.now()
    calls = filter_when_set(calls_visible_to(user), programme__slug=filters.programme)
    if filters.state == "open":
        calls = calls.filter(status=CallStatus.PUBLISHED, opens_at__lte=now, closes_at__gt=now)
    elif filters.state == "upcoming":
        calls = calls.filter(opens_at__gt=now)
    elif filters.state == "closed":
        calls = calls.filter(closes_at__lte=now)
    calls = matching_every_word(calls, filters.q, lambda word: containing(
        word, "title_fr", "title_en", "programme__name_fr", "programme__acronym"))
    calls = calls.annotate(application_count=Count("applications", filter=~Q(applications__status="draft")))
    return calls.order_by(*sort_order(CALL_SORTS, filters.sort, "deadline"))


def applications_visible_to(user: Any) -> QuerySet[Application]:
    """Coordinators see every application; members those of projects they created or take part in.
    Reviewers read their assignments through ``assignments_of`` (never the application page)."""
    applications = Application.objects.all()
    if is_coordinator(user):
        return applications
    if not getattr(user, "is_authenticated", False):
        return applications.none()
    return applications.filter(project__in=projects_editable_by(user))


def application_detail_queryset(user: Any) -> QuerySet[Application]:
    partners = ProjectPartner.objects.select_related("person", "organisation").order_by("role", "pk")
    return (applications_visible_to(user).select_related("call__programme", "project", "submitted_by", "decided_by")
            .prefetch_related("amounts", "documents", Prefetch("project__partners", queryset=partners),
                              "call__rules"))


@dataclass(frozen=True)
class ApplicationFilters(ListFilters):
    status: str = ""
    call: str = ""
    sort: str = "recent"


APPLICATION_SORTS = {"recent": ["-created_at", "-pk"], "submitted": ["-submitted_at", "-pk"],
                     "status": ["status", "-created_at", "-pk"], "project": ["project__title_fr", "pk"]}


def application_list(*, user: Any, filters: ApplicationFilters) -> QuerySet[Application]:
    applications = filter_when_set(applications_visible_to(user), status=filters.status, call__slug=filters.call)
    applications = matching_every_word(applications, filters.q, lambda word: containing(
        word, "project__title_fr", "project__title_en", "project__acronym", "call__title_fr"))
    return (applications.select_related("call__programme", "project").prefetch_related("amounts")
            .order_by(*sort_order(APPLICATION_SORTS, filters.sort, "recent")))


def assignments_of(user: Any) -> QuerySet[ReviewAssignment]:
    """A reviewer's own assignments (declined ones included, to show they were), newest first."""
    if not getattr(user, "is_authenticated", False):
        return ReviewAssignment.objects.none()
    return (ReviewAssignment.objects.filter(reviewer__user=user)
            .select_related("application__call__programme", "application__project", "reviewer")
            .order_by("-assigned_at", "-pk"))


def review_queryset(user: Any) -> QuerySet[ReviewAssignment]:
    """Assignments ``user`` may open: their own; coordinators every one."""
    if is_coordinator(user):
        return ReviewAssignment.objects.select_related("application__call", "application__project", "reviewer")
    return assignments_of(user)


@dataclass
class RankedApplication:
    application: Application
    reviews: int
    expected: int
    total: Decimal | None  # weighted mean over submitted reviews, out of 100
    by_criterion: dict[int, Decimal] = field(default_factory=dict)


def _weighted(scores: list[ReviewScore]) -> Decimal | None:
    weight = sum(s.criterion.weight * s.criterion.max_score for s in scores)
    if not weight:
        return None
    return Decimal(100) * sum(Decimal(s.score * s.criterion.weight) for s in scores) / weight


def call_ranking(call: Call) -> list[RankedApplication]:
    """Applications of the call in review or decided, best weighted score first (unscored last).

    Each submitted review gives a score out of 100 (criteria weighted, each scaled to its maximum);
    an application's score is the mean of its submitted reviews."""
    applications = (call.applications.filter(status__in=[ApplicationStatus.UNDER_REVIEW, ApplicationStatus.FUNDED,
                                                         ApplicationStatus.DECLINED])
                    .select_related("project").prefetch_related("amounts"))
    scores = (ReviewScore.objects.filter(assignment__application__call=call,
                                         assignment__status=AssignmentStatus.SUBMITTED)
              .select_related("criterion", "assignment"))
    by_assignment: dict[int, list[ReviewScore]] = {}
    for score in scores:
        by_assignment.setdefault(score.assignment_id, []).append(score)
    counts = dict(ReviewAssignment.objects.filter(application__call=call).exclude(status__in=CLOSED_BY_CONFLICT)
                  .values_list("application_id").annotate(n=Count("pk")))
    ranked = []
    for application in applications:
        reviews = [s for s in by_assignment.values() if s[0].assignment.application_id == application.pk]
        totals = [t for t in (_weighted(r) for r in reviews) if t is not None]
        per_criterion: dict[int, list[int]] = {}
        for review in reviews:
            for score in review:
                per_criterion.setdefault(score.criterion_id, []).append(score.score)
        ranked.append(RankedApplication(
            application, len(reviews), counts.get(application.pk, 0),
            (sum(totals) / len(totals)).quantize(Decimal("0.1")) if totals else None,
            {pk: (Decimal(sum(v)) / len(v)).quantize(Decimal("0.1")) for pk, v in per_criterion.items()},
        ))
    return sorted(ranked, key=lambda r: (r.total is None, -(r.total or 0), r.application.pk))


# Applications: facts for the eligibility rules, documents, amounts ------------------------

def call_rules(call: Call) -> list[tuple[str, dict]]:
    """The call's rules as ``(kind, params)`` pairs, the input of ``eligibility.check_eligibility``."""
    return [(rule.kind, rule.params) for rule in call.rules.all()]


def application_facts(application: Application) -> eligibility.ApplicationFacts:
    """What the rules look at, read from the database in a fixed number of queries."""
    partners = list(application.project.partners.select_related("person", "organisation"))
    people = [p.person_id for p in partners if p.person_id]
    kinds: dict[int, set[str]] = {pk: set() for pk in people}
    for person_id, kind in Affiliation.objects.filter(person_id__in=people) \
            .values_list("person_id", "organisation__kind"):
        kinds[person_id].add(kind)
    facts = []
    for partner in partners:
        own = set(kinds.get(partner.person_id, set())) if partner.person_id else set()
        if partner.organisation_id:
            own.add(partner.organisation.kind)
        name = partner.person.full_name if partner.person_id else str(partner.organisation)
        facts.append(eligibility.Partner(partner.territory, partner.role, tuple(sorted(own)), name))
    return eligibility.ApplicationFacts(
        partners=tuple(facts),
        amounts={line.currency: line.requested for line in application.amounts.all()},
        duration_months=application.duration_months,
        documents=frozenset(application.documents.values_list("kind", flat=True)),
    )


def eligibility_preview(application: Application) -> list[eligibility.RuleResult]:
    """What the call's rules say of the application as it stands (nothing is recorded)."""
    return eligibility.check_eligibility(call_rules(application.call), application_facts(application))


def missing_documents(application: Application) -> list[str]:
    """The kinds of document the call requires that the application does not hold yet, in the
    order of ``DocumentKind``."""
    required = next((rule.params.get("kinds", []) for rule in application.call.rules.all()
                     if rule.kind == RuleKind.REQUIRED_DOCUMENTS), [])
    present = {document.kind for document in application.documents.all()}
    return [kind for kind in DocumentKind.values if kind in required and kind not in present]


def totals_by_currency(lines: Iterable[ApplicationAmount], field: str = "requested") -> dict[str, Decimal]:
    """Sums per currency (``field`` "requested" or "granted"); currencies are never mixed."""
    totals: dict[str, Decimal] = {}
    for line in lines:
        value = getattr(line, field)
        if value is not None:
            totals[line.currency] = totals.get(line.currency, Decimal(0)) + value
    return dict(sorted(totals.items()))


def project_timeline_entries(project: Any, user: Any) -> list[TimelineEntry]:
    """The moves of the project's applications that ``user`` may see, for the project's timeline."""
    visible = applications_visible_to(user).filter(project=project).values("pk")
    changes = (ApplicationStatusChange.objects.filter(application__in=visible)
               .select_related("application__call", "by").order_by("at", "pk"))
    return [
        TimelineEntry(change.at, "application", _("Application to %(call)s: %(status)s") % {
            "call": change.application.call.title, "status": change.get_to_status_display()}, change.note,
            change.application.get_absolute_url(), change.by)
        for change in changes
    ]
