"""Conflicts of interest between a reviewer and an application, on plain data.

Three kinds block an assignment: the reviewer is a **co-applicant** (a partner of the project),
shares an **organisation** with a partner (a parent organisation counts: two labs of one
university are one house), or **declared** a conflict with the application, a partner or one of
the partners' organisations. ``facts_for_application`` / ``facts_for_reviewers`` read the
database once; :func:`find_conflicts` is pure.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

CO_APPLICANT = "co_applicant"
SAME_ORGANISATION = "same_organisation"
DECLARED = "declared"


@dataclass(frozen=True)
class ApplicationSide:
    application_id: int
    people: frozenset[int]  # partners' person ids
    organisations: frozenset[int]  # partners' organisations and their parents
    names: dict[int, str] = field(default_factory=dict, compare=False)  # organisation id → name


@dataclass(frozen=True)
class ReviewerSide:
    person_id: int
    organisations: frozenset[int]  # the reviewer's organisations and their parents
    declared_applications: dict[int, str] = field(default_factory=dict)  # application id → reason
    declared_people: dict[int, str] = field(default_factory=dict)
    declared_organisations: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Conflict:
    kind: str
    detail: str = ""

    @property
    def message(self) -> str:
        if self.kind == CO_APPLICANT:
            return _("co-applicant of this project")
        if self.kind == SAME_ORGANISATION:
            return _("same organisation as a partner: %(names)s") % {"names": self.detail}
        return _("declared conflict: %(reason)s") % {"reason": self.detail}


def find_conflicts(reviewer: ReviewerSide, application: ApplicationSide) -> list[Conflict]:
    """Every conflict between ``reviewer`` and ``application``; empty when the reviewer may review it."""
    found = []
    if reviewer.person_id in application.people:
        found.append(Conflict(CO_APPLICANT))
    shared = reviewer.organisations & application.organisations
    if shared:
        names = sorted(application.names.get(pk, str(pk)) for pk in shared)
        found.append(Conflict(SAME_ORGANISATION, ", ".join(names)))
    reasons = []
    if application.application_id in reviewer.declared_applications:
        reasons.append(reviewer.declared_applications[application.application_id])
    reasons += [reason for pk, reason in reviewer.declared_people.items() if pk in application.people]
    reasons += [reason for pk, reason in reviewer.declared_organisations.items() if pk in application.organisations]
    if reasons:
        found.append(Conflict(DECLARED, "; ".join(reasons)))
    return found


# Reading the facts --------------------------------------------------------------------------

def _with_parents(organisation_ids: Iterable[int]) -> tuple[frozenset[int], dict[int, str]]:
    from passerelle.directory.models import Organisation

    ids = set(organisation_ids)
    rows = {o.pk: o for o in Organisation.objects.filter(pk__in=ids).only("pk", "name", "acronym", "parent_id")}
    parents = {o.parent_id for o in rows.values() if o.parent_id}
    if parents - set(rows):
        rows.update({o.pk: o for o in Organisation.objects.filter(pk__in=parents - set(rows))
                    .only("pk", "name", "acronym", "parent_id")})
    return frozenset(ids | parents), {pk: str(o) for pk, o in rows.items()}


def facts_for_application(application) -> ApplicationSide:
    from passerelle.directory.models import Affiliation

    partners = list(application.project.partners.all())
    people = frozenset(p.person_id for p in partners if p.person_id)
    organisations = {p.organisation_id for p in partners if p.organisation_id}
    organisations |= set(Affiliation.objects.filter(person_id__in=people).values_list("organisation_id", flat=True))
    with_parents, names = _with_parents(organisations)
    return ApplicationSide(application.pk, people, with_parents, names)


def facts_for_reviewers(person_ids: Iterable[int]) -> dict[int, ReviewerSide]:
    """One ``ReviewerSide`` per person id, in a fixed number of queries."""
    from passerelle.directory.models import Affiliation

    from .models import ConflictOfInterest

    person_ids = list(person_ids)
    organisations: dict[int, set[int]] = {pk: set() for pk in person_ids}
    for person_id, organisation_id in Affiliation.objects.filter(person_id__in=person_ids) \
            .values_list("person_id", "organisation_id"):
        organisations[person_id].add(organisation_id)
    parents, _names = _with_parents(set().union(*organisations.values()) if organisations else set())
    from passerelle.directory.models import Organisation

    parent_of = dict(Organisation.objects.filter(pk__in=parents).values_list("pk", "parent_id"))
    declared: dict[int, tuple[dict, dict, dict]] = {pk: ({}, {}, {}) for pk in person_ids}
    for conflict in ConflictOfInterest.objects.filter(reviewer_id__in=person_ids):
        apps, people, orgs = declared[conflict.reviewer_id]
        if conflict.application_id:
            apps[conflict.application_id] = conflict.reason
        if conflict.person_id:
            people[conflict.person_id] = conflict.reason
        if conflict.organisation_id:
            orgs[conflict.organisation_id] = conflict.reason
    sides = {}
    for pk in person_ids:
        own = organisations[pk]
        own_with_parents = frozenset(own | {parent_of[o] for o in own if parent_of.get(o)})
        apps, people, orgs = declared[pk]
        sides[pk] = ReviewerSide(pk, own_with_parents, apps, people, orgs)
    return sides


def conflicts_between(person, application) -> list[Conflict]:
    return find_conflicts(facts_for_reviewers([person.pk])[person.pk], facts_for_application(application))
