"""Public pages: the list of events, an event, its printable programme and its iCalendar feed."""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from passerelle.core import read_cache
from passerelle.core.permissions import public
from passerelle.directory.models import Person
from passerelle.directory.selectors import is_coordinator, listed_condition

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


def shared_sections(request: HttpRequest, event: Event) -> str:
    """The programme, delegations and participants of an event page as HTML, kept in the read cache:
    the same for everyone who may see the same profiles (the key is the query of the profiles the
    asker may see, plus whether they manage events, plus the language). The asker's own
    registration and meetings are read for them alone, outside this part."""
    user = request.user
    manage = is_coordinator(user)

    def render_sections() -> str:
        return str(render_to_string("events/includes/event_shared.html", {
            "event": event, "is_coordinator": manage,
            "items": selectors.programme_items(event, user),
            "participants": selectors.public_participants(event=event, user=user),
            "delegations": selectors.delegations_of(event, user),
        }))

    key = ("event-page", event.pk, manage, get_language(),
           *read_cache.query_key(Person.objects.filter(listed_condition(user))))
    return mark_safe(read_cache.cached("events", key, render_sections))  # noqa: S308 (the template's own output)


@public
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = shown_event(request, slug)
    person = selectors.person_of(request.user)
    return render(request, "events/event_detail.html", {
        "event": event,
        "shared": shared_sections(request, event),
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
