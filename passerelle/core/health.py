"""``/healthz``: what a load balancer or a monitor asks a web process. JSON, 200 when the
database and the cache answer, the job queue moves and no worker has died, 503 otherwise; nothing
personal in it. The rule for workers (docs/operations.md): "degraded" when a worker stopped beating
less than JOBS_WORKER_FORGET_AFTER ago, or when jobs are waiting and no worker is alive."""
from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone


def check_database() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - reported, not raised
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "vendor": connection.vendor}


def check_cache() -> dict[str, Any]:
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        ok = cache.get(key) == value
        cache.delete(key)
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "error": type(error).__name__}
    return {"ok": ok}


def check_queue(now: datetime | None = None) -> dict[str, Any]:
    """How long the oldest job ready to run has waited: a worker that is down shows here."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    limit = getattr(settings, "HEALTH_MAX_QUEUE_WAIT_SECONDS", 300)
    try:
        waiting = list(DBTaskResult.objects.ready().order_by("enqueued_at")
                       .values_list("enqueued_at", "run_after")[:50])
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "error": type(error).__name__}
    # A task to run "as soon as possible" has the largest date as run_after: it waits since enqueued.
    since = [max(enqueued, run_after) if run_after.year < 9999 else enqueued for enqueued, run_after in waiting]
    waited = max(0.0, (now - min(since)).total_seconds()) if since else 0.0
    return {"ok": waited <= limit, "oldest_waiting_seconds": round(waited, 1), "limit_seconds": limit}


# Checks that need the database, added by the apps that own them (the jobs app adds "workers"):
# core is below every app and imports none of them.
DATABASE_CHECKS: dict[str, Callable[[], dict[str, Any]]] = {}


def register_check(name: str, check: Callable[[], dict[str, Any]]) -> None:
    DATABASE_CHECKS[name] = check


def health() -> tuple[bool, dict[str, Any]]:
    checks = {"database": check_database()}
    if checks["database"]["ok"]:
        checks["queue"] = check_queue()
        for name, check in DATABASE_CHECKS.items():
            checks[name] = check()
    checks["cache"] = check_cache()
    return all(check["ok"] for check in checks.values()), checks


def status_word(checks: dict[str, Any]) -> str:
    """"ok"; "degraded" when only the workers fail (pages answer, background work does not);
    "unavailable" otherwise."""
    failing = {name for name, check in checks.items() if not check["ok"]}
    if not failing:
        return "ok"
    return "degraded" if failing == {"workers"} else "unavailable"
