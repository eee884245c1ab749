"""A person with something in every corner of Passerelle, to export and to erase."""
from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessLog
from django.utils import timezone

from passerelle.core.enums import Territory, Visibility
from passerelle.directory import services as directory_services
from passerelle.directory.models import ImportBatch
from passerelle.events.enums import EventStatus, RegistrationStatus
from passerelle.privacy import services
from passerelle.privacy.enums import ConsentMethod, ConsentPurpose
from tests.events.factories import DelegationFactory, EventFactory, ProgrammeItemFactory, RegistrationFactory
from tests.factories import CoordinatorFactory, InvitationFactory, MemberFactory, OrganisationFactory, PersonFactory

SECRETS = ("Lovelace", "ada.lovelace@example.org", "0000-0002-1825-0097", "quarkonium", "Babbage lab")


@pytest.fixture(autouse=True)
def _english(english):
    """Messages are checked in English (tests/conftest.py's ``english``), in every test of this folder."""


@pytest.fixture
def ada(db):
    """Ada: account, members-only profile, past events (talk, delegation), an upcoming seat with
    someone waiting behind her, an invitation, an imported row, a consent, sign-in records."""
    user = MemberFactory(email="ada.lovelace@example.org", first_name="Ada", last_name="Lovelace")
    coordinator = CoordinatorFactory()
    org = OrganisationFactory(name="Institut Analytique", territory=Territory.QC)
    person = PersonFactory(user=user, first_name="Ada", last_name="Lovelace", email="ada.lovelace@example.org",
                           orcid="0000-0002-1825-0097", visibility=Visibility.MEMBERS, territory=Territory.QC,
                           expertise="Analytical engines and quarkonium imaging", keywords="engines; quarkonium",
                           organisation=org, categories=["5.3"], techniques=["radiomics"], languages=["en"])
    person.affiliations.update(position="Head of the Babbage lab")
    directory_services.person_update(actor=coordinator, person=person, data={"expertise": person.expertise + "."})
    past = []
    for years in (2, 1):
        event = EventFactory(start=timezone.now() - timedelta(days=365 * years),
                             end=timezone.now() - timedelta(days=365 * years - 2), status=EventStatus.HELD)
        RegistrationFactory(event=event, person=person, consent_to_list=True)
        RegistrationFactory.create_batch(2, event=event)
        item = ProgrammeItemFactory(event=event)
        item.speakers.add(person)
        delegation = DelegationFactory(event=event, head=person)
        delegation.members.add(person)
        past.append(event)
    upcoming = EventFactory(capacity=1)
    RegistrationFactory(event=upcoming, person=person)
    waiting = RegistrationFactory(event=upcoming, status=RegistrationStatus.WAITING,
                                  queued_at=timezone.now() + timedelta(minutes=1))
    InvitationFactory(email="ada.lovelace@example.org", person=person, invited_by=coordinator)
    ImportBatch.objects.create(kind="people", filename="people.csv", headers=["first_name", "last_name", "email"],
                               rows=[["Ada", "Lovelace", "ada.lovelace@example.org"], ["Alan", "Turing", ""]],
                               mapping={"first_name": 0, "last_name": 1, "email": 2},
                               status=ImportBatch.Status.COMMITTED,
                               report={"created": 2, "rejected": [], "skipped_duplicates": [
                                   {"number": 2, "label": "Ada Lovelace", "errors": []}]})
    services.consent_record(actor=user, person=person, purpose=ConsentPurpose.DIRECTORY, given=True,
                            method=ConsentMethod.WEB)
    AccessLog.objects.create(username="ada.lovelace@example.org", ip_address="203.0.113.7",
                             user_agent="Firefox", attempt_time=timezone.now())
    return {"user": user, "person": person, "coordinator": coordinator, "past": past, "upcoming": upcoming,
            "waiting": waiting, "org": org}
