"""French and English versions of a text users write, shown in the active language."""
from __future__ import annotations

from typing import Any

from django.utils.translation import get_language


def in_active_language(french: str, english: str) -> str:
    """The active language's version, falling back to the other one when it is empty."""
    if (get_language() or "fr").startswith("fr"):
        return french or english
    return english or french


def bilingual(name: str) -> property:
    """A read-only attribute giving the object's ``<name>_fr`` / ``<name>_en`` pair in the active
    language: ``title = bilingual("title")`` on a model with ``title_fr`` and ``title_en``."""
    french, english = f"{name}_fr", f"{name}_en"

    def read(obj: Any) -> str:
        return in_active_language(getattr(obj, french), getattr(obj, english))

    return property(read, doc=f"``{french}`` or ``{english}``, in the active language.")
