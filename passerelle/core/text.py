"""Text normalisation for search: lower case, accents folded, punctuation collapsed, stems.

A search document holds the folded words of a profile followed by the *stems* of those words
that differ from them (``"tumeurs"`` → ``"tumor"``, ``"glioblastomes"`` → ``"glioblastoma"``),
so that a French query finds an English profile and a plural finds a singular on every database.
A query is parsed into :class:`SearchTerm` groups (``search_query``): each word may match itself or
its stem, as a prefix when it is long enough; a hyphenated compound (« CAR-T », « PD-L1 ») must
match as a phrase of whole words, so « CAR-T » never finds « carcinome » or « parcours ».
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from passerelle.matching.lexicon import FR_EN_GLOSSARY
from passerelle.matching.text import stem as _bilingual_stem

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


# Words shorter than this match whole words only: as prefixes "car" would find "carcinome",
# "t" every word starting with t; acronyms (ADN, IRM, CHU) are short too.
MIN_PREFIX_LENGTH = 4
_MIN_STEM_LENGTH = 5
_CHUNK_SEPARATORS = re.compile(r"[\s'’‘`,;:()\[\]{}«»\"!?]+")


# Glossary words whose everyday sense would mislead search: « au sein de », « la vie », « le col ».
_AMBIGUOUS_TRANSLATIONS = frozenset(
    "sein seins col vie fin prise suivi cou tete ensemble automatique temoin personnes profond profonde "
    "soin soins nouveau nouvelle nouveaux nouvelles homme hommes femme femmes ia".split()
)


def search_stem(word: str) -> str:
    """The stem of one folded word for search: the matching engine's light bilingual rules.

    French research words are translated (« lymphome » → « lymphoma », « ADN » → « dna »), except
    those with an everyday sense: « au sein de l'équipe » is not about breasts.
    """
    if word in FR_EN_GLOSSARY:
        return word if word in _AMBIGUOUS_TRANSLATIONS else _bilingual_stem(word)
    if len(word) < _MIN_STEM_LENGTH or not word.isalpha():
        return word
    return _bilingual_stem(word)


def search_stems(words: list[str]) -> list[str]:
    """Stems of ``words`` that are not already among them, once each, in order."""
    present = set(words)
    extra: list[str] = []
    for word in words:
        stemmed = search_stem(word)
        if stemmed not in present:
            present.add(stemmed)
            extra.append(stemmed)
    return extra


def search_document(*parts: str) -> str:
    """One folded string holding every searchable part, words separated by spaces, then their stems."""
    base = " ".join(" ".join(_NON_WORD.split(fold(part))).strip() for part in parts if part).strip()
    return " ".join([base, *search_stems(base.split())]).strip()


@dataclass(frozen=True)
class SearchPhrase:
    """Whole folded words in a row; the last one may be a prefix."""

    words: tuple[str, ...]
    prefix: bool


@dataclass(frozen=True)
class SearchTerm:
    """One term of a query: a document matches it when it matches any of its alternatives."""

    alternatives: tuple[SearchPhrase, ...]


def _single_word_term(word: str) -> SearchTerm:
    forms = dict.fromkeys([word, search_stem(word)])
    return SearchTerm(tuple(SearchPhrase((form,), len(form) >= MIN_PREFIX_LENGTH) for form in forms))


def search_query(query: str, limit: int = 12) -> list[SearchTerm]:
    """Parse a user query into terms a document must all match.

    Words separated by spaces or apostrophes are separate terms (stop words dropped unless the
    query holds nothing else); a word written with hyphens, dots or slashes (« CAR-T », « 5.3 »)
    is a phrase of whole words.
    """
    singles: list[tuple[str, bool]] = []
    for chunk in _CHUNK_SEPARATORS.split(query or ""):
        words = [w for w in _NON_WORD.split(fold(chunk)) if w]
        if len(words) == 1:
            singles.append((words[0], words[0] in QUERY_STOP_WORDS))
        elif words:
            singles.append((" ".join(words), False))
    kept = [text for text, is_stop in singles if not is_stop] or [text for text, _ in singles]
    result: list[SearchTerm] = []
    for text in dict.fromkeys(kept):
        words = tuple(text.split())
        if len(words) == 1:
            result.append(_single_word_term(words[0]))
        else:
            result.append(SearchTerm((SearchPhrase(words, len(words[-1]) >= MIN_PREFIX_LENGTH),)))
    return result[:limit]
