"""The funding pages per role: applicants write, submit and read the decision; coordinators check,
assign and decide; reviewers see only their own assignments; nobody else sees an application."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from passerelle.funding import review, services
from passerelle.funding.enums import ApplicationStatus, AssignmentStatus
from passerelle.funding.models import Application, Call, CallRule, ReviewAssignment
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory
from tests.projects.factories import ProjectFactory

from .factories import ApplicationFactory, CallFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def under_review(case):
    application = services.application_submit(actor=None, application=case["application"])
    application = services.application_check_eligibility(actor=None, application=application)
    reviewer = PersonFactory(user=MemberFactory(email="expert@example.org"),
                             organisation=OrganisationFactory(name="Institut Curie", territory="OTHER"))
    assignment = review.assign_reviewer(actor=None, application=application, reviewer=reviewer)
    return {**case, "application": Application.objects.get(pk=application.pk), "assignment": assignment,
            "reviewer": reviewer}


def test_a_member_applies_edits_uploads_and_submits(client, case, committed):
    project = ProjectFactory(partners=[(case["lea"], "lead"), (case["marc"], "lead")])
    login(client, case["lea_user"])

    response = client.post(reverse("funding:apply", args=[case["call"].slug]), {"project": project.pk})
    application = Application.objects.get(project=project)
    assert response["Location"] == reverse("funding:application_edit", args=[application.pk])

    client.post(reverse("funding:application_edit", args=[application.pk]), {
        "abstract": "Radiomics", "duration_months": "18", "requested_eur": "9000", "requested_cad": "13000"})
    for kind in ("proposal", "budget"):
        client.post(reverse("funding:application_documents", args=[application.pk]),
                    {"kind": kind, "file": SimpleUploadedFile(f"{kind}.pdf", b"%PDF-1.4")})
    page = client.get(reverse("funding:application_submit", args=[application.pk])).content.decode()
    assert "A lead in each territory: met." in page
    with committed():
        client.post(reverse("funding:application_submit", args=[application.pk]))

    application.refresh_from_db()
    assert (application.status, application.duration_months) == (ApplicationStatus.SUBMITTED, 18)
    assert sorted(application.amounts.values_list("currency", "requested")) == [("CAD", 13000), ("EUR", 9000)]
    assert sorted(application.documents.values_list("kind", flat=True)) == ["budget", "proposal"]


def test_submission_after_the_deadline_is_refused_on_the_page(client, case):
    Call.objects.filter(pk=case["call"].pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    login(client, case["lea_user"])
    response = client.post(reverse("funding:application_submit", args=[case["application"].pk]), follow=True)
    assert "The deadline has passed" in response.content.decode()
    assert "(Europe/Paris)" in response.content.decode()
    case["application"].refresh_from_db()
    assert case["application"].status == ApplicationStatus.DRAFT


def test_the_call_page_names_the_time_zone_of_the_deadline(client, case):
    page = client.get(case["call"].get_absolute_url()).content.decode()
    assert "(Europe/Paris)" in page and "A lead in each territory" in page


def test_the_coordinator_checks_eligibility_and_sees_each_failed_rule(client, case):
    case["project"].partners.filter(person=case["marc"]).delete()
    services.application_submit(actor=None, application=case["application"])
    login(client, CoordinatorFactory())

    preview = client.get(reverse("funding:application_eligibility", args=[case["application"].pk]))
    assert "no lead in Québec" in preview.content.decode()
    client.post(reverse("funding:application_eligibility", args=[case["application"].pk]))
    page = client.get(case["application"].get_absolute_url()).content.decode()

    assert "A lead in each territory: no lead in Québec." in page
    assert Application.objects.get().status == ApplicationStatus.INELIGIBLE


def test_a_member_cannot_check_eligibility_or_decide(client, under_review):
    login(client, under_review["lea_user"])
    application = under_review["application"]
    assert client.post(reverse("funding:application_decision", args=[application.pk]),
                       {"decision": "funded", "granted_EUR": "1"}).status_code == 403
    assert client.post(reverse("funding:application_eligibility", args=[application.pk])).status_code == 403
    assert Application.objects.get().status == ApplicationStatus.UNDER_REVIEW


def test_uploaded_documents_are_checked_and_served_as_sandboxed_downloads(client, case):
    project = ProjectFactory(partners=[(case["lea"], "lead"), (case["marc"], "lead")])
    login(client, case["lea_user"])
    client.post(reverse("funding:apply", args=[case["call"].slug]), {"project": project.pk})
    application = Application.objects.get(project=project)
    url = reverse("funding:application_documents", args=[application.pk])

    page = client.post(url, {"kind": "proposal", "file": SimpleUploadedFile(
        "proposal.pdf", b"<html><script>alert(1)</script></html>")}).content.decode()
    client.post(url, {"kind": "budget", "file": SimpleUploadedFile("budget.html", b"<p>budget</p>")})
    assert application.documents.count() == 0
    assert 'class="error"' in page or "errorlist" in page

    client.post(url, {"kind": "proposal", "file": SimpleUploadedFile("proposal.pdf", b"%PDF-1.4 ok")})
    document = application.documents.get()
    response = client.get(reverse("funding:document", args=[application.pk, document.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert "sandbox" in response["Content-Security-Policy"] and "attachment" in response["Content-Disposition"]


def test_reviewers_see_only_their_own_assignments(client, under_review):
    other = ApplicationFactory(call=under_review["call"], status=ApplicationStatus.UNDER_REVIEW,
                               project=ProjectFactory())
    stranger = PersonFactory(user=MemberFactory(), organisation=OrganisationFactory())
    hidden = ReviewAssignment.objects.create(application=other, reviewer=stranger)
    login(client, under_review["reviewer"].user)

    listing = client.get(reverse("funding:reviews")).content.decode()
    assert str(under_review["project"]) in listing and str(other.project) not in listing
    assert client.get(reverse("funding:review", args=[hidden.pk])).status_code == 404
    # the application page itself is for applicants and coordinators only
    assert client.get(under_review["application"].get_absolute_url()).status_code == 404
    assert client.get(reverse("api-application", args=[under_review["application"].pk])).status_code == 404
    # but the reviewer reads its documents
    document = under_review["application"].documents.first()
    assert client.get(reverse("funding:document", args=[under_review["application"].pk, document.pk])) \
        .status_code == 200
    assert client.get(reverse("funding:document", args=[other.pk, document.pk])).status_code == 404


def test_a_reviewer_scores_on_the_page_and_the_coordinator_decides(client, under_review, committed):
    assignment, call = under_review["assignment"], under_review["call"]
    criteria = list(call.criteria.all())
    login(client, under_review["reviewer"].user)
    client.post(reverse("funding:review", args=[assignment.pk]),
                {f"score_{criteria[0].pk}": "5", f"score_{criteria[1].pk}": "4", "comments": "Strong pair"})
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.SUBMITTED

    login(client, CoordinatorFactory())
    ranking = client.get(reverse("funding:call_applications", args=[call.slug])).content.decode()
    assert "93.3" in ranking  # (5×2 + 4×1) / 15
    with committed():
        client.post(reverse("funding:application_decision", args=[under_review["application"].pk]),
                    {"decision": "funded", "granted_EUR": "11000", "granted_CAD": "18000", "note": "Congratulations"})

    login(client, under_review["lea_user"])
    page = client.get(under_review["application"].get_absolute_url()).content.decode()
    assert "Decision: Funded" in page and "11000.00 EUR" in page and "18000.00 CAD" in page
    assert "Congratulations" in page
    assert "Strong pair" not in page  # reviews stay with the coordinators


def test_another_reviewer_cannot_post_a_review(client, under_review):
    login(client, MemberFactory())
    response = client.post(reverse("funding:review", args=[under_review["assignment"].pk]), {"comments": "x"})
    assert response.status_code == 404
    assert ReviewAssignment.objects.get().status == AssignmentStatus.ASSIGNED


def test_a_reviewer_declares_a_conflict_from_the_page(client, under_review):
    login(client, under_review["reviewer"].user)
    client.post(reverse("funding:review_conflict", args=[under_review["assignment"].pk]),
                {"reason": "I co-supervise a student with the lead"})
    assert ReviewAssignment.objects.get().status == AssignmentStatus.DECLINED


def test_the_coordinator_assigns_from_the_suggestions_but_not_a_conflicted_person(client, under_review):
    login(client, CoordinatorFactory())
    url = reverse("funding:application_reviewers", args=[under_review["application"].pk])
    response = client.post(url, {"reviewer": under_review["marc"].pk, "score": "0.5"})
    assert "co-applicant of this project" in response.content.decode()

    clean = PersonFactory(user=MemberFactory(), organisation=OrganisationFactory(territory="OTHER"))
    client.post(url, {"reviewer": clean.pk, "score": "0.42"})
    assert ReviewAssignment.objects.get(reviewer=clean).match_score == pytest.approx(0.42)


def test_a_member_never_sees_another_projects_application(client, case):
    login(client, MemberFactory())
    assert client.get(case["application"].get_absolute_url()).status_code == 404
    assert client.get(reverse("funding:application_edit", args=[case["application"].pk])).status_code == 404
    assert str(case["project"]) not in client.get(reverse("funding:applications")).content.decode()


def test_draft_calls_are_hidden_from_members(client):
    call = CallFactory(status="draft", title_en="Secret call")
    login(client, MemberFactory())
    assert client.get(call.get_absolute_url()).status_code == 404
    assert "Secret call" not in client.get(reverse("funding:calls")).content.decode()


def test_a_coordinator_creates_a_call_with_its_rules_as_data(client):
    programme = ProgrammeFactory(slug="sdc")
    login(client, CoordinatorFactory())
    response = client.post(reverse("funding:call_create"), {
        "programme": programme.pk, "slug": "sdc-2028", "title_fr": "Appel SDC 2028", "title_en": "",
        "time_zone": "America/Montreal", "opens_at": "2027-12-01T09:00", "closes_at": "2028-03-15T17:00",
        "status": "published", "leads_territories": ["AURA", "QC"], "max_eur": "15000", "max_cad": "22000",
        "max_duration": "24", "required_documents": ["proposal"],
        "criteria-TOTAL_FORMS": "1", "criteria-INITIAL_FORMS": "0",
        "criteria-0-label_fr": "Excellence", "criteria-0-max_score": "5", "criteria-0-weight": "2",
        "criteria-0-position": "0",
    })
    call = Call.objects.get(slug="sdc-2028")
    assert response["Location"] == call.get_absolute_url()
    assert call.local(call.closes_at).strftime("%Y-%m-%d %H:%M %Z") == "2028-03-15 17:00 EDT"
    assert dict(CallRule.objects.filter(call=call).values_list("kind", "params")) == {
        "leads_per_territory": {"territories": ["AURA", "QC"]},
        "max_amount": {"amounts": {"EUR": "15000", "CAD": "22000"}},
        "max_duration": {"months": 24},
        "required_documents": {"kinds": ["proposal"]},
    }
    assert list(call.criteria.values_list("label_fr", "weight")) == [("Excellence", 2)]


def test_a_call_closing_before_it_opens_is_refused(client):
    login(client, CoordinatorFactory())
    response = client.post(reverse("funding:call_create"), {
        "programme": ProgrammeFactory().pk, "slug": "x", "title_fr": "X", "time_zone": "Europe/Paris",
        "opens_at": "2028-03-15T17:00", "closes_at": "2028-03-01T17:00", "status": "draft",
        "criteria-TOTAL_FORMS": "0", "criteria-INITIAL_FORMS": "0"})
    assert "The deadline must come after the opening." in response.content.decode()
    assert not Call.objects.filter(slug="x").exists()


def test_a_coordinator_records_a_conflict_on_a_reviewers_behalf(client, under_review):
    from passerelle.funding.models import ConflictOfInterest

    coordinator = CoordinatorFactory()
    login(client, coordinator)
    url = reverse("funding:application_conflicts", args=[under_review["application"].pk])
    assert "No conflict of interest declared" in client.get(url).content.decode()

    response = client.post(url, {"reviewer": under_review["reviewer"].pk, "reason": " "})
    assert response.status_code == 200 and not ConflictOfInterest.objects.exists()
    assert "This field is required." in response.content.decode()

    response = client.post(url, {"reviewer": under_review["reviewer"].pk, "reason": "Told me by phone: co-author"})
    assert response.status_code == 302
    conflict = ConflictOfInterest.objects.get()
    assert (conflict.reviewer, conflict.application, conflict.declared_by) == (
        under_review["reviewer"], under_review["application"], coordinator)
    assert ReviewAssignment.objects.get().status == AssignmentStatus.DECLINED
    page = client.get(url).content.decode()
    assert "Told me by phone: co-author" in page
    # The declared conflict is what the reviewers' page now gives as the reason the reviewer is blocked.
    from passerelle.funding.conflicts import conflicts_between

    assert [str(c.message) for c in conflicts_between(under_review["reviewer"], under_review["application"])] == [
        "declared conflict: Told me by phone: co-author"]


def test_only_coordinators_record_conflicts_on_behalf(client, under_review):
    login(client, under_review["reviewer"].user)
    url = reverse("funding:application_conflicts", args=[under_review["application"].pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"reviewer": under_review["reviewer"].pk, "reason": "x"}).status_code == 403
