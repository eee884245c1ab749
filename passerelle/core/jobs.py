"""Job handlers of the core (passerelle.jobs): the periodic retry of unsent e-mails."""
from __future__ import annotations

from typing import Any

from passerelle.core.mail import retry_unsent


def retry_mail(job: Any, progress: Any) -> dict[str, int]:
    """Periodic (passerelle.jobs.periodic): send again the e-mails whose sending failed."""
    sent, failed = retry_unsent()
    return {"sent": sent, "failed": failed}
