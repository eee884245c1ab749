"""Personal data held by events (``passerelle/core/personal_data.py``), exported and erased by the
privacy app's events part (``privacy/parts.py``)."""
from passerelle.core.personal_data import Erasure, declare, not_personal

from .models import Delegation, EventStatusChange, ProgrammeItem, Registration

declare(ProgrammeItem, person=("speakers",), erasure=Erasure.APP_PART)
declare(Registration, person=("person",), erasure=Erasure.APP_PART)
declare(Delegation, person=("head", "members"), erasure=Erasure.APP_PART)
not_personal(EventStatusChange, "names the coordinator who moved an event's status (the event's history)")
