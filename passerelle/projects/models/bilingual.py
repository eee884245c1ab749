"""French and English versions of a text users write, shown in the active language."""
from __future__ import annotations

from passerelle.events.models.bilingual import in_active_language

__all__ = ["in_active_language"]
