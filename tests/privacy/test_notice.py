"""The privacy notice, in French and in English, linked from every page."""
from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/directory/people/", "/events/"])
def test_every_page_links_to_the_privacy_notice(client, url):
    assert f'href="{reverse("privacy:notice")}"' in client.get(url).content.decode()


def test_notice_in_english_states_what_is_kept_and_why(client):
    body = client.get(reverse("privacy:notice"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for text in ("What we keep", "Why", "How long", "Your rights", "Law 25", "3.0 years"):
        assert text in body


def test_notice_is_served_in_french_by_default(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(reverse("privacy:notice"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.context["LANGUAGE_CODE"] == "fr"
    assert '<html lang="fr">' in response.content.decode()
