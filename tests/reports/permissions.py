"""Who may open every reports URL: shared by ``tests/reports/test_permissions.py`` and the
project-wide matrix in ``tests/core/test_permission_matrix.py``.

Statuses for (anonymous, member, owner, coordinator).
"""
from __future__ import annotations

from django.urls import reverse

LOGIN = "login"
PUBLIC = (200, 200, 200, 200)
COORDINATOR = (LOGIN, 403, 403, 200)

REPORTS_EXPECTED = {
    "reports:dashboard": COORDINATOR,
    "reports:export": COORDINATOR,
    "reports:public": PUBLIC,
}


def make_reports_objects(owner) -> dict:
    return {}


def reports_url(name: str, objects: dict) -> str:
    args = {
        "reports:export": ["xlsx"],
    }.get(name)
    return reverse(name, args=args)


def is_reports_url(name: str) -> bool:
    return name in REPORTS_EXPECTED
