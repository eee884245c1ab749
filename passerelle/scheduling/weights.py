"""Scale request weights to integers for CP-SAT, and back.

CP-SAT only takes integer coefficients. Weights with up to six decimals are scaled exactly by a
power of ten; others are rounded at 1e-6 and the scaling is marked inexact (a solver bound then
gets a small safety margin, see ``bound_in_units``).

Example::

    integer_weights([1, 2.5])   # ([10, 25], 10, True)
"""
from __future__ import annotations

from collections.abc import Sequence

MAX_DECIMALS = 6


def integer_weights(weights: Sequence[float]) -> tuple[list[int], int, bool]:
    """(integer weights, scale, exact): ``int_w[i] / scale`` equals (or rounds) ``weights[i]``."""
    for decimals in range(MAX_DECIMALS + 1):
        scale = 10**decimals
        scaled = [round(w * scale) for w in weights]
        if all(abs(v - w * scale) <= 1e-9 * max(1.0, abs(w * scale)) for v, w in zip(scaled, weights, strict=True)):
            return scaled, scale, True
    scale = 10**MAX_DECIMALS
    return [round(w * scale) for w in weights], scale, False


def bound_in_units(scaled_bound: float, scale: int, exact: bool, n_requests: int) -> float:
    """A solver's integer bound back in weight units; inexact scaling adds the worst rounding."""
    margin = 0.0 if exact else 0.5 * n_requests
    return (scaled_bound + margin) / scale
