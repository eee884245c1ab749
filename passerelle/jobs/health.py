"""The workers' part of ``/healthz`` (``core/health.py``): heartbeats of the job workers."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone


def check_workers(now: datetime | None = None) -> dict[str, Any]:
    """The workers' heartbeats: how many are alive, when each was last seen, and which stopped."""
    from django_tasks_db.models import DBTaskResult

    from .models import WorkerBeat

    now = now or timezone.now()
    stale_after = settings.JOBS_WORKER_STALE_AFTER
    try:
        beats = list(WorkerBeat.objects.filter(
            last_seen_at__gte=now - timedelta(seconds=settings.JOBS_WORKER_FORGET_AFTER)))
        waiting = DBTaskResult.objects.ready().exists()
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "error": type(error).__name__}
    ages = {beat.worker_id: (now - beat.last_seen_at).total_seconds() for beat in beats}
    alive = sorted(worker for worker, age in ages.items() if age <= stale_after)
    stopped = sorted(worker for worker, age in ages.items() if age > stale_after)
    ok = not stopped and (bool(alive) or not waiting)
    return {
        "ok": ok,
        "alive": len(alive),
        "stopped": stopped,
        "jobs_waiting": waiting,
        "last_seen_seconds": {worker: round(age, 1) for worker, age in sorted(ages.items())},
        "stale_after_seconds": stale_after,
    }
