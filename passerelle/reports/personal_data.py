"""The reports app holds no row about a person (``passerelle/core/personal_data.py``)."""
from passerelle.core.personal_data import not_personal

from .models import Outcome, OutcomeProposal

not_personal(Outcome, "names the account that recorded a project's outcome")
not_personal(OutcomeProposal, "names the coordinator who confirmed or dismissed a proposed outcome")
