"""The funding predicates and reads the application pages ask (nothing decided in the views)."""
from __future__ import annotations

import pytest

from passerelle.funding import rules, selectors, services
from passerelle.funding.enums import ApplicationStatus
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_missing_documents_are_the_required_kinds_not_uploaded(case):
    application = case["application"]
    assert selectors.missing_documents(application) == []
    application.documents.filter(kind="budget").delete()
    assert selectors.missing_documents(application) == ["budget"]


def test_what_may_be_done_follows_the_status(case):
    application = case["application"]
    assert rules.can_edit(application) and not rules.can_check_eligibility(application)
    services.application_submit(actor=case["lea_user"], application=application)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert not rules.can_edit(application) and rules.can_check_eligibility(application)


def test_documents_are_read_by_the_applicants_not_by_other_members(case):
    application = case["application"]
    assert rules.can_read_documents(case["lea_user"], application)
    assert not rules.can_read_documents(MemberFactory(), application)


def test_the_eligibility_preview_records_nothing(case):
    application = case["application"]
    results = selectors.eligibility_preview(application)
    assert results and all(result.passed for result in results)
    application.refresh_from_db()
    assert application.eligibility_checked_at is None
