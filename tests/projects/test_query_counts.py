"""The list pages of projects and funding do not issue more queries as rows grow."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.core.enums import Territory
from passerelle.projects import services
from tests.factories import CoordinatorFactory, OrganisationFactory, PersonFactory
from tests.funding.factories import ApplicationFactory, CallFactory
from tests.queries import assert_queries_do_not_grow

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db


def fill(count: int) -> None:
    call = CallFactory(rules={"max_duration": {"months": 24}})
    for _ in range(count):
        aura = PersonFactory(organisation=OrganisationFactory())
        quebec = PersonFactory(territory=Territory.QC, organisation=OrganisationFactory(territory=Territory.QC))
        opportunity = services.opportunity_create(actor=None, title="Idea", people=[aura, quebec], notify=False)
        project = ProjectFactory(status="active", partners=[(aura, "lead"), (quebec, "lead")], opportunity=opportunity)
        ApplicationFactory(call=call, project=project, amounts={"EUR": "1000", "CAD": "2000"})
        CallFactory()


@pytest.mark.parametrize("url", [
    reverse("projects:opportunities"), reverse("projects:projects"), reverse("funding:calls"),
    reverse("funding:applications"), reverse("api-opportunities"), reverse("api-projects"), reverse("api-calls"),
    reverse("api-applications"),
])
def test_list_queries_do_not_grow_with_rows(client, url):
    client.force_login(CoordinatorFactory())
    assert_queries_do_not_grow(client, url, fill, 2, 6)


def test_a_project_page_has_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    fill(1)
    client.force_login(CoordinatorFactory())
    project = ProjectFactory._meta.model.objects.first()
    with django_assert_max_num_queries(30):
        assert client.get(project.get_absolute_url()).status_code == 200
