"""French typography and grammar for text assembled from pieces.

* :func:`contract` repairs what string assembly breaks: « de le » → « du », « de les » → « des »,
  « de des » → « de », « à le » → « au », « à les » → « aux », « de un » → « d'un », and « de »
  elided before a vowel (« d'anticorps », « d'Entretiens »).
* :func:`typography` puts a non-breaking space before « : ; ? ! » and inside « », and
  :func:`typography_html` does it in the text of an HTML page only (never in tags, scripts,
  styles, form fields or code). French pages go through it (``FrenchTypographyMiddleware``);
  e-mails call :func:`typography` on their body.

    >>> contract("une validation clinique de des anticorps et l'accès à le plateau")
    "une validation clinique d'anticorps et l'accès au plateau"
    >>> typography("Visite : « Centre Léon Bérard » !") == "Visite\\u00a0: «\\u00a0Centre Léon Bérard\\u00a0»\\u00a0!"
    True
"""
from __future__ import annotations

import re

NBSP = "\u00a0"

# Pronouns before an infinitive are not articles: « de les écarter », « de le déplacer » stay.
_INFINITIVE = r"(?!\w*(?:er|ir|re|oir)\b)"
_CONTRACTIONS = (
    (re.compile(r"\b([Dd])e le (?=" + _INFINITIVE + r")"), r"\1u "),
    (re.compile(r"\b([Dd])e les (?=" + _INFINITIVE + r")"), r"\1es "),
    (re.compile(r"\b([Dd])e des "), r"\1e "),
    (re.compile(r"\b([Àà]) le (?=" + _INFINITIVE + r")"), lambda m: ("Au " if m.group(1) == "À" else "au ")),
    (re.compile(r"\b([Àà]) les (?=" + _INFINITIVE + r")"), lambda m: ("Aux " if m.group(1) == "À" else "aux ")),
    (re.compile(r"\b([Dd])e (une?) "), r"\1'\2 "),
    (re.compile(r"\b([Dd])e (?=[aeiouyàâæéèêëîïôœûùüAEIOUYÀÂÆÉÈÊËÎÏÔŒÛÙÜ])"), r"\1'"),  # « d'anticorps »
)


def contract(text: str) -> str:
    """French articles contracted after « de » and « à » (see the module's examples)."""
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


# Before « : ; ? ! »: an ordinary space becomes a non-breaking one when the sign ends a word
# (followed by an ordinary space or the end). A colon written without a space gets one (« Durée: »,
# « <b>Durée</b>: »); « ? ! ; » written without one are left as their author wrote them (often English).
# Times (10:30), addresses (https://) and HTML entities (&amp;) do not qualify.
_BEFORE_SIGN = re.compile(
    r"(&#?\w+;)|(?:(?<=\S)[ \u202f]|^[ \u202f])([:;?!])(?=[^\S\u00a0\u202f]|$)"
    r"|(?:(?<=[\w)\]»%.…'’\"])|^)(:)(?=[^\S\u00a0\u202f]|$)", re.UNICODE)
_AFTER_OPENING = re.compile(r"«[ \u202f]?(?=\S)")
_BEFORE_CLOSING = re.compile(r"(?<=\S)[ \u202f]?»")


def _sign(match: re.Match[str]) -> str:
    return match.group(1) or NBSP + (match.group(2) or match.group(3))


def typography(text: str) -> str:
    """French spacing: a non-breaking space before « : ; ? ! » and inside « »."""
    text = _BEFORE_SIGN.sub(_sign, text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_CLOSING.sub(NBSP + "»", text)


_SIGNS = re.compile(r"[:;?!«»]")
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_RAW_ELEMENTS = ("script", "style", "textarea", "pre", "code")
_OPEN_RAW = re.compile(r"<(" + "|".join(_RAW_ELEMENTS) + r")\b", re.IGNORECASE)


def typography_html(html: str) -> str:
    """:func:`typography` applied to the text between tags, not inside raw elements."""
    out: list[str] = []
    raw_until = ""
    for part in _TAG.split(html):
        if not part:
            continue
        if part.startswith("<"):
            out.append(part)
            if raw_until:
                if part.lower().startswith(raw_until):
                    raw_until = ""
            elif (opening := _OPEN_RAW.match(part)) and not part.endswith("/>"):
                raw_until = f"</{opening.group(1).lower()}"
            continue
        # Most text between tags (indentation, names, numbers) has no sign to space: left as it is.
        out.append(part if raw_until or not _SIGNS.search(part) else typography(part))
    return "".join(out)


def in_active_language(text: str) -> str:
    """:func:`typography` when French is active (e-mail subjects and bodies), else ``text`` unchanged."""
    from django.utils.translation import get_language

    return typography(text) if (get_language() or "").startswith("fr") else text
