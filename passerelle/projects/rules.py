"""Who may do what in the projects app: predicates shared by views, templates and the API."""
from __future__ import annotations

from typing import Any

from passerelle.directory.selectors import is_coordinator

from .models import Opportunity, Project
from .selectors import projects_editable_by


def can_edit_opportunity(user: Any, opportunity: Opportunity) -> bool:
    """Coordinators, the owner and the creator edit it; the other people involved read it."""
    if is_coordinator(user):
        return True
    return getattr(user, "is_authenticated", False) and user.pk in (opportunity.owner_id, opportunity.created_by_id)


def can_edit_project(user: Any, project: Project) -> bool:
    return projects_editable_by(user).filter(pk=project.pk).exists()
