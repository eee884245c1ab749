"""Visibility is enforced everywhere: pages, search, API, exports, organisation members, e-mail.

Four profiles (see the ``profiles`` fixture): public, members-only, coordinators-only, and a
coordinators-only profile owned by the member "owner".
"""
from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from passerelle.core.enums import Visibility
from passerelle.directory.models import Affiliation
from tests.factories import OrganisationFactory

VISIBLE = {
    "anonymous": {"Publique"},
    "member": {"Publique", "Membres"},
    "owner": {"Publique", "Membres", "Proprietaire"},
    "coordinator": {"Publique", "Membres", "Coordination", "Proprietaire"},
}
ROLES = sorted(VISIBLE)
ALL = VISIBLE["coordinator"]


@pytest.fixture
def as_role(role_client, profiles):
    return lambda role: role_client(role, profiles["owner"])


@pytest.mark.parametrize("role", ROLES)
def test_people_list_shows_only_the_profiles_the_role_may_see(as_role, role):
    response = as_role(role).get(reverse("directory:people"))
    assert {p.last_name for p in response.context["page"].object_list} == VISIBLE[role]


@pytest.mark.parametrize("role", ROLES)
def test_search_results_show_only_the_profiles_the_role_may_see(as_role, role):
    response = as_role(role).get(reverse("directory:people"), {"q": "tumour immunology"})
    assert {p.last_name for p in response.context["page"].object_list} == VISIBLE[role]


@pytest.mark.parametrize("role", ROLES)
def test_profile_page_is_not_found_when_not_visible(as_role, profiles, role):
    client = as_role(role)
    statuses = {
        profiles[key].last_name: client.get(profiles[key].get_absolute_url()).status_code
        for key in ("public", "members", "coordinators", "own")
    }
    assert statuses == {name: 200 if name in VISIBLE[role] else 404 for name in ALL}


@pytest.mark.parametrize("role", ROLES)
def test_api_list_and_detail_show_only_the_profiles_the_role_may_see(as_role, profiles, role):
    client = as_role(role)
    body = client.get(reverse("api-people")).json()
    assert (body["count"], {p["last_name"] for p in body["results"]}) == (len(VISIBLE[role]), VISIBLE[role])
    statuses = {
        profiles[key].last_name: client.get(reverse("api-person", args=[profiles[key].pk])).status_code
        for key in ("public", "members", "coordinators", "own")
    }
    assert statuses == {name: 200 if name in VISIBLE[role] else 404 for name in ALL}


def read_csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def read_xlsx(content: bytes) -> list[dict[str, str]]:
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], ["" if v is None else str(v) for v in row], strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("role", ROLES)
def test_csv_export_holds_only_the_profiles_the_role_may_see(as_role, role):
    response = as_role(role).get(reverse("directory:people_export", args=["csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert {row["last_name"] for row in read_csv(response.content)} == VISIBLE[role]


@pytest.mark.parametrize("role", ROLES)
def test_xlsx_export_holds_only_the_profiles_the_role_may_see(as_role, role):
    response = as_role(role).get(reverse("directory:people_export", args=["xlsx"]))
    assert {row["last_name"] for row in read_xlsx(response.content)} == VISIBLE[role]


@pytest.mark.parametrize("role", ROLES)
def test_organisation_lists_only_its_visible_members_and_counts_them(as_role, profiles, role):
    org = OrganisationFactory(name="Centre Léon Bérard")
    for key in ("public", "members", "coordinators", "own"):
        Affiliation.objects.create(person=profiles[key], organisation=org)
    client = as_role(role)

    detail = client.get(org.get_absolute_url())
    listing = client.get(reverse("directory:organisations"))

    assert {p.last_name for p in detail.context["page"].object_list} == VISIBLE[role]
    assert [o.people_count for o in listing.context["page"].object_list] == [len(VISIBLE[role])]


def test_home_page_counts_only_visible_profiles(client, profiles):
    assert client.get(reverse("home")).context["home"].figures.people == 1


def test_anonymous_visitor_never_sees_an_e_mail_address(client, profiles):
    public = profiles["public"]
    page = client.get(public.get_absolute_url()).content.decode()
    api = client.get(reverse("api-person", args=[public.pk])).json()
    exported = read_csv(client.get(reverse("directory:people_export", args=["csv"])).content)

    assert public.email not in page
    assert api["email"] == ""
    assert [row["email"] for row in exported] == [""]


def test_member_sees_e_mail_addresses(member_client, profiles):
    public = profiles["public"]
    page = member_client.get(public.get_absolute_url()).content.decode()
    api = member_client.get(reverse("api-person", args=[public.pk])).json()
    exported = read_csv(member_client.get(reverse("directory:people_export", args=["csv"])).content)

    assert f'href="mailto:{public.email}"' in page
    assert api["email"] == public.email
    assert {row["email"] for row in exported} == {profiles["public"].email, profiles["members"].email}


def test_coordinator_sees_the_visibility_of_a_profile_and_a_member_does_not(role_client, profiles):
    coordinator_page = role_client("coordinator").get(profiles["members"].get_absolute_url()).content.decode()
    member_page = role_client("member").get(profiles["members"].get_absolute_url()).content.decode()
    with translation.override("fr"):
        # French pages set a non-breaking space before the colon (FrenchTypographyMiddleware).
        label = f"{translation.gettext('Visibility')}\u00a0: {Visibility.MEMBERS.label}"
    assert (label in coordinator_page, label in member_page) == (True, False)
