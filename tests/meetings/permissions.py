"""Who may open every meetings URL: shared by ``tests/meetings/test_permissions.py`` and the
project-wide matrix in ``tests/core/test_permission_matrix.py``.

Statuses for (anonymous, member, owner, coordinator). "owner" is a registered participant of the
session who sent the request whose meeting is published; "member" is signed in but not registered;
the coordinator takes no part in the meetings themself.
"""
from __future__ import annotations

from django.urls import reverse

from passerelle.core.enums import Territory, Visibility
from tests.access import API_COORDINATOR, COORDINATOR, LOGIN, SIGNED_IN
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import PersonFactory

from .factories import make_request, make_session, participant, place, publish

PARTICIPANT = (LOGIN, 403, 200, 403)   # acting for oneself: registered people only
HELPING = (LOGIN, 403, 200, 200)       # participants, and coordinators who help them
PARTY = (LOGIN, 404, 200, 200)         # one's own requests (and coordinators)
ATTENDEE = (LOGIN, 404, 200, 404)      # one's own meetings
API_SIGNED_IN = (401, 200, 200, 200)   # the API answers 401 JSON, never a redirect to sign in

MEETINGS_EXPECTED = {
    "meetings:home": SIGNED_IN,
    "meetings:session": SIGNED_IN,
    "meetings:session_create": COORDINATOR,
    "meetings:session_edit": COORDINATOR,
    "meetings:session_status": COORDINATOR,
    "meetings:availability": PARTICIPANT,
    "meetings:people": HELPING,
    "meetings:request_create": PARTICIPANT,
    "meetings:my_requests": PARTICIPANT,
    "meetings:request_list": COORDINATOR,
    "meetings:request": PARTY,
    "meetings:request_cancel": PARTY,
    "meetings:request_place": COORDINATOR,
    "meetings:schedule": COORDINATOR,
    "meetings:run": COORDINATOR,
    "meetings:publish": COORDINATOR,
    "meetings:grid": COORDINATOR,
    "meetings:table_print": COORDINATOR,
    "meetings:meeting_move": COORDINATOR,
    "meetings:meeting_lock": COORDINATOR,
    "meetings:feedback": ATTENDEE,
    "meetings:opportunity": (LOGIN, 404, 302, 404),  # the owner gave no feedback yet: sent to give it
    "meetings:agenda": PARTICIPANT,
    "meetings:agenda_print": PARTICIPANT,
    "meetings:agenda_ics": PARTICIPANT,
    "api-meetings-agenda": API_SIGNED_IN,
    "api-meetings-session": API_COORDINATOR,
}


def make_meetings_objects(owner) -> dict:
    """A published session where ``owner``'s profile met someone, an accepted request still to
    place, a third participant to ask, and an event without a session."""
    session = make_session(tables=2)
    person = getattr(owner, "person", None) or PersonFactory(user=owner, visibility=Visibility.MEMBERS)
    RegistrationFactory(event=session.event, person=person)
    other = participant(session, Territory.QC)
    third = participant(session, Territory.QC)
    request = make_request(session, person, other)
    meeting = place(session, request, 0)
    publish(session)
    return {"meetings_session": session, "meetings_request": request, "meetings_meeting": meeting,
            "meetings_third": third, "meetings_unplaced": make_request(session, other, third),
            "meetings_bare_event": EventFactory(slug="sans-rencontres")}


def meetings_url(name: str, objects: dict) -> str:
    session = objects["meetings_session"]
    slug = session.event.slug
    if name == "meetings:home" or name == "api-meetings-agenda":
        return reverse(name)
    args = {
        "meetings:session_create": [objects["meetings_bare_event"].slug],
        "meetings:request_create": [slug, objects["meetings_third"].pk],
        "meetings:request": [slug, objects["meetings_request"].pk],
        "meetings:request_cancel": [slug, objects["meetings_request"].pk],
        "meetings:request_place": [slug, objects["meetings_unplaced"].pk],
        "meetings:table_print": [slug, objects["meetings_meeting"].table_id],
        "meetings:meeting_move": [slug, objects["meetings_meeting"].pk],
        "meetings:meeting_lock": [slug, objects["meetings_meeting"].pk],
        "meetings:feedback": [slug, objects["meetings_meeting"].pk],
        "meetings:opportunity": [slug, objects["meetings_meeting"].pk],
    }.get(name, [slug])
    return reverse(name, args=args)
