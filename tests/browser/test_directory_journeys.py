"""The foundation's main journeys, in a real browser."""
from __future__ import annotations

import pytest

from passerelle.core.enums import Territory
from passerelle.core.models import CancerSite
from passerelle.directory import search
from passerelle.directory.models import Person, PersonSite
from tests.browser.journeys import sign_in
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.browser


def test_member_signs_in_searches_and_edits_own_profile(page):
    org = OrganisationFactory(name="Centre Léon Bérard", acronym="CLB")
    glioma = CancerSite.objects.get(icrp_code=6)
    expert = PersonFactory(first_name="Élodie", last_name="Marchand", territory=Territory.QC,
                           expertise="Radiomique des glioblastomes et IRM de diffusion")
    PersonSite.objects.create(person=expert, site=glioma)
    search.refresh_person(expert)
    PersonFactory(last_name="Autre", expertise="Épidémiologie du cancer du sein")
    member = MemberFactory(email="lea@example.org")
    mine = PersonFactory(first_name="Léa", last_name="Dupont", user=member, organisation=org)

    sign_in(page, "lea@example.org")
    assert page.locator(".who").inner_text() == "lea@example.org"

    page.goto("/directory/people/")
    page.fill("#id_q", "glioblastome")
    page.select_option("#id_territory", "QC")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    cards = page.locator(".cards .card h2")
    assert cards.all_inner_texts() == ["Élodie Marchand"]

    page.goto("/directory/me/")
    page.fill("#id_expertise", "Immunothérapie des tumeurs pédiatriques")
    page.fill("#id_keywords", "CAR-T; neuroblastome")
    page.check("#id_consent")
    page.click("form.stacked button[type=submit]")
    page.wait_for_load_state()
    assert "Immunothérapie des tumeurs pédiatriques" in page.locator("main").inner_text()
    mine.refresh_from_db()
    assert mine.expertise == "Immunothérapie des tumeurs pédiatriques"
    assert mine.consent_date is not None


def test_coordinator_imports_a_csv_and_sees_the_bad_row_rejected(page, tmp_path):
    OrganisationFactory(name="Université de Sherbrooke", acronym="UdeS", territory=Territory.QC)
    CoordinatorFactory(email="coord@example.org")
    csv_file = tmp_path / "people.csv"
    csv_file.write_text(
        "prénom,nom,courriel,type,territoire,orcid,organisation\n"
        "Marie,Tremblay,marie@example.org,clinician,QC,0000-0002-1825-0097,UdeS\n"
        "Jean,Gagnon,jean@example.org,researcher,QC,0000-0002-1825-0098,UdeS\n"
        "Chloé,Roy,chloe@example.org,researcher,Québec,,UdeS\n",
        encoding="utf-8",
    )
    sign_in(page, "coord@example.org")
    page.goto("/directory/imports/new/")
    page.select_option("#id_kind", "people")
    page.set_input_files("#id_file", str(csv_file))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    # The columns were recognised from their French headers: go on to the check.
    page.click("form.mapping button[type=submit]")
    page.wait_for_load_state()
    error_rows = page.locator("tr.row-error")
    assert error_rows.count() == 1
    assert "Gagnon" in error_rows.first.inner_text()
    assert "ORCID" in error_rows.first.inner_text()

    page.check("#id_skip_invalid")
    page.click("form.commit button[type=submit]")
    page.wait_for_load_state()
    assert "Gagnon" in page.locator("tr.row-error").first.inner_text()
    assert sorted(Person.objects.values_list("last_name", flat=True)) == ["Roy", "Tremblay"]
