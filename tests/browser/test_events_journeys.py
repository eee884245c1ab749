"""Events journeys in a real browser: a member registers and finds the event in their agenda;
a coordinator exports the registrations."""
from __future__ import annotations

import csv

import pytest
from django.core import mail

from passerelle.core.enums import Territory, Visibility
from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Registration
from tests.browser.journeys import sign_in
from tests.events.factories import EventFactory, ProgrammeItemFactory
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def open_event(transactional_db):
    event = EventFactory(slug="entretiens-jacques-cartier-2027", title_fr="Entretiens Jacques Cartier 2027",
                         title_en="Jacques Cartier Meetings 2027", capacity=50)
    ProgrammeItemFactory(event=event, title_fr="Ouverture officielle", title_en="Official opening")
    return event


def test_member_registers_receives_the_confirmation_and_sees_the_agenda(page, open_event):
    member = MemberFactory(email="lea@example.org")
    PersonFactory(user=member, first_name="Léa", last_name="Dupont", email="lea@example.org",
                  visibility=Visibility.MEMBERS)
    sign_in(page, "lea@example.org")

    page.goto("/events/")
    page.click("a[href='/events/entretiens-jacques-cartier-2027/']")
    page.wait_for_load_state()
    page.click("a[href='/events/entretiens-jacques-cartier-2027/register/']")
    page.wait_for_load_state()
    assert "speaker" not in page.locator("#id_role").inner_html()  # named by coordinators only
    page.select_option("#id_role", "visitor")
    page.check("#id_consent_to_list")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/events/entretiens-jacques-cartier-2027/")

    registration = Registration.objects.get(event=open_event)
    assert (registration.person.last_name, registration.status) == ("Dupont", RegistrationStatus.CONFIRMED)
    assert "Léa Dupont" in page.locator("main").inner_text()  # listed: she consented
    assert [m.to for m in mail.outbox] == [["lea@example.org"]]
    assert mail.outbox[0].attachments[0][0] == "entretiens-jacques-cartier-2027.ics"

    page.click("header nav details:has(a[href='/events/agenda/']) > summary")  # the grouped menu opens first
    page.click("header nav a[href='/events/agenda/']")
    page.wait_for_load_state()
    assert page.locator(".agenda .card h2").all_inner_texts() == ["Entretiens Jacques Cartier 2027"]


def test_coordinator_exports_the_registrations(page, open_event, tmp_path):
    from passerelle.events import services

    clb = OrganisationFactory(name="Centre Léon Bérard", acronym="CLB")
    for first, last, territory in [("Marc", "Tremblay", Territory.QC), ("Léa", "Dupont", Territory.AURA)]:
        person = PersonFactory(first_name=first, last_name=last, territory=territory, organisation=clb)
        services.registration_register(actor=None, event=open_event, person=person, role="delegate",
                                       consent_to_list=True)
    CoordinatorFactory(email="coord@example.org")
    sign_in(page, "coord@example.org")

    page.goto("/events/entretiens-jacques-cartier-2027/registrations/")
    assert page.locator("table.list tbody tr").count() == 2
    with page.expect_download() as info:
        page.click("a[href$='/registrations/export.csv']")
    path = tmp_path / "registrations.csv"
    info.value.save_as(path)
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    # Headers and values in the coordinator's language (the browser asks for French).
    assert sorted((r["Nom"], r["Organisation"], r["Territoire"]) for r in rows) == [
        ("Dupont", "Centre Léon Bérard", "Auvergne-Rhône-Alpes"), ("Tremblay", "Centre Léon Bérard", "Québec")]
