"""Sections that other apps' pages include without importing the events app in Python:
``{% load events_tags %}{% person_events person %}`` and ``{% organisation_visits organisation %}``."""
from __future__ import annotations

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("events/includes/person_events.html", takes_context=True)
def person_events(context, person):
    user = context["request"].user
    return {"events": selectors.events_of_person(person, user)}


@register.inclusion_tag("events/includes/organisation_visits.html", takes_context=True)
def organisation_visits(context, organisation):
    user = context["request"].user
    return {"visits": selectors.visits_hosted(organisation, user)}
