"""The one HTTP client every publication source uses: polite and safe.

- connect and read timeouts (``PUBLICATIONS_HTTP_TIMEOUT``);
- retries with exponential backoff on 5xx answers, connection errors and timeouts;
- 429 answers wait for their ``Retry-After`` (seconds or an HTTP date), capped;
- a minimum interval between two requests to the same host (the APIs' published rate limits);
- a User-Agent naming the platform and a contact address (``PUBLICATIONS_CONTACT_EMAIL``), which
  OpenAlex's polite pool and NCBI ask for.

The transport and the sleep are injectable: unit tests give an ``httpx.MockTransport`` and a sleep
that only records, so no test waits and none reaches the network.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.utils import timezone

# Seconds between two requests to a host: OpenAlex allows 10/s, NCBI 3/s without an API key,
# ORCID's public API 24/s (we stay far below), HAL asks for moderation.
HOST_INTERVALS = {
    "api.openalex.org": 0.1,
    "eutils.ncbi.nlm.nih.gov": 0.34,
    "pub.orcid.org": 0.05,
    "api.archives-ouvertes.fr": 0.2,
}
DEFAULT_INTERVAL = 0.1
RETRY_AFTER_CAP = 60.0


class SourceUnavailable(Exception):
    """A source did not answer usefully after the retries."""


class PublicationClient:
    def __init__(
        self,
        *,
        contact: str = "",
        timeout: float = 10.0,
        retries: int = 3,
        backoff: float = 1.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        intervals: dict[str, float] | None = None,
    ) -> None:
        self.contact = contact
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.clock = clock
        self.intervals = {**HOST_INTERVALS, **(intervals or {})}
        self._last: dict[str, float] = {}
        agent = "Passerelle/1.0 (publication harvest" + (f"; mailto:{contact}" if contact else "") + ")"
        self.http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            headers={"User-Agent": agent, "Accept": "application/json"},
            transport=transport, follow_redirects=True,
        )

    @classmethod
    def from_settings(cls, **overrides: Any) -> PublicationClient:
        options = {"contact": settings.PUBLICATIONS_CONTACT_EMAIL,
                   "timeout": settings.PUBLICATIONS_HTTP_TIMEOUT, **overrides}
        return cls(**options)

    def _wait_turn(self, host: str) -> None:
        interval = self.intervals.get(host, DEFAULT_INTERVAL)
        last = self._last.get(host)
        if last is not None:
            wait = last + interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def get(self, url: str, *, params: dict[str, Any] | None = None, accept: str = "") -> httpx.Response:
        """GET with the politeness rules; a 4xx other than 429 is returned to the caller (404 means
        "not found" to most sources); raises ``SourceUnavailable`` when the retries are spent."""
        host = urlsplit(url).hostname or ""
        headers = {"Accept": accept} if accept else None
        problem = ""
        for attempt in range(self.retries + 1):
            self._wait_turn(host)
            try:
                response = self.http.get(url, params=params, headers=headers)
            except (httpx.TimeoutException, httpx.TransportError) as error:
                problem = f"{host}: {error.__class__.__name__}"
            else:
                if response.status_code == 429:
                    problem = f"{host}: too many requests (429)"
                    if attempt < self.retries:
                        self.sleep(retry_after(response.headers.get("Retry-After"), self.backoff * 2 ** attempt))
                    continue
                if response.status_code < 500:
                    return response
                problem = f"{host}: server error {response.status_code}"
            if attempt < self.retries:
                self.sleep(self.backoff * 2 ** attempt)
        raise SourceUnavailable(problem)

    def get_json(self, url: str, *, params: dict[str, Any] | None = None) -> Any:
        response = self.get(url, params=params, accept="application/json")
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise SourceUnavailable(f"{urlsplit(url).hostname}: answer {response.status_code}")
        try:
            return response.json()
        except ValueError as error:
            raise SourceUnavailable(f"{urlsplit(url).hostname}: not JSON") from error

    def close(self) -> None:
        self.http.close()


def retry_after(value: str | None, default: float) -> float:
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date), capped."""
    seconds = default
    if value:
        try:
            seconds = float(value)
        except ValueError:
            try:
                seconds = (parsedate_to_datetime(value) - timezone.now()).total_seconds()
            except (TypeError, ValueError):
                seconds = default
    return max(0.0, min(seconds, RETRY_AFTER_CAP))
