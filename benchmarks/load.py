"""Load test: concurrent members browse, search, register and request meetings against
gunicorn + PostgreSQL.

Prepares the database of ``LOAD_DATABASE_URL`` (default ``passerelle_load`` on the local
server; created, migrated and filled with ``--people`` generated profiles by the directory
benchmark's loader, reused when already at that size), three events open for registration and
``--users`` member accounts. The first event (``load-entretiens``, capacity ``--users`` // 2)
gets a B2B meetings session open for requests (one 4-hour window, 20-minute slots, 10 tables);
the first ``--users`` // 2 members fill its seats (confirmed registrations) and are its
participants. Earlier runs' registrations, participants and meeting requests are removed, so
runs are repeatable. It then starts gunicorn on a free loopback port with production settings
(``DEBUG=0``), signs every member in through the sign-in page, and runs them all at once for
``--duration`` seconds. Each member, after a think time, browses the directory pages, opens
profiles, searches (page and API), opens an event and registers to the events (once each; the
other half land on the full event's waiting list). Participants also open the session's people
to meet and send meeting requests (POST of the request form) to other participants, each pair
at most once in one direction, since the app refuses a second open request between the same
people; a non-participant opens an event page instead. Requests go to 127.0.0.1 only and the
run stops by itself.

Prints throughput, the median and 95th percentile latency of every kind of request and of
all pages, the error rate (any status >= 400 or broken connection), and the CPU time spent per
request by the web server (gunicorn's master and workers) and by the database (the PostgreSQL
backends connected to the load database), read from /proc before and after the run. With
``--compare`` the same mix runs first with the read caches off (``READ_CACHE=0``), then on, and the
figures are printed as ratios; every run is also set against the figures measured before the read
caches (80 ms of CPU per request, pages' p95 2.2 s). Aim: no errors, a 95th percentile under
300 ms for pages and at most 30 ms of CPU per request. Exit status 1 when a request failed.

    .venv/bin/python benchmarks/load.py [--users 50] [--duration 60] [--people 50000] [--quick] [--compare]

This is a plain-threads equivalent of a locust run (see docs/decisions.md): one keep-alive
connection and one cookie jar per simulated member.
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import directory as directory_bench  # noqa: E402  (benchmarks/directory.py: database and loader)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/passerelle_load"
PASSWORD = "load-test-password-2026"
QUERIES = directory_bench.QUERIES
TARGET_P95 = 0.300
TARGET_CPU_MS = 30.0
# Measured before the read caches (50 members, think ~1 s, 50,000 people, quiet 2-core machine).
BEFORE_CPU_MS = 80.0
BEFORE_P95 = 2.2
# The cache of the gunicorn workers: shared (Redis) so that a write seen by one worker invalidates
# the others' reads; a database of its own, emptied before each run.
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/11"
# Members sign in a few at a time (Argon2 hashing is deliberately slow), as people arrive.
SIGN_IN_SLOTS = threading.Semaphore(4)
EVENT_SLUGS = ("load-entretiens", "load-mission", "load-atelier")
MEETINGS_SLUG = EVENT_SLUGS[0]
# (action, weight): what a member does next.
ACTIONS = (("people list", 20), ("profile", 20), ("search page", 20), ("search API", 10),
           ("organisations", 5), ("event page", 10), ("register", 10), ("meeting people", 5),
           ("meeting request", 5))
# Form POSTs, left out of the pages' latency.
WRITES = ("sign in", "register", "meeting request")


@dataclass(frozen=True)
class Options:
    users: int
    duration: float
    people: int
    think: float
    workers: int
    database_url: str
    compare: bool
    redis_url: str


def parse_options(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=None, help="concurrent members (default 50)")
    parser.add_argument("--duration", type=float, default=None, help="seconds of load (default 60)")
    parser.add_argument("--people", type=int, default=None, help="directory size (default 50,000)")
    parser.add_argument("--think", type=float, default=1.0, help="mean think time between requests, s (default 1)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument("--quick", action="store_true", help="10 members, 15 s, 2,000 people")
    parser.add_argument("--compare", action="store_true",
                        help="run the mix with the read caches off, then on, and print the ratios")
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("BENCH_QUICK") == "1"
    people = args.people if args.people is not None else (2000 if quick else directory_bench.DEFAULT_PEOPLE)
    default_url = DEFAULT_URL if people == directory_bench.DEFAULT_PEOPLE else f"{DEFAULT_URL}_{people}"
    return Options(
        users=args.users if args.users is not None else (10 if quick else 50),
        duration=args.duration if args.duration is not None else (15.0 if quick else 60.0),
        people=people, think=args.think, workers=args.workers,
        database_url=os.environ.get("LOAD_DATABASE_URL") or default_url,
        compare=args.compare, redis_url=os.environ.get("LOAD_REDIS_URL") or DEFAULT_REDIS_URL,
    )


# ---------------------------------------------------------------------------- data

def prepare_data(users: int) -> dict:
    """Open events and member accounts with profiles, and the meetings session of the first
    event with half the members as participants; earlier runs' registrations, participants and
    meeting requests removed."""
    from django.contrib.auth import get_user_model
    from django.test.utils import override_settings
    from django.utils import timezone

    from passerelle.core.enums import ActorKind, Territory, Visibility
    from passerelle.directory.models import Person
    from passerelle.events.enums import EventKind, EventStatus
    from passerelle.events.models import Event, Registration

    now = timezone.now()
    for i, slug in enumerate(EVENT_SLUGS):
        Event.objects.update_or_create(slug=slug, defaults={
            "kind": EventKind.WORKSHOP, "title_fr": f"Charge {i}", "title_en": f"Load {i}",
            "start": now + timezone.timedelta(days=60 + i), "end": now + timezone.timedelta(days=61 + i),
            "capacity": users // 2 if i == 0 else None, "status": EventStatus.REGISTRATION_OPEN,
            "registration_opens": now - timezone.timedelta(days=1),
            "registration_closes": now + timezone.timedelta(days=50),
        })
    Registration.objects.filter(event__slug__in=EVENT_SLUGS).delete()
    User = get_user_model()  # noqa: N806
    emails = [f"load-{i}@load.invalid" for i in range(users)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    for i, email in enumerate(emails):
        if email in existing:
            continue
        user = User.objects.create_user(email, PASSWORD, first_name="Charge", last_name=f"Membre {i}")
        Person.objects.create(user=user, first_name="Charge", last_name=f"Membre {i}", email=email,
                              kind=ActorKind.RESEARCHER, territory=Territory.QC if i % 2 else Territory.AURA,
                              visibility=Visibility.MEMBERS)
    public = list(Person.objects.filter(visibility=Visibility.PUBLIC).order_by("?")
                  .values_list("pk", flat=True)[:2000])
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        targets = prepare_meetings(Event.objects.get(slug=MEETINGS_SLUG), emails[:users // 2])
    prepare_suggestions_index()
    return {"emails": emails, "profiles": public, "meeting_targets": targets}


def prepare_meetings(event, emails: list[str]) -> dict[str, list[int]]:
    """The event's B2B session, open for requests, with the members of ``emails`` registered
    (confirmed) and taking meetings, through the apps' own services. Returns, for each of them,
    the profiles they may ask: each pair of participants once, in one direction only (member i
    asks the next (n - 1) // 2 ones, round the circle), as the app refuses a second open request
    between the same two people whoever sends it."""
    from datetime import timedelta

    from passerelle.directory.models import Person
    from passerelle.events.enums import RegistrationRole
    from passerelle.events.services import registration_register
    from passerelle.meetings.enums import SessionStatus
    from passerelle.meetings.models import B2BSession, MeetingRequest, Participant
    from passerelle.meetings.services.participants import participant_save
    from passerelle.meetings.services.sessions import session_save, session_set_status

    session = B2BSession.objects.filter(event=event).first() or B2BSession(event=event)
    session.slot_minutes, session.max_meetings, session.request_deadline = 20, None, None
    session.request_expiry_days = None
    MeetingRequest.objects.filter(session__event=event).delete()
    Participant.objects.filter(session__event=event).delete()
    start = event.start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    session = session_save(actor=None, session=session, windows=[(start, start + timedelta(hours=4))], breaks=[],
                           tables=[(f"Table {n}", "") for n in range(1, 11)])
    if session.status == SessionStatus.DRAFT:
        session_set_status(actor=None, session=session, to_status=SessionStatus.OPEN, note="load test")
    people = {p.email: p for p in Person.objects.filter(email__in=emails)}
    participants = [people[email] for email in emails]
    for person in participants:
        registration_register(actor=None, event=event, person=person, role=RegistrationRole.DELEGATE,
                              consent_to_list=True, by_coordinator=True)
        participant_save(actor=None, session=session, person=person, takes_meetings=True, max_meetings=None,
                         unavailable=[])
    n = len(participants)
    return {person.email: [participants[(i + k) % n].pk for k in range(1, (n - 1) // 2 + 1)]
            for i, person in enumerate(participants)}


_INDEX_BUILT: list[bool] = []


def prepare_suggestions_index() -> None:
    """Build the suggested-partners index of the directory as the background job would, before the
    run: the people-to-meet page answers from it, and a directory this large is never indexed
    inside a request (each worker loads the snapshot once, during the warm-up)."""
    from passerelle.suggestions.index import rebuild_and_save

    if _INDEX_BUILT:
        return  # built by this process's first run (--compare)
    _INDEX_BUILT.append(True)
    started = time.perf_counter()
    rebuild_and_save()  # stored in the database, signed with this process's SECRET_KEY (given to gunicorn)
    print(f"suggestions index built in {time.perf_counter() - started:.0f} s")


# ---------------------------------------------------------------------------- server

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clear_cache(redis_url: str) -> None:
    """Empty the cache database of the run, so that each run starts cold and from the same point."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def start_server(options: Options, static_root: str, read_cache: bool) -> tuple[subprocess.Popen, int]:
    port = free_port()
    clear_cache(options.redis_url)
    from django.conf import settings

    # The same SECRET_KEY as this process: the stored suggestions index is signed with it.
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": settings.SECRET_KEY, "ALLOWED_HOSTS": "127.0.0.1",
           "DATABASE_URL": options.database_url, "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0",
           "STATIC_ROOT": static_root, "LOG_LEVEL": "ERROR",
           "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend", "TASKS_BACKEND": "immediate",
           "REDIS_URL": options.redis_url, "API_RATE_ANON": "off", "API_RATE_USER": "off",
           "READ_CACHE": "1" if read_cache else "0"}
    collect = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    if subprocess.run(collect, cwd=ROOT, env=env, capture_output=True, text=True).returncode:
        # A vendored file with a broken reference stops the manifest; the pages under load use
        # none of the vendored charting files, so leave them out rather than measure nothing.
        print("WARNING: collectstatic failed with the production storage; retrying without static/vendor/")
        subprocess.run([*collect, "--ignore", "vendor"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "passerelle.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(options.workers), "--worker-class", "gthread", "--threads", "4",
         "--keep-alive", "30", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            if connection.getresponse().status == 200:
                return server, port
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("gunicorn did not answer within 60 s: " + (server.stderr.read() if server.stderr else ""))


# ---------------------------------------------------------------------------- members

@dataclass
class Sample:
    action: str
    seconds: float
    ok: bool
    status: int


@dataclass
class Member:
    port: int
    email: str
    data: dict
    rng: random.Random
    cookies: SimpleCookie = field(default_factory=SimpleCookie)
    registered: set[str] = field(default_factory=set)
    asked: set[int] = field(default_factory=set)
    connection: http.client.HTTPConnection | None = None

    def __post_init__(self) -> None:
        if self.email in self.data["meeting_targets"]:
            self.registered.add(MEETINGS_SLUG)  # a participant: registered by prepare_data

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
        headers = {"Host": "127.0.0.1", "Accept-Language": "fr"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        payload = None
        if body is not None:
            payload = urlencode(body)
            headers.update({"Content-Type": "application/x-www-form-urlencoded",
                            "Referer": f"http://127.0.0.1:{self.port}{path}"})
        for attempt in range(2):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.connection.request(method, path, body=payload, headers=headers)
                response = self.connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                for header in response.headers.get_all("Set-Cookie") or []:
                    self.cookies.load(header)
                return response.status, text
            except (OSError, http.client.HTTPException):
                self.connection = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def csrf(self) -> str:
        return self.cookies["csrftoken"].value if "csrftoken" in self.cookies else ""

    def sign_in(self) -> Sample:
        started = time.perf_counter()
        try:
            self.request("GET", "/accounts/login/")
            started = time.perf_counter()
            status, _ = self.request("POST", "/accounts/login/", {
                "username": self.email, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()})
        except (OSError, http.client.HTTPException):
            status = 0
        return Sample("sign in", time.perf_counter() - started, status == 302, status)

    def pick_new(self, options: Iterable[Any], taken: set) -> Any | None:
        """One of ``options`` not in ``taken`` yet, at random, added to ``taken`` (None if none is left)."""
        remaining = [option for option in options if option not in taken]
        if not remaining:
            return None
        chosen = self.rng.choice(remaining)
        taken.add(chosen)
        return chosen

    def next_request(self) -> tuple[str, str, str, dict | None]:
        """(action, method, path, body) of the member's next step."""
        action = self.rng.choices([a for a, _ in ACTIONS], weights=[w for _, w in ACTIONS])[0]
        if action == "register":
            slug = self.pick_new(EVENT_SLUGS, self.registered)
            if slug is not None:
                return action, "POST", f"/events/{slug}/register/", {
                    "role": "delegate", "consent_to_list": "on", "csrfmiddlewaretoken": self.csrf()}
            action = "event page"
        targets = self.data["meeting_targets"].get(self.email)
        if action.startswith("meeting") and targets is None:
            action = "event page"  # not registered to the meetings' event: no session pages
        if action == "meeting request":
            target = self.pick_new(targets, self.asked)
            if target is not None:
                return action, "POST", f"/meetings/{MEETINGS_SLUG}/people/{target}/request/", {
                    "message": "Rencontre proposée par le test de charge.", "priority": "2",
                    "csrfmiddlewaretoken": self.csrf()}
            action = "meeting people"
        query = self.rng.choice(QUERIES)
        path = {
            "people list": f"/directory/people/?page={self.rng.randint(1, 200)}",
            "profile": f"/directory/people/{self.rng.choice(self.data['profiles'])}/",
            "search page": "/directory/people/?" + urlencode({"q": query, "territory": self.rng.choice(["", "QC"])}),
            "search API": "/api/people?" + urlencode({"q": query}),
            "organisations": "/directory/organisations/",
            "event page": f"/events/{self.rng.choice(EVENT_SLUGS)}/",
            "meeting people": f"/meetings/{MEETINGS_SLUG}/people/",
        }[action]
        return action, "GET", path, None

    def run(self, ready: threading.Barrier, think: float, samples: list[Sample], sign_ins: list[Sample]) -> None:
        """Sign in (a few at a time, as people arrive), wait for every member, then act until
        the deadline. A member whose sign-in failed is counted as an error and sits out."""
        try:
            with SIGN_IN_SLOTS:
                signed_in = self.sign_in()
            sign_ins.append(signed_in)
            if signed_in.ok:
                self.request("GET", "/directory/people/")  # warm-up, not measured
                if self.email in self.data["meeting_targets"]:  # loads the suggestions index in the worker
                    self.request("GET", f"/meetings/{MEETINGS_SLUG}/people/")
        except (OSError, http.client.HTTPException):
            signed_in = Sample("sign in", 0.0, False, 0)
        finally:
            ready.wait(timeout=900)
        if not signed_in.ok:
            return
        deadline = self.data["deadline"]()
        while True:
            time.sleep(self.rng.uniform(0, 2 * think))
            if time.monotonic() >= deadline:
                return
            action, method, path, body = self.next_request()
            started = time.perf_counter()
            try:
                status, _ = self.request(method, path, body)
            except (OSError, http.client.HTTPException):
                status = 0
            expected = {302} if method == "POST" else {200}
            samples.append(Sample(action, time.perf_counter() - started, status in expected, status))


# ---------------------------------------------------------------------------- CPU time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int, with_children: bool = False) -> float | None:
    """CPU seconds (user + system) of a process from /proc/<pid>/stat; with the children it has
    waited for (a gunicorn worker that was replaced), when ``with_children``. None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # after "pid (name) ": state is fields[0]
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if with_children:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
    return ticks / CLOCK_TICKS


def child_pids(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                children.append(int(entry.name))
    return children


class CpuMeter:
    """CPU seconds spent by the web server (gunicorn's master and workers) and by the database
    (the PostgreSQL backends connected to the load database, found in pg_stat_activity) between
    :meth:`start` and :meth:`stop`. A thread samples every process every half second and keeps
    each one's first and last reading, so a backend that comes and goes during the run counts for
    what it spent while it was seen; other databases' backends on the same server are left out."""

    def __init__(self, server_pid: int, database_url: str) -> None:
        self.server_pid = server_pid
        self.database_url = database_url
        self.first: dict[tuple[str, int], float] = {}
        self.last: dict[tuple[str, int], float] = {}
        self.running = threading.Event()
        self.thread: threading.Thread | None = None

    def _database_pids(self, connection) -> list[int]:
        rows = connection.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                                  "AND pid <> pg_backend_pid()").fetchall()
        return [row[0] for row in rows]

    def _sample(self, connection) -> None:
        readings = [("web", self.server_pid, process_cpu(self.server_pid, with_children=True))]
        readings += [("web", pid, process_cpu(pid)) for pid in child_pids(self.server_pid)]
        readings += [("db", pid, process_cpu(pid)) for pid in self._database_pids(connection)]
        for tier, pid, seconds in readings:
            if seconds is not None:
                self.first.setdefault((tier, pid), seconds)
                self.last[(tier, pid)] = seconds

    def _loop(self, connection) -> None:
        while self.running.is_set():
            self._sample(connection)
            time.sleep(0.5)

    def start(self) -> None:
        import dj_database_url
        import psycopg

        config = dj_database_url.parse(self.database_url)
        params = {"host": config["HOST"] or None, "port": config["PORT"] or None, "user": config["USER"] or None,
                  "password": config["PASSWORD"] or None, "dbname": config["NAME"], "autocommit": True}
        self.connection = psycopg.connect(**{k: v for k, v in params.items() if v is not None})
        self._sample(self.connection)
        self.running.set()
        self.thread = threading.Thread(target=self._loop, args=(self.connection,), daemon=True)
        self.thread.start()

    def stop(self) -> dict[str, float]:
        """CPU seconds per tier ("web", "db") since :meth:`start`."""
        self.running.clear()
        if self.thread is not None:
            self.thread.join()
        self._sample(self.connection)
        self.connection.close()
        spent = {"web": 0.0, "db": 0.0}
        for (tier, pid), seconds in self.last.items():
            spent[tier] += seconds - self.first[(tier, pid)]
        return spent


# ---------------------------------------------------------------------------- report

@dataclass(frozen=True)
class Outcome:
    requests: int
    throughput: float
    p95: float
    error_rate: float
    cpu_ms: float


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(samples: list[Sample], sign_ins: list[Sample], options: Options, elapsed: float,
           cpu: dict[str, float], label: str) -> Outcome:
    """Sign-ins (Argon2 hashing, all at once before the clock starts) are shown apart."""
    seconds = [s.seconds for s in sign_ins]
    print(f"\n--- {label}")
    print(f"sign-in of {len(sign_ins)} members before the run: median {statistics.median(seconds) * 1000:.0f} ms, "
          f"failures {sum(not s.ok for s in sign_ins)}")
    measured = len(samples)
    samples = samples + [s for s in sign_ins if not s.ok]
    by_action: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        by_action[sample.action].append(sample)
    print(f"{options.users} members, {elapsed:.0f} s, {options.people:,} people, think time ~{options.think:g} s, "
          f"{options.workers} gunicorn workers × 4 threads")
    print(f"{'request':16} {'n':>6} {'median':>9} {'p95':>9} {'errors':>7}")
    for action, items in sorted(by_action.items()):
        seconds = [s.seconds for s in items]
        errors = sum(not s.ok for s in items)
        median, p95 = statistics.median(seconds) * 1000, percentile(seconds, .95) * 1000
        print(f"{action:16} {len(items):6} {median:6.0f} ms {p95:6.0f} ms {errors:7}")
        for status in sorted({s.status for s in items if not s.ok}):
            print(f"{'':16}   status {status}: {sum(1 for s in items if not s.ok and s.status == status)}")
    pages = [s.seconds for s in samples if s.action not in WRITES] or [0.0]
    errors = sum(not s.ok for s in samples)
    error_rate = errors / max(1, len(samples))
    p95 = percentile(pages, .95)
    per_request = {tier: seconds * 1000 / max(1, measured) for tier, seconds in cpu.items()}
    cpu_ms = sum(per_request.values())
    print(f"throughput {len(samples) / elapsed:.1f} requests/s; pages: median "
          f"{statistics.median(pages) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms; "
          f"errors {errors}/{len(samples)} ({error_rate:.2%})")
    print(f"CPU per request: {cpu_ms:.1f} ms (web server {per_request['web']:.1f} ms, database "
          f"{per_request['db']:.1f} ms; {cpu['web'] + cpu['db']:.1f} CPU s over {measured} requests)")
    print(f"against the figures before the read caches ({BEFORE_CPU_MS:.0f} ms of CPU per request, pages' p95 "
          f"{BEFORE_P95:.1f} s, 50 members): CPU {BEFORE_CPU_MS / max(cpu_ms, 0.001):.2f}× less, "
          f"p95 {BEFORE_P95 / max(p95, 0.001):.2f}× lower")
    met = errors == 0 and p95 < TARGET_P95 and cpu_ms <= TARGET_CPU_MS
    print(f"aim: no errors, pages' p95 under {TARGET_P95 * 1000:.0f} ms and at most {TARGET_CPU_MS:.0f} ms of CPU "
          f"per request — {'met' if met else 'NOT met'}")
    return Outcome(len(samples), len(samples) / elapsed, p95, error_rate, cpu_ms)


def run_mix(options: Options, data: dict, read_cache: bool) -> Outcome:
    """Start gunicorn, sign the members in, let them act for the duration, report."""
    with tempfile.TemporaryDirectory(prefix="passerelle-static-") as static_root:
        server, port = start_server(options, static_root, read_cache)
        try:
            clock: dict[str, float] = {}
            meter = CpuMeter(server.pid, options.database_url)

            def begin() -> None:
                meter.start()
                clock["start"] = time.monotonic()

            ready = threading.Barrier(options.users, action=begin)
            data["deadline"] = lambda: clock["start"] + options.duration
            members = [Member(port, email, data, random.Random(i)) for i, email in enumerate(data["emails"])]
            samples: list[Sample] = []
            sign_ins: list[Sample] = []
            threads = [threading.Thread(target=m.run, args=(ready, options.think, samples, sign_ins), daemon=True)
                       for m in members]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=options.duration + 300)
            elapsed = time.monotonic() - clock["start"]
            cpu = meter.stop()
            label = "read caches on" if read_cache else "read caches off (READ_CACHE=0)"
            return report(samples, sign_ins, options, elapsed, cpu, label)
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                _, errors = server.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                _, errors = server.communicate()
            if errors and errors.strip():
                print("gunicorn said:\n" + "\n".join(errors.strip().splitlines()[-20:]))


def main(argv: list[str]) -> int:
    options = parse_options(argv)
    directory_bench.ensure_database(options.database_url)
    directory_bench.setup_django(options.database_url)
    directory_bench.load_people(options.people)
    from django.db import connections

    outcomes: list[Outcome] = []
    for read_cache in ([False, True] if options.compare else [True]):
        data = prepare_data(options.users)
        connections.close_all()
        outcomes.append(run_mix(options, data, read_cache))
    if options.compare:
        off, on = outcomes
        print(f"\nread caches on against off, same mix in this process: CPU per request "
              f"{off.cpu_ms:.1f} → {on.cpu_ms:.1f} ms ({off.cpu_ms / max(on.cpu_ms, 0.001):.2f}× less), "
              f"pages' p95 {off.p95 * 1000:.0f} → {on.p95 * 1000:.0f} ms ({off.p95 / max(on.p95, 0.001):.2f}× lower), "
              f"throughput {off.throughput:.1f} → {on.throughput:.1f} requests/s")
    return 0 if all(o.error_rate == 0 for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
