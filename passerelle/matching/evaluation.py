"""Quality measures for graded relevance: a pairwise ranking loss weighted by the rating
gap, and precision at k.

    >>> round(pairwise_ranking_loss([[0.9, 0.5, 0.1]], [[3, 1, 0]]), 3)
    0.0
    >>> round(pairwise_ranking_loss([[0.1, 0.5, 0.9]], [[3, 1, 0]]), 3)
    1.0
    >>> precision_at_k([3, 0, 2, 1], k=2, relevant=2)
    0.5
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def pairwise_errors(scores: Sequence[float], grades: Sequence[float]) -> tuple[float, float]:
    """(weighted errors, total weight) over the pairs of one query's judged documents.

    Every pair with different grades weighs the grade gap; it is an error (1) when the
    better-graded document scores lower, half an error when the scores tie.
    """
    s, g = np.asarray(scores, dtype=float), np.asarray(grades, dtype=float)
    gap = g[:, None] - g[None, :]
    better = gap > 0
    weight = np.where(better, gap, 0.0)
    wrong = np.where(s[:, None] < s[None, :], 1.0, np.where(s[:, None] == s[None, :], 0.5, 0.0))
    return float((weight * wrong).sum()), float(weight.sum())


def pairwise_ranking_loss(scores: Sequence[Sequence[float]], grades: Sequence[Sequence[float]]) -> float:
    """Gap-weighted share of misordered pairs over all queries: 0 perfect, 0.5 random, 1 reversed."""
    errors = total = 0.0
    for query_scores, query_grades in zip(scores, grades, strict=True):
        e, t = pairwise_errors(query_scores, query_grades)
        errors += e
        total += t
    return errors / total if total else 0.0


def precision_at_k(ranked_grades: Sequence[float], k: int, relevant: float) -> float:
    """Share of the first ``k`` ranked documents whose grade is at least ``relevant``."""
    top = list(ranked_grades)[:k]
    return sum(1 for g in top if g >= relevant) / k
