"""Upper bounds on the first objective (total weight of scheduled requests).

``trivial_bound``: fixed weight plus the weight of every request that has an open slot.
``lp_bound``: the linear relaxation of the phase-1 model (``x[r, s]`` in [0, 1], same
constraints as ``cpsat.py``), solved by HiGHS through SciPy; rounded down when weights are
integers. Size: one column per open (request, slot) pair, rows per request, per (person, slot),
per person and per slot.

Example::

    lp_bound(instance, time_limit=20)   # e.g. 1523.0, or None if HiGHS ran out of time
"""
from __future__ import annotations

import math

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from .model import Instance
from .reduction import Reduced, reduce_instance
from .weights import integer_weights


def trivial_bound(instance: Instance, reduced: Reduced | None = None) -> float:
    """Fixed weight plus the weight of all requests that could still be placed somewhere."""
    reduced = reduced or reduce_instance(instance)
    open_requests = {r for r, _ in reduced.pairs} | set(reduced.fixed_slot)
    return float(sum(instance.requests[r].weight for r in open_requests))


def _rows(instance: Instance, reduced: Reduced) -> tuple[list[int], list[int], list[float]]:
    """(row of each nonzero, column of each nonzero, right-hand sides); all coefficients are 1."""
    rows: list[int] = []
    cols: list[int] = []
    rhs: list[float] = []

    def add_row(columns: list[int], limit: float) -> None:
        rows.extend([len(rhs)] * len(columns))
        cols.extend(columns)
        rhs.append(limit)

    by_request: dict[int, list[int]] = {}
    by_slot: dict[int, list[int]] = {}
    by_person: dict[int, list[int]] = {}
    for j, (r, s) in enumerate(reduced.pairs):
        by_request.setdefault(r, []).append(j)
        by_slot.setdefault(s, []).append(j)
    for (p, _), columns in reduced.by_person_slot.items():
        by_person.setdefault(p, []).extend(columns)
        if len(columns) > 1:
            add_row(columns, 1)
    for columns in by_request.values():
        if len(columns) > 1:
            add_row(columns, 1)
    for p, cap in reduced.person_caps(instance).items():
        if cap < len(by_person[p]):
            add_row(by_person[p], cap)
    for s, columns in by_slot.items():
        if reduced.free_tables[s] < len(columns):
            add_row(columns, reduced.free_tables[s])
    return rows, cols, rhs


def lp_bound(instance: Instance, time_limit: float = 30.0) -> float | None:
    """The LP-relaxation bound in weight units, or None if HiGHS did not finish in time."""
    reduced = reduce_instance(instance)
    fixed = sum(instance.requests[r].weight for r in reduced.fixed_slot)
    if not reduced.pairs:
        return float(fixed)
    rows, cols, rhs = _rows(instance, reduced)
    cost = -np.array([instance.requests[r].weight for r, _ in reduced.pairs], dtype=float)
    matrix = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(rhs), len(reduced.pairs))).tocsr()
    result = linprog(cost, A_ub=matrix if rhs else None, b_ub=np.array(rhs) if rhs else None,
                     bounds=(0, 1), method="highs", options={"time_limit": max(0.1, time_limit)})
    if result.status != 0:
        return None
    value = fixed - result.fun + 1e-7 * max(1.0, abs(result.fun))
    # When the weights scale exactly, every schedule weighs a multiple of their greatest common
    # divisor, so the bound drops to that grid: 613.500061 (the LP's float noise) proves 613.5.
    scaled, scale, exact = integer_weights([r.weight for r in instance.requests])
    step = math.gcd(*scaled) if exact else 0
    if step:
        value = math.floor(value * scale / step + 1e-9) * step / scale
    return float(value)
