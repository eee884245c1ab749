"""The application workflow: submission and its deadline across time zones, eligibility from the
call's rules, moves that are not allowed, decisions, and amounts that keep their currency."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from passerelle.core.enums import TimeZone
from passerelle.funding import selectors, services
from passerelle.funding.enums import ApplicationStatus
from passerelle.funding.models import ApplicationAmount
from tests.factories import CoordinatorFactory

from .factories import CallFactory

PARIS, MONTREAL = ZoneInfo("Europe/Paris"), ZoneInfo("America/Montreal")


def submitted(case):
    return services.application_submit(actor=case["lea_user"], application=case["application"])


def under_review(case, coordinator):
    from passerelle.funding import review
    from tests.factories import MemberFactory, OrganisationFactory, PersonFactory

    application = services.application_check_eligibility(actor=coordinator, application=submitted(case))
    reviewer = PersonFactory(user=MemberFactory(), organisation=OrganisationFactory(name="Elsewhere"))
    review.assign_reviewer(actor=coordinator, application=application, reviewer=reviewer)
    application.refresh_from_db()
    return application


def test_submission_records_who_and_when_and_tells_applicants_and_coordinators(case, committed):
    coordinator = CoordinatorFactory(email="coord@example.org")
    with committed():
        application = submitted(case)

    assert application.status == ApplicationStatus.SUBMITTED
    change = application.status_changes.first()
    assert (change.from_status, change.to_status, change.by) == ("draft", "submitted", case["lea_user"])
    assert application.submitted_by == case["lea_user"]
    assert sorted(m.to[0] for m in mail.outbox) == [coordinator.email, "marc@example.org"]


def test_submission_is_refused_after_the_deadline_naming_the_time_zone(case):
    call = case["call"]
    call.opens_at = datetime(2026, 1, 5, 9, 0, tzinfo=MONTREAL)
    call.closes_at = datetime(2026, 3, 16, 17, 0, tzinfo=MONTREAL)
    call.time_zone = TimeZone.MONTREAL
    call.save()

    with pytest.raises(ValidationError) as error:
        services.application_submit(actor=case["lea_user"], application=case["application"],
                                    now=datetime(2026, 3, 16, 22, 0, tzinfo=ZoneInfo("UTC")))

    assert "The deadline has passed" in error.value.messages[0]
    assert "17:00" in error.value.messages[0] and "(America/Montreal)" in error.value.messages[0]
    case["application"].refresh_from_db()
    assert case["application"].status == ApplicationStatus.DRAFT


# Mid-March, Montréal is already on summer time and Paris not yet: five hours apart, not six.
@pytest.mark.parametrize(("paris_time", "accepted"), [
    (datetime(2026, 3, 16, 21, 59, 59), True),   # 16:59:59 in Montréal
    (datetime(2026, 3, 16, 22, 0, 0), False),    # 17:00 in Montréal: the deadline itself is too late
    (datetime(2026, 3, 16, 22, 30, 0), False),   # "six hours behind" arithmetic would wrongly accept it
])
def test_a_montreal_deadline_is_the_same_instant_seen_from_paris(case, paris_time, accepted):
    call = case["call"]
    call.time_zone = TimeZone.MONTREAL
    call.opens_at = datetime(2026, 1, 5, 9, 0, tzinfo=MONTREAL)
    call.closes_at = datetime(2026, 3, 16, 17, 0, tzinfo=MONTREAL)
    call.save()
    now = paris_time.replace(tzinfo=PARIS)

    if accepted:
        assert services.application_submit(actor=None, application=case["application"], now=now).status == "submitted"
    else:
        with pytest.raises(ValidationError, match="deadline has passed"):
            services.application_submit(actor=None, application=case["application"], now=now)


def test_submission_before_the_call_opens_is_refused(case):
    case["call"].opens_at = case["call"].closes_at - timedelta(days=1)
    case["call"].save()
    with pytest.raises(ValidationError, match="This call opens on"):
        submitted(case)


def test_an_unpublished_call_takes_no_application(case):
    case["call"].status = "draft"
    case["call"].save()
    with pytest.raises(ValidationError, match="not published"):
        submitted(case)


def test_a_project_applies_once_to_a_call(case):
    with pytest.raises(ValidationError, match="already applied"):
        services.application_create(actor=None, call=case["call"], project=case["project"])


def test_a_submitted_application_can_no_longer_be_edited(case):
    application = submitted(case)
    with pytest.raises(ValidationError, match="Only a draft application can be changed"):
        services.application_update(actor=case["lea_user"], application=application, abstract="New",
                                    duration_months=12, amounts={"EUR": "1"})


def test_eligible_application_meets_every_rule(case):
    application = services.application_check_eligibility(actor=CoordinatorFactory(), application=submitted(case))

    assert application.status == ApplicationStatus.ELIGIBLE
    assert [r["passed"] for r in application.eligibility] == [True] * 5


def test_ineligible_application_names_each_failed_rule_in_history_and_mail(case, committed):
    case["project"].partners.filter(person=case["marc"]).delete()
    application = submitted(case)

    with committed():
        application = services.application_check_eligibility(actor=CoordinatorFactory(), application=application)

    assert application.status == ApplicationStatus.INELIGIBLE
    failed = [r["rule"] for r in application.failed_rules]
    assert failed == ["leads_per_territory"]
    note = application.status_changes.first().note
    assert note == "A lead in each territory: no lead in Québec."
    assert "no lead in Québec" in mail.outbox[0].body


@pytest.mark.parametrize(("move", "message"), [
    ("funded", "cannot go from “Draft” to “Funded”"),
    ("under_review", "cannot go from “Draft” to “Under review”"),
    ("eligible", "cannot go from “Draft” to “Eligible”"),
])
def test_moves_that_skip_steps_are_refused(case, move, message):
    with pytest.raises(ValidationError, match=message):
        services.application_set_status(actor=CoordinatorFactory(), application=case["application"], to_status=move)


def test_decisions_are_not_made_by_hand_nor_before_review(case):
    application = services.application_check_eligibility(actor=None, application=submitted(case))
    with pytest.raises(ValidationError, match="cannot go from “Eligible” to “Funded”"):
        services.application_decide(actor=None, application=application, decision="funded", granted={"EUR": "1"})
    application = services.application_set_status(actor=None, application=application, to_status="under_review")
    with pytest.raises(ValidationError, match="its own action"):
        services.application_set_status(actor=None, application=application, to_status="funded")


def test_overruling_eligibility_needs_a_reason(case):
    case["project"].partners.filter(person=case["marc"]).delete()
    application = services.application_check_eligibility(actor=None, application=submitted(case))
    with pytest.raises(ValidationError, match="Say why"):
        services.application_set_status(actor=None, application=application, to_status="eligible")
    application = services.application_set_status(actor=None, application=application, to_status="eligible",
                                                  note="The Québec lead was confirmed by letter.")
    assert application.status == "eligible"


def test_submitted_application_returns_to_draft_and_can_be_submitted_again(case):
    application = services.application_set_status(actor=None, application=submitted(case), to_status="draft")
    assert (application.status, application.submitted_at) == ("draft", None)
    assert services.application_submit(actor=None, application=application).status == "submitted"


def test_funded_decision_keeps_each_currency_and_tells_the_applicants(case, committed):
    coordinator = CoordinatorFactory()
    application = under_review(case, coordinator)

    with committed():
        application = services.application_decide(actor=coordinator, application=application, decision="funded",
                                                  granted={"EUR": "10000", "CAD": "15000.50"}, note="Ranked 2nd.")

    lines = {a.currency: (a.requested, a.granted) for a in application.amounts.all()}
    assert lines == {"CAD": (Decimal("18000.00"), Decimal("15000.50")), "EUR": (Decimal("12000.00"), Decimal("10000"))}
    assert (application.status, application.decided_by, application.decision_note) == (
        "funded", coordinator, "Ranked 2nd.")
    assert sorted(m.to[0] for m in mail.outbox) == ["lea@example.org", "marc@example.org"]
    assert "Granted: 15000.50 CAD" in mail.outbox[0].body


def test_a_grant_in_a_currency_not_requested_is_refused_never_converted(case):
    coordinator = CoordinatorFactory()
    case["application"].amounts.filter(currency="CAD").delete()
    application = under_review(case, coordinator)

    with pytest.raises(ValidationError, match="CAD was not requested"):
        services.application_decide(actor=coordinator, application=application, decision="funded",
                                    granted={"CAD": "22000"})
    assert list(application.amounts.values_list("currency", "granted")) == [("EUR", None)]


def test_declined_decision_grants_nothing_and_is_final(case):
    coordinator = CoordinatorFactory()
    application = services.application_decide(actor=coordinator, application=under_review(case, coordinator),
                                              decision="declined", granted={"EUR": "5"})
    assert set(application.amounts.values_list("granted", flat=True)) == {None}
    with pytest.raises(ValidationError, match="cannot go from “Declined”"):
        services.application_decide(actor=coordinator, application=application, decision="funded",
                                    granted={"EUR": "5"})


def test_totals_are_summed_per_currency():
    lines = [ApplicationAmount(currency="EUR", requested=Decimal("10"), granted=Decimal("8")),
             ApplicationAmount(currency="CAD", requested=Decimal("15")),
             ApplicationAmount(currency="EUR", requested=Decimal("5"), granted=Decimal("5"))]
    assert selectors.totals_by_currency(lines) == {"CAD": Decimal("15"), "EUR": Decimal("15")}
    assert selectors.totals_by_currency(lines, "granted") == {"EUR": Decimal("13")}


def test_application_takes_the_project_summary_and_duration_by_default(case):
    call = CallFactory()
    application = services.application_create(actor=None, call=call, project=case["project"],
                                               amounts={"EUR": "100", "CAD": ""})
    assert application.abstract == case["project"].summary_en  # the active language's version
    assert application.duration_months == 24
    assert list(application.amounts.values_list("currency", flat=True)) == ["EUR"]


def test_unknown_currency_is_refused(case):
    with pytest.raises(ValidationError, match="Unknown currency: USD"):
        services.application_update(actor=None, application=case["application"], abstract="x",
                                    duration_months=12, amounts={"USD": "10"})
