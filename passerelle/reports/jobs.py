"""Background jobs of the reports app (``passerelle.jobs`` handlers)."""
from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from passerelle.jobs.models import Job
from passerelle.jobs.runner import Progress

from . import services


def propose_outcomes(job: Job, progress: Progress) -> dict[str, Any]:
    """Periodic (passerelle.jobs.periodic): propose the works newly co-signed by a project's partners
    as its outcomes; coordinators confirm or dismiss them."""
    progress(0, 1, _("Looking for publications of joint projects"))
    return {"proposed": services.propose_publication_outcomes()}
