"""Consent per person: what, when, how; the directory's consent date follows the latest answer."""
from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelle.directory.models import AuditEntry
from passerelle.privacy import selectors
from passerelle.privacy.enums import ConsentMethod, ConsentPurpose
from passerelle.privacy.models import ConsentRecord
from tests.factories import MemberFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lea(db):
    user = MemberFactory(email="lea@example.org")
    return PersonFactory(user=user, last_name="Dupont", email="lea@example.org", consent_date=None)


def test_member_gives_consent_on_their_data_page(client, lea):
    client.force_login(lea.user)
    response = client.post(reverse("privacy:my_data"), {"directory": "on", "matching": "on"})

    assert response["Location"] == reverse("privacy:my_data")
    records = ConsentRecord.objects.order_by("purpose")
    assert [(r.purpose, r.given, r.method, r.recorded_by) for r in records] == [
        ("directory", True, ConsentMethod.WEB, lea.user), ("matching", True, ConsentMethod.WEB, lea.user)]
    lea.refresh_from_db()
    assert lea.consent_date == timezone.localdate()
    assert AuditEntry.objects.filter(object_id=lea.pk, changes__has_key="consent_date").exists()


def test_withdrawing_clears_the_consent_date_and_keeps_the_history(client, lea):
    client.force_login(lea.user)
    client.post(reverse("privacy:my_data"), {"directory": "on", "matching": "on"})
    client.post(reverse("privacy:my_data"), {"matching": "on"})

    lea.refresh_from_db()
    assert lea.consent_date is None
    assert [(r.purpose, r.given) for r in ConsentRecord.objects.order_by("at", "pk")] == [
        ("directory", True), ("matching", True), ("directory", False)]
    assert selectors.consent_given(lea, ConsentPurpose.MATCHING)
    assert not selectors.consent_given(lea, ConsentPurpose.DIRECTORY)


def test_saving_unchanged_choices_records_nothing(client, lea):
    client.force_login(lea.user)
    client.post(reverse("privacy:my_data"), {"directory": "on"})
    client.post(reverse("privacy:my_data"), {"directory": "on"})
    assert ConsentRecord.objects.count() == 2  # directory given, matching refused: both first answers


def test_coordinator_records_a_signed_form_with_its_date(coordinator_client, coordinator, lea):
    response = coordinator_client.post(reverse("privacy:person", args=[lea.pk]), {
        "purpose": "directory", "given": "yes", "method": "form", "at": "2026-03-14", "note": "binder 3",
    })
    assert response["Location"] == reverse("privacy:person", args=[lea.pk])
    record = ConsentRecord.objects.get()
    assert (record.method, record.recorded_by, record.note, timezone.localdate(record.at)) == (
        ConsentMethod.FORM, coordinator, "binder 3", date(2026, 3, 14))
    lea.refresh_from_db()
    assert lea.consent_date == date(2026, 3, 14)
    page = coordinator_client.get(reverse("privacy:person", args=[lea.pk])).content.decode()
    assert "binder 3" in page and "signed form" in page


@pytest.mark.parametrize("bad", [{"purpose": "spam"}, {"method": "web"}, {"at": "14/03/2026x"}, {"given": "maybe"}])
def test_bad_consent_input_gets_a_field_error_and_records_nothing(coordinator_client, lea, bad):
    data = {"purpose": "directory", "given": "yes", "method": "form", "at": "2026-03-14", **bad}
    response = coordinator_client.post(reverse("privacy:person", args=[lea.pk]), data)
    assert response.status_code == 200 and response.context["form"].errors
    assert not ConsentRecord.objects.exists()


def test_current_consents_tell_never_asked_apart(lea):
    assert selectors.current_consents(lea) == {"directory": None, "matching": None}


def test_consent_given_on_the_profile_form_or_an_import_is_recorded_too(lea, coordinator):
    from passerelle.directory import services as directory_services
    from passerelle.directory.models import AuditEntry

    directory_services.person_update(actor=lea.user, person=lea, data={"consent_date": date(2026, 5, 2)})
    directory_services.person_update(actor=coordinator, person=lea, data={"consent_date": None})
    imported = directory_services.person_create(
        actor=coordinator, action=AuditEntry.Action.IMPORT,
        data={"first_name": "Jo", "last_name": "Importe", "kind": "researcher", "territory": "QC",
              "visibility": "members", "consent_date": date(2025, 1, 31)})

    records = [(r.person.last_name, r.given, r.method, timezone.localdate(r.at) if r.given else None)
               for r in ConsentRecord.objects.order_by("pk")]
    assert records == [("Dupont", True, ConsentMethod.WEB, date(2026, 5, 2)),
                       ("Dupont", False, ConsentMethod.PROFILE, None),
                       ("Importe", True, ConsentMethod.IMPORT, date(2025, 1, 31))]
    assert imported.consent_records.get().recorded_by == coordinator


def test_a_consent_date_on_the_profile_without_any_record_reads_as_consent_given(client, lea):
    lea.consent_date = date(2020, 9, 19)
    lea.save()
    client.force_login(lea.user)
    form = client.get(reverse("privacy:my_data")).context["form"]
    assert form.initial.get("directory") is True or form["directory"].value() is True
    assert selectors.consent_given(lea, ConsentPurpose.DIRECTORY)
    assert not selectors.consent_given(lea, ConsentPurpose.MATCHING)
    coordinator = MemberFactory(role="coordinator")
    client.force_login(coordinator)
    page = client.get(reverse("privacy:person", args=[lea.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    directory_line = page.split(str(ConsentPurpose.DIRECTORY.label))[1].split("</dd>")[0]
    assert "never asked" not in directory_line and "2020" in directory_line
    assert not ConsentRecord.objects.exists()  # nothing written by reading



def test_the_coordinator_page_names_purposes_in_words_and_never_asked_ones_too(client, lea):
    client.force_login(MemberFactory(role="coordinator"))
    page = client.get(reverse("privacy:person", args=[lea.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<dt>directory</dt>" not in page and "<dt>matching</dt>" not in page
    assert str(ConsentPurpose.MATCHING.label) in page and "never asked" in page
    assert "Record this consent" in page
