"""Writes of the funding app, one transaction per use case: calls and their rules, applications
through their workflow (deadline, eligibility, decision). The review lives in ``review.py``.

Amounts are ``{currency: Decimal}`` mappings: each currency is its own line, never converted.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.actors import recorded_user
from passerelle.core.mail import after_commit
from passerelle.core.rows import save_rows
from passerelle.core.workflow import record_creation, transition
from passerelle.directory.models import Organisation
from passerelle.projects.models import Project

from . import eligibility, notifications, rules, selectors
from .enums import APPLICATION_WORKFLOW, ApplicationStatus, Currency
from .models import (
    Application,
    ApplicationAmount,
    ApplicationDocument,
    Call,
    CallRule,
    Programme,
    ReviewCriterion,
)

# Programmes and calls -----------------------------------------------------------------------

def programme_save(*, actor: Any, programme: Programme, funders: Iterable[Organisation] = ()) -> Programme:
    """Create or update a programme (its fields already set) and its funders."""
    with transaction.atomic():
        programme.full_clean()
        programme.save()
        programme.funders.set(funders)
    return programme


CRITERION_FIELDS = ("label_fr", "label_en", "max_score", "weight", "position")


def call_save(*, actor: Any, call: Call, rules: Mapping[str, Mapping | None],
              criteria: Sequence[Mapping[str, Any]] = ()) -> Call:
    """Create or update a call and replace its rules: ``rules`` maps a ``RuleKind`` to its
    parameters (None or absent: the call does not hold that rule). ``criteria`` are rows as in
    ``core.rows``: ``{"id", "delete", "label_fr", "label_en", "max_score", "weight", "position"}``."""
    with transaction.atomic():
        call.full_clean()
        if call.pk is None:
            call.created_by = recorded_user(actor)
        call.save()
        for kind, params in rules.items():
            if params is None:
                CallRule.objects.filter(call=call, kind=kind).delete()
                continue
            eligibility.validate_params(kind, params)
            CallRule.objects.update_or_create(call=call, kind=kind, defaults={"params": dict(params)})
        save_rows(call, criteria, model=ReviewCriterion, parent_field="call", fields=CRITERION_FIELDS)
    return call


# Applications -------------------------------------------------------------------------------

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
                                      duration_months=duration, created_by=recorded_user(actor))
            application.full_clean(validate_constraints=False)
            application.save()
            _set_amounts(application, amounts or {})
            record_creation(application, by=actor)
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
        document = ApplicationDocument(application=application, kind=kind, file=file, uploaded_by=recorded_user(actor))
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
        transition(locked, ApplicationStatus.SUBMITTED, by=actor,
                   changes={"submitted_at": now or timezone.now(), "submitted_by": recorded_user(actor)})
        after_commit(partial(notifications.application_submitted, locked, actor=recorded_user(actor)))
    return locked


def application_check_eligibility(*, actor: Any, application: Application) -> Application:
    """Check a submitted application against its call's rules: eligible when every rule is met,
    else ineligible with each failed rule named (kept on the application and in the history)."""
    with transaction.atomic():
        locked = _lock(application)
        if not rules.can_check_eligibility(locked):
            raise ValidationError(_("Eligibility is checked on submitted applications."))
        results = eligibility.check_eligibility(selectors.call_rules(locked.call), selectors.application_facts(locked))
        checked = {"eligibility": [r.as_dict() for r in results], "eligibility_checked_at": timezone.now()}
        to_status = ApplicationStatus.ELIGIBLE if eligibility.is_eligible(results) else ApplicationStatus.INELIGIBLE
        failed = " ".join(eligibility.describe(r) for r in results if not r.passed)
        if to_status != locked.status:
            transition(locked, to_status, by=actor, note=failed, changes=checked)
        else:
            for name, value in checked.items():
                setattr(locked, name, value)
            locked.save(update_fields=[*checked, "updated_at"])
        after_commit(partial(notifications.eligibility_checked, locked, actor=recorded_user(actor)))
    return locked


def check_transition(application: Application, to_status: str) -> None:
    APPLICATION_WORKFLOW.check(application.status, to_status)


def application_set_status(*, actor: Any, application: Application, to_status: str, note: str = "") -> Application:
    """A coordinator's move by hand (``APPLICATION_WORKFLOW.by_hand``); overruling eligibility needs a note."""
    with transaction.atomic():
        locked = _lock(application)
        check_transition(locked, to_status)
        if to_status not in APPLICATION_WORKFLOW.allowed_moves(locked.status, by_hand=True):
            raise ValidationError(_("This move is made by its own action (submission, eligibility check or "
                                    "decision)."))
        if (locked.status, to_status) in {(ApplicationStatus.INELIGIBLE, ApplicationStatus.ELIGIBLE),
                                          (ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE)} \
                and not note.strip():
            raise ValidationError({"note": _("Say why the eligibility check is overruled.")})
        transition(locked, to_status, by=actor, note=note, check=False,
                   changes={"submitted_at": None} if to_status == ApplicationStatus.DRAFT else {})
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
        transition(locked, decision, by=actor, note=note, check=False, changes={
            "decided_at": timezone.now(), "decided_by": recorded_user(actor), "decision_note": note.strip()})
        after_commit(partial(notifications.decision_recorded, locked, actor=recorded_user(actor)))
    return locked
