"""Erasure: asked by the member, executed by a coordinator after confirmation; everything that
names the person goes, every figure stays."""
from __future__ import annotations

import io
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from passerelle.directory.models import Person
from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Delegation, ProgrammeItem, Registration
from passerelle.privacy import registry, services
from passerelle.privacy.enums import ErasureStatus
from passerelle.privacy.models import ErasureRequest
from passerelle.reports.indicators import ReportFilters, all_indicators

from .conftest import SECRETS

pytestmark = pytest.mark.django_db


def figures(world: dict) -> dict:
    """What the reports and the event pages count."""
    past = world["past"]
    confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED, event__in=past)
    return {
        "confirmed per event": {e.pk: e.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
                                for e in past},
        "participants per territory": dict(confirmed.values_list("person__territory").annotate(n=Count("pk"))),
        "participants per kind": dict(confirmed.values_list("person__kind").annotate(n=Count("pk"))),
        "delegation members": {d.pk: d.members.count() for d in Delegation.objects.all()},
        "speakers": {i.pk: i.speakers.count() for i in ProgrammeItem.objects.all()},
        "people per territory": dict(Person.objects.values_list("territory").annotate(n=Count("pk"))),
        "indicators": {ind.key: (ind.compute(ReportFilters()).by_year, ind.compute(ReportFilters()).total)
                       for ind in all_indicators()},
    }


def everything() -> str:
    out = io.StringIO()
    call_command("dumpdata", "--natural-foreign", stdout=out, exclude=["contenttypes", "auth.permission"])
    return out.getvalue()


def test_coordinator_erases_a_person_everywhere_and_every_figure_stays(client, ada):
    before = figures(ada)
    dump = everything()
    assert all(secret in dump for secret in SECRETS)  # the world does hold them
    ada_client = Client()
    ada_client.force_login(ada["user"])
    client.force_login(ada["coordinator"])
    url = reverse("privacy:person_erase", args=[ada["person"].pk])

    page = client.get(url)
    refused = client.post(url, {})
    assert page.status_code == 200 and "Erase Ada Lovelace?" in page.content.decode()
    assert refused.status_code == 200 and refused.context["form"].errors["confirm"]
    assert "Lovelace" in everything()

    response = client.post(url, {"confirm": "on"})

    assert response["Location"] == reverse("privacy:erasures")
    dump = everything()
    assert [secret for secret in SECRETS if secret in dump] == []
    after = figures(ada)
    assert after == before
    person = Person.objects.get(pk=ada["person"].pk)
    assert (person.full_name, person.user, person.visibility, person.territory) == (
        f"#{person.pk}", None, "coordinators", "QC")
    erasure = ErasureRequest.objects.get(person=person)
    assert (erasure.status, erasure.label, erasure.executed_by) == (ErasureStatus.DONE, f"#{person.pk}",
                                                                    ada["coordinator"])
    assert erasure.summary["events"]["registrations_cancelled"] == 1
    assert erasure.summary["accounts"]["account"] == 1


def test_erasure_cancels_seats_to_come_and_promotes_the_waiting_list(coordinator, ada):
    services.person_erase(actor=coordinator, person=ada["person"])
    own = Registration.objects.get(event=ada["upcoming"], person=ada["person"])
    ada["waiting"].refresh_from_db()
    assert (own.status, ada["waiting"].status) == (RegistrationStatus.CANCELLED, RegistrationStatus.CONFIRMED)


def test_erased_member_is_signed_out_and_cannot_sign_in_again(client, coordinator, ada):
    ada_client = Client()
    ada_client.force_login(ada["user"])
    services.person_erase(actor=coordinator, person=ada["person"])

    assert not ada_client.get(reverse("home")).context["user"].is_authenticated
    response = client.post(reverse("login"), {"username": "ada.lovelace@example.org",
                                              "password": "correct horse battery"})
    assert response.status_code == 200
    ada["user"].refresh_from_db()
    assert (ada["user"].is_active, ada["user"].has_usable_password()) == (False, False)


def test_erased_person_no_longer_appears_to_members_or_visitors(client, member, coordinator, ada):
    services.person_erase(actor=coordinator, person=ada["person"])
    client.force_login(member)
    event = ada["past"][0]
    assert client.get(reverse("directory:person", args=[ada["person"].pk])).status_code == 404
    assert f"#{ada['person'].pk}" not in client.get(reverse("events:detail", args=[event.slug])).content.decode()
    assert f"#{ada['person'].pk}" not in client.get(reverse("events:programme", args=[event.slug])).content.decode()


def test_erasure_is_all_or_nothing(coordinator, ada):
    def failing(person):
        raise RuntimeError("disk full")

    registry.register("zz_failing", export=lambda person: {}, erase=failing, order=99)
    try:
        with pytest.raises(RuntimeError):
            services.person_erase(actor=coordinator, person=ada["person"])
    finally:
        registry._parts.pop("zz_failing")
    person = Person.objects.get(pk=ada["person"].pk)
    ada["user"].refresh_from_db()
    assert (person.last_name, person.email, ada["user"].is_active) == ("Lovelace", "ada.lovelace@example.org", True)
    assert Registration.objects.get(event=ada["upcoming"], person=person).status == RegistrationStatus.CONFIRMED
    assert not ErasureRequest.objects.exists()


def test_erasing_twice_is_refused(client, coordinator, ada):
    services.person_erase(actor=coordinator, person=ada["person"])
    with pytest.raises(ValidationError):
        services.person_erase(actor=coordinator, person=ada["person"])
    client.force_login(coordinator)
    response = client.get(reverse("privacy:person_erase", args=[ada["person"].pk]))
    assert response["Location"] == reverse("privacy:person", args=[ada["person"].pk])


def test_member_asks_for_erasure_and_coordinators_are_told(client, ada, django_capture_on_commit_callbacks):
    client.force_login(ada["user"])
    refused = client.post(reverse("privacy:erasure_request"), {"reason": "I am leaving research"})
    assert refused.status_code == 200 and not ErasureRequest.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:erasure_request"), {"reason": "I am leaving research",
                                                                     "confirm": "on"})

    assert response["Location"] == reverse("privacy:my_data")
    request = ErasureRequest.objects.get()
    assert (request.status, request.label, request.requested_by) == (ErasureStatus.PENDING, "Ada Lovelace",
                                                                     ada["user"])
    assert [m.to for m in mail.outbox] == [[ada["coordinator"].email]]
    assert "Ada Lovelace" in mail.outbox[0].body and "http://testserver/privacy/erasures/" in mail.outbox[0].body
    assert "Withdraw my request" in client.get(reverse("privacy:my_data")).content.decode()


def test_pending_request_is_executed_from_the_list(client, ada):
    services.erasure_request_create(actor=ada["user"], person=ada["person"], reason="")
    client.force_login(ada["coordinator"])
    listing = client.get(reverse("privacy:erasures")).content.decode()
    assert "Ada Lovelace" in listing and reverse("privacy:person_erase", args=[ada["person"].pk]) in listing

    client.post(reverse("privacy:person_erase", args=[ada["person"].pk]), {"confirm": "on"})

    assert list(ErasureRequest.objects.values_list("status", flat=True)) == [ErasureStatus.DONE]
    assert "Ada Lovelace" not in client.get(reverse("privacy:erasures")).content.decode()


def test_member_withdraws_a_waiting_request(client, ada):
    services.erasure_request_create(actor=ada["user"], person=ada["person"])
    client.force_login(ada["user"])
    client.post(reverse("privacy:erasure_withdraw"))
    assert ErasureRequest.objects.get().status == ErasureStatus.WITHDRAWN
    with pytest.raises(ValidationError):
        services.erasure_request_withdraw(actor=ada["user"], request=ErasureRequest.objects.get())


def test_a_second_request_while_one_waits_is_refused(ada):
    services.erasure_request_create(actor=ada["user"], person=ada["person"])
    with pytest.raises(ValidationError):
        services.erasure_request_create(actor=ada["user"], person=ada["person"])


def test_every_app_with_personal_data_has_a_part():
    assert {"accounts", "directory", "events", "privacy"} <= set(registry.registered_labels())
    assert registry.registered_labels()[-1] == "directory"  # the person row is anonymised last


def test_export_after_erasure_holds_nothing_personal(ada, coordinator):
    services.person_erase(actor=coordinator, person=ada["person"])
    text = json.dumps(registry.export_person(Person.objects.get(pk=ada["person"].pk)), default=str)
    assert [secret for secret in SECRETS if secret in text] == []
