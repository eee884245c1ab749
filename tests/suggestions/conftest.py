"""Fixtures of the suggestions tests: a fresh in-memory index per test, English messages, the community."""
from __future__ import annotations

import pytest
from django.utils import translation

from passerelle.suggestions.index import forget_index

from .factories import community as make_community


@pytest.fixture(autouse=True)
def _fresh_index():
    forget_index()
    yield
    forget_index()


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def community(db):
    return make_community()
