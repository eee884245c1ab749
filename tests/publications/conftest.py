"""Publications' tests never reach the internet: a connection to anything but this machine fails,
and the sources' addresses point to the fake APIs (``fake_apis.py``). Pages and messages are read
in English."""
from __future__ import annotations

import socket

import pytest

from tests.publications.fake_apis import FAKE_URLS, fake_publication_apis  # noqa: F401 - a fixture

LOCAL = ("127.0.0.1", "::1", "localhost")


class InternetForbidden(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch, settings):
    connect = socket.socket.connect

    def guarded(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOCAL:
            raise InternetForbidden(f"A test tried to reach {address!r}")
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    for source, url in FAKE_URLS.items():
        setattr(settings, f"PUBLICATIONS_{source.upper()}_URL", url)
    settings.PUBLICATIONS_CONTACT_EMAIL = "contact@passerelle.test"


@pytest.fixture(autouse=True)
def _english(english):
    """Messages are checked in English (tests/conftest.py's ``english``), in every test of this folder."""
