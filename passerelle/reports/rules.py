"""Who may do what with outcomes."""
from __future__ import annotations

from typing import Any

from .models import Outcome
from .selectors import projects_of


def can_edit_outcome(user: Any, outcome: Outcome) -> bool:
    return projects_of(user).filter(pk=outcome.project_id).exists()
