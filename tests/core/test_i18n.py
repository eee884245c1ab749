"""French by default, English on request, and the language switcher on every page."""
from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def lang_of(response) -> str:
    return re.search(r'<html lang="([a-z-]+)">', response.content.decode()).group(1)


def test_site_is_in_french_by_default(client):
    assert lang_of(client.get(reverse("home"))) == "fr"


def test_switching_to_english_and_back(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("directory:people")})
    assert response["Location"] == reverse("directory:people")
    assert lang_of(client.get(reverse("directory:people"))) == "en"
    assert "People" in client.get(reverse("directory:people")).content.decode()

    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert lang_of(client.get(reverse("home"))) == "fr"


def test_switcher_is_on_every_page(coordinator_client):
    person, org = PersonFactory(), OrganisationFactory()
    pages = [reverse("home"), reverse("directory:people"), reverse("directory:organisations"),
             person.get_absolute_url(), org.get_absolute_url(), reverse("directory:person_edit", args=[person.pk]),
             reverse("directory:imports"), reverse("directory:import_upload"), reverse("accounts:invitations"),
             reverse("directory:person_history", args=[person.pk]), reverse("password_reset")]
    switch = f'<form action="{reverse("set_language")}" method="post" class="lang-switch">'
    missing = [url for url in pages if switch not in coordinator_client.get(url).content.decode()]
    assert missing == []


def test_switcher_is_on_the_sign_in_page(client):
    page = client.get(reverse("login")).content.decode()
    assert ('name="language" value="en"' in page, 'name="language" value="fr"' in page) == (True, True)
