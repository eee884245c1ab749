"""Reads of the projects app: what each user may see, with the relations every page needs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from passerelle.directory.selectors import is_coordinator

from .models import Opportunity

OPPORTUNITY_SORTS = {
    "recent": ["-created_at", "-pk"],
    "oldest": ["created_at", "pk"],
    "title": ["title", "pk"],
    "status": ["status", "-created_at", "-pk"],
    "due": ["next_step_due", "-created_at", "-pk"],
}


def opportunities_visible_to(user: Any) -> QuerySet[Opportunity]:
    """Coordinators see every opportunity; a member sees those they own, created or take part in."""
    opportunities = Opportunity.objects.all()
    if is_coordinator(user):
        return opportunities
    if not getattr(user, "is_authenticated", False):
        return opportunities.none()
    mine = Q(owner=user) | Q(created_by=user) | Q(pk__in=Opportunity.people.through.objects
                                                  .filter(person__user=user).values("opportunity_id"))
    return opportunities.filter(mine)


def can_edit_opportunity(user: Any, opportunity: Opportunity) -> bool:
    """Coordinators, the owner and the creator edit it; the other people involved read it."""
    if is_coordinator(user):
        return True
    return getattr(user, "is_authenticated", False) and user.pk in (opportunity.owner_id, opportunity.created_by_id)


@dataclass(frozen=True)
class OpportunityFilters:
    q: str = ""
    status: str = ""
    origin_kind: str = ""
    event: int | None = None
    sort: str = "recent"


def opportunity_list(*, user: Any, filters: OpportunityFilters) -> QuerySet[Opportunity]:
    """Visible opportunities filtered and sorted, with what the list shows."""
    opportunities = opportunities_visible_to(user)
    if filters.status:
        opportunities = opportunities.filter(status=filters.status)
    if filters.origin_kind:
        opportunities = opportunities.filter(origin_kind=filters.origin_kind)
    if filters.event:
        opportunities = opportunities.filter(origin_event_id=filters.event)
    for word in filters.q.split():
        opportunities = opportunities.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(next_step__icontains=word)
            | Q(pk__in=Opportunity.people.through.objects.filter(
                Q(person__last_name__icontains=word) | Q(person__first_name__icontains=word)
            ).values("opportunity_id"))
        )
    order = OPPORTUNITY_SORTS.get(filters.sort, OPPORTUNITY_SORTS["recent"])
    return (opportunities.select_related("owner", "origin_event")
            .prefetch_related("people", "organisations").order_by(*order))


def opportunity_detail_queryset(user: Any) -> QuerySet[Opportunity]:
    return (opportunities_visible_to(user).select_related("owner", "created_by", "origin_event")
            .prefetch_related("people__affiliations__organisation", "organisations", "categories", "sites"))
