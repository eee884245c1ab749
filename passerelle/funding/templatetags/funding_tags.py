"""Sections that other apps' pages include without importing the funding app in Python:
``{% load funding_tags %}{% project_applications project %}``."""
from __future__ import annotations

from typing import Any

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("funding/includes/project_applications.html", takes_context=True)
def project_applications(context: dict[str, Any], project: Any) -> dict[str, Any]:
    """The project's applications that the viewer may see."""
    user = context["request"].user
    return {"applications": selectors.applications_visible_to(user).filter(project=project).select_related("call")}
