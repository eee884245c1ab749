"""The eligibility checker on plain data: each rule failing alone, its words, its parameters, and
hypothesis on the inputs (a result per rule, in order; eligible exactly when every rule holds)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.core.enums import OrganisationKind, Territory
from passerelle.funding.eligibility import (
    ApplicationFacts,
    Partner,
    RuleResult,
    check_eligibility,
    describe,
    is_eligible,
    validate_params,
)
from passerelle.funding.enums import Currency, DocumentKind, RuleKind

from .factories import SDC_RULES

RULES = list(SDC_RULES.items())
GOOD = ApplicationFacts(
    partners=(Partner("AURA", "lead", ("hospital",), "Léa Dupont"),
              Partner("QC", "lead", ("university",), "Marc Tremblay"),
              Partner("QC", "partner", ("company",), "Repare Therapeutics")),
    amounts={"EUR": Decimal("12000"), "CAD": Decimal("18000")},
    duration_months=24,
    documents=frozenset({"proposal", "budget", "cv"}),
)


def failed(facts: ApplicationFacts) -> list[tuple[str, str]]:
    return [(r.rule, r.code) for r in check_eligibility(RULES, facts) if not r.passed]


def with_(**changes) -> ApplicationFacts:
    return ApplicationFacts(**{**GOOD.__dict__, **changes})


def test_a_complete_application_meets_every_rule():
    results = check_eligibility(RULES, GOOD)
    assert [r.rule for r in results] == list(SDC_RULES)
    assert is_eligible(results)


@pytest.mark.parametrize(("facts", "expected"), [
    (with_(partners=GOOD.partners[:1] + GOOD.partners[2:]), [("leads_per_territory", "missing_leads")]),
    (with_(partners=(GOOD.partners[0], Partner("QC", "lead", ("company",), "Marc Tremblay"))),
     [("organisation_kinds", "kind_not_eligible")]),
    (with_(amounts={"EUR": Decimal("15000.01"), "CAD": Decimal("18000")}), [("max_amount", "over_maximum")]),
    (with_(amounts={"EUR": Decimal("9000"), "USD": Decimal("1")}), [("max_amount", "currency_not_accepted")]),
    (with_(amounts={}), [("max_amount", "no_amount")]),
    (with_(duration_months=25), [("max_duration", "too_long")]),
    (with_(duration_months=None), [("max_duration", "no_duration")]),
    (with_(documents=frozenset({"proposal"})), [("required_documents", "missing_documents")]),
], ids=["no-quebec-lead", "lead-in-a-company", "over-the-euro-maximum", "a-currency-not-accepted", "no-amount",
        "too-long", "no-duration", "no-budget"])
def test_each_rule_fails_alone(facts, expected):
    assert failed(facts) == expected


def test_the_maximum_is_per_currency_never_converted():
    """22,000 CAD is allowed even though it is "more" than the 15,000 EUR maximum: no conversion."""
    facts = with_(amounts={"EUR": Decimal("15000"), "CAD": Decimal("22000")})
    assert failed(facts) == []
    assert failed(with_(amounts={"CAD": Decimal("22000.50")})) == [("max_amount", "over_maximum")]


def test_a_lead_counts_for_the_territory_of_its_partner_row_only():
    """A co-investigator in Québec is not a lead: the rule wants a lead there."""
    facts = with_(partners=(GOOD.partners[0], Partner("QC", "co_investigator", ("university",))))
    assert failed(facts)[0] == ("leads_per_territory", "missing_leads")


def test_no_lead_at_all_fails_both_lead_rules():
    facts = with_(partners=(Partner("AURA", "partner", ("hospital",)),))
    assert failed(facts) == [("leads_per_territory", "missing_leads"), ("organisation_kinds", "no_leads")]


@pytest.mark.parametrize(("result", "words"), [
    (RuleResult("leads_per_territory", False, "missing_leads", {"territories": ["QC"]}),
     "A lead in each territory: no lead in Québec."),
    (RuleResult("organisation_kinds", False, "kind_not_eligible", {"leads": ["Marc Tremblay"]}),
     "Eligible kinds of organisation: not in an eligible kind of organisation: Marc Tremblay."),
    (RuleResult("max_amount", False, "over_maximum",
                {"amounts": [{"currency": "EUR", "requested": "15000.01", "maximum": "15000"}]}),
     "Maximum amount requested: 15000.01 EUR requested, at most 15000 EUR."),
    (RuleResult("max_amount", False, "currency_not_accepted", {"currencies": ["USD"], "accepted": ["CAD", "EUR"]}),
     "Maximum amount requested: USD not accepted by this call (accepted: CAD, EUR)."),
    (RuleResult("max_duration", False, "too_long", {"months": 25, "maximum": 24}),
     "Maximum duration: 25 months, at most 24."),
    (RuleResult("required_documents", False, "missing_documents", {"kinds": ["budget"]}),
     "Documents required: missing Budget."),
    (RuleResult("max_duration", True), "Maximum duration: met."),
])
def test_each_failure_is_described_in_words(result, words):
    with translation.override("en"):
        assert describe(result) == words
        assert describe(result.as_dict()) == words


def test_words_follow_the_reader_language():
    result = RuleResult("leads_per_territory", False, "missing_leads", {"territories": ["QC"]}).as_dict()
    with translation.override("en"):
        english = describe(result)
    with translation.override("fr"):
        french = describe(result)
    assert "Québec" in english and "Québec" in french


@pytest.mark.parametrize(("kind", "params"), [
    ("leads_per_territory", {"territories": []}),
    ("leads_per_territory", {"territories": ["MARS"]}),
    ("organisation_kinds", {"kinds": ["castle"]}),
    ("max_amount", {"amounts": {}}),
    ("max_amount", {"amounts": {"EUR": "-1"}}),
    ("max_amount", {"amounts": {"EUR": "a lot"}}),
    ("max_amount", {"amounts": {"JPY": "100"}}),
    ("max_duration", {"months": 0}),
    ("max_duration", {"months": "24"}),
    ("required_documents", {"kinds": ["poem"]}),
    ("no_such_rule", {}),
    ("max_duration", ["months", 24]),
])
def test_bad_parameters_are_refused_with_a_reason(kind, params):
    with pytest.raises(ValidationError):
        validate_params(kind, params)
    if kind in RuleKind.values:
        with pytest.raises(ValidationError):
            check_eligibility([(kind, params)], GOOD)


# Hypothesis: any facts, any subset of the rules -----------------------------------------------------

partners = st.builds(
    Partner,
    territory=st.sampled_from(Territory.values),
    role=st.sampled_from(["lead", "co_investigator", "partner"]),
    organisation_kinds=st.lists(st.sampled_from(OrganisationKind.values), max_size=3).map(tuple),
    name=st.text(max_size=20),
)
facts_strategy = st.builds(
    ApplicationFacts,
    partners=st.lists(partners, max_size=6).map(tuple),
    amounts=st.dictionaries(st.sampled_from(Currency.values + ["USD"]),
                            st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False)),
    duration_months=st.none() | st.integers(min_value=0, max_value=240),
    documents=st.frozensets(st.sampled_from(DocumentKind.values)),
)
rules_strategy = st.lists(st.sampled_from(RULES), unique_by=lambda rule: rule[0])


@settings(max_examples=200, deadline=None)
@given(facts=facts_strategy, rules=rules_strategy)
def test_one_result_per_rule_in_order_and_eligible_only_when_all_hold(facts, rules):
    results = check_eligibility(rules, facts)
    assert [r.rule for r in results] == [kind for kind, _ in rules]
    assert is_eligible(results) == all(r.passed for r in results)
    for result in results:
        assert result.passed == (result.code == "ok")
        with translation.override("en"):
            assert describe(result).startswith(str(RuleKind(result.rule).label))


@settings(max_examples=200, deadline=None)
@given(facts=facts_strategy)
def test_the_lead_rule_holds_exactly_when_both_territories_have_a_lead(facts):
    [result] = check_eligibility([(RuleKind.LEADS_PER_TERRITORY, {"territories": ["AURA", "QC"]})], facts)
    leads = {p.territory for p in facts.partners if p.role == "lead"}
    assert result.passed == ({"AURA", "QC"} <= leads)


@settings(max_examples=200, deadline=None)
@given(facts=facts_strategy, eur=st.integers(min_value=0, max_value=10**6),
       cad=st.integers(min_value=0, max_value=10**6))
def test_the_amount_rule_compares_each_currency_with_its_own_maximum(facts, eur, cad):
    [result] = check_eligibility([(RuleKind.MAX_AMOUNT, {"amounts": {"EUR": str(eur), "CAD": str(cad)}})], facts)
    requested = {c: v for c, v in facts.amounts.items() if v > 0}
    expected = bool(requested) and set(requested) <= {"EUR", "CAD"} and \
        requested.get("EUR", 0) <= eur and requested.get("CAD", 0) <= cad
    assert result.passed == expected
