"""Passerelle's matching engine: who should work with whom, and why. Pure Python (numpy,
SciPy, scikit-learn); no Django here — the web app's adapter turns models into
:class:`Document` objects and calls :func:`build_index`.

    >>> from passerelle.matching import build_index
    >>> index = build_index([{"id": "a", "texts": ["glioma MRI"]}, {"id": "b", "texts": ["MRI of glioma"]}])
    >>> round(index.score("a", "b"), 3) > 0
    True

See docs/matching.md for the score, its components and weights, and the measured figures.
"""

from .components import COMPONENTS, Weights
from .documents import Document, DocumentError, Tags, parse_document
from .engine import MatchingIndex, Suggestion, UnknownDocument, build_index
from .explanations import Reason
from .filters import TopOptions
from .weighting import TextModel

__all__ = [
    "COMPONENTS",
    "Document",
    "DocumentError",
    "MatchingIndex",
    "Reason",
    "Suggestion",
    "Tags",
    "TextModel",
    "TopOptions",
    "UnknownDocument",
    "Weights",
    "build_index",
    "parse_document",
]
