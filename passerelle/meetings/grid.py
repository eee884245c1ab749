"""Cutting a session's windows into slots: consecutive slots of a fixed length, none of them
overlapping a break (a slot that would is moved to the end of the break).

Example::

    cut_slots([(nine, half_past_twelve)], [(half_past_ten, eleven)], minutes=30)
    # [(0, 9:00, 9:30), (0, 9:30, 10:00), (0, 10:00, 10:30), (0, 11:00, 11:30), (0, 11:30, 12:00), (0, 12:00, 12:30)]
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

Span = tuple[datetime, datetime]


def cut_slots(windows: Sequence[Span], breaks: Sequence[Span], minutes: int) -> list[tuple[int, datetime, datetime]]:
    """(window index, start, end) of every slot, in time order. Windows are given in time order."""
    length = timedelta(minutes=minutes)
    slots: list[tuple[int, datetime, datetime]] = []
    ordered_breaks = sorted(breaks)
    for index, (window_start, window_end) in enumerate(windows):
        start = window_start
        while start + length <= window_end:
            end = start + length
            overlapping = [b for b in ordered_breaks if b[0] < end and start < b[1]]
            if overlapping:
                start = max(b[1] for b in overlapping)
                continue
            slots.append((index, start, end))
            start = end
    return slots


def overlaps(spans: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Pairs of spans that overlap (each pair once, in time order)."""
    ordered = sorted(spans)
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:] if b[0] < a[1]]
