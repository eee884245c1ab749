"""The CP-SAT encoding of breaks and fairness, added to a ``cpsat.ScheduleModel`` for phase 2.

For participant ``p`` and the slots ``s_1 .. s_k`` of a session:
``busy[s]`` is the linear sum of ``p``'s meeting variables at ``s`` (plus 1 if fixed there);
``later[s] >= busy[s]`` and ``later[s] >= later[s+1]`` (p meets at ``s`` or later);
``brk[s_i] >= busy[s_{i-1}] - busy[s_i] + later[s_{i+1}] - 1`` (a break starts at ``s_i``).
Only lower bounds are needed since all of them are minimised; slots where a break cannot start
(nothing possible before, a fixed meeting at ``s_i``, nothing possible after) get no variable.
Size: O(P * S) booleans and linear constraints.

Example::

    encoding = BreakEncoding(schedule_model)
    schedule_model.model.minimize(encoding.objective)
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .breaks import max_breaks_possible

if TYPE_CHECKING:
    from .cpsat import ScheduleModel


class BreakEncoding:
    """Adds ``later``/``brk`` booleans and the per-person break count to the model."""

    def __init__(self, schedule: ScheduleModel) -> None:
        self.schedule = schedule
        model = schedule.model
        self.later: dict[tuple[int, int], object] = {}
        self.brk: dict[tuple[int, int], object] = {}
        self.max_breaks = model.new_int_var(0, max_breaks_possible(schedule.instance), "max_breaks")
        for p in range(len(schedule.instance.participants)):
            self._encode_person(p)
        per_person: dict[int, list] = {}
        for (p, _), v in self.brk.items():
            per_person.setdefault(p, []).append(v)
        for vs in per_person.values():
            model.add(sum(vs) <= self.max_breaks)
        self.weight = max_breaks_possible(schedule.instance) + 1
        self.objective = self.weight * sum(self.brk.values()) + self.max_breaks

    def _busy(self, p: int, s: int):
        """(linear expression, possible, certain) of p meeting at s."""
        if (p, s) in self.schedule.fixed_busy:
            return 1, True, True
        vs = self.schedule.by_person_slot.get((p, s), [])
        return (sum(vs) if vs else 0), bool(vs), False

    def _encode_person(self, p: int) -> None:
        model = self.schedule.model
        for session in self.schedule.instance.sessions:
            busy = [self._busy(p, s) for s in session]
            possible = [b[1] for b in busy]
            if sum(possible) < 2:
                continue
            later_next = None
            for i in range(len(session) - 1, -1, -1):
                s = session[i]
                expr, can, certain = busy[i]
                if later_next is not None and 0 < i and any(possible[:i]) and not certain:
                    brk = model.new_bool_var(f"brk{p}_{s}")
                    model.add(brk >= busy[i - 1][0] - expr + later_next - 1)
                    self.brk[p, s] = brk
                if not any(possible[i:]):
                    continue
                later = model.new_bool_var(f"later{p}_{s}")
                if can:
                    model.add(later >= expr)
                if later_next is not None:
                    model.add(later >= later_next)
                self.later[p, s] = later
                later_next = later

    def hint(self, slot_of: Mapping[int, int]) -> None:
        """Hint ``later``, ``brk`` and ``max_breaks`` consistent with a request -> slot map."""
        instance = self.schedule.instance
        busy = {(p, s) for r, s in slot_of.items() for p in instance.requests[r].participants}
        model = self.schedule.model
        position = {s: (k, i) for k, session in enumerate(instance.sessions) for i, s in enumerate(session)}
        last: dict[tuple[int, int], int] = {}
        for p, s in busy:
            k, i = position[s]
            last[p, k] = max(last.get((p, k), -1), i)
        counts: dict[int, int] = {}
        for (p, s), v in self.later.items():
            k, i = position[s]
            model.add_hint(v, last.get((p, k), -1) >= i)
        for (p, s), v in self.brk.items():
            k, i = position[s]
            prev = instance.sessions[k][i - 1]
            starts = (p, prev) in busy and (p, s) not in busy and last.get((p, k), -1) > i
            model.add_hint(v, starts)
            counts[p] = counts.get(p, 0) + starts
        model.add_hint(self.max_breaks, max(counts.values(), default=0))
