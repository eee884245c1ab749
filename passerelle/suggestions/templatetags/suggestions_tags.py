"""Sections other apps' pages include without importing the suggestions app in Python:
``{% load suggestions_tags %}{% person_suggestions person %}`` (the person page's block, for the
person themself and coordinators)."""
from __future__ import annotations

from typing import Any

from django import template

from .. import rules, selectors

register = template.Library()
BLOCK_SIZE = 3


@register.inclusion_tag("suggestions/includes/person_block.html", takes_context=True)
def person_suggestions(context: dict[str, Any], person: Any) -> dict[str, Any]:
    user = context["request"].user
    if not rules.can_see_suggestions(user, person):
        return {"show": False}
    return {"show": True, "person": person,
            "suggestions": selectors.suggest_partners(person, viewer=user, k=BLOCK_SIZE)}


@register.inclusion_tag("suggestions/includes/suggestion_card.html", takes_context=True)
def suggestion_card(context: dict[str, Any], s: selectors.Suggestion, person: Any, saved: dict[int, int],
                    meeting_urls: dict[int, str], filter_query: str = "") -> dict[str, Any]:
    """One suggestion with its actions: save as opportunity (or a link to the saved one), and ask
    for a meeting when both take part in an event whose meetings are open to requests."""
    return {"s": s, "person": person, "with_actions": True, "saved_opportunity": saved.get(s.person.pk),
            "meeting_url": meeting_urls.get(s.person.pk, ""), "filter_query": filter_query,
            "csrf_token": context.get("csrf_token")}

