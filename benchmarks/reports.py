"""Benchmark of the impact indicators on PostgreSQL: the full dashboard against one aggregate query.

Fills the database of ``BENCH_DATABASE_URL`` (default ``passerelle_bench_reports``, created and
migrated when missing; reused when it already holds this size) with 10 years × 50 events, 50,000
people and 200,000 meetings held (with their requests, attendees and some feedback), plus
registrations, delegations, visits, opportunities, projects, applications and outcomes, then
times in the same run, interleaved, as a signed-in coordinator with Django's test client:

* the baseline: one aggregate query (meetings held per year: the largest table, grouped by year),
* the dashboard page ``/reports/`` (every indicator by year, the territory comparison, the charts)
  read from the kept figures (``passerelle/reports/figures.py``), and the same page when those
  figures are past ``REPORTS_REFRESH_SECONDS`` (shown, and a background refresh queued),
* the dashboard filtered by a territory and a period, the API ``/api/indicators?year=…&territory=QC``
  and the public figures (all read from the kept figures),
* the dashboard of one event (not kept: computed in the request) and the collaboration network
  page (organisations), for reference,

and prints medians, 95th percentiles and the ratios to the baseline; then, once, the time of the
background refresh of every kept set and of the dashboard computed entirely in the request, and
each indicator's own time, to show where the time goes. Aim: the full dashboard within 1 s at this
size. No absolute time is asserted (the machine is shared): the exit status is 0 unless a request fails.

    .venv/bin/python benchmarks/reports.py [--repeat N] [--quick]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from directory import ensure_database, setup_django  # noqa: E402 (the directory benchmark's helpers)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/passerelle_bench_reports"
AIM_SECONDS = 1.0


@dataclass(frozen=True)
class Size:
    years: int
    events_per_year: int
    people: int
    meetings: int

    @property
    def events(self) -> int:
        return self.years * self.events_per_year


FULL = Size(years=10, events_per_year=50, people=50_000, meetings=200_000)
QUICK = Size(years=3, events_per_year=5, people=2_000, meetings=3_000)


def parse_options(argv: list[str]) -> tuple[Size, int, str]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=None, help="rounds of timings (default 7)")
    parser.add_argument("--quick", action="store_true", help="small smoke run (3 years × 5 events, 2,000 people)")
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("BENCH_QUICK") == "1"
    size = QUICK if quick else FULL
    url = os.environ.get("BENCH_DATABASE_URL") or (f"{DEFAULT_URL}_quick" if quick else DEFAULT_URL)
    return size, args.repeat if args.repeat is not None else (2 if quick else 7), url


# ---------------------------------------------------------------------------- data

def batched(model: Any, rows: list, size: int = 5000) -> list:
    created = []
    for start in range(0, len(rows), size):
        created += model.objects.bulk_create(rows[start:start + size])
    return created


def load(size: Size) -> None:
    """Generate the data set (deterministic), unless the database already holds it."""
    from django.db import connection

    from passerelle.meetings.models import Meeting

    if Meeting.objects.count() == size.meetings:
        print(f"reusing the data already loaded ({size.meetings:,} meetings)")
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE "
                       "'django_%' AND tablename NOT LIKE 'core_%' AND tablename NOT LIKE 'auth_%'")
        tables = [row[0] for row in cursor.fetchall()]
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
    started = time.perf_counter()
    rng = random.Random(2018)
    people, organisations = load_directory(size, rng)
    events = load_events(size, rng, people, organisations)
    load_meetings(size, rng, events)
    load_pipeline(size, rng, events, people, organisations)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"loaded in {time.perf_counter() - started:.0f} s")


def load_directory(size: Size, rng: random.Random) -> tuple[list, list]:
    from passerelle.directory.models import Affiliation, Organisation, Person

    territories = ["AURA"] * 46 + ["QC"] * 46 + ["OTHER"] * 8
    organisations = batched(Organisation, [
        Organisation(name=f"Organisation {n}", acronym=f"O{n}", kind="research_centre",
                     territory=territories[n % len(territories)]) for n in range(400)])
    people = batched(Person, [
        Person(first_name=f"P{n}", last_name=f"Nom{n}", kind="researcher", territory=territories[n % 100],
               visibility="members") for n in range(size.people)])
    by_territory: dict[str, list] = {}
    for organisation in organisations:
        by_territory.setdefault(organisation.territory, []).append(organisation)
    batched(Affiliation, [Affiliation(person=p, organisation=rng.choice(by_territory[p.territory]), is_primary=True)
                          for p in people])
    print(f"  {len(people):,} people, {len(organisations)} organisations")
    return people, organisations


def load_events(size: Size, rng: random.Random, people: list, organisations: list) -> list:
    from passerelle.events.models import Delegation, Event, Place, ProgrammeItem, Registration

    first = datetime.now(UTC).year - size.years
    events = batched(Event, [
        Event(kind="workshop", slug=f"event-{n}", title_fr=f"Événement {n}", status="held",
              start=datetime(first + n // size.events_per_year, 1 + (n % 11), 1 + n % 27, 8, tzinfo=UTC),
              end=datetime(first + n // size.events_per_year, 1 + (n % 11), 2 + n % 27, 18, tzinfo=UTC))
        for n in range(size.events)])
    batched(Place, [Place(event=e, name="Site", city="Lyon" if i % 2 else "Montréal",
                          territory="AURA" if i % 2 else "QC") for i, e in enumerate(events)])
    registrations, delegations, items = [], [], []
    event_people: dict[int, list] = {}
    for event in events:
        attendees = rng.sample(people, 100)
        event_people[event.pk] = attendees
        registrations += [Registration(event=event, person=p, status="confirmed", queued_at=event.start)
                          for p in attendees]
        delegations += [Delegation(event=event, name=f"D{event.pk}-{t}", origin=t,
                                   destination="QC" if t == "AURA" else "AURA") for t in ("AURA", "QC")]
    batched(Registration, registrations)
    delegations = batched(Delegation, delegations)
    members = []
    for delegation in delegations:
        pool = [p for p in event_people[delegation.event_id] if p.territory == delegation.origin][:10]
        members += [Delegation.members.through(delegation_id=delegation.pk, person_id=p.pk) for p in pool]
    batched(Delegation.members.through, members)
    starts = {event.pk: event.start for event in events}
    for delegation in delegations:
        start = starts[delegation.event_id]
        items.append(ProgrammeItem(event_id=delegation.event_id, kind="visit", title_fr="Visite", start=start,
                                   end=start + timedelta(hours=2), delegation=delegation,
                                   visited_organisation=rng.choice(organisations)))
    items = batched(ProgrammeItem, items)
    batched(ProgrammeItem.speakers.through, [
        ProgrammeItem.speakers.through(programmeitem_id=item.pk, person_id=event_people[item.event_id][0].pk)
        for item in items])
    for event in events:
        event.attendees = event_people[event.pk]
    print(f"  {len(events)} events, {len(registrations):,} registrations, {len(delegations)} delegations")
    return events


def load_meetings(size: Size, rng: random.Random, events: list) -> None:
    from passerelle.meetings.models.meeting import Meeting, MeetingAttendee, MeetingFeedback
    from passerelle.meetings.models.request import MeetingRequest, RequestInvitee
    from passerelle.meetings.models.session import B2BSession, MeetingTable, SessionWindow, Slot

    per_event = size.meetings // len(events)
    tables_per_slot = 20
    slots_per_event = -(-per_event // tables_per_slot)
    for event in events:
        session = B2BSession.objects.create(event=event, status="published")
        window = SessionWindow.objects.create(session=session, start=event.start,
                                              end=event.start + timedelta(minutes=20 * slots_per_event))
        slots = batched(Slot, [Slot(session=session, window=window, start=event.start + timedelta(minutes=20 * s),
                                    end=event.start + timedelta(minutes=20 * (s + 1))) for s in range(slots_per_event)])
        tables = batched(MeetingTable, [MeetingTable(session=session, name=f"T{t}", position=t)
                                        for t in range(tables_per_slot)])
        placed = []  # (slot, table, requester, invitee)
        for slot in slots:
            seated = rng.sample(event.attendees, 2 * tables_per_slot)
            for t, table in enumerate(tables):
                if len(placed) < per_event:
                    placed.append((slot, table, seated[2 * t], seated[2 * t + 1]))
        requests = batched(MeetingRequest, [MeetingRequest(session=session, requester=a, status="accepted",
                                                           created_at=event.start - timedelta(days=10))
                                            for _s, _t, a, _b in placed])
        batched(RequestInvitee, [RequestInvitee(request=r, person=b, answer="accepted")
                                 for r, (_s, _t, _a, b) in zip(requests, placed, strict=True)])
        meetings = batched(Meeting, [Meeting(session=session, request=r, slot=s, table=t)
                                     for r, (s, t, _a, _b) in zip(requests, placed, strict=True)])
        seats, feedback = [], []
        for meeting, (slot, _t, a, b) in zip(meetings, placed, strict=True):
            seats += [MeetingAttendee(meeting=meeting, person=a, slot=slot),
                      MeetingAttendee(meeting=meeting, person=b, slot=slot)]
            if rng.random() < 0.3:
                feedback.append(MeetingFeedback(meeting=meeting, person=a, took_place=rng.random() > 0.1,
                                                useful=rng.random() < 0.7))
        batched(MeetingAttendee, seats)
        batched(MeetingFeedback, feedback)
    print(f"  {size.meetings:,} meetings with their requests and attendees")


def load_pipeline(size: Size, rng: random.Random, events: list, people: list, organisations: list) -> None:
    from passerelle.funding.models import Application, ApplicationAmount, Call, Programme
    from passerelle.projects.models import Opportunity, Project, ProjectPartner
    from passerelle.reports.models import Outcome

    opportunities = batched(Opportunity, [
        Opportunity(title=f"Idea {n}", origin_kind="event", origin_event=events[n % len(events)],
                    created_at=events[n % len(events)].start + timedelta(days=30), status="project")
        for n in range(size.events * 4)])
    projects = batched(Project, [
        Project(title_fr=f"Projet {n}", opportunity=o, status="active",
                start=(o.created_at + timedelta(days=90)).date(), created_at=o.created_at + timedelta(days=60))
        for n, o in enumerate(opportunities[::2])])
    partners = []
    for project in projects:
        for person in rng.sample(people, 4):
            partners.append(ProjectPartner(project=project, person=person, territory=person.territory,
                                           role="lead" if len(partners) % 4 < 2 else "partner"))
    batched(ProjectPartner, partners)
    programme = Programme.objects.create(slug="sdc", name_fr="Samuel-De Champlain")
    calls = {}
    for year in sorted({p.created_at.year for p in projects}):
        calls[year] = Call.objects.create(programme=programme, slug=f"sdc-{year}", title_fr=f"Appel {year}",
                                          opens_at=datetime(year, 1, 1, tzinfo=UTC),
                                          closes_at=datetime(year, 3, 1, tzinfo=UTC), status="published")
    applications = batched(Application, [
        Application(call=calls[p.created_at.year], project=p, status="funded" if n % 3 else "declined",
                    submitted_at=p.created_at + timedelta(days=20), decided_at=p.created_at + timedelta(days=120))
        for n, p in enumerate(projects)])
    amounts = []
    for application in applications:
        for currency in ("EUR", "CAD"):
            amounts.append(ApplicationAmount(application=application, currency=currency, requested=30000,
                                             granted=25000 if application.status == "funded" else None))
    batched(ApplicationAmount, amounts)
    kinds = ["publication", "exchange", "follow_on_funding", "patent", "new_site"]
    batched(Outcome, [
        Outcome(project=p, kind=kinds[n % 5], title_fr=f"Résultat {n}", date=p.start + timedelta(days=400),
                amount=50000 if kinds[n % 5] == "follow_on_funding" else None,
                currency="EUR" if kinds[n % 5] == "follow_on_funding" else "",
                territory="AURA" if kinds[n % 5] == "new_site" else "")
        for n, p in enumerate(projects * 2) if p.start + timedelta(days=400) <= date.today()])
    print(f"  {len(opportunities):,} opportunities, {len(projects):,} projects, {len(applications):,} applications")


# ---------------------------------------------------------------------------- timings

def timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def fetch(client: Any, url: str) -> Callable[[], None]:
    def run() -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        response.content  # noqa: B018 - read the whole body, as a browser would

    return run


def baseline() -> None:
    """One aggregate query over the largest table: meetings held per year."""
    from django.db.models import Count

    from passerelle.meetings.models import Meeting
    from passerelle.reports.indicators.base import year_of

    list(Meeting.objects.filter(status="scheduled").annotate(y=year_of("slot__start")).values("y")
         .annotate(n=Count("pk")).order_by())


def measure(repeat: int) -> dict[str, list[float]]:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client
    from django.utils import timezone

    from passerelle.events.models import Event
    from passerelle.jobs.models import Job
    from passerelle.reports.figures import REFRESH_HANDLER, refresh_seconds
    from passerelle.reports.models import FigureSet

    client = Client()
    coordinator, _created = get_user_model().objects.get_or_create(email="bench-reports@example.org",
                                                                   defaults={"role": "coordinator"})
    client.force_login(coordinator)
    year = datetime.now(UTC).year - 3
    event = Event.objects.filter(start__year=year).order_by("pk").values_list("pk", flat=True).first()

    def cold(action: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            cache.clear()  # a filter set that is not kept: computed
            action()

        return run

    def stale(action: Callable[[], None]) -> Callable[[], None]:
        """The kept figures are past their age: the page shows them and queues a refresh."""
        def run() -> None:
            fresh = timezone.now()
            FigureSet.objects.update(computed_at=fresh - timezone.timedelta(seconds=refresh_seconds() + 1))
            try:
                action()
            finally:
                queued = Job.objects.filter(handler=REFRESH_HANDLER)
                assert queued.exists(), "stale figures queued no refresh"
                queued.delete()  # the worker is not running in the benchmark
                FigureSet.objects.update(computed_at=fresh)

        return run

    requests = {
        "baseline: one aggregate": baseline,
        "dashboard": fetch(client, "/reports/"),
        "dashboard, stale figures": stale(fetch(client, "/reports/")),
        "dashboard, QC, 3 years": fetch(client, f"/reports/?territory=QC&year_from={year - 2}&year_to={year}"),
        "API, one year, QC": fetch(client, f"/api/indicators?year={year}&territory=QC"),
        "public figures": fetch(client, "/reports/figures/"),
        "dashboard, one event": cold(fetch(client, f"/reports/?event={event}")),
        "network (organisations)": fetch(client, "/reports/network/"),
    }
    times: dict[str, list[float]] = {name: [] for name in requests}
    for round_number in range(repeat + 1):  # round 0 warms up and is not kept
        for name, action in requests.items():
            seconds = timed(action)
            if round_number:
                times[name].append(seconds)
    return times


def once() -> dict[str, float]:
    """Work done once, for reference: the background refresh of every kept set, and the dashboard
    computed entirely in the request (what every visit cost before figures were kept)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from passerelle.reports.figures import refresh

    client = Client()
    client.force_login(get_user_model().objects.get(email="bench-reports@example.org"))
    found = {"refresh of the kept figures (background job)": timed(refresh)}
    kept = settings.REPORTS_REFRESH_SECONDS
    settings.REPORTS_REFRESH_SECONDS = 0
    try:
        found["dashboard computed in the request (nothing kept)"] = timed(fetch(client, "/reports/"))
    finally:
        settings.REPORTS_REFRESH_SECONDS = kept
    return found


def per_indicator() -> list[tuple[str, float]]:
    from passerelle.reports.indicators import ReportFilters, all_indicators

    return [(indicator.key, timed(lambda i=indicator: i.compute(ReportFilters()))) for indicator in all_indicators()]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str]) -> int:
    size, repeat, url = parse_options(argv)
    ensure_database(url)
    setup_django(url)
    print(f"data: {size.years} years × {size.events_per_year} events, {size.people:,} people, "
          f"{size.meetings:,} meetings ({url.rsplit('/', 1)[-1]})")
    load(size)
    times = measure(repeat)
    base = statistics.median(times["baseline: one aggregate"])
    print(f"\n{'request':32} {'median':>9} {'p95':>9} {'× baseline':>11}   ({repeat} rounds, interleaved)")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:32} {median * 1000:7.0f} ms {percentile(values, 0.95) * 1000:7.0f} ms {median / base:10.1f}×")
    for name in ("dashboard", "dashboard, stale figures"):
        seconds = percentile(times[name], 0.95)
        verdict = "within" if seconds <= AIM_SECONDS else "ABOVE"
        print(f"{name}: p95 {seconds:.2f} s, {verdict} the aim of {AIM_SECONDS:.0f} s at this size")
    print("\nonce, for reference")
    for name, seconds in once().items():
        print(f"  {name:50} {seconds:6.1f} s")
    print("\nindicator (all years, all territories)   time")
    for key, seconds in sorted(per_indicator(), key=lambda item: -item[1]):
        print(f"  {key:38} {seconds * 1000:6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
