"""French and English versions of a text users write, shown in the active language."""
from __future__ import annotations

from django.utils.translation import get_language


def in_active_language(french: str, english: str) -> str:
    """The active language's version, falling back to the other one when it is empty."""
    if (get_language() or "fr").startswith("fr"):
        return french or english
    return english or french
