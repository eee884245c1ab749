"""Public pages: the list of events, an event, its printable programme and its iCalendar feed."""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from passerelle.core import read_cache
from passerelle.core.permissions import public
from passerelle.directory.selectors import is_coordinator

from .. import ics, selectors
from ..enums import EventKind
from ..models import Event


def visible_event(request: HttpRequest, slug: str) -> Event:
    """The event if ``request.user`` may see it: a draft answers 404 to all but coordinators."""
    return get_object_or_404(selectors.event_detail_queryset(request.user), slug=slug)


def shown_event(request: HttpRequest, slug: str) -> Event:
    """:func:`visible_event` for reading, kept in the read cache under its query (which carries the
    statuses the asker may see)."""
    found = read_cache.cached_rows(selectors.event_detail_queryset(request.user).filter(slug=slug))
    if not found:
        raise Http404
    return found[0]


@public
def event_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    kind = kind if kind in EventKind.values else ""
    return render(request, "events/event_list.html", {
        "listing": selectors.event_listing(user=request.user, kind=kind),
        "kinds": EventKind.choices, "kind": kind,
    })


@public
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = shown_event(request, slug)
    person = selectors.person_of(request.user)
    return render(request, "events/event_detail.html", {
        "event": event,
        # What many people read is kept under its query (the speakers, participants and delegation
        # heads the asker may see); the asker's own registration is read for them alone.
        "items": read_cache.cached_rows(selectors.programme_items(event, request.user)),
        "participants": read_cache.cached_rows(selectors.public_participants(event=event, user=request.user)),
        "delegations": selectors.kept_delegations_of(event, request.user),
        "registration": selectors.registration_of(event=event, person=person),
        "registration_open": event.registration_is_open(),
        "is_coordinator": is_coordinator(request.user),
    })


@public
def programme(request: HttpRequest, slug: str) -> HttpResponse:
    """The programme alone, laid out for printing (the print stylesheet hides the site's chrome)."""
    event = visible_event(request, slug)
    return render(request, "events/programme.html", {"event": event,
                                                      "items": selectors.programme_items(event, request.user)})


@public
def programme_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = visible_event(request, slug)
    body = ics.programme_calendar(event, selectors.programme_items(event, request.user),
                                  request.build_absolute_uri(event.get_absolute_url()))
    response = HttpResponse(body, content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{event.slug}-programme.ics"'
    return response
