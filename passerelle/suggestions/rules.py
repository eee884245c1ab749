"""Who may see what in the suggestions app."""
from __future__ import annotations

from typing import Any

from passerelle.directory.models import Person
from passerelle.directory.selectors import is_coordinator


def can_see_suggestions(viewer: Any, person: Person) -> bool:
    """A person's suggestions are for themself and for coordinators."""
    if not getattr(viewer, "is_authenticated", False):
        return False
    return is_coordinator(viewer) or (person.user_id is not None and person.user_id == viewer.pk)
