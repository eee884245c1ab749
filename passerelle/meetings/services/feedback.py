"""The one-minute feedback each participant gives on each of their meetings, once it is over."""
from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.directory.models import Person

from ..models import Meeting, MeetingFeedback


def feedback_save(*, actor: Any, meeting: Meeting, person: Person, took_place: bool, useful: bool | None,
                  follow_up: bool, note: str) -> MeetingFeedback:
    """Create or update ``person``'s feedback on ``meeting`` (an announced meeting of theirs, over)."""
    with transaction.atomic():
        if not meeting.attendees.filter(person=person).exists():
            raise ValidationError(_("Only the people at a meeting give feedback on it."))
        if not meeting.is_announced or meeting.is_cancelled:
            raise ValidationError(_("This meeting did not take place in the published schedule."))
        if meeting.slot.start > timezone.now():
            raise ValidationError(_("Feedback opens once the meeting has started."))
        feedback, _created = MeetingFeedback.objects.get_or_create(meeting=meeting, person=person)
        feedback.took_place = took_place
        feedback.useful = useful if took_place else None
        feedback.follow_up = follow_up if took_place else False
        feedback.note = note.strip()
        feedback.full_clean(exclude=["meeting", "person"], validate_unique=False)
        feedback.save()
    return feedback
