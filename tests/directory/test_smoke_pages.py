import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, PersonFactory


@pytest.mark.django_db
def test_main_pages_render_for_a_coordinator(coordinator_client):
    org = OrganisationFactory()
    person = PersonFactory(organisation=org)
    for url in [
        reverse("home"), reverse("directory:people"), reverse("directory:people") + "?q=tumour&territory=AURA",
        person.get_absolute_url(), reverse("directory:person_edit", args=[person.pk]),
        reverse("directory:organisations"), org.get_absolute_url(), reverse("directory:imports"),
        reverse("directory:import_upload"), reverse("accounts:invitations"),
        reverse("directory:person_history", args=[person.pk]),
        reverse("api-people"), reverse("api-organisations"), reverse("api-schema"), reverse("api-docs"),
        reverse("directory:people_export", args=["csv"]), reverse("directory:people_export", args=["xlsx"]),
        reverse("admin:directory_person_changelist"), reverse("admin:directory_person_change", args=[person.pk]),
    ]:
        response = coordinator_client.get(url)
        assert response.status_code == 200, url
