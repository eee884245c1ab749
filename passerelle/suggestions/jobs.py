"""Background jobs (``passerelle.jobs`` handlers): rebuild the matching index of a large
directory (on demand, and periodically when it has changed), and compute the suggested meetings
of every participant of an event."""
from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Event
from passerelle.jobs.models import Job
from passerelle.jobs.runner import JobError, Progress

from . import services
from .documents import person_doc_id, pk_of
from .index import current_index, rebuild_and_save, refresh_stored_index
from .models import EventSuggestion
from .selectors import rank_partners, reason_texts

LANGUAGES = ("fr", "en")


def rebuild_index(job: Job, progress: Progress) -> dict[str, Any]:
    progress(0, 1, _("Reading the directory"))
    index = rebuild_and_save()
    return {"people": len(index.people), "organisations": len(index.organisations),
            "seconds": round(index.build_seconds, 2)}


def refresh_index(job: Job, progress: Progress) -> dict[str, Any]:
    """Periodic (passerelle.jobs.periodic): store a fresh index when the directory has changed."""
    progress(0, 1, _("Reading the directory"))
    return {"rebuilt": refresh_stored_index()}


def compute_event_suggestions(job: Job, progress: Progress) -> dict[str, Any]:
    """Params: ``event`` (pk), ``k`` (suggestions per participant), ``both_territories``."""
    event = Event.objects.filter(pk=job.params.get("event")).first()
    if event is None:
        raise JobError(_("The event no longer exists."))
    count = compute_event(event, k=int(job.params.get("k", services.EVENT_SUGGESTIONS_PER_PERSON)),
                          both_territories=bool(job.params.get("both_territories", False)),
                          progress=progress, job=job)
    return {"url": reverse("suggestions:event", args=[event.slug]), **count}


def compute_event(event: Event, *, k: int = services.EVENT_SUGGESTIONS_PER_PERSON, both_territories: bool = False,
                  progress: Progress | None = None, job: Job | None = None) -> dict[str, int]:
    """Every confirmed participant's ``k`` best partners among the other participants, stored
    in one transaction at the end (a run killed half-way keeps the previous results)."""
    progress = progress or (lambda done, total, message: None)
    participants = list(event.registrations.filter(status=RegistrationStatus.CONFIRMED)
                        .order_by("person_id").values_list("person_id", flat=True))
    progress(0, len(participants), _("Reading the directory"))
    index = current_index()
    only = frozenset(person_doc_id(pk) for pk in participants)
    rows: list[EventSuggestion] = []
    for done, person_pk in enumerate(participants, start=1):
        rows += _rows_for(index, person_pk, only, k, both_territories)
        progress(done, len(participants), _("%(done)s of %(total)s participants") % {
            "done": done, "total": len(participants)})
    services.event_suggestions_replace(event=event, rows=rows, job=job)
    return {"participants": len(participants), "suggestions": len(rows)}


def _rows_for(index: Any, person_pk: int, only: frozenset[str], k: int, both: bool) -> list[EventSuggestion]:
    """One participant's suggestions, with the reasons written in every language of the site."""
    by_language = {}
    for language in LANGUAGES:
        with translation.override(language):
            found = rank_partners(index, person_pk, only=only, k=k, both_territories=both)
            by_language[language] = [(s, reason_texts(index, s, person_pk)[0]) for s in found]
    return [
        EventSuggestion(person_id=person_pk, partner_id=pk_of(s.id), rank=rank, score=s.score,
                        components={c: round(v, 6) for c, v in s.components.items()},
                        reasons_fr=reasons_fr, reasons_en=by_language["en"][rank - 1][1])
        for rank, (s, reasons_fr) in enumerate(by_language["fr"], start=1)
    ]
