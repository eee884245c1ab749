"""Long multi-select lists become chips and a search field: a member finds a cancer site by typing,
adds it with the keyboard, removes another chip with one click, and the profile keeps exactly the
chosen ones (a plain click no longer wipes the selection)."""
from __future__ import annotations

import pytest

from passerelle.core.models import CancerSite
from passerelle.directory.models import PersonSite
from tests.factories import MemberFactory, PersonFactory

from .journeys import sign_in

pytestmark = pytest.mark.browser


def test_member_picks_sites_with_the_keyboard_and_removes_one_with_a_click(page):
    member = MemberFactory(email="lea@example.org")
    person = PersonFactory(first_name="Léa", last_name="Dupont", user=member)
    brain = CancerSite.objects.get(icrp_code=6)
    PersonSite.objects.create(person=person, site=brain)
    breast = CancerSite.objects.exclude(pk=brain.pk).order_by("pk").first()
    PersonSite.objects.create(person=person, site=breast)
    sign_in(page, "lea@example.org")
    page.goto(f"/directory/people/{person.pk}/edit/")

    sites = page.locator("#id_sites")
    assert sites.is_hidden()  # the select stays in the form, hidden; the chips stand in for it
    widget = page.locator("#id_sites + .chips")
    assert widget.locator(".chip").count() == 2
    search = widget.locator("input[role=combobox]")
    wanted = CancerSite.objects.exclude(pk__in=[brain.pk, breast.pk]).order_by("pk")[3]
    label = sites.locator(f"option[value='{wanted.pk}']").text_content().strip()
    search.fill(label[:5])
    assert search.get_attribute("aria-expanded") == "true"
    widget.locator(f"[role=option][data-value='{wanted.pk}']").wait_for()
    for _ in range(60):  # down the list with the keyboard until the wanted site is the active option
        search.press("ArrowDown")
        if widget.locator("[role=option][aria-selected=true]").get_attribute("data-value") == str(wanted.pk):
            break
    search.press("Enter")
    assert widget.locator(".chip").count() == 3
    breast_label = sites.locator(f"option[value='{breast.pk}']").text_content().strip()
    widget.locator(f".chip button[aria-label$='{breast_label}']").click()
    assert widget.locator(".chip").count() == 2
    page.click("main form.stacked button[type=submit]")
    page.wait_for_load_state()
    assert set(person.site_tags.values_list("site_id", flat=True)) == {brain.pk, wanted.pk}
