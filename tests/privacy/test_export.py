"""A member downloads all their personal data: a JSON file and a readable page."""
from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from tests.factories import MemberFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_member_downloads_everything_held_about_them_as_json(client, ada):
    client.force_login(ada["user"])
    response = client.get(reverse("privacy:my_data_json"))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["person_id"] == ada["person"].pk
    assert data["directory"]["profile"]["last_name"] == "Lovelace"
    assert data["directory"]["profile"]["orcid"] == "0000-0002-1825-0097"
    assert "Head of the Babbage lab" in data["directory"]["profile"]["affiliations"]
    assert {entry["by"] for entry in data["directory"]["history"]} == {"a coordinator", "you"}
    assert len(data["events"]["registrations"]) == 3
    assert len(data["events"]["programme"]) == 2
    assert [d["head"] for d in data["events"]["delegations"]] == [True, True]
    assert data["accounts"]["account"]["email"] == "ada.lovelace@example.org"
    assert "203.0.113.7" in [sign_in["address"] for sign_in in data["accounts"]["sign_ins"]]
    assert [i["email"] for i in data["accounts"]["invitations"]] == ["ada.lovelace@example.org"]
    assert [c["given"] for c in data["privacy"]["consents"]] == [True]


def test_export_names_no_other_person(client, ada):
    client.force_login(ada["user"])
    text = client.get(reverse("privacy:my_data_json")).content.decode()
    coordinator = ada["coordinator"]
    others = [p.last_name for event in ada["past"] for r in event.registrations.exclude(person=ada["person"])
              for p in [r.person]]
    assert coordinator.email not in text and coordinator.last_name not in text
    assert [name for name in others if name in text] == []


def test_readable_page_shows_the_same_data(client, ada):
    client.force_login(ada["user"])
    body = client.get(reverse("privacy:my_data")).content.decode()
    for shown in ("Lovelace", "0000-0002-1825-0097", "Head of the Babbage lab", "203.0.113.7",
                  ada["past"][0].title, "Download (JSON)", "Ask to be erased"):
        assert shown in body


def test_member_without_a_profile_sees_their_account(client):
    user = MemberFactory(email="solo@example.org")
    client.force_login(user)
    body = client.get(reverse("privacy:my_data")).content.decode()
    assert "solo@example.org" in body and "You have no profile in the directory" in body
    assert client.get(reverse("privacy:my_data_json")).status_code == 404


def test_coordinator_exports_anyones_data_members_only_their_own(client, ada):
    other = PersonFactory(last_name="Hopper")
    client.force_login(ada["coordinator"])
    assert json.loads(client.get(reverse("privacy:person_data_json", args=[other.pk])).content)[
        "directory"]["profile"]["last_name"] == "Hopper"
    client.force_login(ada["user"])
    assert client.get(reverse("privacy:person_data_json", args=[other.pk])).status_code == 403


# English labels the French page must not show ("Invitations" and "Techniques" are French too).
ENGLISH_WORDS = ("Events", "Registrations", "Start", "Role", "Status", "Meetings", "Slot", "Useful", "Follow up",
                 "Projects", "Origin kind", "Next step", "Accounts", "Last sign in", "Keywords", "Offers", "Seeks",
                 "Visibility", "Consent date", "History", ">you<", "from:", "to:", "Sign ins")


def test_the_readable_page_is_all_in_french_with_dates_in_words(client, ada):
    client.force_login(ada["user"])
    body = client.get(reverse("privacy:my_data"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    sections = body.split("<h2>", 2)[-1]  # what Passerelle holds, after the consent form
    labels = re.findall(r"<(?:th|dt|h3|h4)[^>]*>([^<]+)<", sections)
    assert labels, "the page lists the data"
    assert [word for word in ENGLISH_WORDS if any(word.strip("<>") == text.strip() for text in labels)
            or word in sections and word.startswith((">", "from", "to"))] == []
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", sections), "moments are written in words"
    assert "Inscriptions" in labels or "inscriptions" in " ".join(labels).lower()


def test_api_tokens_are_exported_without_their_secret_and_deleted_with_the_account(client, ada):
    from passerelle.accounts import api_tokens
    from passerelle.accounts.models import ApiToken
    from passerelle.privacy import services

    created = api_tokens.token_create(user=ada["user"], name="weekly export")
    token, secret = created.token, created.secret
    client.force_login(ada["user"])
    data = client.get(reverse("privacy:my_data_json")).json()
    assert [t["name"] for t in data["accounts"]["api_tokens"]] == ["weekly export"]
    assert secret not in json.dumps(data) and token.key_hash not in json.dumps(data)
    services.person_erase(actor=ada["coordinator"], person=ada["person"])
    assert not ApiToken.objects.filter(pk=token.pk).exists()
