"""The number of queries of the main pages does not grow with the number of rows."""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import OrganisationFactory, PersonFactory
from tests.queries import assert_queries_do_not_grow, queries_of

pytestmark = pytest.mark.django_db


def fill(count: int) -> None:
    """``count`` fully tagged profiles, each in its own organisation."""
    for _ in range(count):
        PersonFactory(organisation=OrganisationFactory(), categories=["5.2", "1.1"], sites=[6, 7],
                      techniques=["radiomics", "genomics"], languages=["fr", "en"])


PAGES = {
    "people list": lambda: reverse("directory:people"),
    "people search": lambda: reverse("directory:people") + "?q=tumour&territory=AURA&sort=name",
    "organisation list": lambda: reverse("directory:organisations"),
    "people API": lambda: reverse("api-people"),
    "organisations API": lambda: reverse("api-organisations"),
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_list_page_queries_do_not_grow_with_rows(member_client, page):
    assert_queries_do_not_grow(member_client, PAGES[page](), fill, 10, 20)


def test_people_list_has_a_bounded_number_of_queries(member_client, django_assert_max_num_queries):
    fill(30)
    with django_assert_max_num_queries(17):
        member_client.get(reverse("directory:people"))


def test_organisation_list_has_a_bounded_number_of_queries(member_client, django_assert_max_num_queries):
    fill(30)
    with django_assert_max_num_queries(6):
        member_client.get(reverse("directory:organisations"))


def test_people_api_has_a_bounded_number_of_queries(member_client, django_assert_max_num_queries):
    fill(30)
    with django_assert_max_num_queries(13):
        member_client.get(reverse("api-people"))


def test_person_detail_queries_do_not_grow_with_tags(member_client, django_assert_max_num_queries):
    org = OrganisationFactory()
    small = PersonFactory(organisation=org, categories=["5.2"], sites=[6], techniques=["mri"], languages=["fr"])
    big = PersonFactory(organisation=OrganisationFactory(), categories=["5.2", "1.1", "4.1"], sites=[6, 7, 12],
                        techniques=["radiomics", "genomics", "mri"], languages=["fr", "en", "es"])
    for _ in range(5):
        PersonFactory(organisation=org)
    assert queries_of(member_client, big.get_absolute_url()) == queries_of(member_client, small.get_absolute_url())
    # The page also shows the person's events (one query from the events app) and works (one from publications).
    with django_assert_max_num_queries(13):
        member_client.get(big.get_absolute_url())


def test_organisation_detail_queries_do_not_grow_with_members(member_client):
    small, big = OrganisationFactory(), OrganisationFactory()
    PersonFactory(organisation=small)
    for _ in range(20):
        PersonFactory(organisation=big)
    assert queries_of(member_client, big.get_absolute_url()) == queries_of(member_client, small.get_absolute_url())


def test_a_search_page_counts_its_matches_with_the_page_rows(member_client, settings):
    """Without the read cache, one query for the ranked page and its total (PostgreSQL); pages past the
    end fall back to the last page."""
    settings.READ_CACHE = False
    fill(30)
    url = reverse("directory:people") + "?q=tumour"
    with CaptureQueriesContext(connection) as captured:
        response = member_client.get(url)
    counts = [q["sql"] for q in captured if q["sql"].lstrip().upper().startswith("SELECT COUNT(*)")]
    # PostgreSQL: the total comes with the rows (COUNT(*) OVER ()). SQLite's bm25() cannot sit in a window
    # query: one COUNT over the full-text index there.
    assert len(counts) == (1 if connection.vendor == "sqlite" else 0)
    page = response.context["page"]
    assert page.paginator.count == 30 and len(page.object_list) == 25 and page.has_next()
    second = member_client.get(url + "&page=2").context["page"]
    assert (second.number, len(second.object_list), second.paginator.count) == (2, 5, 30)
    beyond = member_client.get(url + "&page=9").context["page"]
    assert (beyond.number, beyond.paginator.count) == (2, 30)
    assert member_client.get(url + "&page=abc").context["page"].number == 1
