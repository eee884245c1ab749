#!/usr/bin/env python3
"""Two web servers and two workers on one PostgreSQL and one Redis, checked over HTTP (``make cluster-test``).

Starts PostgreSQL and Redis when they are not running, creates a fresh database (CLUSTER_DB, default
``passerelle_cluster``), migrates, seeds a small directory, collects the static files, then starts two
gunicorn servers (DEBUG=0, ports CLUSTER_PORT and CLUSTER_PORT+1) and two ``jobs_worker`` processes,
and checks:

1. a profile changed through server A is found by the search, suggested and exported through server B;
2. a job started from A is run by a worker and its status is seen from B;
3. a worker killed (SIGKILL) while it runs a long job: the other worker finishes the job;
4. ``/healthz`` on both servers says ok, then reports the stopped worker.

Every process it started is stopped at the end, whatever happened; the database is dropped.
"""
from __future__ import annotations

import html
import html.parser
import http.cookies
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_SERVER = os.environ.get("CLUSTER_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("CLUSTER_DB", "passerelle_cluster")
PORT = int(os.environ.get("CLUSTER_PORT", "18701"))
REDIS_URL = os.environ.get("CLUSTER_REDIS", "redis://127.0.0.1:6379/14")
WORD = "zorbulimab"  # a word no seeded profile has
started = time.monotonic()


def say(message: str) -> None:
    print(f"[cluster {time.monotonic() - started:5.1f}s] {message}", flush=True)


def wait_for(what: str, check, timeout: float = 60.0, every: float = 0.5):
    limit = time.monotonic() + timeout
    while True:
        try:
            value = check()
        except (OSError, urllib.error.URLError, ValueError):
            value = None
        if value:
            return value
        if time.monotonic() > limit:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(every)


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def ensure_services() -> None:
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode != 0:
        version = sorted(os.listdir("/etc/postgresql"))[0]
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True)
        wait_for("PostgreSQL", lambda: subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0, 30)
    if not port_open(6379):
        subprocess.run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379"],
                       check=True, stdout=subprocess.DEVNULL)
        wait_for("Redis", lambda: port_open(6379), 30)


def sql(statement: str, *params, database: str = "postgres", autocommit: bool = True) -> list[tuple]:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/{database}", autocommit=autocommit) as connection:
        cursor = connection.execute(statement, params or None)
        return cursor.fetchall() if cursor.description else []


class Form(html.parser.HTMLParser):
    """The fields of the first form whose action matches, as a browser would send them."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.depth, self.select, self.textarea = 0, None, None

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.depth += 1
        if not self.depth or not a.get("name") and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            if kind not in {"submit", "button", "file", "image", "reset"}:
                self.fields.append((a["name"], a.get("value", "on" if kind in {"checkbox", "radio"} else "")))
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))
        elif tag == "textarea":
            self.textarea = [a["name"], ""]

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea[0], self.textarea[1].lstrip("\n")))
            self.textarea = None
        elif tag == "form" and self.depth:
            self.depth = 0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """A signed-in browser on one server: keeps its cookies, sends the CSRF token."""

    def __init__(self, port: int, session: str) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = {"sessionid": session}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path: str, data: list[tuple[str, str]] | None = None) -> tuple[int, dict, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        req.add_header("Accept-Language", "en")
        if body is not None:
            req.add_header("Referer", self.base + path)
            if "csrftoken" in self.cookies:
                req.add_header("X-CSRFToken", self.cookies["csrftoken"])
        try:
            response = self.opener.open(req, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, dict(response.headers), response.read().decode()

    def get(self, path: str) -> str:
        status, _headers, text = self.request(path)
        assert status == 200, f"GET {self.base}{path}: {status}"
        return text

    def submit(self, path: str, changes: dict[str, str]) -> str:
        """GET the page, fill its POST form like a browser, change some fields, POST; the redirect target."""
        form = Form()
        form.feed(self.get(path))
        fields = [(k, v) for k, v in form.fields if k not in changes] + list(changes.items())
        status, headers, text = self.request(path, fields)
        assert status == 302, f"POST {self.base}{path}: {status}\n{text[:2000]}"
        return headers["Location"]

    def health(self) -> tuple[int, dict]:
        status, _headers, text = self.request("/healthz")
        return status, json.loads(text)


class Cluster:
    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="passerelle-cluster-"))
        self.procs: dict[str, subprocess.Popen] = {}
        self.env = {
            **os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost", "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"{PG_SERVER}/{DB_NAME}", "REDIS_URL": REDIS_URL,
            "STATIC_ROOT": str(self.tmp / "static"), "MEDIA_ROOT": str(self.tmp / "media"),
            "TASKS_BACKEND": "database", "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "JOBS_WORKER_BEAT_SECONDS": "1", "JOBS_WORKER_STALE_AFTER": "5",
            "SUGGESTIONS_SYNC_REBUILD_LIMIT": "0",  # every rebuild goes through a worker and the database
            "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "2", "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args: str, stdin: str | None = None) -> str:
        result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, input=stdin,
                                capture_output=True, text=True, check=False)
        if result.returncode:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self, name: str, *command: str, **env: str) -> subprocess.Popen:
        log = (self.tmp / f"{name}.log").open("w")
        proc = subprocess.Popen(list(command), cwd=ROOT, env={**self.env, **env}, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        self.procs[name] = proc
        return proc

    def stop_all(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for name, proc in self.procs.items():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            print(f"-- {name} ended ({proc.returncode})")

    def logs(self) -> None:
        for path in sorted(self.tmp.glob("*.log")):
            print(f"==== {path.name} (last lines)")
            print("\n".join(path.read_text(errors="replace").splitlines()[-40:]))


SEED = """
import json
from passerelle.demo.directory import seed_directory
from passerelle.demo.events import seed_events
seed_directory(30, 7)
seed_events()
from django.contrib.sessions.backends.db import SessionStore
from passerelle.accounts.models import Role, User
from passerelle.directory.models import Person
from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Event
user = User.objects.create_user("cluster@example.org", None, role=Role.COORDINATOR)
sessions = []
for _ in range(2):
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "passerelle.accounts.backends.RoleBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
person = Person.objects.order_by("pk").first()
event = max(Event.objects.all(), key=lambda e: e.registrations.filter(status=RegistrationStatus.CONFIRMED).count())
print(json.dumps({"sessions": sessions, "person": person.pk, "name": person.last_name, "event": event.slug}))
"""

QUEUE_SLOW = """
from passerelle.jobs.services import job_start
print(job_start(handler="tests.jobs.handlers.slow", title="Slow", params={"steps": 20, "seconds": 14}).pk)
"""


def main() -> None:
    ensure_services()
    cluster = Cluster()
    ok = False
    try:
        say(f"fresh database {DB_NAME}")
        sql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        sql(f'CREATE DATABASE "{DB_NAME}"')
        cluster.manage("migrate", "--noinput")
        say("migrated")
        cluster.manage("collectstatic", "--noinput")
        seed = json.loads(cluster.manage("shell", stdin=SEED).strip().splitlines()[-1])
        say(f"seeded; person {seed['person']}, event {seed['event']}")

        for i, name in enumerate("AB"):
            cluster.start(f"web-{name}", PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "passerelle.wsgi",
                          GUNICORN_BIND=f"127.0.0.1:{PORT + i}")
        for name in ("worker-1", "worker-2"):
            cluster.start(name, PYTHON, "manage.py", "jobs_worker", "--interval", "0.5", "--no-startup-delay")
        a, b = Client(PORT, seed["sessions"][0]), Client(PORT + 1, seed["sessions"][1])
        for client in (a, b):
            wait_for(f"{client.base}/healthz with two workers",
                     lambda c=client: (lambda r: r[0] == 200 and r[1]["checks"]["workers"]["alive"] == 2)(c.health()),
                     timeout=60)
        say("both servers healthy, two workers alive")
        for client in (a, b):  # the public figures page, served with DEBUG=0 and the manifest static files
            status, _headers, text = client.request("/reports/figures/")
            assert status == 200 and "/static/" in text, f"{client.base}/reports/figures/ answered {status}"
        say("the public figures page answers on both servers")

        # 1. A profile changed through A, seen through B (search, suggestions, export).
        person = seed["person"]
        a.submit(f"/directory/people/{person}/edit/",
                 {"expertise": f"Immunotherapy with {WORD} in paediatric gliomas"})
        url = f"/directory/people/{person}/"
        assert url in b.get(f"/directory/people/?q={WORD}"), "search on B misses the profile changed on A"
        assert WORD in b.get(f"/directory/people/export.csv?q={WORD}"), "export on B misses the change"
        idea = [("text", f"A project on {WORD} for paediatric gliomas, looking for partners")]
        wait_for("the change in B's suggestions (index rebuilt by a worker, stored, reloaded by B)",
                 lambda: url in b.request("/suggestions/idea/", idea)[2], timeout=60, every=1)
        rows = sql("SELECT version FROM suggestions_indexsnapshot", database=DB_NAME)
        assert rows and rows[0][0] >= 1, "no index stored by a worker"
        say("profile changed on A: searched, exported and suggested on B")

        # 2. A job started from A, run by a worker, followed from B.
        location = a.submit(f"/suggestions/events/{seed['event']}/", {"per_person": "3"})
        job_id = location.rstrip("/").split("/")[-1]
        status = wait_for("the event job seen finished from B", lambda: (lambda s: s if s["status"] in {
            "succeeded", "failed"} else None)(json.loads(b.get(f"/jobs/{job_id}/status.json"))), timeout=90)
        assert status["status"] == "succeeded", status
        assert html.escape(status["title"]) in b.get(f"/jobs/{job_id}/"), "the progress page on B misses the job"
        say(f"job {job_id} started on A, run by a worker, seen finished on B")

        for client in (a, b):
            code, body = client.health()
            assert code == 200 and body["status"] == "ok" and body["checks"]["workers"]["alive"] == 2, body

        # 3. Kill the worker running a long job: the other one runs it again to the end.
        slow = cluster.manage("shell", stdin=QUEUE_SLOW).strip().splitlines()[-1]
        holder = wait_for("the slow job running", lambda: (lambda r: r[0][0] if r and r[0][0] else None)(
            sql("SELECT worker_id FROM jobs_job WHERE id = %s AND status = 'running'", slow, database=DB_NAME)))
        pid = int(holder.rsplit(":", 1)[1])
        victim = next(name for name, proc in cluster.procs.items() if proc.pid == pid)
        wait_for("some progress", lambda: json.loads(b.get(f"/jobs/{slow}/status.json"))["done"] >= 2)
        os.kill(pid, signal.SIGKILL)
        cluster.procs[victim].wait()
        say(f"{victim} ({holder}) killed while running job {slow}")
        status = wait_for("the slow job finished by the other worker", lambda: (lambda s: s if s["status"] in {
            "succeeded", "failed"} else None)(json.loads(a.get(f"/jobs/{slow}/status.json"))), timeout=90)
        assert status["status"] == "succeeded", status
        (finisher, attempts), = sql("SELECT worker_id, attempts FROM jobs_job WHERE id = %s", slow,
                                    database=DB_NAME)
        assert finisher != holder and attempts == 2, (finisher, attempts)
        say(f"the job was run again and finished by {finisher}")

        # 4. /healthz on both servers reports the stopped worker.
        for client in (a, b):
            code, body = client.health()
            assert code == 503 and body["status"] == "degraded", body
            assert body["checks"]["workers"]["stopped"] == [holder] and body["checks"]["workers"]["alive"] == 1, body
        say("both servers report the stopped worker (503, degraded)")
        ok = True
    finally:
        cluster.stop_all()
        if not ok:
            cluster.logs()
        try:
            sql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        except Exception as error:  # noqa: BLE001 - the result above matters more
            print(f"could not drop {DB_NAME}: {error}")
        shutil.rmtree(cluster.tmp, ignore_errors=True)
    say("cluster test passed")


if __name__ == "__main__":
    main()
