"""The events list, an event page and the API do not issue more queries as rows grow."""
from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory
from tests.queries import assert_queries_do_not_grow, queries_of

from .factories import EventFactory, PlaceFactory, ProgrammeItemFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def fill(count: int) -> None:
    for _ in range(count):
        event = EventFactory()
        PlaceFactory(event=event)
        event.organisers.add(OrganisationFactory())
        RegistrationFactory(event=event)


@pytest.mark.parametrize("url", [reverse("events:list"), reverse("api-events")])
def test_event_list_queries_do_not_grow_with_events(member_client, url):
    assert_queries_do_not_grow(member_client, url, fill, 3, 12)


def test_event_list_has_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    fill(10)
    with django_assert_max_num_queries(4):
        client.get(reverse("events:list"))


def test_event_page_queries_do_not_grow_with_programme_and_participants(member_client):
    small, big = EventFactory(), EventFactory()
    for event, n in ((small, 1), (big, 15)):
        place = PlaceFactory(event=event)
        for i in range(n):
            ProgrammeItemFactory(event=event, place=place, room=f"Salle {i}")
            RegistrationFactory(event=event, person__organisation=OrganisationFactory())
    assert queries_of(member_client, big.get_absolute_url()) == queries_of(member_client, small.get_absolute_url())


def test_registration_list_queries_do_not_grow(coordinator_client):
    small, big = EventFactory(), EventFactory()
    RegistrationFactory(event=small, person__organisation=OrganisationFactory())
    for _ in range(20):
        RegistrationFactory(event=big, person__organisation=OrganisationFactory())
    assert queries_of(coordinator_client, reverse("events:registrations", args=[big.slug])) == \
        queries_of(coordinator_client, reverse("events:registrations", args=[small.slug]))
