"""A profile cannot claim another account's e-mail, and personal data follows the account, never
an e-mail string: the export and the erasure of a member never reach a coordinator's records."""
from __future__ import annotations

import pytest
from axes.models import AccessLog
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.models import Invitation
from passerelle.directory import services
from passerelle.privacy.parts import erase_account, export_account
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]



def sign_in_record(email: str) -> AccessLog:
    return AccessLog.objects.create(username=email, ip_address="198.51.100.9", user_agent="Firefox",
                                    attempt_time=timezone.now())


def test_member_cannot_give_their_profile_a_coordinators_email(client):
    coordinator = CoordinatorFactory(email="coordinator@passerelle.demo")
    member = MemberFactory()
    person = PersonFactory(user=member, email=member.email)
    client.force_login(member)
    form = client.get(reverse("directory:person_edit", args=[person.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not hasattr(v, "pk")}
    data.update(email=coordinator.email.upper(), consent="on")
    response = client.post(reverse("directory:person_edit", args=[person.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["This e-mail address belongs to another account."]
    person.refresh_from_db()
    assert person.email == member.email


def test_services_refuse_another_accounts_email_whatever_the_way_in():
    CoordinatorFactory(email="coordinator@passerelle.demo")
    person = PersonFactory(email="someone@example.org")
    with pytest.raises(ValidationError) as refused:
        services.person_update(actor=None, person=person, data={"email": "Coordinator@passerelle.demo"})
    assert "email" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.person_create(actor=None, data={"first_name": "A", "last_name": "B", "kind": "researcher",
                                                 "territory": "AURA", "email": "coordinator@passerelle.demo"})


def test_a_profile_may_keep_its_own_accounts_email():
    member = MemberFactory(email="own@example.org")
    person = services.person_create(actor=None, user=member, data={
        "first_name": "A", "last_name": "B", "email": "own@example.org", "kind": "researcher", "territory": "AURA"})
    assert person.email == "own@example.org"


def test_export_and_erasure_of_a_member_never_reach_another_accounts_records():
    """A legacy profile whose e-mail string is a coordinator's (written before the rule)."""
    coordinator = CoordinatorFactory(email="coordinator@passerelle.demo")
    member = MemberFactory(email="member@example.org")
    person = PersonFactory(user=member, email="member@example.org")
    type(person).objects.filter(pk=person.pk).update(email=coordinator.email)
    person.refresh_from_db()
    sign_in_record(coordinator.email)
    sign_in_record(member.email)
    Invitation.objects.create(email=coordinator.email, role="coordinator", invited_by=coordinator)

    exported = export_account(person)
    erase_account(person)

    assert [s["address"] for s in exported["sign_ins"]] == ["198.51.100.9"]
    assert "invitations" not in exported
    assert list(AccessLog.objects.values_list("username", flat=True)) == [coordinator.email]
    assert Invitation.objects.filter(email=coordinator.email).count() == 1
