"""Writes of the funding app, one transaction per use case: calls and their rules, applications
through their workflow (deadline, eligibility, decision). The review lives in ``review.py``.

Amounts are ``{currency: Decimal}`` mappings: each currency is its own line, never converted.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.mail import after_commit
from passerelle.directory.models import Affiliation
from passerelle.projects.models import Project

from . import eligibility, notifications, rules
from .enums import APPLICATION_TRANSITIONS, ApplicationStatus, Currency
from .models import Application, ApplicationAmount, ApplicationDocument, ApplicationStatusChange, Call, CallRule


def _actor(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


# Calls --------------------------------------------------------------------------------------

def call_rules(call: Call) -> list[tuple[str, dict]]:
    """The call's rules as ``(kind, params)`` pairs, the input of ``eligibility.check_eligibility``."""
    return [(rule.kind, rule.params) for rule in call.rules.all()]


def call_save(*, actor: Any, call: Call, rules: Mapping[str, Mapping | None], criteria_formset: Any = None) -> Call:
    """Create or update a call and replace its rules: ``rules`` maps a ``RuleKind`` to its
    parameters (None or absent: the call does not hold that rule)."""
    with transaction.atomic():
        call.full_clean()
        if call.pk is None:
            call.created_by = _actor(actor)
        call.save()
        for kind, params in rules.items():
            if params is None:
                CallRule.objects.filter(call=call, kind=kind).delete()
                continue
            eligibility.validate_params(kind, params)
            CallRule.objects.update_or_create(call=call, kind=kind, defaults={"params": dict(params)})
        if criteria_formset is not None:
            criteria_formset.instance = call
            criteria_formset.save()
    return call


# Applications -------------------------------------------------------------------------------

def _record(application: Application, to_status: str, *, by: Any, note: str = "") -> None:
    """Write a move and its history row (the caller holds the row lock and checked the move)."""
    ApplicationStatusChange.objects.create(application=application, from_status=application.status,
                                           to_status=to_status, by=by, note=note)
    application.status = to_status


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("call", "project").get(pk=application.pk)


def _set_amounts(application: Application, amounts: Mapping[str, Any]) -> None:
    """One line per currency with a requested amount; currencies left out lose their line."""
    keep = []
    for currency, value in amounts.items():
        if value in (None, ""):
            continue
        if currency not in Currency.values:
            raise ValidationError(_("Unknown currency: %(currency)s.") % {"currency": currency})
        line, _created = ApplicationAmount.objects.get_or_create(
            application=application, currency=currency, defaults={"requested": Decimal(value)})
        line.requested = Decimal(value)
        line.full_clean()
        line.save()
        keep.append(currency)
    application.amounts.exclude(currency__in=keep).delete()


def application_create(*, actor: Any, call: Call, project: Project, abstract: str = "",
                       duration_months: int | None = None, amounts: Mapping[str, Any] | None = None,
                       now: Any = None) -> Application:
    """A draft application of ``project`` to ``call`` (one per project and call)."""
    rules.check_call_accepts(call, now)
    duration = duration_months if duration_months is not None else project.duration_months
    try:
        with transaction.atomic():
            application = Application(call=call, project=project, abstract=abstract or project.summary,
                                      duration_months=duration, created_by=_actor(actor))
            application.full_clean(validate_constraints=False)
            application.save()
            _set_amounts(application, amounts or {})
            ApplicationStatusChange.objects.create(application=application, from_status="",
                                                   to_status=application.status, by=_actor(actor))
    except IntegrityError:
        raise ValidationError(_("This project has already applied to this call.")) from None
    return application


def application_update(*, actor: Any, application: Application, abstract: str, duration_months: int | None,
                       amounts: Mapping[str, Any]) -> Application:
    with transaction.atomic():
        locked = _lock(application)
        rules.check_editable(locked)
        locked.abstract, locked.duration_months = abstract, duration_months
        locked.full_clean(validate_constraints=False)
        locked.save(update_fields=["abstract", "duration_months", "updated_at"])
        _set_amounts(locked, amounts)
    return locked


def application_add_document(*, actor: Any, application: Application, kind: str, file: Any) -> ApplicationDocument:
    with transaction.atomic():
        rules.check_editable(_lock(application))
        document = ApplicationDocument(application=application, kind=kind, file=file, uploaded_by=_actor(actor))
        document.full_clean()
        document.save()
    return document


def application_remove_document(*, actor: Any, document: ApplicationDocument) -> None:
    with transaction.atomic():
        rules.check_editable(_lock(document.application))
        document.file.delete(save=False)
        document.delete()


def application_submit(*, actor: Any, application: Application, now: Any = None) -> Application:
    """Draft → submitted, refused once the call's deadline has passed (the zone is named)."""
    with transaction.atomic():
        locked = _lock(application)
        if locked.status != ApplicationStatus.DRAFT:
            raise ValidationError(_("Only a draft application can be submitted."))
        rules.check_call_accepts(locked.call, now)
        _record(locked, ApplicationStatus.SUBMITTED, by=_actor(actor))
        locked.submitted_at, locked.submitted_by = now or timezone.now(), _actor(actor)
        locked.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
        after_commit(partial(notifications.application_submitted, locked, actor=_actor(actor)))
    return locked


def application_facts(application: Application) -> eligibility.ApplicationFacts:
    """What the rules look at, read from the database in a fixed number of queries."""
    partners = list(application.project.partners.select_related("person", "organisation"))
    people = [p.person_id for p in partners if p.person_id]
    kinds: dict[int, set[str]] = {pk: set() for pk in people}
    for person_id, kind in Affiliation.objects.filter(person_id__in=people) \
            .values_list("person_id", "organisation__kind"):
        kinds[person_id].add(kind)
    facts = []
    for partner in partners:
        own = set(kinds.get(partner.person_id, set())) if partner.person_id else set()
        if partner.organisation_id:
            own.add(partner.organisation.kind)
        name = partner.person.full_name if partner.person_id else str(partner.organisation)
        facts.append(eligibility.Partner(partner.territory, partner.role, tuple(sorted(own)), name))
    return eligibility.ApplicationFacts(
        partners=tuple(facts),
        amounts={line.currency: line.requested for line in application.amounts.all()},
        duration_months=application.duration_months,
        documents=frozenset(application.documents.values_list("kind", flat=True)),
    )


def application_check_eligibility(*, actor: Any, application: Application) -> Application:
    """Check a submitted application against its call's rules: eligible when every rule is met,
    else ineligible with each failed rule named (kept on the application and in the history)."""
    with transaction.atomic():
        locked = _lock(application)
        if locked.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE,
                                 ApplicationStatus.INELIGIBLE):
            raise ValidationError(_("Eligibility is checked on submitted applications."))
        results = eligibility.check_eligibility(call_rules(locked.call), application_facts(locked))
        locked.eligibility = [r.as_dict() for r in results]
        locked.eligibility_checked_at = timezone.now()
        to_status = ApplicationStatus.ELIGIBLE if eligibility.is_eligible(results) else ApplicationStatus.INELIGIBLE
        failed = " ".join(eligibility.describe(r) for r in results if not r.passed)
        if to_status != locked.status:
            _record(locked, to_status, by=_actor(actor), note=failed)
        locked.save(update_fields=["status", "eligibility", "eligibility_checked_at", "updated_at"])
        after_commit(partial(notifications.eligibility_checked, locked, actor=_actor(actor)))
    return locked


# Moves a coordinator makes by hand (the others have their own service above or in review.py).
MANUAL_MOVES = {
    (ApplicationStatus.SUBMITTED, ApplicationStatus.DRAFT),     # returned to the applicants
    (ApplicationStatus.INELIGIBLE, ApplicationStatus.DRAFT),    # returned for a correction
    (ApplicationStatus.INELIGIBLE, ApplicationStatus.ELIGIBLE),  # overruled, with a note
    (ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE),
    (ApplicationStatus.ELIGIBLE, ApplicationStatus.UNDER_REVIEW),
}


def check_transition(application: Application, to_status: str) -> None:
    if to_status not in APPLICATION_TRANSITIONS.get(application.status, frozenset()):
        raise ValidationError(_("An application cannot go from “%(from)s” to “%(to)s”.") % {
            "from": ApplicationStatus(application.status).label,
            "to": ApplicationStatus(to_status).label if to_status in ApplicationStatus.values else to_status,
        })


def application_set_status(*, actor: Any, application: Application, to_status: str, note: str = "") -> Application:
    """A coordinator's move by hand (see ``MANUAL_MOVES``); overruling eligibility needs a note."""
    with transaction.atomic():
        locked = _lock(application)
        check_transition(locked, to_status)
        if (locked.status, to_status) not in MANUAL_MOVES:
            raise ValidationError(_("This move is made by its own action (submission, eligibility check or "
                                    "decision)."))
        if (locked.status, to_status) in {(ApplicationStatus.INELIGIBLE, ApplicationStatus.ELIGIBLE),
                                          (ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE)} \
                and not note.strip():
            raise ValidationError({"note": _("Say why the eligibility check is overruled.")})
        _record(locked, to_status, by=_actor(actor), note=note.strip())
        if to_status == ApplicationStatus.DRAFT:
            locked.submitted_at = None
        locked.save(update_fields=["status", "submitted_at", "updated_at"])
    return locked


def application_decide(*, actor: Any, application: Application, decision: str, note: str = "",
                       granted: Mapping[str, Any] | None = None) -> Application:
    """Under review → funded (with the amounts granted, in the currencies requested) or declined."""
    if decision not in (ApplicationStatus.FUNDED, ApplicationStatus.DECLINED):
        raise ValidationError(_("A decision is “funded” or “declined”."))
    granted = {c: v for c, v in (granted or {}).items() if v not in (None, "")}
    with transaction.atomic():
        locked = _lock(application)
        check_transition(locked, decision)
        lines = {line.currency: line for line in locked.amounts.all()}
        if decision == ApplicationStatus.FUNDED:
            if not granted:
                raise ValidationError({"granted": _("Give the amount granted.")})
            unknown = sorted(set(granted) - set(lines))
            if unknown:
                raise ValidationError({"granted": _(
                    "%(currencies)s was not requested: amounts keep the currency requested, never converted."
                ) % {"currencies": ", ".join(unknown)}})
        for currency, line in lines.items():
            line.granted = Decimal(granted[currency]) if decision == ApplicationStatus.FUNDED \
                and currency in granted else None
            line.full_clean()
            line.save(update_fields=["granted"])
        _record(locked, decision, by=_actor(actor), note=note.strip())
        locked.decided_at, locked.decided_by, locked.decision_note = timezone.now(), _actor(actor), note.strip()
        locked.save(update_fields=["status", "decided_at", "decided_by", "decision_note", "updated_at"])
        after_commit(partial(notifications.decision_recorded, locked, actor=_actor(actor)))
    return locked


def totals_by_currency(lines: Iterable[ApplicationAmount], field: str = "requested") -> dict[str, Decimal]:
    """Sums per currency (``field`` "requested" or "granted"); currencies are never mixed."""
    totals: dict[str, Decimal] = {}
    for line in lines:
        value = getattr(line, field)
        if value is not None:
            totals[line.currency] = totals.get(line.currency, Decimal(0)) + value
    return dict(sorted(totals.items()))
