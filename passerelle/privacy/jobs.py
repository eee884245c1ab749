"""Job handlers of privacy (passerelle.jobs): the periodic flagging of inactive profiles."""
from __future__ import annotations

from typing import Any

from passerelle.privacy import selectors, services


def flag_inactive(job: Any, progress: Any) -> dict[str, int]:
    """Periodic (passerelle.jobs.periodic): flag inactive profiles without consent for review."""
    flagged = services.flag_inactive_profiles()
    return {"flagged": flagged, "open": selectors.open_flags().count()}
