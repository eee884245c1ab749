"""At phone size (390 px): a menu button opens the grouped menu, and the main pages of each role fit
the width (no horizontal scrolling); a table wider than the screen scrolls inside its own container.
The pages are filled by the reports' test world (people, organisations, events, meetings, projects,
calls, applications, outcomes)."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.core.enums import Visibility
from passerelle.meetings.enums import SessionStatus
from passerelle.meetings.models import B2BSession
from tests.factories import CoordinatorFactory, MemberFactory
from tests.reports.pipeline import build_pipeline
from tests.reports.world import build_world

from .journeys import sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}

# Tables wider than the screen, and not inside a scroll container: the page would scroll sideways.
LOOSE_TABLES = """() => [...document.querySelectorAll('main table')].filter(table => {
    const box = table.parentElement;
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
    return !scrolls && table.getBoundingClientRect().right > document.documentElement.clientWidth;
}).length"""


WIDE = """() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right
    > document.documentElement.clientWidth && e.parentElement.getBoundingClientRect().right
    <= document.documentElement.clientWidth).slice(0, 3).map(e => e.tagName + '.' + e.className + '#' + e.id + ' '
    + (e.getAttribute('name') || ''))"""


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.fixture
def world(transactional_db):
    from passerelle.core.taxonomies import load_taxonomies

    load_taxonomies()  # live-server tests flush the database after each test
    world = build_world()
    pipeline = build_pipeline(world)
    alice = world.people["alice"]
    alice.user = MemberFactory(email="alice@example.org")
    alice.visibility = Visibility.MEMBERS
    alice.expertise = "Radiomique des glioblastomes " * 20
    alice.save()
    CoordinatorFactory(email="coord@example.org")
    B2BSession.objects.filter(event=world.events["E1"]).update(status=SessionStatus.PUBLISHED)
    return world, pipeline


def urls_of(world, pipeline) -> dict[str, list[str]]:
    people, orgs, events = world.people, world.orgs, world.events
    project, draft, funded = pipeline.projects["P1"], pipeline.applications["A4"], pipeline.applications["A1"]
    outcome = next(iter(pipeline.outcomes.values()))
    past, future, call = events["E1"].slug, events["E6"].slug, funded.call.slug
    shared = ["/", reverse("directory:people"), reverse("directory:organisations"),
              reverse("directory:organisation", args=[orgs["CRCHUM"].pk]), reverse("events:list"),
              reverse("events:detail", args=[past]), reverse("events:programme", args=[past]),
              reverse("funding:calls"), reverse("funding:call", args=[call]), reverse("reports:public"),
              reverse("privacy:notice")]
    return {
        "visitor": shared + [reverse("login")],
        "member": shared + [
            reverse("directory:my_profile"), reverse("directory:person", args=[people["chloe"].pk]),
            reverse("events:agenda"), reverse("events:detail", args=[future]),
            reverse("events:register", args=[future]),
            reverse("meetings:home"), reverse("meetings:session", args=[past]), reverse("meetings:agenda", args=[past]),
            reverse("meetings:my_requests", args=[past]), reverse("suggestions:mine"), reverse("suggestions:idea"),
            reverse("projects:projects"), reverse("projects:project", args=[project.pk]),
            reverse("projects:opportunities"), reverse("projects:services"), reverse("funding:applications"),
            reverse("funding:application", args=[draft.pk]), reverse("reports:outcomes"),
            reverse("reports:outcome", args=[outcome.pk]), reverse("privacy:my_data"), "/accounts/email/"],
        "coordinator": shared + [
            reverse("directory:person", args=[people["alice"].pk]), reverse("directory:imports"),
            reverse("events:registrations", args=[past]), reverse("events:status", args=[past]),
            reverse("events:create"), reverse("meetings:schedule", args=[past]), reverse("meetings:grid", args=[past]),
            reverse("meetings:request_list", args=[past]), reverse("suggestions:event", args=[past]),
            reverse("projects:projects"), reverse("projects:service_requests"),
            reverse("funding:call_applications", args=[call]), reverse("funding:application", args=[funded.pk]),
            reverse("reports:dashboard"), reverse("reports:network"), reverse("reports:outcomes"),
            reverse("reports:annual_index"), reverse("privacy:erasures"),
            reverse("privacy:person", args=[people["alice"].pk]), reverse("privacy:retention"),
            reverse("accounts:invitations")],
    }


def test_member_opens_the_menu_on_a_phone(page, world):
    page.set_viewport_size(PHONE)
    sign_in(page, "alice@example.org")
    menu = page.locator("#site-menu")
    assert not menu.is_visible()
    page.click(".menu-button")
    assert menu.is_visible()
    page.click("header nav details:has(a[href='/events/agenda/']) > summary")
    page.click("header nav a[href='/events/agenda/']")
    page.wait_for_url("**/events/agenda/")


@pytest.mark.parametrize("role, email", [("visitor", None), ("member", "alice@example.org"),
                                         ("coordinator", "coord@example.org")])
def test_main_pages_fit_a_phone(browser, live_server, world, role, email):
    context = browser.new_context(locale="fr-FR", base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    if email:
        sign_in(page, email)
    problems = []
    for url in urls_of(*world)[role]:
        response = page.goto(url)
        if response is None or response.status >= 400:
            problems.append(f"{url}: status {response and response.status}")
            continue
        if overflow(page) > 0:
            problems.append(f"{url} scrolls sideways by {overflow(page)} px: {page.evaluate(WIDE)}")
        if page.evaluate(LOOSE_TABLES):
            problems.append(f"{url} has a table wider than the screen outside a scroll container")
        if not page.locator(".menu-button").is_visible():
            problems.append(f"{url}: no menu button")
    context.close()
    assert problems == [], "\n".join(problems)
