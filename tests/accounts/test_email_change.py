"""An account's sign-in address changes only when the new address confirms it."""
from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]



@pytest.fixture
def member(db):
    user = MemberFactory(email="ada@example.org")
    PersonFactory(user=user, email="ada@example.org")
    return user


def confirmation_link() -> str:
    message = next(m for m in mail.outbox if m.to == ["ada.lovelace@example.org"])
    return re.search(r"https?://\S+", message.body).group(0)


def test_the_new_address_confirms_the_change_and_the_profile_follows(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:email_change"), {"email": "Ada.Lovelace@example.org"})
    assert response.status_code == 200
    assert sorted(m.to[0] for m in mail.outbox) == ["ada.lovelace@example.org", "ada@example.org"]
    member.refresh_from_db()
    assert member.email == "ada@example.org"  # nothing changes before the confirmation

    response = client.get(confirmation_link())
    member.refresh_from_db()
    assert response["Location"] == reverse("accounts:email_change")
    assert (member.email, member.person.email) == ("ada.lovelace@example.org", "ada.lovelace@example.org")
    assert client.get(confirmation_link())["Location"] == reverse("accounts:email_change")  # used once
    member.refresh_from_db()
    assert member.email == "ada.lovelace@example.org"


def test_another_accounts_address_cannot_be_asked_for(client, member):
    CoordinatorFactory(email="coordinator@passerelle.demo")
    client.force_login(member)
    response = client.post(reverse("accounts:email_change"), {"email": "coordinator@passerelle.demo"})
    assert response.context["form"].errors["email"] == ["This e-mail address belongs to another account."]
    assert mail.outbox == []


def test_a_link_works_only_for_the_account_that_asked(client, member):
    client.force_login(member)
    client.post(reverse("accounts:email_change"), {"email": "ada.lovelace@example.org"})
    intruder = MemberFactory(email="intruder@example.org")
    client.force_login(intruder)
    client.get(confirmation_link())
    intruder.refresh_from_db()
    member.refresh_from_db()
    assert (intruder.email, member.email) == ("intruder@example.org", "ada@example.org")


def test_a_forged_link_changes_nothing(client, member):
    client.force_login(member)
    response = client.get(reverse("accounts:email_change_confirm", args=["eyJ1c2VyIjoxfQ:forged:sig"]), follow=True)
    member.refresh_from_db()
    assert member.email == "ada@example.org"
    assert "This link is not valid." in response.content.decode()
