"""Every projects and funding URL × role (anonymous, member, the object's owner, coordinator)."""
from __future__ import annotations

import pytest
from django.urls import reverse

from tests.access import LOGIN, ROLES, objects_of_owner
from tests.factories import CoordinatorFactory, MemberFactory

from .permissions import PROJECTS_EXPECTED, make_projects_objects, projects_url

objects = objects_of_owner(make_projects_objects)


@pytest.mark.parametrize("name", sorted(PROJECTS_EXPECTED))
def test_projects_url_answers_each_role(client, objects, name):
    """One set of objects per URL, each role in turn (the four requests share it)."""
    users = {"anonymous": None, "member": MemberFactory(), "owner": objects["owner"],
             "coordinator": CoordinatorFactory()}
    url = projects_url(name, objects)
    answers, expected = {}, {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        response = client.get(url)
        wanted = PROJECTS_EXPECTED[name][ROLES.index(role)]
        if wanted == LOGIN:
            answers[role] = (response.status_code, response.get("Location"))
            expected[role] = (302, f"{reverse('login')}?next={url}")
        else:
            answers[role], expected[role] = response.status_code, wanted
    assert answers == expected
