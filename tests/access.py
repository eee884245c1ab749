"""Who may open a page: the roles of the permission tables (``tests/*/permissions.py``) and the rows
they share, signing a test client in as one of the roles, and checking the answer a page gives.

A table gives, for each URL name, the answers to (anonymous, member, owner, coordinator): a status, or
``LOGIN`` where the page sends to the sign-in page and back.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from tests.factories import CoordinatorFactory, MemberFactory

ROLES = ("anonymous", "member", "owner", "coordinator")
LOGIN = "login"
# The rows most URLs share.
PUBLIC = (200, 200, 200, 200)
SIGNED_IN = (LOGIN, 200, 200, 200)
COORDINATOR = (LOGIN, 403, 403, 200)
API_COORDINATOR = (401, 403, 403, 200)  # the API answers 401 JSON where pages send to the sign-in page


def sign_in(client: Client, role: str, owner=None) -> Client:
    """``client`` signed in as a new member or coordinator, as ``owner`` (the user who owns the tested
    objects), or as nobody ("anonymous")."""
    if role == "member":
        client.force_login(MemberFactory())
    elif role == "owner":
        client.force_login(owner)
    elif role == "coordinator":
        client.force_login(CoordinatorFactory())
    return client


def check_answer(client: Client, url: str, expected: int | str) -> HttpResponse:
    """GETs ``url`` and asserts its status is ``expected``, or, for ``LOGIN``, that it sends to the sign-in
    page and back to ``url``; returns the response for further checks."""
    response = client.get(url)
    if expected == LOGIN:
        assert (response.status_code, response["Location"]) == (302, f"{reverse('login')}?next={url}")
    else:
        assert response.status_code == expected, (url, response.status_code)
    return response


def each_role(table: dict) -> list[tuple[str, str]]:
    """(URL name, role) for every cell of a permission table: what a test of the table is parametrized by."""
    return [(name, role) for name in sorted(table) for role in ROLES]


def check_cell(client: Client, table: dict, url_for: Callable[[str, dict], str], objects: dict, name: str,
               role: str) -> HttpResponse:
    """Checks one cell of a permission table: ``role`` opens the URL ``name`` (``url_for(name, objects)``) and
    gets the answer the table gives; ``objects["owner"]`` is who "owner" signs in as."""
    url = url_for(name, objects)
    return check_answer(sign_in(client, role, objects["owner"]), url, table[name][ROLES.index(role)])


def objects_of_owner(make_objects: Callable[..., dict]):
    """A fixture ``objects``: a new member, "owner", and the objects ``make_objects(owner)`` arranges
    around them (an app's ``make_*_objects`` of its ``permissions.py``)."""

    @pytest.fixture
    def objects(db) -> dict:
        owner = MemberFactory()
        return {"owner": owner, **make_objects(owner)}

    return objects
