"""A participant's own settings: taking part or not, their limit, the slots they are unavailable in."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from passerelle.directory.models import Person

from .. import rules
from ..locking import lock_session
from ..models import B2BSession, MeetingAttendee, Participant, Slot


def participant_save(*, actor: Any, session: B2BSession, person: Person, takes_meetings: bool,
                     max_meetings: int | None, unavailable: Iterable[Slot]) -> Participant:
    """Save ``person``'s availability. A slot holding one of their meetings cannot be marked
    unavailable (the meeting would have to move): they are told which, to ask the coordinator."""
    unavailable = list(unavailable)
    with transaction.atomic():
        session = lock_session(session.pk)
        if not rules.is_participant(session, person):
            raise ValidationError(_("Only people registered to the event take part in its meetings."))
        if any(slot.session_id != session.pk for slot in unavailable):
            raise ValidationError(_("This slot belongs to another session."))
        busy = (MeetingAttendee.objects.filter(person=person, active=True, slot__in=unavailable)
                .select_related("slot").order_by("slot__start"))
        if busy:
            raise ValidationError(_("You have a meeting at %(slots)s: ask the coordinators to move it, or cancel "
                                    "it, before marking yourself unavailable then.")
                                  % {"slots": ", ".join(str(a.slot) for a in busy)})
        participant, _created = Participant.objects.get_or_create(session=session, person=person)
        participant.takes_meetings, participant.max_meetings = takes_meetings, max_meetings
        participant.full_clean(exclude=["session", "person"], validate_unique=False)
        participant.save()  # updated_at tells a running scheduler that availability changed
        participant.unavailable_slots.set(unavailable)
    return participant
