"""The CP-SAT encoding of breaks and fairness, shared by the phase-2 model and the LNS subproblems.

For participant ``p`` and the slots ``s_1 .. s_k`` of a session:
``busy[s]`` is a linear expression (p's meeting variables at ``s``, or 1 if p is held there);
``later[s] >= busy[s]`` and ``later[s] >= later[s+1]`` (p meets at ``s`` or later);
``brk[s_i] >= busy[s_{i-1}] - busy[s_i] + later[s_{i+1}] - 1`` (a break starts at ``s_i``).
Only lower bounds are needed since all of them are minimised; slots where a break cannot start
(nothing possible just before, p held at ``s_i``, nothing possible after) get no variable.
``max_breaks >= sum_s brk[p, s]`` for every p and ``>= floor_max`` (people outside the model).
The objective ``weight * sum(brk) + max_breaks`` is breaks then fairness, exactly lexicographic,
because ``weight`` exceeds any possible ``max_breaks``. Size: O(P * S) booleans.

Example::

    encoding = BreakEncoding(model, instance.sessions, people, busy_of, horizon)
    model.minimize(encoding.objective)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from ortools.sat.python import cp_model

# busy_of(p, s) -> (linear expression or 0/1, a meeting is possible there, p is held there)
BusyOf = Callable[[int, int], tuple[object, bool, bool]]


class BreakEncoding:
    """Adds ``later``/``brk`` booleans and the per-person break count to a CP-SAT model."""

    def __init__(self, model: cp_model.CpModel, sessions: Sequence[Sequence[int]], people: Iterable[int],
                 busy_of: BusyOf, max_possible: int, floor_max: int = 0) -> None:
        self.model = model
        self.sessions = sessions
        self.later: dict[tuple[int, int], cp_model.IntVar] = {}
        self.brk: dict[tuple[int, int], cp_model.IntVar] = {}
        self.max_breaks = model.new_int_var(floor_max, max(floor_max, max_possible), "max_breaks")
        per_person: dict[int, list] = {}
        for p in people:
            for session in sessions:
                self._encode_session(p, session, busy_of, per_person)
        for vs in per_person.values():
            model.add(cp_model.LinearExpr.sum(vs) <= self.max_breaks)
        self.weight = max_possible + 1
        self.objective = self.weight * cp_model.LinearExpr.sum(list(self.brk.values())) + self.max_breaks

    def _encode_session(self, p: int, session: Sequence[int], busy_of: BusyOf, per_person: dict) -> None:
        model = self.model
        busy = [busy_of(p, s) for s in session]
        possible = [b[1] for b in busy]
        if sum(possible) < 2:
            return
        later_next = None
        for i in range(len(session) - 1, -1, -1):
            s = session[i]
            expr, can, held = busy[i]
            if later_next is not None and i > 0 and possible[i - 1] and not held:
                brk = model.new_bool_var(f"brk{p}_{s}")
                model.add(brk >= busy[i - 1][0] - expr + later_next - 1)
                self.brk[p, s] = brk
                per_person.setdefault(p, []).append(brk)
            if not any(possible[i:]):
                continue
            later = model.new_bool_var(f"later{p}_{s}")
            if can:
                model.add(later >= expr)
            if later_next is not None:
                model.add(later >= later_next)
            self.later[p, s] = later
            later_next = later

    def hint(self, busy: set[tuple[int, int]], max_breaks: int) -> None:
        """Hint ``later`` and ``brk`` from the (person, slot) pairs busy in a known schedule."""
        position = {s: (k, i) for k, session in enumerate(self.sessions) for i, s in enumerate(session)}
        last: dict[tuple[int, int], int] = {}
        for p, s in busy:
            k, i = position[s]
            last[p, k] = max(last.get((p, k), -1), i)
        for (p, s), v in self.later.items():
            k, i = position[s]
            self.model.add_hint(v, last.get((p, k), -1) >= i)
        for (p, s), v in self.brk.items():
            k, i = position[s]
            prev = self.sessions[k][i - 1]
            self.model.add_hint(v, (p, prev) in busy and (p, s) not in busy and last.get((p, k), -1) > i)
        self.model.add_hint(self.max_breaks, max_breaks)


def busy_pairs(instance_requests: Sequence, slot_of: Mapping[int, int]) -> set[tuple[int, int]]:
    """(person, slot) pairs busy in a request -> slot map; ``instance_requests`` = instance.requests."""
    return {(p, s) for r, s in slot_of.items() for p in instance_requests[r].participants}
