"""Password reset links are throttled per address and per client, without revealing accounts."""
from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.factories import MemberFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]



@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def ask(client, email: str, address: str = "203.0.113.5"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_at_most_three_links_an_hour_reach_one_address(client):
    MemberFactory(email="ada@example.org")
    responses = [ask(client, "Ada@Example.org ", address=f"198.51.100.{i}") for i in range(6)]
    assert [r.status_code for r in responses] == [302] * 6
    assert {r["Location"] for r in responses} == {reverse("password_reset_done")}
    assert len(mail.outbox) == 3


def test_an_unknown_address_gets_the_same_answer_as_a_known_one(client):
    MemberFactory(email="ada@example.org")
    known, unknown = ask(client, "ada@example.org"), ask(client, "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])


def test_one_client_is_stopped_after_ten_requests_whatever_the_addresses(client):
    MemberFactory(email="ada@example.org")
    statuses = [ask(client, f"someone{i}@example.org").status_code for i in range(10)]
    blocked = ask(client, "ada@example.org")
    assert statuses == [302] * 10
    assert blocked.status_code == 429
    assert "try again in an hour" in blocked.content.decode()
    assert mail.outbox == []
    assert ask(client, "ada@example.org", address="192.0.2.1").status_code == 302
    assert len(mail.outbox) == 1
