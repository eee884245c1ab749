"""Publications in a real browser, against a local stand-in for ORCID, OpenAlex, HAL and PubMed
(``tests/publications/fake_apis.py``): a member links their ORCID iD, imports their works, hides
one, and finds a new suggested partner whose reasons quote their publications; a coordinator reads
the co-publication figure and confirms a publication proposed as a joint project's outcome."""
from __future__ import annotations

from datetime import date

import pytest

from passerelle.core.enums import ActorKind, Territory, Visibility
from passerelle.projects.enums import ProjectStatus
from passerelle.publications.models import PersonPublication
from passerelle.reports.enums import OutcomeKind
from passerelle.reports.models import Outcome
from passerelle.reports.services import propose_publication_outcomes
from passerelle.suggestions.index import forget_index
from tests.browser.journeys import sign_in, signed_in
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory
from tests.projects.factories import ProjectFactory
from tests.publications.fake_apis import fake_publication_apis  # noqa: F401 - a fixture
from tests.suggestions.factories import community

pytestmark = pytest.mark.browser

ORCID = "0000-0002-1825-0097"  # the fixtures' researcher; her co-author below is 0000-0001-5109-3700
HCC = "Spatial transcriptomics of hepatocellular carcinoma margins"
MELANOMA = "Radiomic signatures predict response to immunotherapy in melanoma"


@pytest.fixture
def people(transactional_db):
    community()  # other profiles, so that the engine has a directory to compare with
    lyon = OrganisationFactory(name="Centre de recherche en cancérologie de Lyon")
    camille = PersonFactory(
        first_name="Camille", last_name="Rousseau", user=MemberFactory(email="camille@example.org"),
        organisation=lyon, kind=ActorKind.RESEARCHER, territory=Territory.AURA, visibility=Visibility.MEMBERS,
        expertise="Biostatistique des cohortes cliniques.", keywords="analyse de survie")
    louis = PersonFactory(
        first_name="Louis", last_name="Tremblay", orcid="0000-0001-5109-3700", kind=ActorKind.RESEARCHER,
        territory=Territory.QC, visibility=Visibility.MEMBERS,
        organisation=OrganisationFactory(name="CHU de Québec", territory=Territory.QC),
        expertise="Hepatology and liver transplantation.")
    sophie = PersonFactory(
        first_name="Sophie", last_name="Gagnon", kind=ActorKind.RESEARCHER, territory=Territory.QC,
        visibility=Visibility.MEMBERS, organisation=OrganisationFactory(name="CRCHUS", territory=Territory.QC),
        expertise="Spatial transcriptomics of liver tumours: hepatocellular carcinoma margins and invasion.",
        keywords="spatial transcriptomics; hepatocellular carcinoma")
    ProjectFactory(title_fr="Marges tumorales du foie", status=ProjectStatus.ACTIVE, start=date(2020, 1, 1),
                   end=date(2023, 12, 31), partners=[(camille, "lead"), (louis, "partner")])
    CoordinatorFactory(email="coord@example.org")
    return {"camille": camille, "louis": louis, "sophie": sophie}


def reasons_for(page, name: str) -> str:
    """The reasons shown for ``name`` among the suggestions, lower case ("" when not suggested)."""
    card = page.locator("ol.suggestions > li", has_text=name)
    return " ".join(card.locator("ul.reasons li").all_inner_texts()).lower() if card.count() else ""


def test_a_member_imports_hides_and_is_matched_a_coordinator_confirms_the_outcome(
        page, browser, live_server, people, fake_publication_apis, settings):  # noqa: F811 - the fixture
    settings.REPORTS_REFRESH_SECONDS = 0
    forget_index()
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text
            else None)
    sign_in(page, "camille@example.org")

    # Before: nothing typed on the profile speaks of liver tumours.
    page.goto("/suggestions/")
    before = reasons_for(page, "Sophie Gagnon")
    assert "transcriptomics" not in before and "hepatocellular" not in before

    page.goto("/publications/me/")
    page.fill("input[name$=orcid]", f"https://orcid.org/{ORCID}")
    page.locator("form:has(input[name$=orcid]) button[type=submit]").click()
    page.wait_for_load_state()
    assert people["camille"].__class__.objects.get(pk=people["camille"].pk).orcid == ORCID

    page.locator("form[action$='/harvest/'] button[type=submit]").click()  # the job runs (immediate backend)
    page.wait_for_load_state()
    page.goto("/publications/me/")
    works = page.locator("main").inner_text()
    assert HCC in works and MELANOMA in works
    assert PersonPublication.objects.filter(person=people["louis"], publication__title=HCC).exists()  # co-author

    page.locator(f"li:has(a:text-is('{MELANOMA}')) form button[type=submit]").click()
    page.wait_for_load_state()
    assert PersonPublication.objects.get(person=people["camille"], publication__title=MELANOMA).hidden
    page.goto(people["camille"].get_absolute_url())
    assert HCC in page.locator("main").inner_text()

    # After: a partner found through the works, the reasons quoting them; the co-author is an existing tie.
    page.goto("/suggestions/")
    reasons = reasons_for(page, "Sophie Gagnon")
    assert "transcriptomics" in reasons or "hepatocellular" in reasons
    assert "Louis Tremblay" not in page.locator("ol.suggestions").inner_text()
    assert not blocked

    # The worker's periodic task finds the joint project's publication; the coordinator decides.
    assert propose_publication_outcomes() == 1
    coordinator = signed_in(browser, live_server, "coord@example.org")
    coordinator.goto("/reports/?year_from=2019&year_to=2023")
    assert coordinator.locator("tr[data-key='copublications'] td[data-year='total']").inner_text().strip() == "1"
    coordinator.goto("/reports/outcomes/proposals/")
    row = coordinator.locator("tr[data-proposal]", has_text=HCC)
    row.locator("a.button").first.click()
    coordinator.locator("main form button[type=submit]").click()
    coordinator.wait_for_load_state()
    outcome = Outcome.objects.get()
    assert outcome.kind == OutcomeKind.PUBLICATION and outcome.doi == "10.5555/fict.hcc.2021"
    assert outcome.project.partners.filter(person=people["louis"]).exists()
