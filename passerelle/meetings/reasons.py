"""Why a request was left out of a schedule, as data stored with the run and as words shown to the
coordinator in their own language. The solver gives each reason as a code with its parameters
(``passerelle.scheduling.Reason``); this module names the people and words the code.

Example::

    item = solver_reason({"code": "limit", "params": {"participant": "p4", "max_meetings": 8}},
                         {"p4": "Léa Dupont"})
    # {"code": "limit", "names": "Léa Dupont", "n": 8}
    reason_text(item)  # "Léa Dupont reached their limit of 8 meetings."
"""
from __future__ import annotations

from django.utils.translation import gettext as _

SOLVER_CODES = ("limit", "unavailable", "no_slot", "no_table", "busy")


def solver_reason(item: dict, names: dict[str, str]) -> dict:
    """A solver's reason (one ``unscheduled`` entry of its output) as the stored ``{"code", ...}``."""
    code, params = item.get("code"), item.get("params") or {}
    if code == "limit":
        person = str(params["participant"])
        return {"code": "limit", "names": names.get(person, person), "n": int(params["max_meetings"])}
    if code in SOLVER_CODES:
        return {"code": code}
    return {"code": "other", "text": str(item.get("reason", ""))}


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
