"""Bilateral meetings in a real browser: two members request and accept a meeting, the coordinator
runs the scheduler, moves the meeting to another cell and publishes, a member downloads the .ics."""
from __future__ import annotations

import icalendar
import pytest

from passerelle.core.enums import Territory, Visibility
from passerelle.meetings.enums import MeetingStatus, RequestStatus
from passerelle.meetings.models import Meeting, MeetingRequest
from tests.browser import journeys
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory
from tests.meetings.factories import make_session

pytestmark = pytest.mark.browser
SLUG = "entretiens-jacques-cartier-2027"


def signed_in(browser, live_server, email: str):
    return journeys.signed_in(browser, live_server, email, accept_downloads=True, timeout=20_000)


@pytest.fixture
def session(page):
    """An open session (the ``page`` fixture loads the taxonomies), Léa and Marc registered."""
    event = EventFactory(slug=SLUG, title_fr="Entretiens Jacques Cartier 2027",
                         title_en="Jacques Cartier Meetings 2027")
    session = make_session(event, tables=2)
    for first, last, territory, email, org in [("Léa", "Dupont", Territory.AURA, "lea@example.org", "CLB"),
                                               ("Marc", "Tremblay", Territory.QC, "marc@example.org", "Imagia")]:
        person = PersonFactory(user=MemberFactory(email=email), first_name=first, last_name=last, email=email,
                               territory=territory, visibility=Visibility.MEMBERS,
                               organisation=OrganisationFactory(name=org, acronym=org, territory=territory))
        RegistrationFactory(event=event, person=person)
    CoordinatorFactory(email="coord@example.org")
    return session


def test_request_accept_schedule_publish_and_download_the_agenda(browser, live_server, page, session, tmp_path):
    # Léa finds Marc among the participants and asks for a meeting.
    lea_page = signed_in(browser, live_server, "lea@example.org")
    lea_page.goto(f"/meetings/{SLUG}/")
    lea_page.click(f"a[href='/meetings/{SLUG}/people/']")
    lea_page.wait_for_load_state()
    lea_page.click("table.people-to-meet a[href$='/request/']")
    lea_page.wait_for_load_state()
    lea_page.fill("textarea[name=message]", "Radiomique du glioblastome : un projet commun ?")
    lea_page.select_option("select[name=priority]", "3")
    lea_page.click("form.stacked button[type=submit]")
    lea_page.wait_for_url("**/requests/*/")
    request = MeetingRequest.objects.get()
    assert (request.requester.last_name, request.status) == ("Dupont", RequestStatus.PENDING)

    # Marc accepts it from his requests.
    marc_page = signed_in(browser, live_server, "marc@example.org")
    marc_page.goto(f"/meetings/{SLUG}/requests/")
    assert "Radiomique du glioblastome" in marc_page.locator("main").inner_text()
    marc_page.click(f"a[href='/meetings/{SLUG}/requests/{request.pk}/']")
    marc_page.wait_for_load_state()
    marc_page.click("form.answer button[value=accept]")
    marc_page.wait_for_load_state()
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED

    # The coordinator runs the scheduler, drags the meeting to another cell and publishes.
    coordinator = signed_in(browser, live_server, "coord@example.org")
    coordinator.goto(f"/meetings/{SLUG}/schedule/run/")
    coordinator.click("main form button[type=submit]")
    coordinator.wait_for_url("**/jobs/*/")
    coordinator.goto(f"/meetings/{SLUG}/schedule/")
    meeting = Meeting.objects.get(status=MeetingStatus.SCHEDULED)
    target = session.slots.exclude(pk=meeting.slot_id).last()
    table = session.tables.exclude(pk=meeting.table_id).first()
    # move it with the no-JS form (the grid's drag-and-drop posts the same form)
    coordinator.click(f"a[href='/meetings/{SLUG}/meetings/{meeting.pk}/move/']")
    coordinator.wait_for_load_state()
    coordinator.select_option("select[name=cell]", f"{target.pk}-{table.pk}")
    coordinator.click("form.stacked button[type=submit]")
    coordinator.wait_for_url(f"**/meetings/{SLUG}/schedule/")
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table_id) == (target.pk, table.pk)
    coordinator.click(f"a[href='/meetings/{SLUG}/schedule/publish/']")
    coordinator.click("main form button[type=submit]")
    coordinator.wait_for_load_state()
    meeting.refresh_from_db()
    assert meeting.published_at is not None

    # Léa downloads her agenda and finds the meeting with Marc, where and when it now is.
    lea_page.goto(f"/meetings/{SLUG}/agenda/")
    assert "Marc Tremblay" in lea_page.locator("table.agenda-table").inner_text()
    with lea_page.expect_download() as info:
        lea_page.click(f"a[href='/meetings/{SLUG}/agenda.ics']")
    path = tmp_path / "agenda.ics"
    info.value.save_as(path)
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]).endswith("Marc Tremblay (Imagia)")
    assert str(event["LOCATION"]) == table.name
    assert event["DTSTART"].dt == target.start
