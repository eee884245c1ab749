"""Count breaks: a break is a maximal run of idle slots between two meetings of one participant
within one session. Idle time before the first or after the last meeting of a session is free.

Example: in a session of slots 0..5, meetings at 0, 2, 3 and 5 make two breaks (slot 1 and slot 4);
meetings at 1 and 2 make none.

    >>> participant_breaks({0, 2, 3, 5}, ((0, 1, 2, 3, 4, 5),))
    2
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from .model import Instance


def participant_breaks(busy: Collection[int], sessions: Sequence[Sequence[int]]) -> int:
    """Breaks of one participant busy in the slot indices ``busy``; O(number of slots)."""
    total = 0
    for session in sessions:
        seen_meeting = False
        idle_run = False
        for s in session:
            if s in busy:
                if idle_run:
                    total += 1
                seen_meeting, idle_run = True, False
            elif seen_meeting:
                idle_run = True
    return total


def schedule_breaks(instance: Instance, slot_of: Mapping[int, int]) -> list[int]:
    """Breaks of every participant (list indexed like ``instance.participants``).

    ``slot_of`` maps request index -> slot index for the scheduled requests.
    """
    busy: list[set[int]] = [set() for _ in instance.participants]
    for r, s in slot_of.items():
        for p in instance.requests[r].participants:
            busy[p].add(s)
    return [participant_breaks(b, instance.sessions) for b in busy]


def max_breaks_possible(instance: Instance) -> int:
    """The most breaks one participant could have: an upper bound used to weigh fairness."""
    return sum((len(session) - 1) // 2 for session in instance.sessions)
