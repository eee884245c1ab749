"""Eligibility of an application, checked from its call's rules (rows of data, ``CallRule``).

Plain data in, plain data out: :func:`check_eligibility` takes ``(kind, params)`` pairs and the
application's :class:`ApplicationFacts`, and returns one :class:`RuleResult` per rule, each naming
why it failed. The database is read by ``selectors.application_facts`` only, so the rules are
tested on their own (tests/funding/test_eligibility*.py, hypothesis included). Messages are
rendered in the reader's language when shown (:func:`describe`), never stored translated.

Parameters of each rule kind::

    leads_per_territory  {"territories": ["AURA", "QC"]}        a lead in each listed territory
    organisation_kinds   {"kinds": ["university", "hospital"]}  every lead belongs to one of these kinds
    max_amount           {"amounts": {"EUR": "15000", "CAD": "22000"}}
                         per currency; a currency not listed may not be requested (never converted)
    max_duration         {"months": 24}                         duration given and at most this
    required_documents   {"kinds": ["proposal", "budget"]}      at least one document of each kind

Example::

    >>> facts = ApplicationFacts(partners=(Partner("AURA", "lead", ("hospital",)),),
    ...                          amounts={"EUR": Decimal("9000")}, duration_months=12, documents=frozenset())
    >>> [r.passed for r in check_eligibility([("leads_per_territory", {"territories": ["AURA", "QC"]})], facts)]
    [False]
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from passerelle.core.enums import OrganisationKind, Territory

from .enums import Currency, DocumentKind, RuleKind

LEAD = "lead"


@dataclass(frozen=True)
class Partner:
    """One partner of the project as the rules see it."""

    territory: str
    role: str
    organisation_kinds: tuple[str, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class ApplicationFacts:
    partners: tuple[Partner, ...] = ()
    amounts: Mapping[str, Decimal] = field(default_factory=dict)  # currency → requested
    duration_months: int | None = None
    documents: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RuleResult:
    rule: str
    passed: bool
    code: str = "ok"
    data: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"rule": self.rule, "passed": self.passed, "code": self.code, "data": self.data}


# Parameters ---------------------------------------------------------------------------------

def _decimal(value: Any) -> Decimal:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError(_("“%(value)s” is not an amount.") % {"value": value}) from None
    if not number.is_finite() or number < 0:
        raise ValidationError(_("“%(value)s” is not an amount.") % {"value": value})
    return number


def _codes(params: Mapping, key: str, allowed: Iterable[str]) -> list[str]:
    values = params.get(key)
    if not isinstance(values, list) or not values:
        raise ValidationError(_("Give at least one value in “%(key)s”.") % {"key": key})
    allowed = set(allowed)
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise ValidationError(_("Unknown values: %(values)s.") % {"values": ", ".join(map(str, unknown))})
    return values


def validate_params(kind: str, params: Any) -> None:
    """Raise ``ValidationError`` naming what is wrong with a rule's parameters."""
    if not isinstance(params, Mapping):
        raise ValidationError(_("The parameters must be an object."))
    if kind == RuleKind.LEADS_PER_TERRITORY:
        _codes(params, "territories", Territory.values)
    elif kind == RuleKind.ORGANISATION_KINDS:
        _codes(params, "kinds", OrganisationKind.values)
    elif kind == RuleKind.MAX_AMOUNT:
        amounts = params.get("amounts")
        if not isinstance(amounts, Mapping) or not amounts:
            raise ValidationError(_("Give a maximum amount for at least one currency."))
        _codes({"currencies": list(amounts)}, "currencies", Currency.values)
        for value in amounts.values():
            _decimal(value)
    elif kind == RuleKind.MAX_DURATION:
        months = params.get("months")
        if not isinstance(months, int) or isinstance(months, bool) or months < 1:
            raise ValidationError(_("The maximum duration is a number of months, at least 1."))
    elif kind == RuleKind.REQUIRED_DOCUMENTS:
        _codes(params, "kinds", DocumentKind.values)
    else:
        raise ValidationError(_("Unknown rule: %(kind)s.") % {"kind": kind})


# The rules ----------------------------------------------------------------------------------

def _leads_per_territory(params: Mapping, facts: ApplicationFacts) -> RuleResult:
    covered = {p.territory for p in facts.partners if p.role == LEAD}
    missing = [t for t in params["territories"] if t not in covered]
    if missing:
        return RuleResult(RuleKind.LEADS_PER_TERRITORY, False, "missing_leads", {"territories": missing})
    return RuleResult(RuleKind.LEADS_PER_TERRITORY, True)


def _organisation_kinds(params: Mapping, facts: ApplicationFacts) -> RuleResult:
    allowed = set(params["kinds"])
    leads = [p for p in facts.partners if p.role == LEAD]
    if not leads:
        return RuleResult(RuleKind.ORGANISATION_KINDS, False, "no_leads")
    outside = [p.name or p.territory for p in leads if not allowed.intersection(p.organisation_kinds)]
    if outside:
        return RuleResult(RuleKind.ORGANISATION_KINDS, False, "kind_not_eligible", {"leads": outside})
    return RuleResult(RuleKind.ORGANISATION_KINDS, True)


def _max_amount(params: Mapping, facts: ApplicationFacts) -> RuleResult:
    maxima = {currency: _decimal(value) for currency, value in params["amounts"].items()}
    requested = {currency: Decimal(amount) for currency, amount in facts.amounts.items() if Decimal(amount) > 0}
    if not requested:
        return RuleResult(RuleKind.MAX_AMOUNT, False, "no_amount")
    not_accepted = sorted(c for c in requested if c not in maxima)
    if not_accepted:
        return RuleResult(RuleKind.MAX_AMOUNT, False, "currency_not_accepted",
                          {"currencies": not_accepted, "accepted": sorted(maxima)})
    over = [{"currency": c, "requested": str(requested[c]), "maximum": str(maxima[c])}
            for c in sorted(requested) if requested[c] > maxima[c]]
    if over:
        return RuleResult(RuleKind.MAX_AMOUNT, False, "over_maximum", {"amounts": over})
    return RuleResult(RuleKind.MAX_AMOUNT, True)


def _max_duration(params: Mapping, facts: ApplicationFacts) -> RuleResult:
    if facts.duration_months is None:
        return RuleResult(RuleKind.MAX_DURATION, False, "no_duration", {"maximum": params["months"]})
    if facts.duration_months > params["months"]:
        return RuleResult(RuleKind.MAX_DURATION, False, "too_long",
                          {"months": facts.duration_months, "maximum": params["months"]})
    return RuleResult(RuleKind.MAX_DURATION, True)


def _required_documents(params: Mapping, facts: ApplicationFacts) -> RuleResult:
    missing = [kind for kind in params["kinds"] if kind not in facts.documents]
    if missing:
        return RuleResult(RuleKind.REQUIRED_DOCUMENTS, False, "missing_documents", {"kinds": missing})
    return RuleResult(RuleKind.REQUIRED_DOCUMENTS, True)


RULES = {
    RuleKind.LEADS_PER_TERRITORY: _leads_per_territory,
    RuleKind.ORGANISATION_KINDS: _organisation_kinds,
    RuleKind.MAX_AMOUNT: _max_amount,
    RuleKind.MAX_DURATION: _max_duration,
    RuleKind.REQUIRED_DOCUMENTS: _required_documents,
}


def check_eligibility(rules: Iterable[tuple[str, Mapping]], facts: ApplicationFacts) -> list[RuleResult]:
    """One result per rule, in the order given. Invalid parameters raise ``ValidationError``."""
    results = []
    for kind, params in rules:
        validate_params(kind, params)
        results.append(RULES[RuleKind(kind)](params, facts))
    return results


def is_eligible(results: Iterable[RuleResult]) -> bool:
    return all(result.passed for result in results)


# Words --------------------------------------------------------------------------------------

def _labels(choices, values: Iterable[str]) -> str:
    names = dict(choices)
    return ", ".join(str(names.get(v, v)) for v in values)


def describe(result: Mapping | RuleResult) -> str:
    """The result in words, in the active language: the rule's name, then why it failed."""
    data = result.as_dict() if isinstance(result, RuleResult) else result
    rule = RuleKind(data["rule"]).label if data["rule"] in RuleKind.values else data["rule"]
    code, info = data.get("code", "ok"), data.get("data") or {}
    if data.get("passed"):
        return _("%(rule)s: met.") % {"rule": rule}
    reasons = {
        "missing_leads": lambda: _("no lead in %(territories)s.") % {
            "territories": _labels(Territory.choices, info.get("territories", []))},
        "no_leads": lambda: _("the project has no lead.") % {},
        "kind_not_eligible": lambda: _("not in an eligible kind of organisation: %(leads)s.") % {
            "leads": ", ".join(info.get("leads", []))},
        "no_amount": lambda: _("no amount is requested.") % {},
        "currency_not_accepted": lambda: _("%(currencies)s not accepted by this call (accepted: %(accepted)s).") % {
            "currencies": ", ".join(info.get("currencies", [])), "accepted": ", ".join(info.get("accepted", []))},
        "over_maximum": lambda: "; ".join(
            _("%(requested)s %(currency)s requested, at most %(maximum)s %(currency)s.") % amount
            for amount in info.get("amounts", [])),
        "no_duration": lambda: _("the duration is not given (at most %(maximum)d months).") % info,
        "too_long": lambda: _("%(months)d months, at most %(maximum)d.") % info,
        "missing_documents": lambda: _("missing %(kinds)s.") % {
            "kinds": _labels(DocumentKind.choices, info.get("kinds", []))},
    }
    reason = reasons.get(code, lambda: _("not met.") % {})()
    return f"{rule}: {reason}"
