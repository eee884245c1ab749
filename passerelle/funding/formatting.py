"""How the funding app writes its moments: in the call's own time zone, the zone named."""
from __future__ import annotations

from typing import Any

from django.utils import formats

from .models import Call

MOMENT_FORMAT = "j F Y H:i"


def format_moment(call: Call, moment: Any) -> str:
    """A moment in the call's own time zone, the zone named: "15 March 2027 17:00 (Europe/Paris)"."""
    return f"{formats.date_format(call.local(moment), MOMENT_FORMAT)} ({call.time_zone})"


def format_deadline(call: Call) -> str:
    return format_moment(call, call.closes_at)
