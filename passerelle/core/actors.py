"""Who is recorded as having done something."""
from __future__ import annotations

from typing import Any


def recorded_user(actor: Any) -> Any:
    """The user to record as the author of a write, or None for scripts and anonymous callers."""
    return actor if getattr(actor, "is_authenticated", False) else None
