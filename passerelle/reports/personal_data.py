"""The reports app holds no row about a person (``passerelle/core/personal_data.py``)."""
from passerelle.core.personal_data import not_personal

from .models import Outcome

not_personal(Outcome, "names the account that recorded a project's outcome")
