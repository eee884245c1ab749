"""Events and missions: the event, its places and status history, the programme, registrations
and delegations. Writes go through ``services.py``; reads through ``selectors.py``."""
from .event import Event, EventStatusChange, Place
from .programme import ProgrammeItem
from .registration import Delegation, Registration

__all__ = ["Delegation", "Event", "EventStatusChange", "Place", "ProgrammeItem", "Registration"]
