"""Who may open every publications URL: shared by the project-wide matrix in
``tests/core/test_permission_matrix.py``.

Statuses for (anonymous, member, owner, coordinator). The objects are the owner's members-only profile
and one of its works; "member" is another member, who may read but never manage them. Writes take
POST only: a GET answers 405 to anyone signed in.
"""
from __future__ import annotations

from django.urls import reverse

from tests.access import LOGIN

from .factories import PersonPublicationFactory

READ = (404, 200, 200, 200)  # the profile is for members: a visitor is not told it exists
MANAGE = (LOGIN, 404, 200, 200)
POST_ONLY = (LOGIN, 405, 405, 405)

PUBLICATIONS_EXPECTED = {
    "publications:mine": (LOGIN, 200, 302, 200),  # a member without a profile is asked to create one
    "publications:harvest_many": (LOGIN, 403, 403, 200),
    "publications:detail": READ,
    "publications:person": READ,
    "publications:manage": MANAGE,
    "publications:identifiers": POST_ONLY,
    "publications:harvest": POST_ONLY,
    "publications:add_doi": POST_ONLY,
    "publications:import_file": POST_ONLY,
    "publications:link_visibility": POST_ONLY,
    "publications:link_remove": MANAGE,
}


def make_publications_objects(owner) -> dict:
    return {"publication_link": PersonPublicationFactory(person=owner.person)}


def publications_url(name: str, objects: dict) -> str:
    link = objects["publication_link"]
    if name in ("publications:mine", "publications:harvest_many"):
        return reverse(name)
    if name == "publications:detail":
        return reverse(name, args=[link.publication_id])
    if name.startswith("publications:link_"):
        return reverse(name, args=[link.pk])
    return reverse(name, args=[link.person_id])
