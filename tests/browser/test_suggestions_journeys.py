"""Suggested partners in a real browser: a member opens their suggestions, reads the reasons,
narrows them with a filter (applied as soon as it changes) and saves one as an opportunity."""
from __future__ import annotations

import pytest

from passerelle.core.french import typography
from passerelle.projects.enums import OriginKind
from passerelle.projects.models import Opportunity
from passerelle.suggestions.index import forget_index
from tests.browser.journeys import sign_in
from tests.suggestions.factories import community

pytestmark = pytest.mark.browser


def test_member_reads_the_reasons_and_saves_a_suggestion_as_an_opportunity(page, transactional_db):
    forget_index()
    people = community()
    blocked: list[str] = []  # anything the Content-Security-Policy refused (inline script or style)
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text
            else None)
    sign_in(page, "claire@example.org")

    page.click("header nav details:has(a[href='/suggestions/']) > summary")  # the grouped menu opens first
    page.click("header nav a[href='/suggestions/']")
    page.wait_for_url(f"**/suggestions/people/{people.clinician.pk}/")
    first = page.locator("ol.suggestions > li").first
    assert first.locator("h3").inner_text() == "Marc Tremblay"
    reasons = first.locator("ul.reasons li").all_inner_texts()
    assert 2 <= len(reasons) <= 4
    # French spacing: non-breaking spaces inside « » (FrenchTypographyMiddleware).
    assert any("«\u00a0radiomics analysis of glioblastoma MRI\u00a0», que vous recherchez" in r for r in reasons)
    assert "Hélène Cachée" not in page.locator("main").inner_text()

    page.select_option("#id_kind", "researcher")  # the form applies itself (suggestions.js)
    page.wait_for_url("**kind=researcher**")
    assert "Marc Tremblay" not in page.locator("ol.suggestions").inner_text()
    page.select_option("#id_kind", "")
    page.wait_for_url(lambda url: "kind=researcher" not in url)

    page.locator("ol.suggestions > li").first.locator("button.save-opportunity").click()
    opportunity = Opportunity.objects.get()
    page.wait_for_url(f"**{opportunity.get_absolute_url()}")
    assert opportunity.origin_kind == OriginKind.SUGGESTION
    assert set(opportunity.people.all()) == {people.clinician, people.company}
    assert [typography(r) for r in opportunity.match_reasons] == reasons  # stored plain, shown with French spacing
    assert "Claire Roux" in page.locator("main").inner_text()

    page.go_back()
    page.reload()
    assert page.locator("ol.suggestions > li").first.locator(
        f"a[href='{opportunity.get_absolute_url()}']").count() == 1
    assert not blocked
