"""The person page's block, included without the directory importing publications in Python:
``{% load publications_tags %}{% person_publications person %}``."""
from __future__ import annotations

from typing import Any

from django import template

from .. import profile_selectors, rules

register = template.Library()
BLOCK_SIZE = 10


@register.inclusion_tag("publications/includes/person_block.html", takes_context=True)
def person_publications(context: dict[str, Any], person: Any) -> dict[str, Any]:
    """The person's newest works the viewer may see (hidden ones marked, for the person and
    coordinators), with a link to the whole list when there are more."""
    request = context["request"]
    links = list(profile_selectors.links_of(person, request.user)[:BLOCK_SIZE + 1])
    return {"person": person, "links": links[:BLOCK_SIZE], "more": len(links) > BLOCK_SIZE,
            "can_manage": rules.can_manage_publications(request.user, person),
            "request": request, "csrf_token": context.get("csrf_token")}
