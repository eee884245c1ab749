"""Signing in by e-mail, resetting a password, invitations, and the admin for coordinators."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.models import Invitation, Role
from passerelle.directory.models import AuditEntry
from tests.factories import CoordinatorFactory, InvitationFactory, MemberFactory, PersonFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"


def link_in(message) -> str:
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


@pytest.mark.parametrize("typed", ["ada@example.org", "Ada@Example.org ", "ADA@EXAMPLE.ORG"])
def test_member_signs_in_with_e_mail_and_password(client, typed):
    user = MemberFactory(email="ada@example.org")
    response = client.post(reverse("login"), {"username": typed, "password": PASSWORD})
    assert response["Location"] == reverse("directory:people")
    assert client.get(reverse("home")).context["user"] == user


def test_wrong_password_does_not_sign_in(client):
    MemberFactory(email="ada@example.org")
    response = client.post(reverse("login"), {"username": "ada@example.org", "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_inactive_account_cannot_sign_in(client):
    MemberFactory(email="ada@example.org", is_active=False)
    response = client.post(reverse("login"), {"username": "ada@example.org", "password": PASSWORD})
    assert response.status_code == 200


def test_password_reset_sends_an_e_mail_whose_link_sets_a_new_password(client):
    user = MemberFactory(email="ada@example.org")
    response = client.post(reverse("password_reset"), {"email": "ada@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]

    form_page = client.get(link_in(mail.outbox[0]), follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(set_password_url, {"new_password1": "Une nouvelle phrase 2024", "new_password2":
                                          "Une nouvelle phrase 2024"})

    assert done["Location"] == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("Une nouvelle phrase 2024")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert (response["Location"], len(mail.outbox)) == (reverse("password_reset_done"), 0)


def test_coordinator_invites_by_e_mail_with_a_link(coordinator_client, coordinator):
    person = PersonFactory(first_name="Louise", last_name="Bouchard", email="louise@example.org")
    response = coordinator_client.post(reverse("accounts:invitations"), {
        "email": "Louise@Example.org", "role": Role.MEMBER, "person": person.pk,
    })
    invitation = Invitation.objects.get()
    assert response["Location"] == reverse("accounts:invitations")
    assert (invitation.email, invitation.invited_by, invitation.person) == ("louise@example.org", coordinator, person)
    assert [m.to for m in mail.outbox] == [["louise@example.org"]]
    assert link_in(mail.outbox[0]) == reverse("accounts:accept", args=[invitation.token])


def test_accepting_an_invitation_creates_the_account_with_its_role_and_links_the_profile(client):
    person = PersonFactory(first_name="Louise", last_name="Bouchard")
    invitation = InvitationFactory(email="louise@example.org", role=Role.COORDINATOR, person=person)
    url = reverse("accounts:accept", args=[invitation.token])
    assert client.get(url).context["form"].initial == {"first_name": "Louise", "last_name": "Bouchard"}

    response = client.post(url, {"first_name": "Louise", "last_name": "Bouchard",
                                 "password1": "Une phrase de passe 2024", "password2": "Une phrase de passe 2024"})

    user = get_user_model().objects.get(email="louise@example.org")
    person.refresh_from_db()
    invitation.refresh_from_db()
    assert response["Location"] == reverse("directory:my_profile")
    assert (user.role, user.is_staff, user.check_password("Une phrase de passe 2024")) == (Role.COORDINATOR, True,
                                                                                          True)
    assert person.user == user
    assert invitation.accepted_at is not None
    assert client.get(reverse("directory:my_profile"))["Location"] == reverse("directory:person_edit",
                                                                              args=[person.pk])


def test_accepting_checks_the_two_passwords(client):
    invitation = InvitationFactory()
    response = client.post(reverse("accounts:accept", args=[invitation.token]), {
        "first_name": "A", "last_name": "B", "password1": "Une phrase de passe 2024", "password2": "autre"})
    assert list(response.context["form"].errors) == ["password2"]
    assert not get_user_model().objects.filter(email=invitation.email).exists()


def test_expired_invitation_gives_410(client, settings):
    invitation = InvitationFactory(created_at=timezone.now() - timedelta(days=settings.INVITATION_MAX_AGE_DAYS + 1))
    response = client.get(reverse("accounts:accept", args=[invitation.token]))
    assert response.status_code == 410


def test_used_invitation_gives_410(client):
    invitation = InvitationFactory(accepted_at=timezone.now())
    url = reverse("accounts:accept", args=[invitation.token])
    assert (client.get(url).status_code, client.post(url, {}).status_code) == (410, 410)


def test_unknown_invitation_token_is_not_found(client):
    assert client.get(reverse("accounts:accept", args=["nope"])).status_code == 404


def test_member_cannot_invite(member_client):
    response = member_client.post(reverse("accounts:invitations"), {"email": "x@example.org", "role": "coordinator"})
    assert (response.status_code, Invitation.objects.count(), len(mail.outbox)) == (403, 0, 0)


def test_inviting_an_existing_account_is_refused_on_the_email_field(coordinator_client):
    MemberFactory(email="ada@example.org")
    response = coordinator_client.post(reverse("accounts:invitations"), {"email": "ada@example.org", "role": "member"})
    assert list(response.context["form"].errors) == ["email"]
    assert len(mail.outbox) == 0


def test_accepting_after_the_address_got_an_account_is_refused_not_a_crash(client):
    invitation = InvitationFactory(email="ada@example.org")
    MemberFactory(email="ada@example.org")
    response = client.post(reverse("accounts:accept", args=[invitation.token]), {
        "first_name": "A", "last_name": "B", "password1": "Une phrase de passe 2024",
        "password2": "Une phrase de passe 2024"})
    assert response["Location"] == reverse("home")
    assert get_user_model().objects.filter(email="ada@example.org").count() == 1


def test_coordinator_reaches_the_admin_and_the_person_change_page(coordinator_client):
    person = PersonFactory()
    assert coordinator_client.get(reverse("admin:index")).status_code == 200
    assert coordinator_client.get(reverse("admin:directory_person_change", args=[person.pk])).status_code == 200


def test_member_does_not_reach_the_admin(member_client):
    response = member_client.get(reverse("admin:index"))
    assert response["Location"].startswith(reverse("admin:login"))


def test_admin_edits_are_audited(coordinator_client, coordinator):
    person = PersonFactory(expertise="Immunologie", visibility="public")
    data = {
        "first_name": person.first_name, "last_name": person.last_name, "email": person.email,
        "kind": person.kind, "territory": person.territory, "orcid": "", "expertise": "Radiomique",
        "keywords": "", "offers": "", "seeks": "", "visibility": "public", "user": "",
    }
    for prefix in ("affiliations", "category_tags", "site_tags"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})

    response = coordinator_client.post(reverse("admin:directory_person_change", args=[person.pk]), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.changes) == (coordinator, "update",
                                                          {"expertise": ["Immunologie", "Radiomique"]})
    person.refresh_from_db()
    assert "radiomique" in person.search_document


def test_a_coordinator_role_gives_staff_access_and_a_member_role_removes_it():
    user = CoordinatorFactory()
    assert (user.is_staff, user.is_coordinator) == (True, True)
    user.role = Role.MEMBER
    user.save()
    assert (user.is_staff, user.is_coordinator) == (False, False)
