"""The parts of the apps written later (privacy/contrib.py): meetings, here, as the example."""
from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from passerelle.meetings.models import Meeting, MeetingRequest
from passerelle.privacy import registry, services
from tests.meetings.factories import make_request, make_session, participant, place

pytestmark = pytest.mark.django_db


def test_every_app_holding_rows_about_people_has_a_part():
    assert {"suggestions", "meetings", "projects", "funding"} <= set(registry.registered_labels())


def test_meetings_are_exported_and_their_texts_erased_while_meetings_still_count(coordinator):
    session = make_session()
    ada = participant(session, last_name="Lovelace")
    bob = participant(session, territory="QC", last_name="Hopper")
    request = make_request(session, ada, bob, message="Parlons de quarkonium chez Babbage")
    place(session, request, 0)

    exported = registry.export_person(ada)["meetings"]
    assert any("quarkonium" in str(rows) for rows in exported.values())
    assert "Hopper" not in str(exported)  # the other person's name is not in Ada's export

    services.person_erase(actor=coordinator, person=ada)

    assert MeetingRequest.objects.get(pk=request.pk).message == ""
    assert Meeting.objects.count() == 1
    out = io.StringIO()
    call_command("dumpdata", "meetings", stdout=out)
    assert "quarkonium" not in out.getvalue()
