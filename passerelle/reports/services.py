"""Writes of the reports app: outcomes of projects, each in one transaction with its audit entry,
and the publications proposed as outcomes (found, then confirmed or dismissed by a coordinator)."""
from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.actors import recorded_user
from passerelle.directory.audit import diff
from passerelle.directory.models import AuditEntry

from . import selectors
from .enums import OutcomeKind, ProposalStatus
from .models import Outcome, OutcomeProposal

FIELDS = ["project", "kind", "title_fr", "title_en", "description_fr", "description_en", "date", "link", "doi",
          "trial_id", "patent_number", "amount", "currency", "organisation", "organisation_name", "territory"]


def outcome_snapshot(outcome: Outcome) -> dict[str, str]:
    """Every field a user can change, as readable text."""
    if outcome.pk is None:
        return {}
    values = {name: getattr(outcome, name) for name in FIELDS}
    values["project"] = str(outcome.project) if outcome.project_id else ""
    values["organisation"] = str(outcome.organisation) if outcome.organisation_id else ""
    return {name: "" if value is None else str(value) for name, value in values.items()}


def _audit(*, actor: Any, outcome: Outcome | OutcomeProposal, action: str, before: dict, after: dict,
           object_type: str = "outcome") -> None:
    changes = diff(before, after)
    if action == AuditEntry.Action.UPDATE and not changes:
        return
    AuditEntry.objects.create(
        actor=recorded_user(actor), action=action,
        object_type=object_type, object_id=outcome.pk, object_repr=str(outcome)[:255], changes=changes)


def outcome_create(*, actor: Any, **fields: Any) -> Outcome:
    """Validate (identifiers normalised, what the kind needs) and record a new outcome."""
    outcome = Outcome(**fields)
    outcome.created_by = recorded_user(actor)
    outcome.full_clean()
    with transaction.atomic():
        outcome.save()
        _audit(actor=actor, outcome=outcome, action=AuditEntry.Action.CREATE, before={},
               after=outcome_snapshot(outcome))
    return outcome


def outcome_update(*, actor: Any, outcome: Outcome, **fields: Any) -> Outcome:
    with transaction.atomic():
        before = outcome_snapshot(Outcome.objects.select_for_update().get(pk=outcome.pk))
        for name, value in fields.items():
            setattr(outcome, name, value)
        outcome.full_clean()
        outcome.save()
        _audit(actor=actor, outcome=outcome, action=AuditEntry.Action.UPDATE, before=before,
               after=outcome_snapshot(outcome))
    return outcome


def outcome_delete(*, actor: Any, outcome: Outcome) -> None:
    with transaction.atomic():
        before = outcome_snapshot(outcome)
        pk = outcome.pk
        outcome.delete()
        outcome.pk = pk
        _audit(actor=actor, outcome=outcome, action=AuditEntry.Action.DELETE, before=before, after={})


# --- publications proposed as outcomes ----------------------------------------------------------------

def propose_publication_outcomes() -> int:
    """Propose every work co-signed by partners of a project after its start as that project's outcome
    (``selectors.publication_outcome_candidates``); returns how many proposals are new. Running it
    again proposes nothing twice, and a dismissed proposal is never made again (it stays)."""
    known = set(OutcomeProposal.objects.values_list("project_id", "publication_id"))
    new = sorted(selectors.publication_outcome_candidates() - known)
    OutcomeProposal.objects.bulk_create(
        [OutcomeProposal(project_id=project_id, publication_id=publication_id) for project_id, publication_id in new],
        ignore_conflicts=True)  # a run at the same time made some of them: they stay once
    return len(new)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _decide(*, actor: Any, proposal: OutcomeProposal, status: str) -> OutcomeProposal:
    """Lock the proposal, check it is still open, record who decided and when (audited)."""
    locked = OutcomeProposal.objects.select_for_update().select_related("project", "publication").get(pk=proposal.pk)
    if locked.status != ProposalStatus.PROPOSED:
        raise ValidationError(_("This proposal has already been decided."), code="decided")
    locked.status = status
    locked.decided_by = recorded_user(actor)
    locked.decided_at = timezone.now()
    return locked


def _save_decision(*, actor: Any, proposal: OutcomeProposal) -> None:
    proposal.save()
    _audit(actor=actor, outcome=proposal, action=AuditEntry.Action.UPDATE, object_type="outcome_proposal",
           before={"status": str(ProposalStatus.PROPOSED)}, after={"status": str(proposal.status)})


def proposal_confirm(*, actor: Any, proposal: OutcomeProposal) -> Outcome:
    """Record the proposed work as a publication outcome of the project (title, DOI, date, link to the
    DOI, venue), once: a proposal already decided raises ValidationError."""
    with transaction.atomic():
        locked = _decide(actor=actor, proposal=proposal, status=ProposalStatus.CONFIRMED)
        work = locked.publication
        title = _short(work.title, Outcome._meta.get_field("title_fr").max_length)
        outcome = outcome_create(
            actor=actor, project=locked.project, kind=OutcomeKind.PUBLICATION, title_fr=title, title_en=title,
            description_en=work.venue, date=work.publication_date or date(work.year, 1, 1),
            doi=work.doi, link=f"https://doi.org/{work.doi}")
        locked.outcome = outcome
        _save_decision(actor=actor, proposal=locked)
    return outcome


def proposal_dismiss(*, actor: Any, proposal: OutcomeProposal) -> OutcomeProposal:
    """Set the proposal aside for good: the same work is never proposed again for this project."""
    with transaction.atomic():
        locked = _decide(actor=actor, proposal=proposal, status=ProposalStatus.DISMISSED)
        _save_decision(actor=actor, proposal=locked)
    return locked
