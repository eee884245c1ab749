"""axe-core (a development dependency of package.json, fetched and checked by scripts/vendor_static.py)
on the main pages, as each role, in
French and English: no serious or critical violation. The pages are filled by the reports' test
world (people, organisations, events, meetings, projects, outcomes)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory
from tests.reports.pipeline import build_pipeline
from tests.reports.world import build_world

from .journeys import sign_in

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "var" / "test-vendor" / "axe-core" / "axe.min.js"

VISITOR = ["/", "/directory/people/", "/directory/organisations/", "/events/", "/funding/", "/reports/figures/",
           "/privacy/", "/accounts/login/"]
MEMBER = ["/", "/directory/people/?q=radiomique", "/directory/me/", "/events/agenda/", "/meetings/", "/suggestions/",
          "/suggestions/idea/", "/projects/", "/projects/opportunities/", "/funding/applications/", "/privacy/me/",
          "/accounts/email/"]
COORDINATOR = ["/", "/reports/", "/reports/network/", "/directory/imports/", "/accounts/invitations/",
               "/privacy/erasures/", "/projects/requests/", "/events/new/"]


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const found = await axe.run(document, {resultTypes: ['violations']});
        return found.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [json.dumps(item, ensure_ascii=False) for item in result]


@pytest.fixture
def world(transactional_db):
    from passerelle.core.taxonomies import load_taxonomies

    load_taxonomies()  # live-server tests flush the database after each test
    build_pipeline(build_world())
    member = MemberFactory(email="lea@example.org")
    PersonFactory(user=member, first_name="Léa", last_name="Dupont")
    CoordinatorFactory(email="coord@example.org")


@pytest.mark.parametrize("locale", ["fr-FR", "en-GB"])
def test_main_pages_have_no_serious_accessibility_violation(browser, live_server, world, locale):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make venv` (scripts/vendor_static.py fetches it)")
    found: dict[str, list[str]] = {}
    for email, urls in ((None, VISITOR), ("lea@example.org", MEMBER), ("coord@example.org", COORDINATOR)):
        context = browser.new_context(locale=locale, base_url=live_server.url, bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(20_000)
        if email:
            sign_in(page, email)
        for url in urls:
            response = page.goto(url)
            assert response is not None and response.status < 400, (email, url, response and response.status)
            problems = violations(page)
            if problems:
                found[f"{email or 'visitor'} {url}"] = problems
        context.close()
    assert found == {}, "\n".join(f"{where}: {problem}" for where, problems in found.items() for problem in problems)
