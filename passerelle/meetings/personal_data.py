"""Personal data held by bilateral meetings (``passerelle/core/personal_data.py``).

Erasure keeps the meetings (the reports count them) and empties what the person wrote: their
request messages and their feedback notes."""
from passerelle.core.personal_data import Erasure, declare, not_personal

from .models import (
    B2BSession,
    MeetingAttendee,
    MeetingFeedback,
    MeetingRequest,
    Participant,
    RequestInvitee,
    ScheduleRun,
    SessionStatusChange,
)

ORDER = 31

not_personal(B2BSession, "names the coordinator who opened the session")
declare(Participant, person=("person",), order=ORDER)
not_personal(SessionStatusChange, "names the coordinator who moved the session's status")
declare(MeetingRequest, person=("requester", "invitees"), erasure=Erasure.BLANK, author="requester",
        texts=("message",), order=ORDER)
declare(RequestInvitee, person=("person",), order=ORDER)
declare(MeetingAttendee, person=("person",), order=ORDER)
declare(MeetingFeedback, person=("person",), erasure=Erasure.BLANK, author="person", texts=("note",), order=ORDER)
not_personal(ScheduleRun, "names the coordinator who started a scheduler run")
