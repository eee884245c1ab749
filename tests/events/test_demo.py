"""The demo history: 18 past events and one open in 2027, loaded twice without duplicates."""
from __future__ import annotations

import pytest
from django.core.management import call_command

from passerelle.core.enums import Territory
from passerelle.events.enums import EventKind, EventStatus, RegistrationStatus
from passerelle.events.models import Event, ProgrammeItem, Registration
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(db):
    for acronym, city, territory in [("CLARA", "Lyon", "AURA"), ("CLB", "Lyon", "AURA"), ("CRCL", "Lyon", "AURA"),
                                     ("IAB", "Grenoble", "AURA"), ("CRCHUS", "Sherbrooke", "QC"),
                                     ("UdeS", "Sherbrooke", "QC"), ("CRCHUM", "Montréal", "QC")]:
        OrganisationFactory(acronym=acronym, city=city, territory=territory)
    for i in range(30):
        PersonFactory(territory=Territory.AURA if i % 2 else Territory.QC)


def test_seed_events_demo_builds_the_history_once(directory):
    call_command("seed_events_demo")
    counts = (Event.objects.count(), ProgrammeItem.objects.count(), Registration.objects.count())
    call_command("seed_events_demo")
    assert (Event.objects.count(), ProgrammeItem.objects.count(), Registration.objects.count()) == counts

    assert Event.objects.filter(status=EventStatus.HELD).count() == 18
    meetings = Event.objects.filter(kind=EventKind.ANNUAL_MEETING, status=EventStatus.HELD)
    assert sorted(e.start.year for e in meetings) == list(range(2018, 2027))
    assert [e.time_zone for e in meetings.order_by("start")][:2] == ["America/Montreal", "Europe/Paris"]
    upcoming = Event.objects.get(status=EventStatus.REGISTRATION_OPEN)
    assert upcoming.start.year == 2027 and upcoming.registration_is_open()
    assert all(e.items.exists() for e in Event.objects.all())
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).exists()
    sherbrooke = Event.objects.get(slug="visite-sherbrooke-2022")
    assert {i.visited_organisation.acronym for i in sherbrooke.items.filter(kind="visit")} == {"CRCHUS", "UdeS"}
    assert sherbrooke.delegations.get().origin == "AURA"
