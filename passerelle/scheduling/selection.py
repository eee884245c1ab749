"""Decomposition for large events: first choose *which* requests to meet, then *when*.

The selection problem has one 0/1 column ``y[r]`` per request with an open slot and keeps only
the per-person capacity (min(max_meetings, open slots)) and the total table capacity; it forgets
who is busy in which slot. It is a relaxation of the real problem, so its proven dual bound is
an upper bound on the weight, and its solution (with greedy's requests) restricts the slot
model of ``cpsat.py`` to a few requests per person instead of all of them.

It is a b-matching-like integer program whose LP is nearly integral: HiGHS (through SciPy)
solves 20,000 columns in seconds, where CP-SAT's own LP needs minutes to reach the same bound
(measured, see docs/scheduling.md). Size: R columns, P + 1 rows.

Example::

    chosen, bound, proven = select_requests(instance, reduced, time_limit=10, hint=set(greedy))
"""
from __future__ import annotations

import math

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from .model import Instance
from .reduction import Reduced


def _matrix(instance: Instance, reduced: Reduced, columns: list[int]) -> tuple:
    """(sparse matrix, right-hand sides): one row per person whose capacity can bind, one for tables."""
    position = {r: j for j, r in enumerate(columns)}
    per_person: dict[int, list[int]] = {}
    for r in columns:
        for p in instance.requests[r].participants:
            per_person.setdefault(p, []).append(position[r])
    rows: list[int] = []
    cols: list[int] = []
    rhs: list[float] = []
    for p, cap in reduced.person_caps(instance).items():
        if cap < len(per_person.get(p, [])):
            rows += [len(rhs)] * len(per_person[p])
            cols += per_person[p]
            rhs.append(cap)
    rows += [len(rhs)] * len(columns)
    cols += list(range(len(columns)))
    rhs.append(sum(reduced.free_tables))
    matrix = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(rhs), len(columns))).tocsr()
    return matrix, np.array(rhs, dtype=float)


def select_requests(instance: Instance, reduced: Reduced, time_limit: float, hint: set[int]
                    ) -> tuple[set[int], float, bool]:
    """(chosen open requests, upper bound on the total weight incl. fixed, proven optimal?).

    Falls back to ``hint`` (and the trivial bound) when HiGHS finds nothing in time.
    """
    columns = sorted({r for r, _ in reduced.pairs})
    weights = np.array([instance.requests[r].weight for r in columns], dtype=float)
    fixed = sum(instance.requests[r].weight for r in reduced.fixed_slot)
    if not columns:
        return set(), fixed, True
    matrix, rhs = _matrix(instance, reduced, columns)
    result = milp(-weights, constraints=LinearConstraint(matrix, -np.inf, rhs), integrality=np.ones(len(columns)),
                  bounds=Bounds(0, 1), options={"time_limit": max(0.2, time_limit), "disp": False})
    dual = getattr(result, "mip_dual_bound", None)
    bound = fixed + weights.sum() if dual is None or not np.isfinite(dual) else fixed - dual
    bound += 1e-7 * max(1.0, abs(bound))
    if all(float(r.weight).is_integer() for r in instance.requests):
        bound = math.floor(bound)
    if result.x is None:
        return set(hint), float(bound), False
    chosen = {r for r, value in zip(columns, result.x, strict=True) if value > 0.5}
    return chosen, float(bound), result.status == 0
