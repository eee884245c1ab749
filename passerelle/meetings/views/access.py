"""Who may do what on a session's pages: the page's decorator says who may come at all; these
per-object checks refuse the others (403 for a member who is not a participant, 404 for an object
that is not theirs, so its existence is not revealed)."""
from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from passerelle.directory.models import Person
from passerelle.directory.selectors import is_coordinator

from .. import rules, selectors
from ..models import B2BSession


@dataclass
class Viewer:
    session: B2BSession
    person: Person | None
    is_participant: bool
    is_coordinator: bool


def viewer_of(request: HttpRequest, slug: str) -> Viewer:
    session = selectors.session_for(request.user, slug)
    person = selectors.person_of(request.user)
    return Viewer(session, person, rules.is_participant(session, person), is_coordinator(request.user))


def participant_required(request: HttpRequest, slug: str) -> Viewer:
    """The viewer must be registered to the event (coordinators pass too, to help)."""
    viewer = viewer_of(request, slug)
    if not (viewer.is_participant or viewer.is_coordinator):
        raise PermissionDenied
    return viewer


def own_participant(request: HttpRequest, slug: str) -> Viewer:
    """The viewer acts for themself: they must be a registered participant."""
    viewer = viewer_of(request, slug)
    if not viewer.is_participant:
        raise PermissionDenied
    return viewer


def coordinator_session(request: HttpRequest, slug: str) -> B2BSession:
    session = selectors.session_for(request.user, slug)
    if not is_coordinator(request.user):
        raise Http404
    return session


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")
