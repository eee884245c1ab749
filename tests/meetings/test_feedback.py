"""After a meeting: the one-minute feedback, and "follow-up planned" growing into an opportunity."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from passerelle.meetings.models import MeetingFeedback, Slot
from passerelle.meetings.services import feedback as services
from passerelle.projects.enums import OriginKind
from passerelle.projects.models import Opportunity

from .factories import make_request, place, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(world):
    """An announced meeting of Léa and Marc that took place yesterday."""
    meeting = place(world.session, make_request(world.session, world.lea, world.marc, message="Radiomics"), 0)
    publish(world.session)
    Slot.objects.filter(pk=meeting.slot_id).update(start=timezone.now() - timedelta(days=1, minutes=30),
                                                   end=timezone.now() - timedelta(days=1))
    meeting.refresh_from_db()
    return meeting


def test_each_attendee_gives_their_own_feedback_once_and_may_change_it(world, held):
    services.feedback_save(actor=None, meeting=held, person=world.lea, took_place=True, useful=True,
                           follow_up=True, note="Joint grant idea")
    services.feedback_save(actor=None, meeting=held, person=world.marc, took_place=True, useful=False,
                           follow_up=False, note="")
    services.feedback_save(actor=None, meeting=held, person=world.lea, took_place=True, useful=True,
                           follow_up=False, note="  changed  ")
    rows = sorted(MeetingFeedback.objects.values_list("person_id", "useful", "follow_up", "note"))
    assert rows == sorted([(world.lea.pk, True, False, "changed"), (world.marc.pk, False, False, "")])


def test_a_meeting_that_did_not_take_place_is_a_no_show(world, held):
    feedback = services.feedback_save(actor=None, meeting=held, person=world.lea, took_place=False, useful=True,
                                      follow_up=True, note="He did not come")
    assert (feedback.took_place, feedback.useful, feedback.follow_up) == (False, None, False)


def test_only_attendees_of_a_started_announced_meeting_give_feedback(world, held):
    with pytest.raises(ValidationError, match="Only the people at a meeting"):
        services.feedback_save(actor=None, meeting=held, person=world.ines, took_place=True, useful=True,
                               follow_up=False, note="")
    future = place(world.session, make_request(world.session, world.ines, world.paul), 2)
    publish(world.session)
    Slot.objects.filter(pk=future.slot_id).update(start=timezone.now() + timedelta(days=3),
                                                  end=timezone.now() + timedelta(days=3, minutes=30))
    future.refresh_from_db()
    with pytest.raises(ValidationError, match="opens once the meeting has started"):
        services.feedback_save(actor=None, meeting=future, person=world.ines, took_place=True, useful=True,
                               follow_up=False, note="")


def test_follow_up_leads_to_an_opportunity_born_from_the_meeting(client, world, held):
    client.force_login(world.lea.user)
    url = reverse("meetings:feedback", args=[world.session.event.slug, held.pk])
    response = client.post(url, {"took_place": "yes", "useful": "yes", "follow_up": "on", "note": "A grant"})
    opportunity_url = reverse("meetings:opportunity", args=[world.session.event.slug, held.pk])
    assert response["Location"] == opportunity_url

    response = client.post(opportunity_url, {"title": "Radiomics of glioblastoma, Lyon–Montréal"})

    opportunity = Opportunity.objects.get()
    assert response["Location"] == opportunity.get_absolute_url()
    assert (opportunity.origin_kind, opportunity.origin_meeting, opportunity.origin_event) == (
        OriginKind.MEETING, held, world.session.event)
    assert set(opportunity.people.all()) == {world.lea, world.marc}
    assert opportunity.origin_note == "A grant"
    # a second visit shows the existing one instead of creating another
    client.post(opportunity_url, {"title": "Again"})
    assert Opportunity.objects.count() == 1


def test_usefulness_is_asked_when_the_meeting_took_place(client, world, held):
    client.force_login(world.lea.user)
    url = reverse("meetings:feedback", args=[world.session.event.slug, held.pk])
    response = client.post(url, {"took_place": "yes", "note": ""})
    assert response.status_code == 200
    assert "Tell us whether the meeting was useful." in response.content.decode()
    assert not MeetingFeedback.objects.exists()


def test_the_agenda_offers_feedback_after_the_meeting(client, world, held):
    client.force_login(world.lea.user)
    page = client.get(reverse("meetings:agenda", args=[world.session.event.slug])).content.decode()
    assert reverse("meetings:feedback", args=[world.session.event.slug, held.pk]) in page
