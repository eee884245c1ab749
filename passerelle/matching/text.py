"""Text analysis for matching: accent folding, tokenisation, French and English stop
words, a light bilingual stemmer, and word uni- and bigrams.

The stemmer is deliberately light: it strips plurals and aligns the suffixes French and
English share for the same Latin or Greek root ("génomique"/"genomics" → "genomic",
"tumeur"/"tumour"/"tumors" → "tumor", "mammaire"/"mammary" → "mammar",
"glioblastome"/"glioblastoma" → "glioblastoma"), so that a French abstract and an English
one about the same subject share terms. A short glossary (``lexicon.FR_EN_GLOSSARY``)
translates the frequent non-cognates ("sein" → "breast").

    >>> analyse("Radiomique des glioblastomes en IRM")
    ['radiomic', 'glioblastoma', 'mri', 'radiomic glioblastoma', 'glioblastoma mri']
    >>> terms("Radiomics of glioblastoma on MRI")
    ['radiomic', 'glioblastoma', 'mri']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import FR_EN_GLOSSARY, STOP_WORDS

_RAW_WORD = re.compile(r"[\w-]+")
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'"})

# (suffix, replacement, minimum length of the word) — longest suffixes first; the first
# that applies wins. Each rule maps a French and an English ending onto one form.
_SUFFIX_RULES: tuple[tuple[str, str, int], ...] = (
    ("isations", "iz", 9), ("izations", "iz", 9), ("isation", "iz", 8), ("ization", "iz", 8),
    ("iques", "ic", 6), ("ique", "ic", 6), ("ical", "ic", 6), ("ics", "ic", 5),
    ("aires", "ar", 7), ("aire", "ar", 6), ("ary", "ar", 6),
    ("omes", "oma", 6), ("ome", "oma", 5), ("omas", "oma", 6),
    ("eurs", "or", 6), ("eur", "or", 5), ("ours", "or", 6), ("our", "or", 5),
    ("ites", "it", 7), ("ite", "it", 6), ("ity", "it", 6), ("ities", "it", 8),
    ("euses", "ous", 7), ("euse", "ous", 6), ("eux", "ous", 5),
    ("ives", "iv", 6), ("ive", "iv", 5), ("ifs", "iv", 6), ("if", "iv", 5),
    ("ales", "al", 6), ("ale", "al", 5), ("aux", "al", 5),
    ("ies", "y", 5), ("ie", "y", 5),
    ("osis", "os", 6), ("ose", "os", 5), ("ysis", "ys", 6), ("asis", "as", 6), ("ase", "as", 5),
)
_KEEP_FINAL_S = ("ss", "us", "is", "os", "as")
_VOWELS = set("aeiouy")
# English inflections (-ing, -ed) stripped before the suffix rules when a stem of at least
# four letters with a vowel remains: "learning"/"learned" → "learn", "modelling" → "model",
# "targeted" → "target"; never "seed", "bring", "red".
_INFLECTIONS = (("ing", 7), ("ed", 6))


def _strip_inflection(word: str) -> str:
    for suffix, min_length in _INFLECTIONS:
        if len(word) >= min_length and word.endswith(suffix) and not word.endswith("eed"):
            base = word[: -len(suffix)]
            if not _VOWELS & set(base):
                return word
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz" + "aeiou":
                base = base[:-1]  # "mapping" → "map", "planned" → "plan"
            elif len(base) > 4 and base.endswith("ll"):
                base = base[:-1]  # "modelling" → "model", "labelled" → "label"
            return base
    return word


def fold(text: str) -> str:
    """Lower-case ``text`` and remove accents and ligatures ("Œsophage" → "oesophage")."""
    if text.isascii():
        return text.lower()
    # NFKD splits accented letters into letter + combining mark; the ASCII encoding then
    # drops the marks (and the rare non-Latin characters, which carry no shared terms here).
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem one folded word with the light bilingual rules; translate glossary words first."""
    word = FR_EN_GLOSSARY.get(word, word)
    if len(word) > 4:
        # British and French spellings: "haematology", "oesophagus", "paediatric".
        word = word.replace("ae", "e").replace("oe", "e")
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_FINAL_S):
        if not any(word.endswith(s) for s, _, n in _SUFFIX_RULES if s.endswith("s") and len(word) >= n):
            word = word[:-1]
    word = _strip_inflection(word)  # after the plural: "embeddings" → "embedding" → "embed"
    for suffix, replacement, min_length in _SUFFIX_RULES:
        if len(word) >= min_length and word.endswith(suffix):
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def _words(text: str) -> list[str]:
    """Folded word tokens, hyphenated compounds of short parts joined ("PD-L1" → "pdl1")."""
    words: list[str] = []
    for token in _TOKEN.findall(fold(text)):
        if "-" in token:
            parts = token.split("-")
            if all(len(p) <= 3 for p in parts):
                words.append("".join(parts))
                continue
            words.extend(parts)
        else:
            words.append(token)
    return words


def _term(word: str) -> str:
    """The term of one folded word, or "" when the word is dropped."""
    if len(word) < 2 or word in STOP_WORDS or word.isdigit():
        return ""
    stemmed = stem(word)
    return "" if stemmed in STOP_WORDS else stemmed


_TERMS: dict[str, str] = {}


def terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` in order: no stop words, no bare numbers, no 1-letter words."""
    out: list[str] = []
    for word in _words(text):
        term = _TERMS.get(word)
        if term is None:
            term = _term(word)
            if len(_TERMS) < 500_000:
                _TERMS[word] = term
        if term:
            out.append(term)
    return out


def analyse(text: str) -> list[str]:
    """Features of ``text`` for TF-IDF: its terms followed by bigrams of adjacent terms."""
    unigrams = terms(text)
    return unigrams + [f"{a} {b}" for a, b in zip(unigrams, unigrams[1:], strict=False)]


def surface_forms(texts: list[str], wanted: set[str]) -> dict[str, str]:
    """Map each term of ``wanted`` to the first word of ``texts`` it comes from (to show terms to people)."""
    forms: dict[str, str] = {}
    for text in texts:
        for raw in _RAW_WORD.findall(text):
            found = terms(raw)
            if len(found) == 1 and found[0] in wanted and found[0] not in forms:
                forms[found[0]] = raw
                if len(forms) == len(wanted):
                    return forms
    return forms


@lru_cache(maxsize=4096)
def term_spans(text: str) -> tuple[tuple[str, int, int, bool, bool], ...]:
    """The terms of ``text`` in order, each with the span of the written word it comes from:
    ``[("biopsy", 0, 7), ("liquid", 8, 15)]`` for "biopsie liquide". Consecutive entries are the
    analyser's bigrams; the span from the first's start to the second's end is how it is written
    ("cancer du pancréas" for the bigram "cancer pancrea"). The two flags say whether the term is
    the first / the last of its written word ("single-cell" gives two terms of one word)."""
    spans: list[tuple[str, int, int, bool, bool]] = []
    for match in _RAW_WORD.finditer(text):
        raw = match.group()
        found = _RAW_TERMS.get(raw)
        if found is None:
            found = tuple(terms(raw))
            if len(_RAW_TERMS) < 200_000:
                _RAW_TERMS[raw] = found
        for position, term in enumerate(found):
            spans.append((term, match.start(), match.end(), position == 0, position == len(found) - 1))
    return tuple(spans)


_RAW_TERMS: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=4096)
def _positions(text: str) -> dict[str, tuple[int, ...]]:
    """Where each term of ``text`` starts in :func:`term_spans` (for :func:`find_written`)."""
    found: dict[str, list[int]] = {}
    for position, (term, *_) in enumerate(term_spans(text)):
        found.setdefault(term, []).append(position)
    return {term: tuple(p) for term, p in found.items()}


def find_written(texts: list[str], words: tuple[str, ...]) -> tuple[int, str] | None:
    """Where the consecutive terms ``words`` are first written in ``texts``: (text index, the
    words as written), or None when they are not."""
    n = len(words)
    for index, text in enumerate(texts):
        starts = _positions(text).get(words[0])
        if not starts:
            continue
        spans = term_spans(text)
        for start in starts:
            end = start + n - 1
            if end >= len(spans) or not (spans[start][3] and spans[end][4]):
                continue  # the run must cover whole written words, so that the form says exactly it
            if all(spans[start + k][0] == words[k] for k in range(1, n)):
                return index, text[spans[start][1] : spans[end][2]]
    return None
