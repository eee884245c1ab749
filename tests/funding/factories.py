"""Factories of the funding app: a Samuel-De Champlain-like call, open now, with its rules as data."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from passerelle.core.enums import TimeZone
from passerelle.funding.enums import CallStatus, RuleKind
from passerelle.funding.models import Application, ApplicationAmount, Call, CallRule, Programme, ReviewCriterion
from tests.factories import numbered
from tests.projects.factories import ProjectFactory

# The rules of the demo's Samuel-De Champlain call, each one row of data.
SDC_RULES = {
    RuleKind.LEADS_PER_TERRITORY: {"territories": ["AURA", "QC"]},
    RuleKind.ORGANISATION_KINDS: {"kinds": ["university", "hospital", "cancer_centre", "research_centre"]},
    RuleKind.MAX_AMOUNT: {"amounts": {"EUR": "15000", "CAD": "22000"}},
    RuleKind.MAX_DURATION: {"months": 24},
    RuleKind.REQUIRED_DOCUMENTS: {"kinds": ["proposal", "budget"]},
}


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    slug, name_fr, name_en = numbered("programme-{n}", "Programme Samuel-De Champlain {n}",
                                      "Samuel-De Champlain programme {n}")
    territories = ["AURA", "QC"]


class CallFactory(factory.django.DjangoModelFactory):
    """Open since ten days, closing in twenty; ``CallFactory(rules=SDC_RULES)`` adds rules and
    ``criteria=2`` two review criteria."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    slug, title_fr, title_en = numbered("appel-{n}", "Appel {n}", "Call {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    time_zone = TimeZone.PARIS
    status = CallStatus.PUBLISHED

    @factory.post_generation
    def rules(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            for kind, params in extracted.items():
                CallRule.objects.create(call=obj, kind=kind, params=params)

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            labels = [("Excellence scientifique", "Scientific excellence", 2),
                      ("Complémentarité franco-québécoise", "France–Québec complementarity", 1),
                      ("Faisabilité", "Feasibility", 1)]
            for position, (fr, en, weight) in enumerate(labels[:extracted]):
                ReviewCriterion.objects.create(call=obj, label_fr=fr, label_en=en, weight=weight, max_score=5,
                                               position=position)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft; ``ApplicationFactory(amounts={"EUR": "9000"})``."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    project = factory.SubFactory(ProjectFactory)
    abstract = "Radiomics of glioblastoma MRI with a shared Lyon–Sherbrooke cohort."
    duration_months = 24

    @factory.post_generation
    def amounts(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            for currency, value in extracted.items():
                ApplicationAmount.objects.create(application=obj, currency=currency, requested=Decimal(value))
