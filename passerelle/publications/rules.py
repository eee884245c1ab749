"""Who may do what with publications: one place for every check of pages, services and tags."""
from __future__ import annotations

from typing import Any

from passerelle.directory.models import Person
from passerelle.directory.rules import can_edit_person
from passerelle.directory.selectors import is_coordinator


def can_manage_publications(user: Any, person: Person) -> bool:
    """Link identifiers, import, hide, add or remove works of ``person``: the person themself (their
    account) and coordinators — the same people who may edit the profile."""
    return can_edit_person(user, person)


def can_harvest_many(user: Any) -> bool:
    """Start the import of many people's publications at once: coordinators."""
    return is_coordinator(user)
