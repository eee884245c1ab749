"""Adjusting the grid by hand: every rule is checked server-side, announced meetings tell their people."""
from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from passerelle.core.french import in_active_language
from passerelle.meetings.models import Participant
from passerelle.meetings.services import schedule

from .factories import make_request, place, publish

pytestmark = pytest.mark.django_db


def cell(session, slot_index, table_index):
    return list(session.slots.all())[slot_index], list(session.tables.all())[table_index]


# Léa and Marc meet at slot 0, table 0; then (the other meeting placed at slot 1, table 0 / who is
# unavailable at the target slot), the (slot, table) moved to, and the refusal.
REFUSED_MOVES = {
    "to a taken table": (("ines", "paul"), None, (1, 0), "Table 1 is taken"),
    "that would book someone twice": (("lea", "paul"), None, (1, 1), "Léa Dupont already has a meeting"),
    "into an unavailable slot": (None, "marc", (2, 0), "Marc Tremblay is not available"),
}


@pytest.mark.parametrize("case", list(REFUSED_MOVES))
def test_a_move_breaking_a_rule_is_refused(world, case):
    other, unavailable, target, refusal = REFUSED_MOVES[case]
    meeting = place(world.session, make_request(world.session, world.lea, world.marc), 0, 0)
    if other:
        place(world.session, make_request(world.session, *(getattr(world, name) for name in other)), 1, 0)
    slot, table = cell(world.session, *target)
    if unavailable:
        absent = Participant.objects.create(session=world.session, person=getattr(world, unavailable))
        absent.unavailable_slots.add(slot)
    with pytest.raises(ValidationError, match=refusal):
        schedule.meeting_move(actor=None, meeting=meeting, slot=slot, table=table)


def test_placing_by_hand_respects_the_limit(world):
    world.session.max_meetings = 1
    world.session.save()
    place(world.session, make_request(world.session, world.lea, world.marc), 0, 0)
    with pytest.raises(ValidationError, match="the most allowed"):
        place(world.session, make_request(world.session, world.lea, world.paul), 1, 0)


def test_moving_an_announced_meeting_mails_its_people_and_grows_the_sequence(world,
                                                                           django_capture_on_commit_callbacks):
    meeting = place(world.session, make_request(world.session, world.lea, world.marc), 0, 0)
    publish(world.session)
    mail.outbox.clear()
    slot, table = cell(world.session, 3, 1)
    with django_capture_on_commit_callbacks(execute=True):
        moved = schedule.meeting_move(actor=None, meeting=meeting, slot=slot, table=table)

    assert (moved.slot, moved.table, moved.sequence) == (slot, table, 1)
    assert set(moved.attendees.values_list("slot_id", flat=True)) == {slot.pk}
    assert sorted(m.to[0] for m in mail.outbox) == ["lea@example.org", "marc@example.org"]
    with translation.override("fr"):  # neither of them lists English: they are written to in French
        subject = in_active_language(
            gettext("A meeting of yours has moved: %(event)s") % {"event": world.session.event.title})
    assert mail.outbox[0].subject == subject and "Table 2" in mail.outbox[0].body


def test_a_draft_meeting_moves_silently(world):
    meeting = place(world.session, make_request(world.session, world.lea, world.marc), 0, 0)
    slot, table = cell(world.session, 2, 0)
    moved = schedule.meeting_move(actor=None, meeting=meeting, slot=slot, table=table)
    assert (moved.slot, moved.sequence, len(mail.outbox)) == (slot, 0, 0)
