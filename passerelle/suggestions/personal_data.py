"""Personal data held by suggestions (``passerelle/core/personal_data.py``): suggestions computed for
or about a person are exported and deleted on erasure."""
from passerelle.core.personal_data import Erasure, declare

from .models import EventSuggestion

declare(EventSuggestion, person=("person", "partner"), erasure=Erasure.DELETE, order=30)
