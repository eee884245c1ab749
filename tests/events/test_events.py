"""Events: creation in the event's time zone, bad input, status moves, drafts, public pages."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from passerelle.core.enums import TimeZone, Visibility
from passerelle.events import selectors, services
from passerelle.events.enums import EventStatus, RegistrationStatus
from passerelle.events.models import Event, EventStatusChange, Place
from tests.factories import MemberFactory, OrganisationFactory, PersonFactory

from .factories import EventFactory, ProgrammeItemFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def event_data(**overrides) -> dict:
    data = {
        "kind": "annual_meeting", "slug": "ejc-quebec-2026", "title_fr": "Entretiens Jacques Cartier 2026",
        "title_en": "Jacques Cartier Meetings 2026", "description_fr": "", "description_en": "",
        "time_zone": "America/Montreal", "start": "2026-10-05T09:00", "end": "2026-10-07T17:00",
        "capacity": "", "registration_opens": "", "registration_closes": "",
        "places-TOTAL_FORMS": "2", "places-INITIAL_FORMS": "0", "places-MIN_NUM_FORMS": "0",
        "places-MAX_NUM_FORMS": "1000",
        "places-0-name": "Centre des congrès", "places-0-city": "Québec", "places-0-territory": "QC",
        "places-0-position": "0", "places-1-name": "CHUS", "places-1-city": "Sherbrooke", "places-1-position": "1",
    }
    data.update(overrides)
    return data


def test_coordinator_creates_an_event_stored_in_utc_shown_in_its_zone(coordinator_client):
    org = OrganisationFactory(name="Université Laval", territory="QC")
    response = coordinator_client.post(reverse("events:create"), event_data(organisers=[org.pk]))
    assert response.status_code == 302
    event = Event.objects.get()
    # 09:00 in Québec in October is 13:00 UTC (EDT, UTC−4).
    assert event.start == datetime(2026, 10, 5, 13, 0, tzinfo=UTC)
    assert (event.status, list(event.organisers.all())) == (EventStatus.DRAFT, [org])
    assert [p.city for p in event.places.all()] == ["Québec", "Sherbrooke"]

    page = coordinator_client.get(event.get_absolute_url()).content.decode()
    assert "Oct. 5, 2026 09:00 – Oct. 7, 2026 17:00" in page
    assert "(Québec / Montréal time (America/Montreal), EDT)" in page


def test_an_empty_short_name_is_made_from_the_title_and_kept_unique(coordinator_client):
    EventFactory(slug="entretiens-jacques-cartier-2026")
    response = coordinator_client.post(reverse("events:create"), event_data(slug=""))
    assert response.status_code == 302
    assert Event.objects.latest("pk").slug == "entretiens-jacques-cartier-2026-2"
    long_title = "Journée " + " ".join(["oncologie"] * 20)
    response = coordinator_client.post(reverse("events:create"), event_data(slug="", title_fr=long_title))
    slug = Event.objects.latest("pk").slug
    assert len(slug) <= 80 and slug.startswith("journee-oncologie-") and not slug.endswith("-")


def test_event_form_shows_stored_times_back_in_the_event_zone(coordinator_client):
    event = EventFactory(time_zone=TimeZone.MONTREAL, start=datetime(2026, 10, 5, 13, 0, tzinfo=UTC),
                         end=datetime(2026, 10, 7, 21, 0, tzinfo=UTC), registration_opens=None,
                         registration_closes=None)
    page = coordinator_client.get(reverse("events:edit", args=[event.slug])).content.decode()
    assert 'value="2026-10-05T09:00"' in page and 'value="2026-10-07T17:00"' in page


def test_same_wall_clock_time_differs_in_utc_between_zones():
    paris = EventFactory(time_zone=TimeZone.PARIS, start=datetime(2027, 1, 10, 8, tzinfo=UTC))
    montreal = EventFactory(time_zone=TimeZone.MONTREAL, start=datetime(2027, 1, 10, 14, tzinfo=UTC))
    assert paris.local(paris.start).hour == montreal.local(montreal.start).hour == 9


def test_reversed_dates_are_refused_and_nothing_is_saved(coordinator_client):
    response = coordinator_client.post(reverse("events:create"), event_data(start="2026-10-07T09:00",
                                                                            end="2026-10-05T17:00"))
    assert response.status_code == 200
    assert response.context["form"].errors["end"] == ["The end must come after the start."]
    assert (Event.objects.count(), Place.objects.count()) == (0, 0)


def test_registration_window_must_close_after_it_opens(coordinator_client):
    response = coordinator_client.post(reverse("events:create"), event_data(
        registration_opens="2026-09-10T09:00", registration_closes="2026-09-01T09:00"))
    assert response.context["form"].errors["registration_closes"] == ["Registration must close after it opens."]
    assert not Event.objects.exists()


def test_capacity_below_current_registrations_is_refused(coordinator_client):
    event = EventFactory(time_zone=TimeZone.MONTREAL, capacity=10, registration_opens=None,
                         registration_closes=None)
    for _ in range(3):
        RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    local = lambda moment: event.local(moment).strftime("%Y-%m-%dT%H:%M")  # noqa: E731
    response = coordinator_client.post(reverse("events:edit", args=[event.slug]), event_data(
        slug=event.slug, capacity="2", start=local(event.start), end=local(event.end), title_fr="Nouveau titre"))
    assert response.status_code == 200
    assert response.context["form"].errors["capacity"] == [
        "3 people are already confirmed: the capacity cannot be lower than that."]
    event.refresh_from_db()
    assert (event.capacity, event.places.count(), event.title_fr) == (10, 0, event.title_fr)
    assert event.title_fr != "Nouveau titre"


def test_service_refuses_capacity_below_registrations_too():
    event = EventFactory(capacity=5)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event)
    event.capacity = 1
    with pytest.raises(ValidationError):
        services.event_save(actor=None, event=event)


def test_status_moves_are_recorded_with_who_and_when(coordinator):
    event = EventFactory(status=EventStatus.DRAFT)
    for status in (EventStatus.PUBLISHED, EventStatus.REGISTRATION_OPEN, EventStatus.CLOSED, EventStatus.HELD):
        services.event_set_status(actor=coordinator, event=event, to_status=status)
    history = list(EventStatusChange.objects.filter(event=event).order_by("at", "pk")
                   .values_list("from_status", "to_status", "by"))
    assert history == [("draft", "published", coordinator.pk), ("published", "registration_open", coordinator.pk),
                       ("registration_open", "closed", coordinator.pk), ("closed", "held", coordinator.pk)]
    assert Event.objects.get().status == EventStatus.HELD


@pytest.mark.parametrize("start,to", [
    (EventStatus.DRAFT, EventStatus.HELD),
    (EventStatus.DRAFT, EventStatus.REGISTRATION_OPEN),
    (EventStatus.HELD, EventStatus.REGISTRATION_OPEN),
    (EventStatus.CANCELLED, EventStatus.PUBLISHED),
    (EventStatus.REGISTRATION_OPEN, EventStatus.DRAFT),
])
def test_forbidden_status_moves_are_refused(coordinator, start, to):
    event = EventFactory(status=start)
    with pytest.raises(ValidationError, match="An event cannot go from"):
        services.event_set_status(actor=coordinator, event=event, to_status=to)
    assert (Event.objects.get().status, EventStatusChange.objects.count()) == (start, 0)


def test_status_page_offers_only_allowed_moves(coordinator_client):
    event = EventFactory(status=EventStatus.CLOSED)
    form = coordinator_client.get(reverse("events:status", args=[event.slug])).context["form"]
    assert [value for value, _ in form.fields["to_status"].choices] == ["registration_open", "held", "cancelled"]
    response = coordinator_client.post(reverse("events:status", args=[event.slug]), {"to_status": "draft"})
    assert response.status_code == 200
    assert Event.objects.get().status == EventStatus.CLOSED


def test_draft_is_visible_to_coordinators_only(client, coordinator_client):
    draft = EventFactory(status=EventStatus.DRAFT, title_en="Secret draft")
    urls = [draft.get_absolute_url(), reverse("events:programme", args=[draft.slug]),
            reverse("events:programme_ics", args=[draft.slug]), reverse("api-event", args=[draft.slug]),
            reverse("api-event-programme", args=[draft.slug])]
    assert [coordinator_client.get(url).status_code for url in urls] == [200] * 5
    assert "Secret draft" in coordinator_client.get(reverse("events:list")).content.decode()
    coordinator_client.logout()
    client.force_login(MemberFactory())
    assert [client.get(url).status_code for url in urls] == [404] * 5
    assert "Secret draft" not in client.get(reverse("events:list")).content.decode()
    client.logout()
    assert [client.get(url).status_code for url in urls] == [404] * 5
    assert [e["slug"] for e in client.get(reverse("api-events")).json()["results"]] == []


def test_event_list_shows_upcoming_first_then_past_by_year(client):
    now = timezone.now()
    soon = EventFactory(title_en="Soon", start=now + timedelta(days=10), end=now + timedelta(days=11))
    later = EventFactory(title_en="Later", start=now + timedelta(days=100), end=now + timedelta(days=101))
    y2019 = EventFactory(title_en="In 2019", start=datetime(2019, 5, 1, 8, tzinfo=UTC),
                         end=datetime(2019, 5, 2, 8, tzinfo=UTC), status=EventStatus.HELD, registration_opens=None,
                         registration_closes=None)
    y2024 = EventFactory(title_en="In 2024", start=datetime(2024, 5, 1, 8, tzinfo=UTC),
                         end=datetime(2024, 5, 2, 8, tzinfo=UTC), status=EventStatus.HELD, registration_opens=None,
                         registration_closes=None)
    listing = client.get(reverse("events:list")).context["listing"]
    assert listing.upcoming == [soon, later]
    assert listing.archive == [(2024, [y2024]), (2019, [y2019])]


def test_participants_without_consent_are_not_listed(client):
    event = EventFactory()
    RegistrationFactory(event=event, person=PersonFactory(first_name="Ana", last_name="Listed"))
    RegistrationFactory(event=event, consent_to_list=False, person=PersonFactory(first_name="Ben", last_name="Shy"))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Ana Listed" in page and "Ben Shy" not in page


def test_participants_respect_directory_visibility_even_with_consent(client):
    event = EventFactory()
    members_only = PersonFactory(first_name="Carla", last_name="Members", visibility=Visibility.MEMBERS)
    hidden = PersonFactory(first_name="Dan", last_name="Hidden", visibility=Visibility.COORDINATORS)
    public = PersonFactory(first_name="Eve", last_name="Public")
    for person in (members_only, hidden, public):
        RegistrationFactory(event=event, person=person)

    def listed(user):
        return [r.person.last_name for r in selectors.public_participants(event=event, user=user)]

    from django.contrib.auth.models import AnonymousUser

    assert listed(AnonymousUser()) == ["Public"]
    assert listed(MemberFactory()) == ["Members", "Public"]
    assert "Dan Hidden" not in client.get(event.get_absolute_url()).content.decode()


def test_waiting_and_cancelled_people_are_not_listed():
    event = EventFactory()
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    assert not selectors.public_participants(event=event, user=MemberFactory()).exists()


def test_person_page_lists_the_events_they_took_part_in(client):
    person = PersonFactory()
    shown = EventFactory(title_en="Took part")
    RegistrationFactory(event=shown, person=person)
    RegistrationFactory(event=EventFactory(title_en="Did not consent"), person=person, consent_to_list=False)
    RegistrationFactory(event=EventFactory(title_en="Draft one", status=EventStatus.DRAFT), person=person)
    page = client.get(person.get_absolute_url()).content.decode()
    assert "Took part" in page
    assert "Did not consent" not in page and "Draft one" not in page


def test_organisation_page_lists_the_visits_it_hosted(client):
    host = OrganisationFactory(name="Centre de recherche du CHUS")
    event = EventFactory(title_en="Sherbrooke visit")
    ProgrammeItemFactory(event=event, kind="visit", visited_organisation=host, title_en="Tour of the labs")
    ProgrammeItemFactory(event=EventFactory(status=EventStatus.DRAFT), kind="visit", visited_organisation=host,
                         title_en="Draft visit")
    page = client.get(host.get_absolute_url()).content.decode()
    assert "Tour of the labs" in page and "Sherbrooke visit" in page and "Draft visit" not in page


def test_titles_follow_the_active_language(client):
    event = EventFactory(title_fr="Entretiens", title_en="Meetings")
    assert "<h1>Entretiens</h1>" in client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "<h1>Meetings</h1>" in client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
