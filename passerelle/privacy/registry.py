"""Each app's part of a person's personal data: what to export, how to erase it.

An app registers once (``passerelle/privacy/parts.py`` for accounts, directory and events;
``contrib.py`` for the apps whose ``personal_data.py`` declarations it handles)::

    register("events", export=export_events, erase=erase_events, order=20)

``export(person) -> dict`` returns JSON-ready data (dates as ISO strings or date objects);
``erase(person) -> dict | None`` removes or anonymises the app's rows about the person while
keeping the rows that aggregate figures count (it may return counts of what it touched). Erasure
runs every part in ``order`` (lower first; the directory, which anonymises the person row, runs
last) inside one transaction: if one part fails, nothing is erased.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Export = Callable[[Any], dict]
Erase = Callable[[Any], dict | None]


@dataclass(frozen=True)
class Part:
    app_label: str
    export: Export
    erase: Erase
    order: int = 50


_parts: dict[str, Part] = {}


def register(app_label: str, *, export: Export, erase: Erase, order: int = 50) -> None:
    """Declare ``app_label``'s part; registering the same label again replaces it."""
    _parts[app_label] = Part(app_label=app_label, export=export, erase=erase, order=order)


def parts() -> list[Part]:
    return sorted(_parts.values(), key=lambda part: (part.order, part.app_label))


def registered_labels() -> list[str]:
    return [part.app_label for part in parts()]


def export_person(person: Any) -> dict[str, dict]:
    """Every app's data about ``person``, keyed by app label (apps holding nothing are left out)."""
    data = {}
    for part in parts():
        exported = part.export(person)
        if exported:
            data[part.app_label] = exported
    return data


def erase_person(person: Any) -> dict[str, dict]:
    """Run every part's erasure (the caller holds the transaction); returns what each reported."""
    summary = {}
    for part in parts():
        summary[part.app_label] = part.erase(person) or {}
    return summary
