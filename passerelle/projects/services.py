"""Writes of the projects app, one transaction per use case.

Other apps call :func:`opportunity_create` (the meetings feedback "follow-up planned", the
matching suggestions "save as opportunity"); its keyword-only signature is stable.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.directory.models import Organisation, Person

from . import notifications
from .enums import OPPORTUNITY_TRANSITIONS, OpportunityStatus, OriginKind
from .models import Opportunity, OpportunityStatusChange


def _actor(actor: Any) -> Any:
    """The user to record, or None for scripts and anonymous callers."""
    return actor if getattr(actor, "is_authenticated", False) else None


def _reason_texts(reasons: Iterable[Any]) -> list[str]:
    """Reasons as plain sentences: accepts strings, ``Reason`` objects (``.text``) or their dicts."""
    texts = []
    for reason in reasons:
        if isinstance(reason, str):
            text = reason
        elif isinstance(reason, dict):
            text = str(reason.get("text", ""))
        else:
            text = str(getattr(reason, "text", reason))
        if text.strip():
            texts.append(text.strip())
    return texts


def _primary_organisations(people: list[Person]) -> list[Organisation]:
    return list(Organisation.objects.filter(affiliations__person__in=people, affiliations__is_primary=True)
                .distinct())


# Opportunities ------------------------------------------------------------------------------

def opportunity_create(
    *,
    actor: Any,
    title: str,
    people: Iterable[Person],
    organisations: Iterable[Organisation] | None = None,
    origin_kind: str = OriginKind.MANUAL,
    origin_event: Any = None,
    origin_meeting: Any = None,
    origin_note: str = "",
    score: float | None = None,
    reasons: Iterable[Any] = (),
    description: str = "",
    categories: Iterable[Any] = (),
    sites: Iterable[Any] = (),
    next_step: str = "",
    next_step_due: Any = None,
    owner: Any = None,
    notify: bool = True,
) -> Opportunity:
    """Record a collaboration idea and return it (status "idea", its creation in the history).

    - ``actor``: the user who creates it (None for scripts); also the owner when ``owner`` is None
      and the actor is signed in.
    - ``title``: one line; ``people``: the directory ``Person`` rows involved (at least one).
    - ``organisations``: ``Organisation`` rows; None → the people's main affiliations.
    - ``origin_kind``: an ``OriginKind`` value — "event", "meeting", "suggestion" or "manual".
      ``origin_event``: the ``events.Event`` it was born at (optional for every kind; a meeting's
      event is a good value). ``origin_meeting``: the ``meetings.Meeting`` (kind "meeting").
      ``origin_note``: free text (e.g. the feedback's note).
    - ``score`` and ``reasons``: a matching suggestion's score (float ≥ 0) and its reasons (strings,
      ``Reason`` objects or their dicts; kept as sentences).
    - ``description``, ``categories`` (``CsoCategory``), ``sites`` (``CancerSite``), ``next_step``,
      ``next_step_due`` (date), ``owner`` (a user who follows it).
    - ``notify``: e-mail the owner and the people with an account (not the actor), after commit.

    Raises ``ValidationError`` (no people, empty title, unknown origin kind, negative score).
    """
    people = list(people)
    if not people:
        raise ValidationError({"people": _("An opportunity involves at least one person.")})
    if origin_kind not in OriginKind.values:
        raise ValidationError({"origin_kind": _("Unknown origin: %(kind)s.") % {"kind": origin_kind}})
    organisations = _primary_organisations(people) if organisations is None else list(organisations)
    creator = _actor(actor)
    with transaction.atomic():
        opportunity = Opportunity(
            title=(title or "").strip(), description=description, origin_kind=origin_kind,
            origin_event=origin_event, origin_meeting=origin_meeting, origin_note=origin_note,
            match_score=score, match_reasons=_reason_texts(reasons), next_step=next_step,
            next_step_due=next_step_due, owner=owner or creator, created_by=creator,
        )
        opportunity.full_clean()
        opportunity.save()
        opportunity.people.set(people)
        opportunity.organisations.set(organisations)
        opportunity.categories.set(categories)
        opportunity.sites.set(sites)
        OpportunityStatusChange.objects.create(
            opportunity=opportunity, from_status="", to_status=opportunity.status, by=creator,
            note=OriginKind(origin_kind).label,
        )
        if notify:
            transaction.on_commit(partial(notifications.opportunity_created, opportunity, actor=creator))
    return opportunity


def opportunity_update(*, actor: Any, opportunity: Opportunity, people: Iterable[Person],
                       organisations: Iterable[Organisation] = (), categories: Iterable[Any] = (),
                       sites: Iterable[Any] = ()) -> Opportunity:
    """Save the edited fields of ``opportunity`` (a form's instance) and its relations."""
    people = list(people)
    if not people:
        raise ValidationError({"people": _("An opportunity involves at least one person.")})
    with transaction.atomic():
        opportunity.full_clean()
        opportunity.save()
        opportunity.people.set(people)
        opportunity.organisations.set(organisations)
        opportunity.categories.set(categories)
        opportunity.sites.set(sites)
    return opportunity


def check_opportunity_transition(opportunity: Opportunity, to_status: str, reason: str = "") -> None:
    if to_status not in OPPORTUNITY_TRANSITIONS.get(opportunity.status, frozenset()):
        raise ValidationError(_("An opportunity cannot go from “%(from)s” to “%(to)s”.") % {
            "from": OpportunityStatus(opportunity.status).label,
            "to": OpportunityStatus(to_status).label if to_status in OpportunityStatus.values else to_status,
        })
    if to_status == OpportunityStatus.DROPPED and not reason.strip():
        raise ValidationError({"reason": _("Say why the opportunity is dropped.")})


def _move_opportunity(opportunity: Opportunity, to_status: str, *, by: Any, note: str = "") -> None:
    """Write the move and its history row (the caller holds the row lock and checked the move)."""
    OpportunityStatusChange.objects.create(opportunity=opportunity, from_status=opportunity.status,
                                           to_status=to_status, by=by, note=note, at=timezone.now())
    opportunity.status = to_status
    opportunity.dropped_reason = note if to_status == OpportunityStatus.DROPPED else ""
    opportunity.save(update_fields=["status", "dropped_reason", "updated_at"])


def opportunity_set_status(*, actor: Any, opportunity: Opportunity, to_status: str, reason: str = "") -> Opportunity:
    """The one way to move an opportunity by hand (idea ↔ exploring, → dropped with a reason,
    back from dropped); "project" is reached only by creating a project from it."""
    with transaction.atomic():
        locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
        check_opportunity_transition(locked, to_status, reason)
        _move_opportunity(locked, to_status, by=_actor(actor), note=reason.strip())
        transaction.on_commit(partial(notifications.opportunity_status_changed, locked, actor=_actor(actor)))
    opportunity.status, opportunity.dropped_reason = locked.status, locked.dropped_reason
    return opportunity
