"""Writes of the suggestions app: a suggestion saved as an opportunity (through the projects
app's service, origin "matching suggestion", score and reasons kept), the event suggestions
replaced as a whole, the background computation started."""
from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.models import CancerSite, CsoCategory
from passerelle.directory.models import Person
from passerelle.events.models import Event
from passerelle.jobs.models import Job
from passerelle.jobs.services import job_start
from passerelle.projects.enums import OriginKind
from passerelle.projects.models import Opportunity
from passerelle.projects.services import opportunity_create

from .models import EventSuggestion
from .selectors import pair_suggestion, saved_partner_ids, shared_tags

EVENT_JOB_HANDLER = "passerelle.suggestions.jobs.compute_event_suggestions"
EVENT_SUGGESTIONS_PER_PERSON = 10


def suggestion_save_as_opportunity(*, actor: Any, person: Person, partner: Person) -> Opportunity:
    """Record the suggested pair as an opportunity, with the score and reasons computed now.

    The pair is re-scored on the server (never taken from the form) and refused when ``partner``
    is not a suggestion the actor may see for ``person``, or when the pair is already saved.
    """
    if partner.pk in saved_partner_ids(person, [partner]):
        raise ValidationError(_("This pair is already saved as an opportunity."))
    suggestion = pair_suggestion(person, partner, viewer=actor)
    if suggestion is None:
        raise ValidationError(_("This person cannot be suggested to %(person)s.") % {"person": person.full_name})
    cso, sites = shared_tags(person, partner)
    return opportunity_create(
        actor=actor,
        title=_("%(a)s and %(b)s") % {"a": person.full_name, "b": partner.full_name},
        people=[person, partner],
        origin_kind=OriginKind.SUGGESTION,
        score=round(suggestion.score, 4),
        reasons=suggestion.reasons,
        categories=CsoCategory.objects.filter(code__in=cso),
        sites=CancerSite.objects.filter(icrp_code__in=[int(s) for s in sites]),
    )


def event_suggestions_start(*, actor: Any, event: Event, both_territories: bool = False,
                            per_person: int = EVENT_SUGGESTIONS_PER_PERSON) -> Job:
    """Queue the computation of every confirmed participant's suggested meetings."""
    return job_start(
        handler=EVENT_JOB_HANDLER,
        title=_("Suggested meetings for %(event)s") % {"event": event.title},
        user=actor,
        params={"event": event.pk, "both_territories": bool(both_territories), "k": int(per_person)},
        target=event,
    )


def event_suggestions_replace(*, event: Event, rows: list[EventSuggestion], job: Job | None = None) -> int:
    """Replace the event's stored suggestions by ``rows`` in one transaction."""
    now = timezone.now()
    for row in rows:
        row.event, row.job, row.computed_at = event, job, now
    with transaction.atomic():
        EventSuggestion.objects.filter(event=event).delete()
        EventSuggestion.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
