"""Who may open every projects URL: shared by ``tests/projects/test_permissions.py`` and the
project-wide matrix in ``tests/core/test_permission_matrix.py``.

Statuses for (anonymous, member, owner, coordinator); "owner" is a person involved in the
opportunity (and, later, a partner of the project).
"""
from __future__ import annotations

from django.urls import reverse

from passerelle.core.enums import Visibility
from tests.factories import PersonFactory

from .factories import OpportunityFactory

LOGIN = "login"
PUBLIC = (200, 200, 200, 200)
COORDINATOR = (LOGIN, 403, 403, 200)
MEMBER = (LOGIN, 200, 200, 200)
INVOLVED = (LOGIN, 404, 200, 200)

PROJECTS_EXPECTED = {
    "projects:opportunities": MEMBER,
    "projects:opportunity": INVOLVED,
}


def make_projects_objects(owner) -> dict:
    """An opportunity involving ``owner``'s profile."""
    person = getattr(owner, "person", None) or PersonFactory(user=owner, visibility=Visibility.MEMBERS)
    return {"opportunity": OpportunityFactory(people=[person])}


def projects_url(name: str, objects: dict) -> str:
    args = {
        "projects:opportunity": [objects["opportunity"].pk],
    }.get(name)
    return reverse(name, args=args)


def is_projects_url(name: str) -> bool:
    return name in PROJECTS_EXPECTED
