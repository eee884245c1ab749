"""The site's frame: error pages in the layout and language, the icon, the grouped menu."""
from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import CoordinatorFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_404_is_in_the_site_layout_and_in_french(client: Client):
    response = client.get("/nowhere-at-all/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="site-header"' in page
    assert "Page introuvable" in page


@pytest.mark.usefixtures("english")
def test_403_is_in_the_site_layout_and_says_what_to_do(client: Client):
    client.force_login(MemberFactory())
    response = client.get(reverse("accounts:invitations"))
    assert response.status_code == 403
    page = response.content.decode()
    assert 'class="site-header"' in page
    assert "Access refused" in page
    assert "ask a coordinator" in page


def test_favicon_ico_leads_to_the_icon(client: Client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


@pytest.mark.usefixtures("english")
def test_menu_groups_what_people_do_and_hides_coordinator_links_from_members(client: Client):
    client.force_login(MemberFactory())
    page = client.get(reverse("home")).content.decode()
    for group in ("Community", "Events", "Projects and funding", "Impact", "Sign out", "My data"):
        assert group in page
    assert reverse("directory:imports") not in page
    assert reverse("admin:index") not in page
    client.force_login(CoordinatorFactory())
    page = client.get(reverse("home")).content.decode()
    assert reverse("directory:imports") in page and reverse("admin:index") in page


def test_a_wrong_password_is_told_in_words_that_fit_an_e_mail_sign_in(client: Client):
    MemberFactory(email="lea@example.org")
    response = client.post(reverse("login"), {"username": "lea@example.org", "password": "wrong"},
                           HTTP_ACCEPT_LANGUAGE="fr")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez un" not in page
    assert "L’adresse e-mail ou le mot de passe est erroné" in page


@pytest.mark.usefixtures("english")
def test_the_admin_wears_the_site_s_name_and_icon(client: Client):
    client.force_login(CoordinatorFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:index")).content.decode()
    assert "Passerelle administration" in page and "img/logo.svg" in page and "css/admin.css" in page


def test_the_limits_page_of_the_docs_is_the_code_s_table():
    from pathlib import Path

    from passerelle.core.text_limits import limits_markdown

    docs = Path(__file__).resolve().parents[2] / "docs" / "limits.md"
    assert docs.read_text(encoding="utf-8") == limits_markdown(), "run: python manage.py text_limits > docs/limits.md"
