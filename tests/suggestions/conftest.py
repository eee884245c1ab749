"""Fixtures of the suggestions tests: a fresh in-memory index per test, English messages, the community."""
from __future__ import annotations

import pytest

from passerelle.suggestions.index import forget_index

from .factories import community as make_community


@pytest.fixture(autouse=True)
def _fresh_index():
    forget_index()
    yield
    forget_index()


@pytest.fixture(autouse=True)
def _english(english):
    """Messages are checked in English (tests/conftest.py's ``english``), in every test of this folder."""


@pytest.fixture
def community(db):
    return make_community()
