"""The review: conflicts of interest (each kind blocks the assignment), reviewer suggestions by
expertise from the matching engine, scores on the call's criteria, the ranking, declared conflicts."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from passerelle.core.enums import OrganisationKind, Territory
from passerelle.directory.models import Person
from passerelle.funding import review, reviewers, services
from passerelle.funding.conflicts import (
    CO_APPLICANT,
    DECLARED,
    SAME_ORGANISATION,
    ApplicationSide,
    ReviewerSide,
    find_conflicts,
)
from passerelle.funding.enums import ApplicationStatus, AssignmentStatus
from passerelle.funding.models import ConflictOfInterest
from passerelle.funding.reviewers import reviewer_documents
from passerelle.funding.selectors import call_ranking
from tests.factories import CoordinatorFactory, MemberFactory, OrganisationFactory, PersonFactory
from tests.projects.factories import ProjectFactory

from .factories import ApplicationFactory


@pytest.fixture
def eligible(case):
    application = services.application_submit(actor=case["lea_user"], application=case["application"])
    return services.application_check_eligibility(actor=None, application=application)


def expert(**kwargs):
    kwargs.setdefault("organisation", OrganisationFactory(name="Institut Curie", territory=Territory.OTHER))
    return PersonFactory(user=MemberFactory(), **kwargs)


# Conflicts on plain data ----------------------------------------------------------------------

APP = ApplicationSide(application_id=7, people=frozenset({1, 2}), organisations=frozenset({10, 11, 99}),
                      names={10: "HCL", 11: "UdeS", 99: "Université Lyon"})


@pytest.mark.parametrize(("reviewer", "kinds"), [
    (ReviewerSide(5, frozenset({20})), []),
    (ReviewerSide(1, frozenset({20})), [CO_APPLICANT]),
    (ReviewerSide(5, frozenset({11})), [SAME_ORGANISATION]),
    (ReviewerSide(5, frozenset({99})), [SAME_ORGANISATION]),
    (ReviewerSide(5, frozenset(), declared_applications={7: "co-author"}), [DECLARED]),
    (ReviewerSide(5, frozenset(), declared_people={2: "my former student"}), [DECLARED]),
    (ReviewerSide(5, frozenset(), declared_organisations={10: "I consult for them"}), [DECLARED]),
    (ReviewerSide(5, frozenset(), declared_applications={8: "another one"}), []),
    (ReviewerSide(2, frozenset({10}), declared_people={1: "spouse"}), [CO_APPLICANT, SAME_ORGANISATION, DECLARED]),
], ids=["none", "co-applicant", "same-organisation", "parent-organisation", "declared-application",
        "declared-person", "declared-organisation", "declared-elsewhere", "all-three"])
def test_each_kind_of_conflict_is_found(reviewer, kinds):
    assert [c.kind for c in find_conflicts(reviewer, APP)] == kinds


def test_a_conflict_names_the_shared_organisation():
    [conflict] = find_conflicts(ReviewerSide(5, frozenset({11})), APP)
    assert conflict.message == "same organisation as a partner: UdeS"


# Assignment through the database --------------------------------------------------------------

def test_a_co_applicant_cannot_review(case, eligible):
    with pytest.raises(ValidationError, match="co-applicant of this project"):
        review.assign_reviewer(actor=None, application=eligible, reviewer=case["marc"])


def test_a_colleague_of_a_partner_cannot_review(case, eligible):
    colleague = expert(organisation=case["udes"])
    with pytest.raises(ValidationError, match="same organisation as a partner: Université de Sherbrooke"):
        review.assign_reviewer(actor=None, application=eligible, reviewer=colleague)


def test_a_member_of_a_sub_unit_of_a_partner_organisation_cannot_review(case, eligible):
    lab = OrganisationFactory(name="Centre de recherche du CHUS", parent=case["udes"], territory=Territory.QC)
    with pytest.raises(ValidationError, match="same organisation as a partner"):
        review.assign_reviewer(actor=None, application=eligible, reviewer=expert(organisation=lab))


def test_a_declared_conflict_with_a_partner_blocks_the_assignment(case, eligible):
    reviewer = expert()
    review.declare_conflict(actor=None, reviewer=reviewer, person=case["lea"], reason="Co-author in 2025")
    with pytest.raises(ValidationError, match="declared conflict: Co-author in 2025"):
        review.assign_reviewer(actor=None, application=eligible, reviewer=reviewer)


def test_someone_without_an_account_cannot_be_assigned(eligible):
    with pytest.raises(ValidationError, match="no active account"):
        review.assign_reviewer(actor=None, application=eligible, reviewer=PersonFactory())


def test_reviewers_are_assigned_only_to_eligible_applications(case):
    with pytest.raises(ValidationError, match="eligible applications"):
        review.assign_reviewer(actor=None, application=case["application"], reviewer=expert())


def test_the_first_reviewer_starts_the_review_and_is_told(case, eligible, committed):
    reviewer = expert(email="expert@example.org")
    coordinator = CoordinatorFactory()
    with committed():
        assignment = review.assign_reviewer(actor=coordinator, application=eligible, reviewer=reviewer)

    eligible.refresh_from_db()
    assert eligible.status == ApplicationStatus.UNDER_REVIEW
    assert eligible.status_changes.first().by == coordinator
    assert [m.to for m in mail.outbox] == [[reviewer.user.email]]
    assert f"/funding/reviews/{assignment.pk}/" in mail.outbox[0].body
    with pytest.raises(ValidationError, match="already assigned"):
        review.assign_reviewer(actor=coordinator, application=eligible, reviewer=reviewer)


def test_declaring_a_conflict_declines_the_open_assignment(case, eligible):
    reviewer = expert()
    assignment = review.assign_reviewer(actor=None, application=eligible, reviewer=reviewer)
    review.declare_conflict(actor=reviewer.user, reviewer=reviewer, application=eligible, reason="Former student")

    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.DECLINED
    assert ConflictOfInterest.objects.get().reason == "Former student"
    with pytest.raises(ValidationError, match="closed for a conflict"):
        review.submit_review(actor=reviewer.user, assignment=assignment, scores={}, comments="")


def test_a_declared_conflict_needs_a_reason(case):
    with pytest.raises(ValidationError):
        review.declare_conflict(actor=None, reviewer=expert(), person=case["lea"], reason="  ")


# Scores and ranking ---------------------------------------------------------------------------

def scores_for(call, *values):
    return dict(zip([c.pk for c in call.criteria.all()], values, strict=True))


def test_a_review_scores_every_criterion_within_its_range(case, eligible):
    reviewer = expert()
    assignment = review.assign_reviewer(actor=None, application=eligible, reviewer=reviewer)
    call = case["call"]
    with pytest.raises(ValidationError, match="Score every criterion"):
        review.submit_review(actor=reviewer.user, assignment=assignment, scores=scores_for(call, 4, None))
    with pytest.raises(ValidationError, match="scored from 0 to 5"):
        review.submit_review(actor=reviewer.user, assignment=assignment, scores=scores_for(call, 4, 6))

    done = review.submit_review(actor=reviewer.user, assignment=assignment, scores=scores_for(call, 4, 3),
                                comments="Solid")
    assert (done.status, done.comments) == (AssignmentStatus.SUBMITTED, "Solid")
    assert sorted(done.scores.values_list("score", flat=True)) == [3, 4]


def test_the_ranking_weighs_criteria_and_averages_reviews(case, eligible):
    call = case["call"]  # criteria: excellence (weight 2), complementarity (weight 1), both out of 5
    other = ApplicationFactory(call=call, status=ApplicationStatus.UNDER_REVIEW, amounts={"EUR": "5000"},
                               project=ProjectFactory())
    unscored = ApplicationFactory(call=call, status=ApplicationStatus.UNDER_REVIEW, project=ProjectFactory())
    first, second = expert(), expert()
    for reviewer, values in ((first, (5, 2)), (second, (3, 4))):
        assignment = review.assign_reviewer(actor=None, application=eligible, reviewer=reviewer)
        review.submit_review(actor=None, assignment=assignment, scores=scores_for(call, *values))
    assignment = review.assign_reviewer(actor=None, application=other, reviewer=first)
    review.submit_review(actor=None, assignment=assignment, scores=scores_for(call, 5, 5))

    ranking = call_ranking(call)

    assert [row.application for row in ranking] == [other, case["application"], unscored]
    # (5×2 + 2×1) / 15 = 80 and (3×2 + 4×1) / 15 = 66.7 → 73.3
    assert [row.total for row in ranking] == [Decimal("100.0"), Decimal("73.3"), None]
    assert (ranking[1].reviews, ranking[1].expected) == (2, 2)


# Suggestions from the matching engine ------------------------------------------------------------

def test_suggestions_rank_expertise_and_mark_conflicts(case, eligible):
    case["application"].abstract = "Glioblastoma radiomics: MRI texture features to predict radiotherapy response."
    case["application"].save()
    imaging = expert(first_name="Ana", expertise="Radiomics of glioblastoma MRI, texture features and "
                                                    "radiotherapy response prediction.")
    expert(first_name="Bob", expertise="Health economics of breast cancer screening programmes.")
    colleague = PersonFactory(user=MemberFactory(), organisation=case["chu"],
                              expertise="Glioblastoma MRI radiomics and radiotherapy response.")

    suggestions = reviewers.suggest_reviewers(case["application"], k=5)

    by_person = {s.person: s for s in suggestions}
    assert suggestions[0].person in (imaging, colleague)
    assert by_person[imaging].score > by_person[next(p for p in by_person if p.first_name == "Bob")].score
    assert not by_person[imaging].blocked and by_person[imaging].reasons
    assert [c.kind for c in by_person[colleague].conflicts] == [SAME_ORGANISATION]
    assert case["marc"] not in by_person or by_person[case["marc"]].blocked  # co-applicant


@pytest.mark.django_db
def test_reviewer_documents_carry_offers_seeks_and_the_engine_kind_like_partner_suggestions():
    from passerelle.core.enums import ActorKind
    from passerelle.suggestions.documents import load_profile_facts

    person = expert(kind=ActorKind.CLINICIAN_RESEARCHER, expertise="Glioblastoma radiomics",
                    categories=["5.3"], sites=[7], techniques=["radiomics"])
    person.offers, person.seeks = "MRI texture pipeline\nTumour segmentation", "Radiotherapy cohorts"
    person.save()
    silent = expert(expertise="", keywords="")

    (document,) = reviewer_documents([person.pk, silent.pk])

    assert document.tags.offers == ("MRI texture pipeline", "Tumour segmentation")
    assert document.tags.seeks == ("Radiotherapy cohorts",)
    assert document.tags.kind == "clinician" and document.tags.techniques == ("radiomics",)
    assert document.tags.cso == ("5.3",) and document.tags.sites == ("7",)
    (same,) = [f.document() for f in load_profile_facts(Person.objects.filter(pk=person.pk))]
    assert document == same  # the document partner suggestions use


def test_suggestions_leave_out_assigned_reviewers(case, eligible):
    assigned = expert(expertise="Glioblastoma radiomics")
    review.assign_reviewer(actor=None, application=eligible, reviewer=assigned)
    assert assigned not in [s.person for s in reviewers.suggest_reviewers(case["application"])]


def test_a_hospital_partner_of_kind_hospital_keeps_the_application_eligible(case):
    """The fixture's leads are in a hospital and a university: both eligible kinds."""
    assert case["chu"].kind == OrganisationKind.HOSPITAL
    application = services.application_submit(actor=None, application=case["application"])
    assert services.application_check_eligibility(actor=None, application=application).status == "eligible"


def test_a_conflict_declared_after_the_review_withdraws_it_from_the_ranking_and_closes_access(client, case,
                                                                                               eligible):
    call = case["call"]
    honest, conflicted = expert(), expert()
    for reviewer, values in ((honest, (5, 5)), (conflicted, (0, 0))):
        assignment = review.assign_reviewer(actor=None, application=eligible, reviewer=reviewer)
        review.submit_review(actor=None, assignment=assignment, scores=scores_for(call, *values))
    assert call_ranking(call)[0].total == Decimal("50.0")

    review.declare_conflict(actor=conflicted.user, reviewer=conflicted, application=eligible, reason="Co-author")

    withdrawn = conflicted.review_assignments.get()
    assert withdrawn.status == AssignmentStatus.WITHDRAWN
    assert sorted(withdrawn.scores.values_list("score", flat=True)) == [0, 0]  # kept in the history
    ranked = call_ranking(call)[0]
    assert (ranked.total, ranked.reviews, ranked.expected) == (Decimal("100.0"), 1, 1)
    with pytest.raises(ValidationError, match="closed for a conflict"):
        review.submit_review(actor=None, assignment=withdrawn, scores=scores_for(call, 5, 5))

    client.force_login(conflicted.user)
    document = eligible.documents.first()
    download = client.get(reverse("funding:document", args=[eligible.pk, document.pk]))
    page = client.get(withdrawn.get_absolute_url()).content.decode()
    assert download.status_code == 404
    assert eligible.abstract not in page and document.filename not in page
