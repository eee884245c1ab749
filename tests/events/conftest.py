"""Fixtures of the events tests: a member with a directory profile, an open event."""
from __future__ import annotations

import pytest

from passerelle.core.enums import Visibility
from tests.factories import MemberFactory, OrganisationFactory, PersonFactory

from .factories import EventFactory


@pytest.fixture
def member_with_profile(db):
    user = MemberFactory(email="lea@example.org")
    PersonFactory(user=user, first_name="Léa", last_name="Dupont", email="lea@example.org",
                  visibility=Visibility.MEMBERS, organisation=OrganisationFactory(name="Centre Léon Bérard"))
    return user


@pytest.fixture
def open_event(db):
    return EventFactory(slug="entretiens-2027", title_fr="Entretiens Jacques Cartier 2027",
                        title_en="Jacques Cartier Meetings 2027")


@pytest.fixture(autouse=True)
def _english(english):
    """Messages are checked in English (tests/conftest.py's ``english``), in every test of this folder."""
