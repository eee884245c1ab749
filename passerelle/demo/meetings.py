"""Demo of bilateral meetings: every past Entretiens Jacques Cartier had a published session whose
meetings were held, with the participants' feedback (useful or not, follow-ups, a few no-shows);
the upcoming 2027 meeting has an open session with realistic requests still being answered.

Meetings take place in the programme's "One-to-one meetings" slot (16:15–17:30, every day but
the last). Schedules come from the real scheduler (a short time limit) through the services, so
the demo shows what the product does. Deterministic (``random.Random`` seeded by the event slug)
and idempotent: an event that already has a session is left as it is. Run with e-mail disabled.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from passerelle.directory.models import Person
from passerelle.events.enums import EventKind, RegistrationStatus
from passerelle.events.models import Event
from passerelle.meetings import solver_adapter
from passerelle.meetings.enums import Answer, Priority, RequestStatus, SessionStatus
from passerelle.meetings.models import B2BSession, Meeting, MeetingFeedback, MeetingRequest, RequestInvitee
from passerelle.meetings.services import schedule, sessions
from passerelle.scheduling import greedy_schedule, parse_instance, solve

WINDOW = (time(16, 15), time(17, 30))
SLOT_MINUTES = 15
SOLVER_SECONDS = 1.0
MESSAGES_FR = (
    "Bonjour, votre travail sur {theirs} rejoint nos questions sur {mine} : pourrions-nous en parler ?",
    "Nous cherchons {seek} ; votre équipe semble avoir exactement cette expertise.",
    "Je serais ravie d'échanger sur {theirs} et d'envisager un projet Samuel-De Champlain.",
    "Nous avons une cohorte sur {mine} ; un échange sur vos méthodes ({theirs}) nous aiderait beaucoup.",
)
MESSAGES_EN = (
    "Hello, your work on {theirs} meets our questions on {mine}: could we talk about it?",
    "We are looking for {seek}; your team seems to have exactly that expertise.",
    "I would be glad to discuss {theirs} and a possible Samuel-De Champlain project.",
)
NOTES = (
    "Échange très concret : envoi de protocoles la semaine prochaine.", "Bonne discussion, pas de suite immédiate.",
    "Nous allons co-encadrer un stagiaire.", "Very useful: we will share pilot data.",
    "Intéressant mais thématiques trop éloignées.", "Follow-up call planned with their platform manager.",
    "",
)


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    meetings: int = 0
    feedback: int = 0
    requests: int = 0


def seed_meetings(now: datetime | None = None, solver_seconds: float = SOLVER_SECONDS) -> SeedReport:
    """A session for every annual meeting (past ones held, the upcoming one open); each past
    schedule gets ``solver_seconds`` of the scheduler."""
    now = now or timezone.now()
    report = SeedReport()
    for event in Event.objects.filter(kind=EventKind.ANNUAL_MEETING).order_by("start"):
        if B2BSession.objects.filter(event=event).exists():
            report.skipped.append(event.slug)
            continue
        rng = random.Random(f"meetings-{event.slug}")
        with transaction.atomic():
            session = _open_session(event)
            if session is None:
                continue
            requests = _requests(session, rng, upcoming=event.end > now)
            report.requests += len(requests)
            if event.end <= now:
                report.meetings += _schedule_and_publish(session, solver_seconds)
                report.feedback += _feedback(session, rng)
        report.created.append(event.slug)
    return report


def _open_session(event: Event) -> B2BSession | None:
    first, last = event.local(event.start).date(), event.local(event.end).date()
    days = [first + timedelta(days=n) for n in range((last - first).days)] or [first]
    windows = [(datetime.combine(d, WINDOW[0], tzinfo=event.tz), datetime.combine(d, WINDOW[1], tzinfo=event.tz))
               for d in days]
    participants = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    if participants < 4:
        return None
    session = B2BSession(event=event, slot_minutes=SLOT_MINUTES, max_meetings=6, request_expiry_days=10,
                         solver_seconds=30,
                         instructions_fr="Les rendez-vous ont lieu en salle B2B ; présentez-vous à votre table "
                                         "à l'heure, chaque rendez-vous dure 15 minutes.",
                         instructions_en="Meetings take place in the B2B room; be at your table on time, each "
                                         "meeting lasts 15 minutes.")
    tables = max(4, participants // 4)
    sessions.session_save(actor=None, session=session, windows=windows, breaks=[],
                          tables=[(f"Table {n}", "Salle B2B") for n in range(1, tables + 1)])
    session.request_deadline = event.start - timedelta(days=2)
    session.save(update_fields=["request_deadline"])
    sessions.session_set_status(actor=None, session=session, to_status=SessionStatus.OPEN)
    return session


def _message(rng: random.Random, requester: Person, partner: Person) -> str:
    mine = (requester.keyword_list or ["la recherche translationnelle"])[0]
    theirs = (partner.keyword_list or ["vos travaux"])[0]
    seek = (requester.seek_list or ["des partenaires cliniques"])[0]
    template = rng.choice(MESSAGES_EN if requester.territory == "OTHER" else MESSAGES_FR)
    return template.format(mine=mine, theirs=theirs, seek=seek.lower())


def _requests(session: B2BSession, rng: random.Random, *, upcoming: bool) -> list[MeetingRequest]:
    """Each participant asks 1–3 people, mostly from the other territory; a few group meetings.
    Past events: most requests accepted. The upcoming one: many still waiting for an answer."""
    people = list(Person.objects.filter(registrations__event=session.event,
                                        registrations__status=RegistrationStatus.CONFIRMED).order_by("pk"))
    by_territory: dict[str, list[Person]] = {}
    for person in people:
        by_territory.setdefault(person.territory, []).append(person)
    seen: set[frozenset[int]] = set()
    planned: list[tuple[MeetingRequest, list[Person]]] = []
    opened = session.event.registration_opens or session.event.start - timedelta(days=60)
    for index, person in enumerate(people):
        others = [p for t, group in by_territory.items() if t != person.territory for p in group] or people
        for _ in range(rng.randint(1, 3)):
            partners = [rng.choice(others if rng.random() < 0.85 else people)]
            if rng.random() < 0.06:
                partners.append(rng.choice(people))
            group = frozenset([person.pk, *(p.pk for p in partners)])
            if len(group) != len(partners) + 1 or group in seen:
                continue
            seen.add(group)
            status = _status(rng, upcoming)
            sent = opened + timedelta(hours=5 * index + rng.randint(0, 48))
            planned.append((MeetingRequest(
                session=session, requester=person, message=_message(rng, person, partners[0]),
                priority=rng.choices(list(Priority), weights=(2, 5, 3))[0], status=status, created_at=sent,
                decided_at=sent + timedelta(days=1) if status != RequestStatus.PENDING else None), partners))
    created = MeetingRequest.objects.bulk_create([request for request, _partners in planned])
    invitees = []
    for request, (_planned, partners) in zip(created, planned, strict=True):
        answer = {RequestStatus.ACCEPTED: Answer.ACCEPTED, RequestStatus.DECLINED: Answer.DECLINED}.get(
            request.status, Answer.PENDING)
        invitees += [RequestInvitee(request=request, person=p, answer=answer,
                                    priority=rng.choice(list(Priority)) if answer == Answer.ACCEPTED else None,
                                    answered_at=request.decided_at) for p in partners]
    RequestInvitee.objects.bulk_create(invitees)
    return created


def _status(rng: random.Random, upcoming: bool) -> str:
    if upcoming:
        return rng.choices([RequestStatus.PENDING, RequestStatus.ACCEPTED, RequestStatus.DECLINED],
                           weights=(5, 4, 1))[0]
    return rng.choices([RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.EXPIRED],
                       weights=(16, 2, 1))[0]


def _schedule_and_publish(session: B2BSession, solver_seconds: float) -> int:
    """The real scheduler (short time limit), written and published through the services."""
    snapshot = solver_adapter.take_snapshot(session)
    instance = parse_instance(snapshot.data)
    output = solve(instance, time_limit=solver_seconds).to_dict(instance)
    schedule.run_apply(actor=None, session_id=session.pk, snapshot=snapshot, output=output,
                       greedy=greedy_schedule(instance).to_dict(instance),
                       unscheduled=solver_adapter.explain_unscheduled(snapshot, output, {}))
    count = schedule.session_publish(actor=None, session=session)
    published = session.event.start - timedelta(days=1)
    session.meetings.update(published_at=published)
    B2BSession.objects.filter(pk=session.pk).update(published_at=published)
    return count


def _feedback(session: B2BSession, rng: random.Random) -> int:
    """About seven in ten attendees answered; one meeting in eight did not happen (a no-show)."""
    rows = []
    for meeting in Meeting.objects.filter(session=session).prefetch_related("attendees"):
        no_show = rng.random() < 0.12
        for attendee in meeting.attendees.all():
            if rng.random() > 0.7:
                continue
            useful = None if no_show else rng.random() < 0.75
            rows.append(MeetingFeedback(
                meeting=meeting, person_id=attendee.person_id, took_place=not no_show, useful=useful,
                follow_up=bool(useful) and rng.random() < 0.4, note="" if no_show else rng.choice(NOTES)))
    MeetingFeedback.objects.bulk_create(rows)
    return len(rows)
