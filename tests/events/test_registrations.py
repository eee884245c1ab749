"""Registrations: capacity, window, waiting list, confirmation e-mail, coordinators' list and export."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

import icalendar
import pytest
import tablib
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from passerelle.events import services
from passerelle.events.enums import EventStatus, RegistrationRole, RegistrationStatus
from passerelle.events.models import Registration
from tests.factories import CoordinatorFactory, OrganisationFactory, PersonFactory

from .factories import EventFactory, ProgrammeItemFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def register(event, person, *, by_coordinator=False, role=RegistrationRole.DELEGATE, consent=True):
    return services.registration_register(actor=None, event=event, person=person, role=role,
                                          consent_to_list=consent, by_coordinator=by_coordinator)


def test_member_registers_self_and_gets_a_confirmed_seat(client, member_with_profile, open_event):
    client.force_login(member_with_profile)
    response = client.post(reverse("events:register", args=[open_event.slug]),
                           {"role": "delegate", "consent_to_list": "on"})
    assert response.status_code == 302
    registration = Registration.objects.get(event=open_event)
    assert (registration.person.user, registration.status, registration.consent_to_list) == (
        member_with_profile, RegistrationStatus.CONFIRMED, True)


@pytest.mark.parametrize("role", [RegistrationRole.SPEAKER, RegistrationRole.ORGANISER, RegistrationRole.HOST])
def test_a_member_cannot_name_themself_speaker_organiser_or_host(client, member_with_profile, open_event, role):
    client.force_login(member_with_profile)
    page = client.get(reverse("events:register", args=[open_event.slug])).content.decode()
    assert f'value="{role.value}"' not in page and 'value="visitor"' in page
    response = client.post(reverse("events:register", args=[open_event.slug]), {"role": role.value})
    assert response.status_code == 200
    assert not Registration.objects.exists()
    with pytest.raises(ValidationError) as refused:
        register(open_event, member_with_profile.person, role=role)
    assert "role" in refused.value.message_dict
    assert register(open_event, member_with_profile.person, role=role, by_coordinator=True).role == role


def test_member_without_profile_is_asked_to_create_one(member_client, open_event):
    response = member_client.post(reverse("events:register", args=[open_event.slug]), {"role": "delegate"})
    assert response.status_code == 200
    assert reverse("directory:my_profile") in response.content.decode()
    assert not Registration.objects.exists()


def test_capacity_puts_the_next_people_on_the_waiting_list(open_event):
    open_event.capacity = 2
    open_event.save()
    statuses = [register(open_event, PersonFactory()).status for _ in range(4)]
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED,
                        RegistrationStatus.WAITING, RegistrationStatus.WAITING]


def test_waiting_list_promotes_next_registrant_on_cancellation(open_event, django_capture_on_commit_callbacks):
    open_event.capacity = 1
    open_event.save()
    first = register(open_event, PersonFactory())
    second = register(open_event, PersonFactory(email="second@example.org"))
    third = register(open_event, PersonFactory())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=None, registration=first)

    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
    assert [m.to for m in mail.outbox] == [["second@example.org"]]
    assert "A seat is free" in mail.outbox[0].subject


def test_cancelling_a_waiting_registration_promotes_nobody(open_event):
    open_event.capacity = 1
    open_event.save()
    register(open_event, PersonFactory())
    waiting = register(open_event, PersonFactory())
    last = register(open_event, PersonFactory())
    services.registration_cancel(actor=None, registration=waiting)
    last.refresh_from_db()
    assert last.status == RegistrationStatus.WAITING


def test_raising_the_capacity_promotes_the_waiting_list(coordinator, open_event):
    open_event.capacity = 1
    open_event.save()
    register(open_event, PersonFactory())
    waiting = register(open_event, PersonFactory())
    open_event.capacity = 2
    services.event_save(actor=coordinator, event=open_event)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize("window", ["not yet open", "closed"])
def test_member_cannot_register_outside_the_window(client, member_with_profile, window):
    now = timezone.now()
    if window == "not yet open":
        event = EventFactory(registration_opens=now + timedelta(days=1))
    else:
        event = EventFactory(registration_opens=now - timedelta(days=5), registration_closes=now - timedelta(days=1))
    client.force_login(member_with_profile)
    response = client.post(reverse("events:register", args=[event.slug]), {"role": "delegate"})
    assert response.status_code == 200
    assert "Registration for this event is not open." in response.content.decode()
    assert not Registration.objects.exists()
    with pytest.raises(ValidationError):
        register(event, member_with_profile.person)


def test_member_cannot_register_when_status_is_not_open(member_with_profile):
    event = EventFactory(status=EventStatus.PUBLISHED)
    with pytest.raises(ValidationError):
        register(event, member_with_profile.person)


def test_coordinator_registers_anyone_outside_the_window_but_within_capacity(coordinator_client):
    now = timezone.now()
    event = EventFactory(status=EventStatus.CLOSED, capacity=1, registration_closes=now - timedelta(days=1),
                         registration_opens=now - timedelta(days=9))
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    person = PersonFactory()
    response = coordinator_client.post(reverse("events:registration_add", args=[event.slug]),
                                       {"person": person.pk, "role": "speaker"})
    assert response.status_code == 302
    registration = Registration.objects.get(event=event, person=person)
    assert (registration.role, registration.status) == (RegistrationRole.SPEAKER, RegistrationStatus.WAITING)


def test_nobody_registers_to_a_cancelled_event(open_event):
    open_event.status = EventStatus.CANCELLED
    open_event.save()
    with pytest.raises(ValidationError):
        register(open_event, PersonFactory(), by_coordinator=True)


def test_registering_twice_is_refused_with_a_clear_message(open_event):
    person = PersonFactory(first_name="Ada", last_name="Lovelace")
    register(open_event, person)
    with pytest.raises(ValidationError, match="Ada Lovelace is already registered"):
        register(open_event, person, by_coordinator=True)


def test_a_cancelled_registration_can_be_renewed(open_event):
    person = PersonFactory()
    first = register(open_event, person)
    services.registration_cancel(actor=None, registration=first)
    again = register(open_event, person)
    assert (again.pk, again.status) == (first.pk, RegistrationStatus.CONFIRMED)


def test_confirmation_email_carries_the_personal_calendar(open_event, django_capture_on_commit_callbacks):
    ProgrammeItemFactory(event=open_event, title_fr="Ouverture", title_en="Opening")
    ProgrammeItemFactory(event=open_event, title_fr="Déjeuner", title_en="Lunch", room="Salle B")
    person = PersonFactory(email="ada@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        register(open_event, person)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("entretiens-2027.ics", "text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    assert sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")) == ["Lunch", "Opening"]


def test_waiting_list_email_has_no_calendar(open_event, django_capture_on_commit_callbacks):
    open_event.capacity = 0
    open_event.save()
    with django_capture_on_commit_callbacks(execute=True):
        register(open_event, PersonFactory())
    assert mail.outbox[0].attachments == []
    assert "waiting list" in mail.outbox[0].subject


def test_member_cancels_own_registration_but_not_someone_elses(client, member_with_profile, open_event):
    mine = register(open_event, member_with_profile.person)
    other = register(open_event, PersonFactory())
    client.force_login(member_with_profile)
    assert client.post(reverse("events:registration_cancel", args=[open_event.slug, other.pk])).status_code == 404
    assert client.post(reverse("events:registration_cancel", args=[open_event.slug, mine.pk])).status_code == 302
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.status, other.status) == (RegistrationStatus.CANCELLED, RegistrationStatus.CONFIRMED)


def test_agenda_lists_the_members_registrations(client, member_with_profile, open_event):
    register(open_event, member_with_profile.person)
    other = EventFactory(title_en="Workshop without me")
    client.force_login(member_with_profile)
    page = client.get(reverse("events:agenda")).content.decode()
    assert open_event.title_en in page and other.title_en not in page
    calendar = icalendar.Calendar.from_ical(client.get(reverse("events:agenda_ics")).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [open_event.title_en]


@pytest.fixture
def crowd(open_event):
    clb = OrganisationFactory(name="Centre Léon Bérard", acronym="CLB")
    chum = OrganisationFactory(name="CHUM", territory="QC")
    people = [
        PersonFactory(first_name="Léa", last_name="Dupont", organisation=clb),
        PersonFactory(first_name="Marc", last_name="Tremblay", territory="QC", organisation=chum),
        PersonFactory(first_name="Julie", last_name="Gagnon", territory="QC", organisation=chum),
    ]
    register(open_event, people[0], role=RegistrationRole.HOST, by_coordinator=True)
    register(open_event, people[1], role=RegistrationRole.SPEAKER, by_coordinator=True)
    services.registration_cancel(actor=None, registration=register(open_event, people[2]))
    return people


def test_coordinator_filters_registrations(coordinator_client, open_event, crowd):
    url = reverse("events:registrations", args=[open_event.slug])
    names = lambda response: [r.person.last_name for r in response.context["registrations"]]  # noqa: E731
    assert names(coordinator_client.get(url, {"territory": "QC"})) == ["Tremblay", "Gagnon"]
    assert names(coordinator_client.get(url, {"status": "cancelled"})) == ["Gagnon"]
    assert names(coordinator_client.get(url, {"role": "host"})) == ["Dupont"]
    assert names(coordinator_client.get(url, {"q": "clb"})) == ["Dupont"]


def test_registration_export_csv_reads_back(coordinator_client, open_event, crowd):
    response = coordinator_client.get(reverse("events:registrations_export", args=[open_event.slug, "csv"]),
                                      {"status": "confirmed"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["Last name"], r["Organisation"], r["Territory"], r["Role"]) for r in rows] == [
        ("Dupont", "Centre Léon Bérard", "Auvergne-Rhône-Alpes", "Host"), ("Tremblay", "CHUM", "Québec", "Speaker")]
    assert response["Content-Disposition"] == 'attachment; filename="entretiens-2027-registrations.csv"'


def test_registration_export_xlsx_reads_back(coordinator_client, open_event, crowd):
    response = coordinator_client.get(reverse("events:registrations_export", args=[open_event.slug, "xlsx"]))
    data = tablib.Dataset().load(response.content, format="xlsx")
    assert sorted(zip(data["Last name"], data["Status"], strict=True)) == [
        ("Dupont", "Confirmed"), ("Gagnon", "Cancelled"), ("Tremblay", "Confirmed")]


def test_registration_export_speaks_the_language_of_the_coordinator(coordinator_client, open_event, crowd):
    response = coordinator_client.get(reverse("events:registrations_export", args=[open_event.slug, "xlsx"]),
                                      HTTP_ACCEPT_LANGUAGE="fr")
    data = tablib.Dataset().load(response.content, format="xlsx")
    assert data.headers[:3] == ["Prénom", "Nom", "Adresse e-mail"]
    assert sorted(zip(data["Nom"], data["Statut"], strict=True)) == [
        ("Dupont", "Confirmée"), ("Gagnon", "Annulé"), ("Tremblay", "Confirmée")]
    assert "first_name" not in data.headers
    assert set(data["Dans la liste des participants"]) <= {"oui", "non"}


def test_badges_show_name_organisation_and_territory_of_confirmed_people(coordinator_client, open_event, crowd):
    page = coordinator_client.get(reverse("events:badges", args=[open_event.slug])).content.decode()
    assert "Léa Dupont" in page and "Centre Léon Bérard" in page and "Marc Tremblay" in page
    assert "Québec" in page
    assert "Julie Gagnon" not in page


def test_member_cannot_export_registrations(member_client, open_event):
    assert member_client.get(reverse("events:registrations_export", args=[open_event.slug, "csv"])).status_code == 403


def test_coordinator_registration_form_error_leaves_nothing_saved(coordinator_client, open_event):
    person = PersonFactory()
    register(open_event, person)
    response = coordinator_client.post(reverse("events:registration_add", args=[open_event.slug]),
                                       {"person": person.pk, "role": "delegate"})
    assert response.status_code == 200
    assert "is already registered to this event" in response.content.decode()
    assert Registration.objects.filter(event=open_event).count() == 1


def test_registration_roles_cover_the_issue():
    assert set(RegistrationRole.values) == {"delegate", "speaker", "organiser", "host", "visitor"}
    assert CoordinatorFactory  # the factories module is importable in every test run


def test_a_delegate_gives_travel_details_that_reach_the_organisers_export(client, member_with_profile, open_event):
    registration = register(open_event, member_with_profile.person)
    client.force_login(member_with_profile)
    page = client.get(reverse("events:register", args=[open_event.slug])).content.decode()
    assert reverse("events:registration_logistics", args=[open_event.slug, registration.pk]) in page
    first = open_event.local(open_event.start).date()
    url = reverse("events:registration_logistics", args=[open_event.slug, registration.pk])
    response = client.post(url, {"arrival": (first + timedelta(days=2)).isoformat(),
                                 "departure": first.isoformat(), "invitation_letter": "on"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "departure" in errors and "letter_details" in errors
    registration.refresh_from_db()
    assert registration.arrival is None  # nothing saved

    response = client.post(url, {"arrival": (first - timedelta(days=1)).isoformat(),
                                 "departure": (first + timedelta(days=3)).isoformat(),
                                 "dietary_needs": "Végétarien", "invitation_letter": "on",
                                 "letter_details": "Marie-Léa DUPONT, française"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.dietary_needs, registration.invitation_letter) == ("Végétarien", True)

    client.force_login(CoordinatorFactory())
    response = client.get(reverse("events:registrations_export", args=[open_event.slug, "xlsx"]))
    data = tablib.Dataset().load(response.content, format="xlsx")
    row = dict(zip(data.headers, data[0], strict=True))
    assert (row["Arrival"], row["Dietary needs"], row["Invitation letter"], row["For the letter"]) == (
        (first - timedelta(days=1)).isoformat(), "Végétarien", "yes", "Marie-Léa DUPONT, française")


def test_another_member_cannot_see_or_change_someone_s_travel_details(member_client, member_with_profile,
                                                                     open_event):
    registration = register(open_event, member_with_profile.person)
    url = reverse("events:registration_logistics", args=[open_event.slug, registration.pk])
    assert member_client.get(url).status_code == 404
    assert member_client.post(url, {"dietary_needs": "x"}).status_code == 404
