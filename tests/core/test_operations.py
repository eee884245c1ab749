"""What an operator relies on: /healthz, request ids in responses and JSON logs, the shared cache."""
from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelle.core import health
from passerelle.core.request_log import JsonFormatter, RequestIdFilter
from tests.core.test_settings import manage

pytestmark = pytest.mark.django_db


def test_healthz_says_ok_with_each_check(client):
    response = client.get(reverse("healthz"))
    body = response.json()
    assert (response.status_code, body["status"]) == (200, "ok")
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True, "queue": True, "workers": True, "cache": True}
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_answers_503_when_the_queue_has_stalled(client, settings):
    from django_tasks_db.models import DBTaskResult

    from passerelle.jobs.tasks import run

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    run.using(backend="default").enqueue("00000000-0000-0000-0000-000000000000")
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=30))
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["queue"]["ok"] is False
    assert response.json()["checks"]["queue"]["oldest_waiting_seconds"] >= 1800


def test_healthz_answers_503_when_the_cache_fails(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(health.cache, "set", broken)
    response = client.get(reverse("healthz"))
    assert (response.status_code, response.json()["checks"]["cache"]) == (503, {"ok": False,
                                                                                "error": "ConnectionError"})


def test_every_response_carries_a_request_id_and_keeps_a_sane_one_from_the_proxy(client):
    made = client.get(reverse("home"))["X-Request-ID"]
    kept = client.get(reverse("home"), HTTP_X_REQUEST_ID="lb-1234.abc")["X-Request-ID"]
    replaced = client.get(reverse("home"), HTTP_X_REQUEST_ID="bad id\r\nX-Evil: 1")["X-Request-ID"]
    assert len(made) == 32 and kept == "lb-1234.abc" and len(replaced) == 32


def test_json_logs_are_one_object_a_line_with_the_request_id():
    record = logging.LogRecord("passerelle.mail", logging.WARNING, __file__, 1, "E-mail %s kept", ("7",), None)
    RequestIdFilter().filter(record)
    entry = json.loads(JsonFormatter().format(record))
    assert {k: entry[k] for k in ("level", "logger", "message", "request_id")} == {
        "level": "WARNING", "logger": "passerelle.mail", "message": "E-mail 7 kept", "request_id": ""}


def test_redis_url_gives_every_process_one_shared_cache():
    code = ("from django.core.cache import caches; cache = caches['default']; cache.set('passerelle-test', 41); "
            "print(type(cache).__name__, cache.get('passerelle-test') + 1); cache.delete('passerelle-test')")
    result = manage("shell", "-c", code, REDIS_URL="redis://127.0.0.1:6379/15")
    assert result.stdout.strip().splitlines()[-1] == "RedisCache 42", result.stderr
