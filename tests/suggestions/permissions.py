"""Who may open every suggestions URL: shared by ``tests/suggestions/test_views.py`` and the
project-wide matrix in ``tests/core/test_permission_matrix.py``.

Statuses for (anonymous, member, owner, coordinator). The person is "owner"'s members-only
profile (the matrix's ``objects["person"]``), the partner a public profile on the other side,
the event the events matrix's open event. The API answers 401 (JSON) rather than redirecting;
the idea endpoint only takes POST (405 to a GET).
"""
from __future__ import annotations

from django.urls import reverse

from passerelle.core.enums import Territory, Visibility
from tests.access import LOGIN
from tests.factories import PersonFactory

SUGGESTIONS_EXPECTED = {
    "suggestions:mine": (LOGIN, 200, 302, 200),
    "suggestions:person": (LOGIN, 403, 200, 200),
    "suggestions:save": (LOGIN, 403, 200, 200),
    "suggestions:idea": (LOGIN, 200, 200, 200),
    "suggestions:event": (LOGIN, 403, 403, 200),
    "api-person-suggestions": (401, 403, 200, 200),
    "api-idea-suggestions": (401, 405, 405, 405),
}


def make_suggestions_objects(owner) -> dict:
    """A public partner on the other side of ``owner``'s profile."""
    return {"partner": PersonFactory(territory=Territory.QC, visibility=Visibility.PUBLIC,
                                     expertise="Radiomics of glioblastoma MRI")}


def suggestions_url(name: str, objects: dict) -> str:
    person = objects["person"]
    args = {
        "suggestions:person": [person.pk],
        "suggestions:save": [person.pk, objects["partner"].pk],
        "suggestions:event": [objects["event"].slug],
        "api-person-suggestions": [person.pk],
    }.get(name)
    return reverse(name, args=args)
