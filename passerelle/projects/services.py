"""Writes of the projects app, one transaction per use case.

Other apps call :func:`opportunity_create` (the meetings feedback "follow-up planned", the
matching suggestions "save as opportunity"); its keyword-only signature is stable.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from passerelle.core.actors import recorded_user
from passerelle.core.mail import after_commit
from passerelle.core.rows import save_rows
from passerelle.core.workflow import record_creation, transition
from passerelle.directory.models import Organisation, Person

from . import notifications
from .enums import (
    OPPORTUNITY_WORKFLOW,
    OpportunityStatus,
    OriginKind,
    PartnerRole,
)
from .models import Opportunity, Project, ProjectPartner


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
    people = _at_least_one(people)
    if origin_kind not in OriginKind.values:
        raise ValidationError({"origin_kind": _("Unknown origin: %(kind)s.") % {"kind": origin_kind}})
    organisations = _primary_organisations(people) if organisations is None else list(organisations)
    creator = recorded_user(actor)
    with transaction.atomic():
        opportunity = Opportunity(
            title=(title or "").strip(), description=description, origin_kind=origin_kind,
            origin_event=origin_event, origin_meeting=origin_meeting, origin_note=origin_note,
            match_score=score, match_reasons=_reason_texts(reasons), next_step=next_step,
            next_step_due=next_step_due, owner=owner or creator, created_by=creator,
        )
        _save_opportunity(opportunity, people, organisations, categories, sites)
        record_creation(opportunity, by=creator, note=OriginKind(origin_kind).label)
        if notify:
            after_commit(partial(notifications.opportunity_created, opportunity, actor=creator))
    return opportunity


def opportunity_update(*, actor: Any, opportunity: Opportunity, people: Iterable[Person],
                       organisations: Iterable[Organisation] = (), categories: Iterable[Any] = (),
                       sites: Iterable[Any] = ()) -> Opportunity:
    """Save the edited fields of ``opportunity`` (a form's instance) and its relations."""
    people = _at_least_one(people)
    with transaction.atomic():
        _save_opportunity(opportunity, people, organisations, categories, sites)
    return opportunity


def _at_least_one(people: Iterable[Person]) -> list[Person]:
    """The people of an opportunity, as a list; none is an error."""
    people = list(people)
    if not people:
        raise ValidationError({"people": _("An opportunity involves at least one person.")})
    return people


def _save_opportunity(opportunity: Opportunity, people: list[Person], organisations: Iterable[Organisation],
                      categories: Iterable[Any], sites: Iterable[Any]) -> None:
    """Validate and save ``opportunity``, then set its relations."""
    opportunity.full_clean()
    opportunity.save()
    opportunity.people.set(people)
    opportunity.organisations.set(organisations)
    opportunity.categories.set(categories)
    opportunity.sites.set(sites)


def check_opportunity_transition(opportunity: Opportunity, to_status: str, reason: str = "") -> None:
    OPPORTUNITY_WORKFLOW.check(opportunity.status, to_status)
    if to_status == OpportunityStatus.DROPPED and not reason.strip():
        raise ValidationError({"reason": _("Say why the opportunity is dropped.")})


def _move_opportunity(opportunity: Opportunity, to_status: str, *, by: Any, note: str = "") -> None:
    """Write the move and its history row (the caller holds the row lock and checked the move)."""
    transition(opportunity, to_status, by=by, note=note, check=False,
               changes={"dropped_reason": note if to_status == OpportunityStatus.DROPPED else ""})


def opportunity_set_status(*, actor: Any, opportunity: Opportunity, to_status: str, reason: str = "") -> Opportunity:
    """The one way to move an opportunity by hand (idea ↔ exploring, → dropped with a reason,
    back from dropped); "project" is reached only by creating a project from it."""
    with transaction.atomic():
        locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
        check_opportunity_transition(locked, to_status, reason)
        _move_opportunity(locked, to_status, by=recorded_user(actor), note=reason.strip())
        after_commit(partial(notifications.opportunity_status_changed, locked, actor=recorded_user(actor)))
    opportunity.status, opportunity.dropped_reason = locked.status, locked.dropped_reason
    return opportunity


# Joint projects -----------------------------------------------------------------------------

@dataclass(frozen=True)
class PartnerSpec:
    """A partner to add: a person and/or an organisation, with a role."""

    role: str = PartnerRole.PARTNER
    person: Person | None = None
    organisation: Organisation | None = None


def partner_territory(person: Person | None, organisation: Organisation | None) -> str:
    """The territory a partner counts for: the person's, else the organisation's."""
    if person is not None:
        return person.territory
    if organisation is not None:
        return organisation.territory
    raise ValidationError(_("A partner is a person or an organisation."))


def _add_partners(project: Project, partners: Iterable[PartnerSpec]) -> None:
    seen: set[int] = set()
    for spec in partners:
        if spec.person is not None:
            if spec.person.pk in seen:
                continue
            seen.add(spec.person.pk)
        partner = ProjectPartner(project=project, person=spec.person, organisation=spec.organisation,
                                 role=spec.role, territory=partner_territory(spec.person, spec.organisation))
        partner.full_clean(validate_constraints=False)
        partner.save()


def project_create(
    *,
    actor: Any,
    title_fr: str,
    title_en: str = "",
    acronym: str = "",
    summary_fr: str = "",
    summary_en: str = "",
    partners: Iterable[PartnerSpec] = (),
    opportunity: Opportunity | None = None,
    events: Iterable[Any] = (),
    categories: Iterable[Any] = (),
    sites: Iterable[Any] = (),
    start: Any = None,
    end: Any = None,
) -> Project:
    """Create a joint project (status "draft") with its partners and origins, in one transaction.
    With ``opportunity``, the opportunity moves to "project" (history kept); it must be open."""
    creator = recorded_user(actor)
    with transaction.atomic():
        if opportunity is not None:
            opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
            if not opportunity.is_open:
                raise ValidationError(_("Only an idea or an opportunity being explored can become a project."))
        project = Project(title_fr=title_fr.strip(), title_en=title_en.strip(), acronym=acronym.strip(),
                          summary_fr=summary_fr, summary_en=summary_en, opportunity=opportunity,
                          start=start, end=end, created_by=creator)
        project.full_clean()
        project.save()
        project.events.set(events)
        project.categories.set(categories)
        project.sites.set(sites)
        _add_partners(project, partners)
        if opportunity is not None:  # first in the history: the opportunity becomes the project
            _move_opportunity(opportunity, OpportunityStatus.PROJECT, by=creator, note=project.title_fr)
            after_commit(partial(notifications.opportunity_status_changed, opportunity, actor=creator))
        record_creation(project, by=creator)
    return project


def partners_from_opportunity(opportunity: Opportunity) -> list[PartnerSpec]:
    """The opportunity's people as partners: the first person of each territory leads, each with
    their main organisation; organisations nobody belongs to join as organisation partners."""
    specs, lead_territories, covered = [], set(), set()
    people = opportunity.people.prefetch_related("affiliations__organisation").order_by("pk")
    for person in people:
        main = next((a.organisation for a in person.affiliations.all() if a.is_primary), None)
        role = PartnerRole.LEAD if person.territory not in lead_territories else PartnerRole.CO_INVESTIGATOR
        lead_territories.add(person.territory)
        specs.append(PartnerSpec(role=role, person=person, organisation=main))
        covered.update(a.organisation_id for a in person.affiliations.all())
    for organisation in opportunity.organisations.all():
        if organisation.pk not in covered:
            specs.append(PartnerSpec(role=PartnerRole.PARTNER, organisation=organisation))
    return specs


def project_create_from_opportunity(*, actor: Any, opportunity: Opportunity, title_fr: str = "", title_en: str = "",
                                    acronym: str = "", summary_fr: str = "", summary_en: str = "") -> Project:
    """Turn an open opportunity into a draft project: its people become partners (a lead per
    territory), its themes and event carry over, and the opportunity moves to "project"."""
    events = []
    if opportunity.origin_event_id:
        events.append(opportunity.origin_event)
    meeting = getattr(opportunity, "origin_meeting", None)
    meeting_event = _event_of_meeting(meeting)
    if meeting_event is not None and meeting_event not in events:
        events.append(meeting_event)
    return project_create(
        actor=actor, title_fr=title_fr or opportunity.title, title_en=title_en, acronym=acronym,
        summary_fr=summary_fr or opportunity.description, summary_en=summary_en,
        partners=partners_from_opportunity(opportunity), opportunity=opportunity, events=events,
        categories=list(opportunity.categories.all()), sites=list(opportunity.sites.all()),
    )


def _event_of_meeting(meeting: Any) -> Any:
    """The event a B2B meeting belongs to (through its session), if the meetings app says so."""
    session = getattr(meeting, "session", None) if meeting is not None else None
    return getattr(session, "event", None)


def project_update(*, actor: Any, project: Project, events: Iterable[Any] = (), categories: Iterable[Any] = (),
                   sites: Iterable[Any] = ()) -> Project:
    """Save the edited fields of ``project`` (a form's instance) and its themes and events."""
    with transaction.atomic():
        project.full_clean()
        project.save()
        project.events.set(events)
        project.categories.set(categories)
        project.sites.set(sites)
    return project


PARTNER_FIELDS = ("person", "organisation", "role")


def project_save_partners(*, actor: Any, project: Project, partners: Sequence[Mapping[str, Any]]) -> Project:
    """Save the partner rows (as in ``core.rows``: ``{"id", "delete", "person", "organisation",
    "role"}``); each partner's territory follows its person or organisation."""

    def follow_territory(partner: ProjectPartner) -> None:
        partner.territory = partner_territory(partner.person, partner.organisation)

    with transaction.atomic():
        save_rows(project, partners, model=ProjectPartner, parent_field="project", fields=PARTNER_FIELDS,
                  prepare=follow_territory, validate_constraints=False)
    return project


def project_set_status(*, actor: Any, project: Project, to_status: str, note: str = "") -> Project:
    """The one way to move a project's status; forbidden moves are refused, the history kept."""
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        transition(locked, to_status, by=actor, note=note)
        after_commit(partial(notifications.project_status_changed, locked, actor=recorded_user(actor)))
    project.status = locked.status
    return project
