"""Fixtures of the projects tests: two people of the two territories met at an event."""
from __future__ import annotations

import pytest

from passerelle.core.enums import OrganisationKind, Territory, Visibility
from tests.events.factories import EventFactory
from tests.factories import MemberFactory, OrganisationFactory, PersonFactory


@pytest.fixture(autouse=True)
def _english(english):
    """Messages are checked in English (tests/conftest.py's ``english``), in every test of this folder."""


@pytest.fixture
def pair(db):
    clb = OrganisationFactory(name="Centre Léon Bérard", kind=OrganisationKind.CANCER_CENTRE)
    udes = OrganisationFactory(name="Université de Sherbrooke", kind=OrganisationKind.UNIVERSITY,
                               territory=Territory.QC, city="Sherbrooke")
    lea_user = MemberFactory(email="lea@example.org")
    lea = PersonFactory(first_name="Léa", last_name="Dupont", user=lea_user, organisation=clb,
                        visibility=Visibility.MEMBERS)
    marc_user = MemberFactory(email="marc@example.org")
    marc = PersonFactory(first_name="Marc", last_name="Tremblay", territory=Territory.QC, organisation=udes,
                         user=marc_user)
    event = EventFactory(slug="entretiens-2026", title_en="Jacques Cartier Meetings 2026", status="held")
    return {"clb": clb, "udes": udes, "lea": lea, "lea_user": lea_user, "marc": marc, "marc_user": marc_user,
            "event": event}
