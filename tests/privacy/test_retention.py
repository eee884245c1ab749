"""Retention: inactive profiles without consent are flagged for a coordinator's review."""
from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from passerelle.directory.models import Person
from passerelle.privacy import services
from passerelle.privacy.enums import RetentionResolution
from passerelle.privacy.models import RetentionFlag
from tests.events.factories import RegistrationFactory
from tests.factories import MemberFactory, PersonFactory

pytestmark = pytest.mark.django_db


def aged(person: Person, days: int) -> Person:
    Person.objects.filter(pk=person.pk).update(updated_at=timezone.now() - timedelta(days=days))
    person.refresh_from_db()
    return person


@pytest.fixture
def period(settings):
    settings.PRIVACY_RETENTION_DAYS = 365
    return 365


def flagged() -> set[str]:
    return set(RetentionFlag.objects.filter(resolved_at__isnull=True).values_list("person__last_name", flat=True))


def test_only_inactive_profiles_without_consent_are_flagged(period, coordinator):
    aged(PersonFactory(last_name="Oublie", consent_date=None), period + 1)
    aged(PersonFactory(last_name="Recent", consent_date=None), period - 1)
    aged(PersonFactory(last_name="Consenti", consent_date=date(2020, 1, 1)), period + 1)
    signed_in = aged(PersonFactory(last_name="Connecte", consent_date=None,
                                   user=MemberFactory(last_login=timezone.now())), period + 1)
    registered = aged(PersonFactory(last_name="Inscrit", consent_date=None), period + 1)
    RegistrationFactory(person=registered)
    erased = aged(PersonFactory(last_name="Efface", consent_date=None), period + 1)
    services.person_erase(actor=coordinator, person=erased)
    aged(erased, period + 1)

    assert services.flag_inactive_profiles() == 1
    assert flagged() == {"Oublie"}
    assert signed_in.pk and services.flag_inactive_profiles() == 0  # no duplicate flag


def test_a_kept_profile_is_flagged_again_only_after_another_period(period, coordinator):
    person = aged(PersonFactory(last_name="Oublie", consent_date=None), period + 1)
    services.flag_inactive_profiles()
    services.retention_keep(actor=coordinator, flag=RetentionFlag.objects.get())
    assert services.flag_inactive_profiles() == 0

    later = timezone.now() + timedelta(days=period + 1)
    aged(person, 2 * period + 2)
    assert services.flag_inactive_profiles(now=later) == 1
    flag = RetentionFlag.objects.get()
    assert (flag.resolved_at, flag.resolution) == (None, "")


def test_command_flags_and_reports(period):
    aged(PersonFactory(last_name="Oublie", consent_date=None), period + 1)
    out = io.StringIO()
    call_command("flag_inactive_profiles", "--dry-run", stdout=out)
    assert out.getvalue().startswith("1 inactive profiles") and not RetentionFlag.objects.exists()
    call_command("flag_inactive_profiles", stdout=out)
    assert "1 profiles newly flagged; 1 wait for a review" in out.getvalue()


def test_coordinator_reviews_and_keeps_a_profile(period, coordinator_client, coordinator):
    person = aged(PersonFactory(first_name="Jean", last_name="Oublie", consent_date=None), period + 1)
    coordinator_client.post(reverse("privacy:retention"))
    page = coordinator_client.get(reverse("privacy:retention")).content.decode()
    assert "Jean Oublie" in page
    flag = RetentionFlag.objects.get(person=person)
    assert "Keep the profile of Jean Oublie?" in coordinator_client.get(
        reverse("privacy:retention_keep", args=[flag.pk])).content.decode()

    coordinator_client.post(reverse("privacy:retention_keep", args=[flag.pk]))

    flag.refresh_from_db()
    assert (flag.resolution, flag.resolved_by) == (RetentionResolution.KEPT, coordinator)
    assert list(coordinator_client.get(reverse("privacy:retention")).context["page"]) == []
