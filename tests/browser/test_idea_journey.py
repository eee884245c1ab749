"""Find partners for an idea in a real browser: a member pastes a French summary about ctDNA in
metastatic colorectal cancer; without ticking anything, the Québec researcher doing exactly that
comes first; the recognised tags are chips the member can untick and search again."""
from __future__ import annotations

import pytest

from passerelle.suggestions.index import forget_index
from tests.browser.journeys import sign_in
from tests.factories import MemberFactory
from tests.suggestions.test_idea_tags import CTDNA_IDEA, make_liquid_biopsy_people

pytestmark = pytest.mark.browser


def test_member_pastes_the_ctdna_idea_and_meets_the_colorectal_researcher_first(page, transactional_db):
    forget_index()
    people = make_liquid_biopsy_people()
    MemberFactory(email="idee@example.org")
    blocked: list[str] = []  # anything the Content-Security-Policy refused
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text
            else None)
    sign_in(page, "idee@example.org")

    page.goto("/suggestions/idea/")
    page.fill("#id_text", CTDNA_IDEA)
    page.select_option("#id_territory", "")
    page.click("form.idea-form button[type=submit]")
    page.wait_for_load_state()

    first = page.locator("ol.suggestions > li").first
    assert first.locator("h3").inner_text() == people["Colorectal"].full_name
    site_chip = page.locator("#id_tags input[value='site:64']")
    assert site_chip.is_checked()
    assert page.locator("#id_tags input[value='technique:liquid-biopsy']").is_checked()
    assert "ADN tumoral circulant" in page.locator("#id_tags").inner_text()

    site_chip.uncheck()  # the member removes a chip and searches again: it stays removed
    page.click("form.idea-form button[type=submit]")
    page.wait_for_load_state()
    assert not page.locator("#id_tags input[value='site:64']").is_checked()
    assert page.locator("#id_tags input[value='technique:liquid-biopsy']").is_checked()
    assert not blocked
