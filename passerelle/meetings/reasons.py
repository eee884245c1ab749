"""Why a request was left out of a schedule, as data stored with the run and as words shown to the
coordinator in their own language (the solver's reasons are English sentences naming ids).

Example::

    item = parse_solver_reason("participant 'p4' reached max_meetings (8)", {"p4": "Léa Dupont"})
    # {"code": "limit", "names": "Léa Dupont", "n": 8}
    reason_text(item)  # "Léa Dupont reached their limit of 8 meetings."
"""
from __future__ import annotations

import re

from django.utils.translation import gettext as _

LIMIT = re.compile(r"participant '([^']+)' reached max_meetings \((\d+)\)")


def parse_solver_reason(reason: str, names: dict[str, str]) -> dict:
    """A solver's reason (``passerelle.scheduling.solution._reason``) as ``{"code", ...}``."""
    match = LIMIT.fullmatch(reason)
    if match:
        return {"code": "limit", "names": names.get(match.group(1), match.group(1)), "n": int(match.group(2))}
    if reason.startswith("no allowed slot where all of"):
        return {"code": "unavailable"}
    if reason == "no allowed slot":
        return {"code": "no_slot"}
    if reason.startswith("no table free"):
        return {"code": "no_table"}
    if reason.startswith("in every common available slot"):
        return {"code": "busy"}
    return {"code": "other", "text": reason}


def reason_text(item: dict) -> str:
    """The reason in the active language."""
    code = item.get("code")
    if code == "unregistered":
        return _("No longer registered to the event: %(names)s.") % {"names": item.get("names", "")}
    if code == "limit":
        return _("%(names)s reached their limit of %(n)d meetings.") % {"names": item.get("names", ""),
                                                                        "n": item.get("n", 0)}
    if code == "unavailable":
        return _("There is no slot where all of them are available.")
    if code == "no_slot":
        return _("The session has no slot.")
    if code == "no_table":
        return _("No table is free in any slot where all of them are available.")
    if code == "busy":
        return _("In every slot where all of them are available, one of them already meets someone else "
                 "or no table is free.")
    return item.get("text", "")
