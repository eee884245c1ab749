"""API tokens: created on the account page (shown once, stored as a hash), listed, revoked;
accepted by the API as ``Bearer``/``Token``, refused (401 JSON) when unknown, revoked, expired
or of a deactivated account; seen read-only by coordinators in the admin."""
from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts import api_tokens
from passerelle.accounts.models import ApiToken
from passerelle.core.enums import Visibility
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def create_on_the_page(client, name: str = "Weekly export", **extra):
    return client.post(reverse("accounts:api_tokens"), {"name": name, **extra}, follow=True)


def bearer(secret: str, keyword: str = "Bearer") -> dict:
    return {"HTTP_AUTHORIZATION": f"{keyword} {secret}"}


def test_a_new_token_is_shown_once_and_only_its_hash_is_stored(client):
    member = MemberFactory()
    client.force_login(member)

    page = create_on_the_page(client).content.decode()

    secret = re.search(r'id="new-token" type="text" readonly value="(psl_[A-Za-z0-9_-]+)"', page).group(1)
    assert len(secret) > 40 and "copy it now" in page
    token = ApiToken.objects.get(user=member)
    assert (token.name, token.prefix) == ("Weekly export", secret[:12])
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    stored = [str(value) for value in ApiToken.objects.filter(pk=token.pk).values().get().values()]
    assert not any(secret in value for value in stored)
    again = client.get(reverse("accounts:api_tokens")).content.decode()
    assert secret not in again and token.prefix in again and "Weekly export" in again


def test_the_account_page_links_to_the_tokens(client):
    client.force_login(MemberFactory())
    assert reverse("accounts:api_tokens") in client.get(reverse("accounts:email_change")).content.decode()


@pytest.mark.parametrize("keyword", ["Bearer", "Token", "bearer"])
def test_a_script_with_a_token_reads_what_its_owner_sees(client, keyword):
    owner = MemberFactory()
    hidden = PersonFactory(visibility=Visibility.MEMBERS, last_name="Membres")
    secret = api_tokens.token_create(user=owner, name="script").secret

    assert client.get(reverse("api-person", args=[hidden.pk])).status_code == 404  # anonymous
    response = client.get(reverse("api-person", args=[hidden.pk]), **bearer(secret, keyword))
    assert (response.status_code, response.json()["last_name"]) == (200, "Membres")
    agenda = client.get(reverse("api-meetings-agenda"), **bearer(secret, keyword))
    assert (agenda.status_code, agenda.json()["count"]) == (200, 0)


def test_last_used_is_written_at_most_once_a_minute(client):
    new = api_tokens.token_create(user=MemberFactory(), name="script")
    assert new.token.last_used_at is None
    client.get(reverse("api-meetings-agenda"), **bearer(new.secret))
    first = ApiToken.objects.get(pk=new.token.pk).last_used_at
    assert first is not None
    client.get(reverse("api-meetings-agenda"), **bearer(new.secret))
    assert ApiToken.objects.get(pk=new.token.pk).last_used_at == first
    ApiToken.objects.filter(pk=new.token.pk).update(last_used_at=first - timedelta(minutes=2))
    client.get(reverse("api-meetings-agenda"), **bearer(new.secret))
    assert ApiToken.objects.get(pk=new.token.pk).last_used_at > first - timedelta(minutes=2)


def assert_refused(response, code: str = "authentication_failed") -> None:
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (401, code) and error["message"]


def test_unknown_revoked_expired_or_deactivated_tokens_are_refused(client):
    member = MemberFactory()
    revoked = api_tokens.token_create(user=member, name="revoked")
    api_tokens.token_revoke(token=revoked.token, actor=member)
    expired = api_tokens.token_create(user=member, name="expired", expires_at=timezone.now() - timedelta(days=1))
    inactive_owner = MemberFactory()
    of_inactive = api_tokens.token_create(user=inactive_owner, name="inactive")
    inactive_owner.is_active = False
    inactive_owner.save()
    url = reverse("api-meetings-agenda")

    for secret in ("psl_" + "x" * 43, "not-even-a-token", revoked.secret, expired.secret, of_inactive.secret):
        assert_refused(client.get(url, **bearer(secret)))
    assert_refused(client.get(url, HTTP_AUTHORIZATION="Bearer"))
    assert_refused(client.get(url, HTTP_AUTHORIZATION="Bearer two words"))


def test_a_bad_token_is_refused_even_with_a_session(client):
    client.force_login(MemberFactory())
    assert_refused(client.get(reverse("api-meetings-agenda"), **bearer("psl_unknown")))


def test_a_member_revokes_their_token_after_confirming(client):
    member = MemberFactory()
    new = api_tokens.token_create(user=member, name="old script")
    client.force_login(member)
    url = reverse("accounts:api_token_revoke", args=[new.token.pk])

    confirm = client.get(url)
    assert confirm.status_code == 200 and "old script" in confirm.content.decode()
    assert ApiToken.objects.get(pk=new.token.pk).revoked_at is None  # a GET changes nothing
    response = client.post(url, follow=True)

    token = ApiToken.objects.get(pk=new.token.pk)
    assert token.revoked_at is not None and token.revoked_by == member
    assert "revoked" in response.content.decode()
    client.logout()
    assert_refused(client.get(reverse("api-meetings-agenda"), **bearer(new.secret)))
    client.force_login(member)
    assert client.post(url).status_code == 404  # already revoked


def test_a_member_cannot_revoke_someone_elses_token(client):
    new = api_tokens.token_create(user=MemberFactory(), name="theirs")
    client.force_login(MemberFactory())
    url = reverse("accounts:api_token_revoke", args=[new.token.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert ApiToken.objects.get(pk=new.token.pk).revoked_at is None
    assert "theirs" not in client.get(reverse("accounts:api_tokens")).content.decode()


def test_tokens_per_member_are_limited_with_a_clear_message(client):
    member = MemberFactory()
    for number in range(api_tokens.MAX_ACTIVE_TOKENS):
        api_tokens.token_create(user=member, name=f"script {number}")
    client.force_login(member)

    page = create_on_the_page(client, "one too many").content.decode()

    assert "most allowed" in page and "revoke one" in page
    assert ApiToken.objects.filter(user=member).count() == api_tokens.MAX_ACTIVE_TOKENS
    api_tokens.token_revoke(token=ApiToken.objects.filter(user=member).first(), actor=member)
    create_on_the_page(client, "now allowed")
    assert ApiToken.objects.filter(user=member, name="now allowed").exists()


def test_a_token_may_expire(client):
    member = MemberFactory()
    client.force_login(member)
    create_on_the_page(client, expires_in="30")
    token = ApiToken.objects.get(user=member)
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)


def test_coordinators_see_tokens_in_the_admin_without_secret_and_may_revoke(client):
    new = api_tokens.token_create(user=MemberFactory(), name="lab script")
    coordinator = CoordinatorFactory()
    client.force_login(coordinator)

    listing = client.get(reverse("admin:accounts_apitoken_changelist")).content.decode()
    detail = client.get(reverse("admin:accounts_apitoken_change", args=[new.token.pk])).content.decode()

    assert "lab script" in listing and new.token.prefix in listing and new.secret not in listing
    assert new.token.key_hash in detail and new.secret not in detail
    assert 'name="name"' not in detail  # read-only
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
    client.post(reverse("admin:accounts_apitoken_changelist"),
                {"action": "revoke", "_selected_action": [new.token.pk]})
    assert ApiToken.objects.get(pk=new.token.pk).revoked_by == coordinator


def test_members_do_not_reach_the_tokens_admin(client):
    client.force_login(MemberFactory())
    response = client.get(reverse("admin:accounts_apitoken_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]
