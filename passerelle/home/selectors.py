"""What the home page shows, by role. Every read goes through the owning app's visibility selector,
so the home page never shows what its reader could not open."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from passerelle.directory import selectors as directory
from passerelle.directory.models import Organisation, Person
from passerelle.events import selectors as events
from passerelle.events.enums import RegistrationStatus
from passerelle.funding import selectors as funding
from passerelle.funding.enums import ApplicationStatus, AssignmentStatus, CallStatus
from passerelle.funding.models import Application
from passerelle.meetings.enums import Answer, MeetingStatus, RequestStatus, SessionStatus
from passerelle.meetings.models import B2BSession, Meeting, RequestInvitee
from passerelle.privacy import selectors as privacy
from passerelle.projects import selectors as projects
from passerelle.projects.enums import ProjectStatus, ServiceRequestStatus
from passerelle.projects.models import ServiceRequest
from passerelle.publications.models import HarvestState, PersonPublication

SHOWN = 4
CLOSING_SOON = timedelta(days=30)


@dataclass
class Figures:
    people: int
    by_territory: dict[str, int]
    organisations: int


@dataclass
class Task:
    """One thing asked of the reader: a sentence, a count and where to do it."""

    kind: str
    count: int
    url: str


@dataclass
class Home:
    figures: Figures
    next_events: list = field(default_factory=list)
    open_calls: list = field(default_factory=list)
    latest_projects: list = field(default_factory=list)
    agenda: list = field(default_factory=list)
    requests_to_answer: list = field(default_factory=list)
    calls_closing: list = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    person: Person | None = None


def figures_for(user: Any) -> Figures:
    people = directory.people_visible_to(user)
    by_territory = dict(people.values_list("territory").annotate(n=Count("*")).values_list("territory", "n"))
    return Figures(people=sum(by_territory.values()), by_territory=by_territory,
                   organisations=Organisation.objects.count())


def next_events(user: Any, *, now=None) -> list:
    now = now or timezone.now()
    return list(events.events_visible_to(user).filter(end__gte=now).order_by("start", "pk")[:SHOWN])


def open_calls(user: Any, *, now=None) -> list:
    now = now or timezone.now()
    return list(funding.calls_visible_to(user).filter(status=CallStatus.PUBLISHED, opens_at__lte=now,
                                                      closes_at__gt=now).order_by("closes_at", "pk")[:SHOWN])


def latest_projects(user: Any) -> list:
    return list(projects.projects_visible_to(user).exclude(status=ProjectStatus.DRAFT)
                .order_by("-created_at", "-pk")[:SHOWN])


def member_agenda(user: Any, person: Person, *, now=None) -> list[dict]:
    """The member's next events and announced meetings, soonest first."""
    now = now or timezone.now()
    items = [{"when": r.event.start, "event": r.event, "waiting": r.status == RegistrationStatus.WAITING}
             for r in events.my_registrations(user).filter(event__end__gte=now)[:SHOWN]]
    meetings = (Meeting.objects.filter(attendees__person=person, published_at__isnull=False,
                                       status=MeetingStatus.SCHEDULED, slot__start__gte=now)
                .select_related("slot", "table", "session__event").order_by("slot__start", "pk")[:SHOWN])
    items += [{"when": m.slot.start, "meeting": m, "event": m.session.event} for m in meetings]
    return sorted(items, key=lambda item: item["when"])[:SHOWN + 2]


def requests_to_answer(person: Person) -> list[RequestInvitee]:
    return list(RequestInvitee.objects.filter(person=person, answer=Answer.PENDING,
                                              request__status=RequestStatus.PENDING)
                .exclude(request__session__status=SessionStatus.DRAFT)
                .select_related("request__requester", "request__session__event")
                .order_by("request__created_at", "pk")[:SHOWN])


def member_tasks(user: Any, person: Person | None) -> list[Task]:
    if person is None:
        return [Task("profile", 1, reverse("directory:my_profile"))]
    tasks = []
    reviews = funding.assignments_of(user).filter(status=AssignmentStatus.ASSIGNED).count()
    if reviews:
        tasks.append(Task("reviews", reviews, reverse("funding:reviews")))
    if publications_to_import(person):
        tasks.append(Task("publications", 1, reverse("publications:manage", args=[person.pk])))
    return tasks


def publications_to_import(person: Person) -> bool:
    """The profile has an identifier the publication databases know, and nothing was imported yet."""
    return bool(person.orcid or person.idhal) and not (
        HarvestState.objects.filter(person=person).exists() or PersonPublication.objects.filter(person=person).exists())


def coordinator_tasks() -> list[Task]:
    """What needs a coordinator today, most urgent kinds first; kinds with nothing to do are left out."""
    tasks = []
    unplaced = Q(requests__status=RequestStatus.ACCEPTED, requests__meetings__isnull=True)
    sessions = (B2BSession.objects.filter(status=SessionStatus.OPEN)
                .annotate(unplaced=Count("requests", filter=unplaced)).filter(unplaced__gt=0)
                .select_related("event").order_by("event__start", "pk"))
    tasks += [Task("schedule", session.unplaced, reverse("meetings:schedule", args=[session.event.slug]))
              for session in sessions[:SHOWN]]
    counts = [
        ("applications", Application.objects.filter(status=ApplicationStatus.SUBMITTED).count(),
         reverse("funding:applications") + "?status=submitted"),
        ("services", ServiceRequest.objects.filter(status=ServiceRequestStatus.NEW).count(),
         reverse("projects:service_requests") + "?status=new"),
        ("erasures", privacy.erasure_requests("pending").count(), reverse("privacy:erasures")),
        ("retention", privacy.open_flags().count(), reverse("privacy:retention")),
    ]
    tasks += [Task(kind, count, url) for kind, count, url in counts if count]
    return tasks


def home_for(user: Any, *, now=None) -> Home:
    now = now or timezone.now()
    home = Home(figures=figures_for(user), next_events=next_events(user, now=now),
                open_calls=open_calls(user, now=now), latest_projects=latest_projects(user))
    if not getattr(user, "is_authenticated", False):
        return home
    person = Person.objects.filter(user=user).first()
    home.person = person
    if person is not None:
        home.agenda = member_agenda(user, person, now=now)
        home.requests_to_answer = requests_to_answer(person)
    home.calls_closing = [call for call in home.open_calls if call.closes_at - now <= CLOSING_SOON]
    home.tasks = member_tasks(user, person)
    if getattr(user, "is_coordinator", False):
        home.tasks = coordinator_tasks() + home.tasks
    return home

