"""At phone size (390 px): a menu button opens the grouped menu, and the main pages of a member's
journey fit the width (no horizontal scrolling)."""
from __future__ import annotations

import pytest

from passerelle.core.enums import Visibility
from passerelle.events.enums import EventStatus
from tests.events.factories import EventFactory
from tests.factories import MemberFactory, OrganisationFactory, PersonFactory

from .journeys import sign_in

pytestmark = pytest.mark.browser

PAGES = ["/", "/directory/people/", "/directory/organisations/", "/events/", "/meetings/", "/projects/",
         "/suggestions/", "/reports/figures/", "/privacy/me/", "/accounts/email/"]


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_member_uses_the_site_on_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    member = MemberFactory(email="lea@example.org")
    PersonFactory(first_name="Léa", last_name="Dupont", user=member, visibility=Visibility.MEMBERS,
                  organisation=OrganisationFactory(name="Centre de recherche du CHU de Québec – Université Laval"),
                  expertise="Radiomique des glioblastomes " * 20)
    EventFactory(status=EventStatus.REGISTRATION_OPEN)
    sign_in(page, "lea@example.org")

    menu = page.locator("#site-menu")
    assert not menu.is_visible()
    page.click(".menu-button")
    assert menu.is_visible()
    page.click("header nav details:has(a[href='/events/agenda/']) > summary")
    page.click("header nav a[href='/events/agenda/']")
    page.wait_for_url("**/events/agenda/")

    for url in PAGES:
        response = page.goto(url)
        assert response is not None and response.status < 400, url
        assert overflow(page) <= 0, f"{url} scrolls sideways by {overflow(page)} px"
        assert page.locator(".menu-button").is_visible(), url
