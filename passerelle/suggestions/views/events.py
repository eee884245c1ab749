"""Coordinators: every participant's suggested meetings at an event, computed in the background."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode

from passerelle.core.pagination import paginate
from passerelle.core.permissions import coordinator_required
from passerelle.events.selectors import events_visible_to
from passerelle.jobs.selectors import latest_job

from .. import selectors, services
from ..forms import EventSuggestionsForm


@coordinator_required
def event_suggestions(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: the matrix (participants × their best suggestions); POST: compute it again."""
    event = get_object_or_404(events_visible_to(request.user), slug=slug)
    form = EventSuggestionsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = services.event_suggestions_start(actor=request.user, event=event,
                                               both_territories=form.cleaned_data["both"],
                                               per_person=form.cleaned_data["per_person"])
        return redirect(job)
    q = request.GET.get("q", "").strip()[:100]
    page = paginate(request, selectors.event_participants(event, q))
    return render(request, "suggestions/event_matrix.html", {
        "event": event, "form": form, "page": page, "q": q,
        "rows": selectors.event_matrix_rows(event, list(page.object_list)),
        "columns": range(1, selectors.MATRIX_COLUMNS + 1),
        "summary": selectors.event_suggestions_summary(event),
        "page_query": urlencode({"q": q}) if q else "",
        "job": latest_job(services.EVENT_JOB_HANDLER, event),
    })
