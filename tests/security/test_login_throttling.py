"""Sign-in throttling: repeated wrong passwords lock one account from one address for a while."""
from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passerelle.core.throttling import client_ip, username_of
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"


def attempt(client: Client, email: str, password: str, ip: str = "203.0.113.7"):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=ip)


def fail(client: Client, email: str, times: int, ip: str = "203.0.113.7") -> list[int]:
    return [attempt(client, email, "wrong password", ip).status_code for _ in range(times)]


def test_account_is_locked_after_the_failure_limit_even_with_the_right_password(client, settings):
    MemberFactory(email="ada@example.org")
    statuses = fail(client, "ada@example.org", settings.AXES_FAILURE_LIMIT)
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert statuses[-1] == 429

    response = attempt(client, "ada@example.org", PASSWORD)

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode() or "Trop" in response.content.decode()
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_capitals_and_spaces_in_the_address_count_against_the_same_account(client, settings):
    MemberFactory(email="ada@example.org")
    for i in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, ["Ada@Example.org ", "ADA@EXAMPLE.ORG", "ada@example.org"][i % 3], "wrong")
    assert attempt(client, "ada@example.org", PASSWORD).status_code == 429


def test_lockout_holds_one_address_and_one_account_only(client, settings):
    MemberFactory(email="ada@example.org")
    MemberFactory(email="bob@example.org")
    fail(client, "ada@example.org", settings.AXES_FAILURE_LIMIT)

    assert attempt(Client(), "ada@example.org", PASSWORD, ip="198.51.100.9").status_code == 302
    assert attempt(Client(), "bob@example.org", PASSWORD).status_code == 302


def test_lockout_ends_after_the_cool_off(client, settings):
    MemberFactory(email="ada@example.org")
    fail(client, "ada@example.org", settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1))

    assert attempt(client, "ada@example.org", PASSWORD).status_code == 302


def test_a_success_resets_the_failure_count(client, settings):
    MemberFactory(email="ada@example.org")
    fail(client, "ada@example.org", settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, "ada@example.org", PASSWORD).status_code == 302
    client.post(reverse("logout"))

    assert fail(client, "ada@example.org", settings.AXES_FAILURE_LIMIT - 1) == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, "ada@example.org", PASSWORD).status_code == 302


def test_admin_sign_in_is_throttled_too(client, settings):
    MemberFactory(email="ada@example.org")
    url = reverse("admin:login")
    statuses = [client.post(url, {"username": "ada@example.org", "password": "x"}).status_code
                for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses[-1] == 429


def test_unknown_accounts_are_throttled_like_known_ones(client, settings):
    statuses = fail(client, "nobody@example.org", settings.AXES_FAILURE_LIMIT + 1)
    assert statuses[-2:] == [429, 429]


def test_username_is_folded_like_the_sign_in_form(rf):
    assert username_of(rf.post("/"), {"username": "  Ada@Example.ORG "}) == "ada@example.org"
    assert username_of(rf.post("/", {"username": "Bob@X.org"}), None) == "bob@x.org"


@pytest.mark.parametrize(("proxies", "forwarded", "expected"), [
    (0, "1.1.1.1", "10.0.0.2"),
    (1, "", "10.0.0.2"),
    (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),
    (2, "6.6.6.6, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
])
def test_client_address_trusts_only_the_configured_proxies(rf, settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
