"""Demo outcomes: written through the services (valid, audited), idempotent, the office in Lyon."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from passerelle.demo.outcomes import seed_outcomes
from passerelle.funding.models import Application
from passerelle.reports.enums import OutcomeKind
from passerelle.reports.indicators import Ratio, ReportFilters
from passerelle.reports.indicators.funding import money_granted, success_rate
from passerelle.reports.models import Outcome


def test_demo_outcomes_of_the_funded_projects(pipeline, coordinator):
    Outcome.objects.all().delete()
    report = seed_outcomes(coordinator, today=date(2026, 1, 1))
    outcomes = list(Outcome.objects.select_related("project"))
    assert report.outcomes == len(outcomes) > 0
    assert {o.project.acronym for o in outcomes} == {"RADIO-QC", "IMMUNO"}  # the two funded projects
    office = Outcome.objects.get(kind=OutcomeKind.NEW_SITE)
    # IMMUNO has denis of the Université de Sherbrooke as a partner.
    assert (office.project.acronym, office.organisation.acronym, office.territory) == ("IMMUNO", "UdeS", "AURA")
    assert "Lyon" in office.title_en
    for outcome in outcomes:
        outcome.full_clean()
        assert outcome.date <= date(2026, 1, 1)
    assert seed_outcomes(coordinator).skipped
    assert Outcome.objects.count() == len(outcomes)


def test_the_decision_date_comes_from_the_history_when_missing(pipeline, coordinator):
    Outcome.objects.all().delete()
    a1 = pipeline.applications["A1"]
    a1.status_changes.create(from_status="under_review", to_status="funded", at=a1.decided_at)
    Application.objects.filter(pk=a1.pk).update(decided_at=None)
    # The indicators read the decision's time from the history too.
    assert money_granted(ReportFilters()).by_year[2020] == {"EUR": Decimal("25000"), "CAD": Decimal("40000")}
    assert success_rate(ReportFilters()).total == Ratio(2, 3)
    seed_outcomes(coordinator, today=date(2026, 1, 1))
    assert Outcome.objects.filter(project__acronym="RADIO-QC").exists()


def test_the_command_needs_a_coordinator(db):
    with pytest.raises(CommandError, match="coordinator"):
        call_command("seed_reports_demo")
