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


# Words that say nothing in a directory query ("cancer du sein", "biology of the lung"): as
# prefixes they would match nearly every profile ("du" → "durable", "dual", …).
QUERY_STOP_WORDS = frozenset(
    "a au aux avec d dans de des du en et l la le les ou par pour sur un une "
    "an and at by for from in of on or the to with".split()
)


def search_terms(query: str, limit: int = 12) -> list[str]:
    """Split a user query into folded search terms made of letters and digits only.

    French and English stop words are left out, unless the query holds nothing else.
    """
    terms = [term for term in _NON_WORD.split(fold(query)) if term]
    meaningful = [term for term in terms if term not in QUERY_STOP_WORDS]
    return (meaningful or terms)[:limit]


def search_document(*parts: str) -> str:
    """One folded string holding every searchable part, words separated by spaces."""
    return " ".join(" ".join(_NON_WORD.split(fold(part))).strip() for part in parts if part).strip()
