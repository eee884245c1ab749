"""Meeting requests: sending (rules, group meetings, the invitee's language), answering, cancelling,
expiry and reminders."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from passerelle.core.enums import Territory
from passerelle.events.enums import RegistrationStatus
from passerelle.meetings.enums import Answer, MeetingStatus, RequestStatus, SessionStatus
from passerelle.meetings.models import Meeting, MeetingRequest, Participant
from passerelle.meetings.notifications import recipient_language
from passerelle.meetings.services import participants as participant_services
from passerelle.meetings.services import requests as services
from tests.factories import PersonFactory

from .factories import make_request, participant, place, publish

pytestmark = pytest.mark.django_db


def send(world, requester, *invitees, **kwargs):
    return services.request_send(actor=None, session=world.session, requester=requester, invitees=list(invitees),
                                 message=kwargs.pop("message", "Hello"), **kwargs)


def test_sending_a_request_notifies_the_invitee(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = send(world, world.lea, world.marc, message="Radiomics?", priority=3,
                       base_url="https://passerelle.example/")

    assert (request.status, request.priority, request.message) == (RequestStatus.PENDING, 3, "Radiomics?")
    assert list(request.answers.values_list("person_id", "answer")) == [(world.marc.pk, Answer.PENDING)]
    assert Participant.objects.filter(session=world.session).count() == 2
    (message,) = mail.outbox
    assert message.to == ["marc@example.org"]
    assert f"https://passerelle.example/meetings/{world.session.event.slug}/requests/{request.pk}/" in message.body
    assert "Radiomics?" in message.body


def test_the_email_is_written_in_the_invitee_language(world, django_capture_on_commit_callbacks):
    english = participant(world.session, Territory.QC, email="john@example.org", languages=["en"])
    with django_capture_on_commit_callbacks(execute=True):
        send(world, world.lea, english)
        send(world, world.lea, world.marc)  # no language known: French, the site's language

    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["john@example.org"].startswith("Léa Dupont would like to meet you at")
    assert (recipient_language(english), recipient_language(world.marc)) == ("en", "fr")
    bilingual = participant(world.session, languages=["en", "fr"])
    assert recipient_language(bilingual) == "fr"


@pytest.mark.parametrize("case, message", [
    ("self", "You cannot ask yourself"),
    ("twice", "named twice"),
    ("nobody", "at least one person"),
    ("unregistered", "Not registered to the event"),
    ("cancelled_registration", "Not registered to the event"),
    ("opted_out", "Not taking meeting requests"),
    ("duplicate", "already open"),
    ("deadline", "deadline for meeting requests has passed"),
    ("draft", "does not accept requests yet"),
    ("too_many", "at most 5 people"),
])
def test_refused_requests_say_why(world, case, message):
    invitees = [world.marc]
    if case == "self":
        invitees = [world.lea]
    elif case == "twice":
        invitees = [world.marc, world.marc]
    elif case == "nobody":
        invitees = []
    elif case == "unregistered":
        invitees = [PersonFactory()]
    elif case == "cancelled_registration":
        world.marc.registrations.update(status=RegistrationStatus.CANCELLED)
    elif case == "opted_out":
        Participant.objects.create(session=world.session, person=world.marc, takes_meetings=False)
    elif case == "duplicate":
        make_request(world.session, world.marc, world.lea, status=RequestStatus.PENDING)
    elif case == "deadline":
        world.session.request_deadline = timezone.now() - timedelta(hours=1)
        world.session.save()
    elif case == "draft":
        world.session.status = SessionStatus.DRAFT
        world.session.save()
    elif case == "too_many":
        invitees = [participant(world.session) for _ in range(6)]

    with pytest.raises(ValidationError, match=message):
        send(world, world.lea, *invitees)
    assert MeetingRequest.objects.count() == (1 if case == "duplicate" else 0)


def test_coordinators_may_send_after_the_deadline(world):
    world.session.request_deadline = timezone.now() - timedelta(hours=1)
    world.session.save()
    assert send(world, world.lea, world.marc, by_coordinator=True).status == RequestStatus.PENDING


def test_accepting_moves_the_request_and_notifies_everyone(world, django_capture_on_commit_callbacks):
    request = send(world, world.lea, world.marc)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_answer(actor=None, request=request, person=world.marc, accept=True, priority=3)

    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED and request.decided_at is not None
    assert request.answers.get().priority == 3
    assert sorted(m.to[0] for m in mail.outbox) == ["lea@example.org", "marc@example.org"]


def test_a_group_request_is_accepted_when_all_accept_and_declined_by_one(world, django_capture_on_commit_callbacks):
    group = send(world, world.lea, world.marc, world.paul)
    services.request_answer(actor=None, request=group, person=world.marc, accept=True)
    group.refresh_from_db()
    assert group.status == RequestStatus.PENDING
    services.request_answer(actor=None, request=group, person=world.paul, accept=True)
    group.refresh_from_db()
    assert group.status == RequestStatus.ACCEPTED

    other = send(world, world.ines, world.marc, world.paul)
    services.request_answer(actor=None, request=other, person=world.marc, accept=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_answer(actor=None, request=other, person=world.paul, accept=False)
    other.refresh_from_db()
    assert other.status == RequestStatus.DECLINED
    (message,) = mail.outbox
    assert message.to == ["ines@example.org"] and "Paul Gagnon" in message.body


def test_only_invitees_answer_and_only_once(world):
    request = send(world, world.lea, world.marc)
    with pytest.raises(ValidationError, match="Only the people asked"):
        services.request_answer(actor=None, request=request, person=world.lea, accept=True)
    services.request_answer(actor=None, request=request, person=world.marc, accept=False)
    with pytest.raises(ValidationError, match="already"):
        services.request_answer(actor=None, request=request, person=world.marc, accept=True)


def test_cancelling_removes_a_draft_meeting(world):
    request = make_request(world.session, world.lea, world.marc)
    place(world.session, request, 0)
    services.request_cancel(actor=None, request=request, by=world.lea)
    request.refresh_from_db()
    assert request.status == RequestStatus.CANCELLED
    assert not Meeting.objects.exists()


def test_cancelling_an_announced_meeting_tells_the_others_with_the_calendar(world, django_capture_on_commit_callbacks):
    request = make_request(world.session, world.lea, world.marc)
    place(world.session, request, 0)
    publish(world.session)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_cancel(actor=None, request=request, by=world.lea)

    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.sequence, meeting.locked) == (MeetingStatus.CANCELLED, 1, False)
    assert not meeting.attendees.filter(active=True).exists()
    changed = [m for m in mail.outbox if m.attachments]
    assert sorted(m.to[0] for m in changed) == ["lea@example.org", "marc@example.org"]
    assert "STATUS:CANCELLED" in str(changed[0].attachments[0][1])
    cancelled_notices = [m for m in mail.outbox if not m.attachments]
    assert [m.to for m in cancelled_notices] == [["marc@example.org"]]  # not the one who cancelled


def test_a_cancelled_request_cannot_move_again(world):
    request = make_request(world.session, world.lea, world.marc, status=RequestStatus.CANCELLED)
    with pytest.raises(ValidationError, match="already"):
        services.request_cancel(actor=None, request=request, by=world.lea)


def test_unanswered_requests_get_a_reminder_then_expire(world, django_capture_on_commit_callbacks):
    world.session.request_expiry_days = 4
    world.session.save()
    request = send(world, world.lea, world.marc)
    fresh = send(world, world.ines, world.paul)
    MeetingRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(days=3))

    assert services.requests_expire_and_remind() == (0, 1)
    assert [m.to for m in mail.outbox] == [["marc@example.org"]]
    assert services.requests_expire_and_remind() == (0, 0)  # one reminder only

    with django_capture_on_commit_callbacks(execute=True):
        expired = services.requests_expire_and_remind(now=timezone.now() + timedelta(days=2))
    assert expired == (1, 1)  # the old one expires, the fresh one gets its reminder
    request.refresh_from_db()
    fresh.refresh_from_db()
    assert (request.status, fresh.status) == (RequestStatus.EXPIRED, RequestStatus.PENDING)
    assert "lea@example.org" in [m.to[0] for m in mail.outbox]


def test_marking_a_meeting_slot_unavailable_is_refused(world):
    meeting = place(world.session, make_request(world.session, world.lea, world.marc), 1)
    with pytest.raises(ValidationError, match="You have a meeting at"):
        participant_services.participant_save(actor=None, session=world.session, person=world.lea,
                                              takes_meetings=True, max_meetings=None, unavailable=[meeting.slot])
    assert not Participant.objects.filter(person=world.lea, unavailable_slots=meeting.slot).exists()
