"""Breaks counted as runs ("blocks") of consecutive meetings, for CP-SAT.

In one session a participant's meetings form runs of consecutive slots; the breaks there are the
runs minus one when the session holds a meeting at all. A run starts at slot ``s_i`` when the
person is busy at ``s_i`` and idle at ``s_{i-1}``, so with ``start[s_i] = busy[s_i] and not
busy[s_{i-1}]`` and ``any = or(busy)``::

    breaks(session) = sum_i start[s_i] - any

Both directions of each definition are posted (exact in every direction), which is what the
single-person bounds of ``person_bounds.py`` need: their CP-SAT models are tiny and solved to
optimality. ``exact=False`` posts only the lower bounds (enough under minimisation). As the
main model of a whole event, the "after" chain of ``all_placed.py`` made CP-SAT's search find
good schedules faster (measured, see docs/scheduling.md), so that one is used there.

Example::

    busy = [1, b1, 0, b3]                 # 0/1 constants or CP-SAT booleans, in time order
    expr = session_breaks(model, busy)    # a linear expression, >= 0
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from ortools.sat.python import cp_model

Busy = int | cp_model.IntVar


def _is_const(value: Busy) -> bool:
    return isinstance(value, int)


def _possible_starts(busy: Sequence[Busy]) -> Iterator[tuple[int, Busy, Busy]]:
    """(i, busy[i], busy[i-1]) for every slot where a run may start: busy there may be 1 and the
    slot before (0 before the first) may be idle."""
    for i, b in enumerate(busy):
        prev = busy[i - 1] if i else 0
        if _is_const(b) and not b:
            continue
        if _is_const(prev) and prev:
            continue
        yield i, b, prev


def session_breaks(model: cp_model.CpModel, busy: Sequence[Busy], name: str = "",
                   exact: bool = True) -> cp_model.LinearExprT:
    """The breaks of one person in one session (see the module docstring); ``busy`` in time order.

    ``busy`` items are 0/1, booleans or linear expressions (sums of at most one true literal)
    when ``exact`` is False: then only the lower bounds are posted, ``start >= busy - prev`` and
    ``any <= sum busy``, which is enough under minimisation and lighter for the search.
    """
    if not exact:
        return _light_session_breaks(model, busy, name)
    variables = [b for b in busy if not _is_const(b)]
    held = any(_is_const(b) and b for b in busy)
    possible = len(variables) + sum(1 for b in busy if _is_const(b) and b)
    if possible < 2:
        return 0
    if held:
        anything: Busy = 1
    else:
        anything = model.new_bool_var(f"any{name}")
        model.add_bool_or(variables).only_enforce_if(anything)
        for b in variables:
            model.add_implication(b, anything)
    starts: list = []
    for i, b, prev in _possible_starts(busy):
        if _is_const(b):            # held here, free before: a start unless busy before
            if _is_const(prev):
                starts.append(1)
            else:
                starts.append(1 - prev)  # linear term, no variable needed
            continue
        if _is_const(prev):         # free before (constant 0): a start exactly when busy
            starts.append(b)
            continue
        start = model.new_bool_var(f"start{name}_{i}")
        model.add_bool_or([b.Not(), prev, start])      # busy and idle before -> start
        model.add_implication(start, b)                 # start -> busy
        model.add_implication(start, prev.Not())        # start -> idle before
        starts.append(start)
    return cp_model.LinearExpr.sum(starts) - anything


def _light_session_breaks(model: cp_model.CpModel, busy: Sequence, name: str) -> cp_model.LinearExprT:
    """One-directional run counting (see ``session_breaks``): valid only when breaks are minimised."""
    terms = [b for b in busy if not (_is_const(b) and not b)]
    if len(terms) < 2:
        return 0
    starts: list = []
    for i, b, prev in _possible_starts(busy):
        if _is_const(b) and _is_const(prev):
            starts.append(1)
            continue
        if _is_const(prev):
            starts.append(b)
            continue
        start = model.new_bool_var(f"start{name}_{i}")
        model.add(start >= b - prev)
        starts.append(start)
    if any(_is_const(b) and b for b in busy):
        anything: object = 1
    else:
        anything = model.new_bool_var(f"any{name}")
        model.add(anything <= cp_model.LinearExpr.sum(terms))
    total = cp_model.LinearExpr.sum(starts)
    model.add(total >= anything)
    return total - anything
