"""Template tags other apps' pages load to show a piece of bilateral meetings without importing
the meetings code: the event page's link to its session (``{% event_meetings event %}``)."""
from __future__ import annotations

from django import template

from passerelle.directory.selectors import is_coordinator

from .. import reasons, selectors
from ..enums import SessionStatus

register = template.Library()


@register.inclusion_tag("meetings/includes/event_meetings.html", takes_context=True)
def event_meetings(context, event) -> dict:
    """The session of ``event`` (if the viewer may see it) and, for coordinators, the way to open one."""
    user = context["request"].user
    session = selectors.session_of_event(event)
    coordinator = is_coordinator(user)
    if session is not None and session.status == SessionStatus.DRAFT and not coordinator:
        session = None
    return {"event": event, "session": session, "coordinator": coordinator, "user": user}


@register.filter
def reason_text(item: dict) -> str:
    return reasons.reason_text(item)


@register.filter
def get_item(mapping: dict, key):
    """``mapping[key]`` in a template, None when absent."""
    return mapping.get(key) if mapping else None
