"""Plain data of a meeting-scheduling instance and of its solution (no Django, no solver).

Everything is held by index: slot ``s`` is ``instance.slots[s]``, participant ``p`` is
``instance.participants[p]``, request ``r`` is ``instance.requests[r]``, table ``t`` is
``instance.tables[t]``. Parsing and validation of the JSON form live in ``parsing.py``.

Example::

    inst = parse_instance({"slots": ["a", "b"], "tables": 1,
                           "participants": [{"id": "p1"}, {"id": "p2"}],
                           "requests": [{"id": "r1", "participants": ["p1", "p2"]}]})
    inst.candidate_slots(0)  # (0, 1)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

Ident = str | int


@dataclass(frozen=True)
class Participant:
    """A person; ``unavailable`` holds slot indices, ``max_meetings`` None means no limit."""

    id: Ident
    unavailable: frozenset[int] = frozenset()
    max_meetings: int | None = None


@dataclass(frozen=True)
class Request:
    """A wished meeting of two or more participants (indices), with its allowed slot indices."""

    id: Ident
    participants: tuple[int, ...]
    weight: float = 1.0
    slots: tuple[int, ...] = ()


@dataclass(frozen=True)
class FixedMeeting:
    """A meeting that must be kept: request index, slot index, table index or None."""

    request: int
    slot: int
    table: int | None = None


@dataclass(frozen=True)
class Instance:
    """A whole event.

    ``sessions`` is a tuple of tuples of slot indices in time order; every slot belongs to
    exactly one session. ``tables`` holds the table ids written in the output.
    """

    slots: tuple[str, ...]
    sessions: tuple[tuple[int, ...], ...]
    tables: tuple[Ident, ...]
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]
    fixed: tuple[FixedMeeting, ...] = ()

    @cached_property
    def fixed_by_request(self) -> dict[int, FixedMeeting]:
        """Map request index -> its fixed meeting."""
        return {f.request: f for f in self.fixed}

    @cached_property
    def requests_of(self) -> tuple[tuple[int, ...], ...]:
        """For each participant index, the indices of the requests naming them."""
        lists: list[list[int]] = [[] for _ in self.participants]
        for r, request in enumerate(self.requests):
            for p in request.participants:
                lists[p].append(r)
        return tuple(tuple(rs) for rs in lists)

    def candidate_slots(self, r: int) -> tuple[int, ...]:
        """Slots allowed for request ``r`` where all its participants are available."""
        request = self.requests[r]
        return tuple(
            s for s in request.slots
            if all(s not in self.participants[p].unavailable for p in request.participants)
        )

    def capacity(self, p: int) -> int:
        """The most meetings participant ``p`` can have: min(max_meetings, available slots)."""
        person = self.participants[p]
        free = len(self.slots) - len(person.unavailable)
        return free if person.max_meetings is None else min(free, person.max_meetings)


@dataclass(frozen=True)
class Meeting:
    """A placed meeting: request, slot and table indices."""

    request: int
    slot: int
    table: int


@dataclass(frozen=True)
class Reason:
    """Why a request was left out: a stable ``code`` and its ``params`` (ids, not indices).

    Codes and params: ``no_slot`` {} (the request allows no slot), ``unavailable``
    {"participants": [...]} (no allowed slot where all of them are available), ``limit``
    {"participant", "max_meetings"} (someone reached their limit), ``no_table`` {} (no table free
    in any common available slot), ``busy`` {} (in every such slot someone already meets another
    person or no table is free). ``text`` is an English sentence for people reading the output.
    """

    code: str
    params: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The reason as one English sentence (the same words as before codes existed)."""
        if self.code == "no_slot":
            return "no allowed slot"
        if self.code == "unavailable":
            return f"no allowed slot where all of {self.params['participants']} are available"
        if self.code == "limit":
            return f"participant {self.params['participant']!r} reached max_meetings ({self.params['max_meetings']})"
        if self.code == "no_table":
            return "no table free in any common available slot"
        return "in every common available slot a participant already meets someone else or no table is free"


@dataclass
class Solution:
    """The answer of a solver.

    ``objective`` and ``upper_bound`` are in the instance's weight units; ``breaks`` is the
    total over participants and ``max_breaks`` the largest of one participant.
    ``unscheduled`` maps request index -> ``Reason`` (for requests left out).
    ``breaks_lower_bound`` is a proven lower bound on ``breaks`` among schedules of the same
    weight (0 when nothing better is proven).
    """

    status: str
    meetings: list[Meeting] = field(default_factory=list)
    objective: float = 0.0
    upper_bound: float = 0.0
    breaks: int = 0
    max_breaks: int = 0
    breaks_lower_bound: int = 0
    solve_seconds: float = 0.0
    unscheduled: dict[int, Reason] = field(default_factory=dict)
    message: str = ""
    phases: list[dict] = field(default_factory=list)

    def to_dict(self, instance: Instance) -> dict:
        """The JSON output of the command line (ids, not indices); see docs/engines.md."""
        return {
            "status": self.status,
            "objective": _number(self.objective),
            "upper_bound": _number(self.upper_bound),
            "breaks": self.breaks,
            "max_breaks": self.max_breaks,
            "breaks_lower_bound": min(self.breaks_lower_bound, self.breaks),
            "meetings": [
                {"request": instance.requests[m.request].id, "slot": instance.slots[m.slot],
                 "table": instance.tables[m.table]}
                for m in sorted(self.meetings, key=lambda m: (m.slot, m.table))
            ],
            "unscheduled": [
                {"request": instance.requests[r].id, "reason": reason.text, "code": reason.code,
                 "params": reason.params}
                for r, reason in sorted(self.unscheduled.items())
            ],
            "solve_seconds": round(self.solve_seconds, 3),
            "message": self.message,
            "phases": self.phases,
        }


def _number(value: float) -> float | int:
    """Integers print as integers; other numbers keep six decimals."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
