"""From a meeting to a funded project, in a real browser: a member's feedback "follow-up planned"
becomes an opportunity, a coordinator makes it a joint project and applies to the open call,
checks eligibility and assigns a reviewer, the reviewer scores it, the coordinator records the
decision, and the project page shows the whole chain. Selectors avoid words (the site is in French)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from passerelle.core.enums import OrganisationKind, Territory
from passerelle.events.enums import EventStatus
from passerelle.funding.enums import ApplicationStatus, AssignmentStatus
from passerelle.funding.models import Application, ReviewAssignment
from passerelle.meetings.models import Slot
from passerelle.projects.models import Opportunity, Project
from tests.browser.journeys import signed_in
from tests.events.factories import EventFactory
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory
from tests.funding.factories import SDC_RULES, CallFactory
from tests.meetings.factories import make_request, make_session, participant, place, publish

pytestmark = pytest.mark.browser


@pytest.fixture
def story(transactional_db):
    from passerelle.core.taxonomies import load_taxonomies

    load_taxonomies()
    now = timezone.now()
    # Whole days (UTC midnight is 01:00 or 02:00 in Paris), so that the session's 10:00-12:00 window lies
    # within the event's dates whatever the time the test runs.
    first_day = (now - timedelta(days=3)).replace(hour=0, minute=0, second=0, microsecond=0)
    event = EventFactory(slug="entretiens-2026", title_fr="Entretiens Jacques Cartier 2026",
                         start=first_day, end=first_day + timedelta(days=1), registration_opens=None,
                         registration_closes=None)
    session = make_session(event, tables=2)
    lea = participant(session, first_name="Léa", last_name="Dupont", email="lea@example.org",
                      user=MemberFactory(email="lea@example.org"))
    lea.affiliations.update(organisation=OrganisationFactory(name="Hospices Civils de Lyon",
                                                             kind=OrganisationKind.HOSPITAL))
    marc = participant(session, Territory.QC, first_name="Marc", last_name="Tremblay", email="marc@example.org",
                       user=MemberFactory(email="marc@example.org"))
    marc.affiliations.update(organisation=OrganisationFactory(name="Université de Sherbrooke",
                                                              kind=OrganisationKind.UNIVERSITY, territory="QC"))
    meeting = place(session, make_request(session, lea, marc, message="Radiomique des glioblastomes"), 0)
    publish(session)
    Slot.objects.filter(pk=meeting.slot_id).update(start=now - timedelta(days=2, hours=20),
                                                   end=now - timedelta(days=2, hours=19, minutes=30))
    type(event).objects.filter(pk=event.pk).update(status=EventStatus.HELD)
    call = CallFactory(slug="samuel-de-champlain-2027", rules=SDC_RULES, criteria=2)
    CoordinatorFactory(email="coord@example.org")
    PersonFactory(first_name="Ana", last_name="Experte", user=MemberFactory(email="expert@example.org"),
                  organisation=OrganisationFactory(name="Institut Curie", territory=Territory.OTHER),
                  expertise="Radiomique des glioblastomes, IRM, réponse à la radiothérapie")
    return {"event": event, "meeting": meeting, "call": call}


def test_from_meeting_feedback_to_a_funded_project(browser, live_server, story, tmp_path):
    meeting, call = story["meeting"], story["call"]

    # Léa: the one-minute feedback, a follow-up planned, recorded as an opportunity.
    lea = signed_in(browser, live_server, "lea@example.org")
    lea.goto(f"/meetings/entretiens-2026/meetings/{meeting.pk}/feedback/")
    lea.check("input[name=took_place][value=yes]")
    lea.check("input[name=useful][value=yes]")
    lea.check("input[name=follow_up]")
    lea.fill("textarea[name=note]", "Cohorte commune Lyon–Sherbrooke")
    lea.click("form.feedback button[type=submit]")
    lea.wait_for_url(f"**/meetings/{meeting.pk}/opportunity/")
    lea.fill("input[name=title]", "Radiomique des glioblastomes Lyon–Sherbrooke")
    lea.click("main form button[type=submit]")
    lea.wait_for_url("**/projects/opportunities/*/")
    opportunity = Opportunity.objects.get()
    assert (opportunity.origin_meeting_id, opportunity.origin_event_id) == (meeting.pk, story["event"].pk)

    # The coordinator makes it a joint project and applies to the open call.
    coord = signed_in(browser, live_server, "coord@example.org")
    coord.goto(opportunity.get_absolute_url())
    coord.click(f"a[href='/projects/opportunities/{opportunity.pk}/project/']")
    coord.fill("input[name=acronym]", "GLIO-LS")
    coord.click("main form button[type=submit]")
    coord.wait_for_url("**/projects/*/")
    project = Project.objects.get()
    assert sorted(p.role + p.territory for p in project.partners.all()) == ["leadAURA", "leadQC"]

    coord.goto(f"/funding/calls/{call.slug}/apply/")
    coord.select_option("select[name=project]", str(project.pk))
    coord.click("main form button[type=submit]")
    coord.wait_for_url("**/funding/applications/*/edit/")
    application = Application.objects.get()
    coord.fill("input[name=requested_eur]", "12000")
    coord.fill("input[name=requested_cad]", "18000")
    coord.fill("input[name=duration_months]", "24")
    coord.click("main form button[type=submit]")
    coord.wait_for_url(f"**/funding/applications/{application.pk}/")
    for kind in ("proposal", "budget"):
        document = tmp_path / f"{kind}.pdf"
        document.write_bytes(b"%PDF-1.4\n%demo\n")
        coord.goto(f"/funding/applications/{application.pk}/documents/")
        coord.select_option("select[name=kind]", kind)
        coord.set_input_files("input[name=file]", str(document))
        coord.click("main form button[type=submit]")
        coord.wait_for_load_state()
    coord.goto(f"/funding/applications/{application.pk}/submit/")
    assert coord.locator(".eligibility li.bad").count() == 0
    coord.click("main form button[type=submit]")
    coord.wait_for_url(f"**/funding/applications/{application.pk}/")

    # Eligibility from the call's rules, then a reviewer suggested by expertise.
    coord.goto(f"/funding/applications/{application.pk}/eligibility/")
    coord.click("main form button[type=submit]")
    coord.wait_for_url(f"**/funding/applications/{application.pk}/")
    assert coord.locator(".eligibility li.ok").count() == 5
    coord.goto(f"/funding/applications/{application.pk}/reviewers/")
    expert_row = coord.locator("table.suggestions tr", has_text="Ana Experte")
    expert_row.locator("button[type=submit]").click()
    coord.wait_for_load_state()
    assignment = ReviewAssignment.objects.get()
    assert assignment.match_score is not None and assignment.match_score > 0

    # The reviewer sees only this assignment and scores it.
    expert = signed_in(browser, live_server, "expert@example.org")
    expert.goto("/funding/reviews/")
    expert.click(f"a[href='/funding/reviews/{assignment.pk}/']")
    for criterion in call.criteria.all():
        expert.fill(f"input[name=score_{criterion.pk}]", "4")
    expert.fill("textarea[name=comments]", "Très bonne complémentarité.")
    expert.click("main form button[type=submit]")
    expert.wait_for_url("**/funding/reviews/")
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.SUBMITTED

    # The coordinator records the decision; the applicants see it, and the project page the chain.
    coord.goto(f"/funding/applications/{application.pk}/decision/")
    coord.check("input[name=decision][value=funded]")
    coord.fill("input[name=granted_EUR]", "11000")
    coord.fill("input[name=granted_CAD]", "16500")
    coord.click("main form button[type=submit]")
    coord.wait_for_url(f"**/funding/applications/{application.pk}/")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.FUNDED

    lea.goto(application.get_absolute_url())
    decision = lea.locator(".decision").inner_text()
    assert "11000,00 EUR" in decision and "16500,00 CAD" in decision  # French number format, currencies kept
    lea.goto(project.get_absolute_url())
    kinds = lea.locator("ol.timeline li").evaluate_all("items => items.map(i => i.className)")
    assert kinds[:4] == ["timeline-event", "timeline-meeting", "timeline-opportunity", "timeline-opportunity"]
    assert kinds[-1] == "timeline-application" and "timeline-project" in kinds
    assert "Entretiens Jacques Cartier 2026" in lea.locator("ol.timeline").inner_text()
    assert lea.locator(f"ol.timeline a[href='{application.get_absolute_url()}']").count() >= 5
