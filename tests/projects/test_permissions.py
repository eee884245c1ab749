"""Every projects and funding URL × role (anonymous, member, the object's owner, coordinator)."""
from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import CoordinatorFactory, MemberFactory

from .permissions import LOGIN, PROJECTS_EXPECTED, make_projects_objects, projects_url

ROLES = ("anonymous", "member", "owner", "coordinator")


@pytest.fixture
def objects(db):
    owner = MemberFactory()
    return {"owner": owner, **make_projects_objects(owner)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PROJECTS_EXPECTED))
def test_projects_url_answers_each_role(client, objects, name, role):
    if role == "member":
        client.force_login(MemberFactory())
    elif role == "owner":
        client.force_login(objects["owner"])
    elif role == "coordinator":
        client.force_login(CoordinatorFactory())
    url = projects_url(name, objects)
    expected = PROJECTS_EXPECTED[name][ROLES.index(role)]

    response = client.get(url)

    if expected == LOGIN:
        assert (response.status_code, response["Location"]) == (302, f"{reverse('login')}?next={url}")
    else:
        assert response.status_code == expected
