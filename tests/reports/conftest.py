"""Fixtures of the reports tests: the hand-built world of ``world.py``, messages in English."""
from __future__ import annotations

import pytest

from .pipeline import build_pipeline
from .world import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def pipeline(world):
    return build_pipeline(world)


@pytest.fixture(autouse=True)
def _no_cached_figures(settings):
    """Each test builds its own data: figures are computed every time (the cache is tested apart)."""
    settings.REPORTS_REFRESH_SECONDS = 0


@pytest.fixture(autouse=True)
def _english(english):
    """Messages are checked in English (tests/conftest.py's ``english``), in every test of this folder."""
