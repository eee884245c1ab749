"""Recognise cancer sites, techniques and research categories written in free text.

A :class:`Vocabulary` holds *phrases* (« cancer colorectal », « ctDNA », « biopsie liquide »)
each naming one concept (``kind``, ``code``). Text and phrases are read the same way: accents
folded, connecting words (« de », « du », « of », « and »…) skipped, each word reduced by the
engine's light bilingual stemmer (with its glossary), so « cancers colorectaux métastatiques » contains
« cancer colorectal » and « biopsies liquides » is « biopsie liquide ». A phrase written in
capitals (« CRC », « PET », « IRM ») is an acronym and must be written in capitals too, so the
English word « pet » is never a tag; a one-word phrase that is also a stop word (« ALL ») is left out.

Pure Python, no Django: the vocabulary is built by the caller from its reference data.

    >>> vocabulary = Vocabulary.build([("site", "64", "cancer colorectal"), ("technique", "pet", "PET")])
    >>> [(r.code, r.evidence) for r in vocabulary.recognise("Cancers colorectaux : suivi en PET")]
    [('64', 'Cancers colorectaux'), ('pet', 'PET')]
    >>> vocabulary.recognise("my pet project")
    []
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import STOP_WORDS
from .text import stem

# Words that join the parts of a name; skipped in phrases and in text alike.
CONNECTORS = frozenset("a au aux d de des du en et l la le les and in of on the".split())
_WORD = re.compile(r"[A-Za-z0-9]+")


def _fold_keep_case(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_word(word: str) -> str:
    """The comparable form of one folded, lower-case word ("" for a connector)."""
    if word in CONNECTORS:
        return ""
    return stem(word)  # glossary words are translated: « biopsie », « biopsies » and "biopsy" read alike


@dataclass(frozen=True)
class _Token:
    raw: str
    norm: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    folded = _fold_keep_case(text)
    tokens = []
    for match in _WORD.finditer(folded):
        norm = normalise_word(match.group().lower())
        if norm:
            tokens.append(_Token(match.group(), norm, match.start(), match.end()))
    return tokens


@dataclass(frozen=True)
class Recognised:
    """One concept found in a text: ``evidence`` is its first mention, as written."""

    kind: str
    code: str
    evidence: str
    mentions: int = 1

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.code}"


@dataclass(frozen=True)
class _Phrase:
    norms: tuple[str, ...]
    acronym: tuple[str, ...] | None  # the capital letters to find as written, or None
    kind: str
    code: str


@dataclass
class Vocabulary:
    """Phrases indexed by their first comparable word."""

    by_first: dict[str, list[_Phrase]] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str, str]]) -> Vocabulary:
        """``entries``: (kind, code, phrase) triples; empty phrases are ignored."""
        vocabulary = cls()
        seen: set[_Phrase] = set()
        for kind, code, phrase in entries:
            tokens = _tokens(phrase.strip())
            if not tokens or (len(tokens) == 1 and tokens[0].raw.lower() in STOP_WORDS):
                continue  # « ALL » (a leukaemia) is also "all": too easy to misread
            norms = tuple(t.norm for t in tokens)
            letters = "".join(t.raw for t in tokens if not t.raw.isdigit())
            # An acronym is matched as written ("IRM" and "MRI" both read "mri", each needs its capitals).
            acronym = tuple(t.raw for t in tokens) if letters and letters.isupper() else None
            entry = _Phrase(norms, acronym, kind, code)
            if entry not in seen:
                seen.add(entry)
                vocabulary.by_first.setdefault(norms[0], []).append(entry)
        for phrases in vocabulary.by_first.values():
            phrases.sort(key=lambda p: -len(p.norms))  # longest first
        return vocabulary

    def recognise(self, text: str) -> list[Recognised]:
        """Concepts mentioned in ``text``, in order of first mention, each once with its mention count."""
        tokens = _tokens(text or "")
        found: dict[tuple[str, str], Recognised] = {}
        for i, token in enumerate(tokens):
            for phrase in self.by_first.get(token.norm, ()):
                n = len(phrase.norms)
                window = tokens[i:i + n]
                if tuple(t.norm for t in window) != phrase.norms:
                    continue
                if phrase.acronym is not None and tuple(t.raw for t in window) != phrase.acronym:
                    continue
                key = (phrase.kind, phrase.code)
                if key in found:
                    previous = found[key]
                    found[key] = Recognised(previous.kind, previous.code, previous.evidence, previous.mentions + 1)
                else:
                    evidence = _fold_keep_case(text)[window[0].start:window[-1].end]
                    found[key] = Recognised(phrase.kind, phrase.code, _original_span(text, evidence, window))
        return list(found.values())


def _original_span(text: str, folded_span: str, window: list[_Token]) -> str:
    """The span as written in ``text`` (with its accents) when folding kept offsets, else the folded span."""
    folded = _fold_keep_case(text)
    if len(folded) == len(text):
        return text[window[0].start:window[-1].end]
    return folded_span
