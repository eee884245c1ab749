"""One pagination for every list page: page size, page numbers read safely, past-the-end pages."""
import pytest
from django.test import RequestFactory
from django.urls import reverse

from passerelle.core.pagination import MAX_PAGE_NUMBER, PAGE_SIZE, page_number, paginate, query_without
from tests.factories import OrganisationFactory


def get(query: str = ""):
    return RequestFactory().get(f"/list/{query}")


@pytest.mark.parametrize(("query", "number"), [
    ("", 1), ("?page=3", 3), ("?page=0", 1), ("?page=-4", 1), ("?page=last", 1),
    (f"?page={10 ** 30}", MAX_PAGE_NUMBER),
])
def test_page_numbers_are_read_within_bounds(query, number):
    assert page_number(get(query)) == number


def test_a_page_past_the_end_is_the_last_page_and_pages_hold_the_shared_size():
    items = list(range(PAGE_SIZE * 2 + 3))
    assert paginate(get("?page=2"), items).object_list == items[PAGE_SIZE:PAGE_SIZE * 2]
    last = paginate(get(f"?page={10 ** 30}"), items)
    assert last.number == 3 and last.object_list == items[-3:]
    assert len(paginate(get(), items, 10).object_list) == 10


def test_query_without_drops_only_the_named_parameters():
    assert query_without(get("?q=lung&page=2&sort=name"), "page") == "q=lung&sort=name"


@pytest.mark.django_db
def test_the_organisation_list_uses_the_shared_page_size(coordinator_client):
    OrganisationFactory.create_batch(PAGE_SIZE + 1)
    page = coordinator_client.get(reverse("directory:organisations")).context["page"]
    assert len(page.object_list) == PAGE_SIZE and page.paginator.num_pages == 2
