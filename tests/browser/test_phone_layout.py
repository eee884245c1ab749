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


@pytest.fixture
def filled_world(transactional_db):
    """The reports' test world (people, organisations, events, meetings, projects, calls, outcomes), a
    member with a profile and a coordinator."""
    from passerelle.core.taxonomies import load_taxonomies
    from tests.factories import CoordinatorFactory
    from tests.reports.pipeline import build_pipeline
    from tests.reports.world import build_world

    load_taxonomies()
    world = build_world()
    pipeline = build_pipeline(world)
    member = MemberFactory(email="lea@example.org")
    PersonFactory(user=member, first_name="Léa", last_name="Dupont", visibility=Visibility.MEMBERS)
    CoordinatorFactory(email="coord@example.org")
    return world, pipeline


def main_pages(world, pipeline) -> dict[str | None, list[str]]:
    """Every main page of each role's journeys, lists and the details behind them."""
    from passerelle.funding.models import Call
    from passerelle.meetings.models import B2BSession

    alice = world.people["alice"]
    event = world.events["E1"]
    session = B2BSession.objects.filter(event=event).first()
    call = Call.objects.order_by("pk").first()
    project = pipeline.projects["P1"]
    details = [alice.get_absolute_url(), world.orgs["CLB"].get_absolute_url(), event.get_absolute_url(),
               f"{event.get_absolute_url()}programme/", call.get_absolute_url(), project.get_absolute_url()]
    visitor = ["/", "/directory/people/", "/directory/organisations/", "/events/", "/funding/",
               "/reports/figures/", "/privacy/", "/accounts/login/", *details]
    member = ["/", "/directory/me/", "/directory/people/?q=radiomique", "/events/agenda/", "/meetings/",
              "/suggestions/", "/suggestions/idea/", "/projects/", "/projects/opportunities/",
              "/funding/applications/", "/privacy/me/", "/accounts/email/", "/accounts/tokens/", *details]
    coordinator = ["/", "/reports/", "/reports/network/", "/reports/outcomes/",
                   pipeline.outcomes["X1"].get_absolute_url(), "/directory/imports/", "/accounts/invitations/",
                   "/privacy/erasures/", "/projects/requests/", "/events/new/",
                   pipeline.opportunities["O1"].get_absolute_url(), pipeline.applications["A1"].get_absolute_url(),
                   session.get_absolute_url(), f"/meetings/{event.slug}/requests/all/", f"/meetings/{event.slug}/grid/",
                   f"/meetings/{event.slug}/schedule/", f"/funding/calls/{call.slug}/applications/", *details]
    return {None: visitor, "lea@example.org": member, "coord@example.org": coordinator}


@pytest.mark.parametrize("role", [None, "lea@example.org", "coord@example.org"])
def test_every_main_page_of_each_role_fits_a_phone(browser, live_server, filled_world, role):
    pages = main_pages(*filled_world)[role]
    context = browser.new_context(locale="fr-FR", base_url=live_server.url,
                                  viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    if role:
        sign_in(page, role)
    too_wide = {}
    for url in pages:
        response = page.goto(url)
        assert response is not None and response.status < 400, (role, url, response and response.status)
        if overflow(page) > 0:
            too_wide[url] = overflow(page)
    context.close()
    assert not too_wide, f"pages that scroll sideways at 390 px ({role or 'visitor'}): {too_wide}"
