"""Every meetings URL × role, drafts hidden from all but coordinators, and POSTs by the wrong
people that change nothing."""
from __future__ import annotations

import pytest

from passerelle.meetings.enums import MeetingStatus, RequestStatus, SessionStatus
from passerelle.meetings.models import B2BSession, Meeting, MeetingRequest
from tests.access import check_cell, each_role, objects_of_owner, sign_in
from tests.factories import CoordinatorFactory

from .permissions import MEETINGS_EXPECTED, make_meetings_objects, meetings_url

objects = objects_of_owner(make_meetings_objects)


@pytest.mark.parametrize(("name", "role"), each_role(MEETINGS_EXPECTED))
def test_meetings_url_answers_each_role(client, objects, name, role):
    check_cell(client, MEETINGS_EXPECTED, meetings_url, objects, name, role)


@pytest.mark.parametrize("name", ["meetings:session", "meetings:people", "meetings:request_cancel", "meetings:request"])
def test_a_draft_session_is_hidden_from_everyone_but_coordinators(client, objects, name):
    B2BSession.objects.update(status=SessionStatus.DRAFT)
    client.force_login(objects["owner"])
    assert client.get(meetings_url(name, objects)).status_code == 404
    client.force_login(CoordinatorFactory())
    assert client.get(meetings_url(name, objects)).status_code == 200


@pytest.mark.parametrize("name", ["meetings:meeting_move", "meetings:meeting_lock", "meetings:publish",
                                  "meetings:run", "meetings:request_cancel", "meetings:session_status"])
def test_posts_by_people_who_may_not_change_nothing(client, objects, name):
    meeting = objects["meetings_meeting"]
    free = f"{meeting.slot_id}-{objects['meetings_session'].tables.last().pk}"
    for role in ("member", "owner"):
        if role == "owner" and name == "meetings:request_cancel":
            continue  # the owner may cancel their own request
        sign_in(client, role, objects["owner"])
        client.post(meetings_url(name, objects), {"cell": free, "locked": "1", "to_status": "draft"})
    stored = Meeting.objects.get(pk=meeting.pk)
    assert (stored.table_id, stored.locked, stored.status) == (meeting.table_id, False, MeetingStatus.SCHEDULED)
    assert MeetingRequest.objects.get(pk=objects["meetings_request"].pk).status == RequestStatus.ACCEPTED
    assert B2BSession.objects.get().status == SessionStatus.PUBLISHED
