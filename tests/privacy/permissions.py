"""Who may open every privacy URL: shared by ``tests/privacy`` and the project-wide matrix.

Statuses for (anonymous, member, owner, coordinator). "owner" has a profile; the plain member
and the coordinator have none, so their own data pages that need a profile answer 404.
"""
from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from passerelle.privacy.models import RetentionFlag
from tests.access import COORDINATOR, LOGIN, PUBLIC

PRIVACY_EXPECTED = {
    "privacy:notice": PUBLIC,
    "privacy:my_data": (LOGIN, 200, 200, 200),
    "privacy:my_data_json": (LOGIN, 404, 200, 404),
    "privacy:erasure_request": (LOGIN, 404, 200, 404),
    "privacy:erasure_withdraw": (LOGIN, 405, 405, 405),  # POST only
    "privacy:erasures": COORDINATOR,
    "privacy:person": COORDINATOR,
    "privacy:person_data_json": COORDINATOR,
    "privacy:person_erase": COORDINATOR,
    "privacy:retention": COORDINATOR,
    "privacy:retention_keep": COORDINATOR,
}


def make_privacy_objects(person) -> dict:
    """A retention flag on ``person`` (the owner's profile)."""
    return {"flag": RetentionFlag.objects.create(person=person, last_activity=timezone.now())}


def privacy_url(name: str, objects: dict) -> str:
    if name in ("privacy:person", "privacy:person_data_json", "privacy:person_erase"):
        return reverse(name, args=[objects["person"].pk])
    if name == "privacy:retention_keep":
        return reverse(name, args=[objects["flag"].pk])
    return reverse(name)
