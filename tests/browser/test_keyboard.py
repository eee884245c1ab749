"""The main journeys by keyboard only: the skip link first, the grouped menus open with Enter and
close with Escape, and a member reaches their agenda and the registration form without a mouse."""
from __future__ import annotations

import pytest

from passerelle.core.enums import Visibility
from tests.events.factories import EventFactory
from tests.factories import MemberFactory, PersonFactory

from .journeys import sign_in

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus with Tab")


def test_member_reaches_the_agenda_and_registers_with_the_keyboard_only(page):
    member = MemberFactory(email="lea@example.org")
    PersonFactory(first_name="Léa", last_name="Dupont", user=member, visibility=Visibility.MEMBERS)
    event = EventFactory(slug="entretiens-2027")
    sign_in(page, "lea@example.org")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip')")
    tab_to(page, "details:has(a[href='/events/agenda/']) > summary")
    page.keyboard.press("Enter")
    assert page.locator("header nav a[href='/events/agenda/']").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("header nav a[href='/events/agenda/']").is_visible()
    page.keyboard.press("Enter")
    tab_to(page, "header nav a[href='/events/agenda/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/agenda/")

    page.goto(f"/events/{event.slug}/register/")
    tab_to(page, "#id_role")
    page.keyboard.press("ArrowDown")
    tab_to(page, "main form.stacked button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/events/{event.slug}/")
    assert event.registrations.filter(person__user=member).exists()
