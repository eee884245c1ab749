"""Text normalisation for search: lower case, accents folded, punctuation collapsed."""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
# Ligatures that Unicode does not decompose: without them "œsophage" would be searched as "sophage".
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents: ``"Étiologie"`` → ``"etiologie"``."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().translate(_LIGATURES)


def search_terms(query: str, limit: int = 12) -> list[str]:
    """Split a user query into folded search terms made of letters and digits only."""
    return [term for term in _NON_WORD.split(fold(query)) if term][:limit]


def search_document(*parts: str) -> str:
    """One folded string holding every searchable part, words separated by spaces."""
    return " ".join(" ".join(_NON_WORD.split(fold(part))).strip() for part in parts if part).strip()
