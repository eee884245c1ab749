"""Models of bilateral meetings: the session of an event (windows, breaks, slots, tables), the
participants' availability, requests, meetings, feedback and the solver's runs. Writes go through
``services.py``; reads through ``selectors.py``."""
from .meeting import Meeting, MeetingAttendee, MeetingFeedback, ScheduleRun
from .request import MeetingRequest, RequestInvitee
from .session import B2BSession, MeetingTable, Participant, SessionBreak, SessionStatusChange, SessionWindow, Slot

__all__ = [
    "B2BSession", "Meeting", "MeetingAttendee", "MeetingFeedback", "MeetingRequest", "MeetingTable", "Participant",
    "RequestInvitee", "ScheduleRun", "SessionBreak", "SessionStatusChange", "SessionWindow", "Slot",
]
