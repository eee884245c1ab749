"""Fixtures of the meetings tests: English messages, a fresh suggestions index, an open session
with two participants from each territory."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from passerelle.core.enums import Territory
from passerelle.directory.models import Person
from passerelle.meetings.models import B2BSession
from passerelle.suggestions.index import forget_index
from tests.factories import MemberFactory

from .factories import make_session, participant


@pytest.fixture(autouse=True)
def _english(english):
    """Messages are checked in English (tests/conftest.py's ``english``), in every test of this folder."""


@pytest.fixture(autouse=True)
def _fresh_index():
    forget_index()
    yield
    forget_index()


@dataclass
class World:
    session: B2BSession
    lea: Person       # AURA, has an account
    marc: Person      # Québec, has an account
    ines: Person      # AURA
    paul: Person      # Québec


@pytest.fixture
def world(db) -> World:
    session = make_session(tables=2)
    lea = participant(session, first_name="Léa", last_name="Dupont", email="lea@example.org",
                      user=MemberFactory(email="lea@example.org"))
    marc = participant(session, Territory.QC, first_name="Marc", last_name="Tremblay", email="marc@example.org",
                       user=MemberFactory(email="marc@example.org"))
    ines = participant(session, first_name="Inès", last_name="Martin", email="ines@example.org")
    paul = participant(session, Territory.QC, first_name="Paul", last_name="Gagnon", email="paul@example.org")
    return World(session, lea, marc, ines, paul)
