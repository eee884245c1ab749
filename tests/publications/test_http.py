"""The shared HTTP client: retries, backoff, 429 and Retry-After, timeouts, host intervals, user agent."""
from __future__ import annotations

import socket

import httpx
import pytest

from passerelle.publications.http import RETRY_AFTER_CAP, PublicationClient, SourceUnavailable, retry_after
from tests.publications.conftest import InternetForbidden


class Clock:
    def __init__(self):
        self.now, self.sleeps = 0.0, []

    def sleep(self, seconds):
        self.sleeps.append(round(seconds, 3))
        self.now += seconds

    def __call__(self):
        return self.now


def client_with(answers, **options):
    """A client whose transport plays ``answers`` in turn (a status, (status, headers) or an exception)."""
    seen, clock = [], Clock()

    def handle(request):
        seen.append(request)
        item = answers.pop(0)
        if isinstance(item, Exception):
            raise item
        status, headers = item if isinstance(item, tuple) else (item, {})
        return httpx.Response(status, json={"ok": status}, headers=headers)

    client = PublicationClient(contact="contact@passerelle.test", transport=httpx.MockTransport(handle),
                               sleep=clock.sleep, clock=clock, **options)
    return client, seen, clock


def test_429_waits_for_retry_after_then_succeeds():
    client, seen, clock = client_with([(429, {"Retry-After": "7"}), 200])
    assert client.get_json("https://api.openalex.org/works") == {"ok": 200}
    assert len(seen) == 2 and 7 in clock.sleeps


def test_retry_after_is_capped_and_reads_dates():
    assert retry_after("100000", 1) == RETRY_AFTER_CAP
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1) == 0  # in the past: no wait
    assert retry_after("soon", 3) == 3


def test_server_errors_and_timeouts_are_retried_with_exponential_backoff():
    client, seen, clock = client_with([503, httpx.ReadTimeout("slow"), httpx.ConnectError("down"), 200],
                                      backoff=1.0, intervals={"hal.test": 0})
    assert client.get_json("https://hal.test/search/") == {"ok": 200}
    assert clock.sleeps == [1.0, 2.0, 4.0]


def test_retries_spent_raise_source_unavailable():
    client, seen, _clock = client_with([500] * 4, retries=3)
    with pytest.raises(SourceUnavailable, match="server error 500"):
        client.get_json("https://pub.orcid.org/v3.0/x/works")
    assert len(seen) == 4


def test_not_found_is_none_and_other_client_errors_raise():
    client, _seen, _clock = client_with([404, 400])
    assert client.get_json("https://api.openalex.org/works/doi:10.1/x") is None
    with pytest.raises(SourceUnavailable, match="400"):
        client.get_json("https://api.openalex.org/works")


def test_requests_to_one_host_are_spaced_and_carry_the_contact():
    client, seen, clock = client_with([200, 200, 200])
    for _ in range(3):
        client.get("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi")
    assert clock.sleeps == [0.34, 0.34]  # NCBI: three requests a second without a key
    assert "mailto:contact@passerelle.test" in seen[0].headers["User-Agent"]


def test_a_test_cannot_reach_the_internet():
    with pytest.raises(InternetForbidden):
        socket.create_connection(("93.184.216.34", 80), timeout=1)
