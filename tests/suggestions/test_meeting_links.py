"""The suggestions app offers "Ask for a meeting" through the link the meetings app gives it
(``provide_meeting_request_urls``, filled in ``MeetingsConfig.ready``): it imports nothing of meetings."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.core.enums import Territory
from passerelle.meetings.enums import SessionStatus
from passerelle.suggestions.selectors import meeting_request_urls
from tests.factories import MemberFactory
from tests.meetings.factories import make_session, participant

pytestmark = pytest.mark.django_db


def test_a_participant_gets_the_request_page_of_each_session_they_share_with_a_partner():
    session = make_session()
    ada = participant(session, user=MemberFactory())
    bob = participant(session, territory=Territory.QC)
    expected = reverse("meetings:request_create", args=[session.event.slug, bob.pk])

    assert meeting_request_urls(ada.user, ada, [bob.pk]) == {(session.event_id, bob.pk): expected}


def test_no_link_for_someone_else_nor_for_a_session_that_takes_no_requests():
    session = make_session(status=SessionStatus.DRAFT)
    ada = participant(session, user=MemberFactory())
    bob = participant(session, territory=Territory.QC, user=MemberFactory())

    assert meeting_request_urls(ada.user, ada, [bob.pk]) == {}
    assert meeting_request_urls(bob.user, ada, [bob.pk]) == {}
