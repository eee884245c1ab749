"""Fill the English catalogue: the source strings are English, so each msgstr is its msgid.

Keeps ``locale/en/LC_MESSAGES/django.po`` complete (no empty entry), plurals included. An entry that
makemessages marked fuzzy (a guess from a near text) is exact once filled, so the mark and the
guessed text's ``#|`` lines go: a fuzzy entry would be left out of the compiled catalogue. The
header names the project and the language instead of the template's placeholders.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "passerelle/locale/en/LC_MESSAGES/django.po"
ENTRY = re.compile(r'((?:#[^\n]*\n)*)(msgctxt [^\n]*\n(?:"[^\n]*"\n)*)?(msgid (?:"[^\n]*"\n)+)'
                   r'(msgid_plural (?:"[^\n]*"\n)+)?((?:msgstr(?:\[\d\])? (?:"[^\n]*"\n)+)+)')
HEADER_COMMENT = "# English texts of Passerelle: the source language, so each text is its own translation.\n"
HEADER_FIELDS = {
    "Project-Id-Version": "Passerelle",
    "Last-Translator": "Passerelle team",
    "Language-Team": "English",
    "Language": "en",
}


def _body(block: str, keyword: str) -> str:
    """The quoted text after ``keyword``, joined onto one line (no empty first line)."""
    pieces = [line[1:-1] for line in block[len(keyword) + 1:].splitlines()]
    return '"' + "".join(pieces) + '"\n'


def _settled(comments: str) -> str:
    """``comments`` without the fuzzy mark and the ``#|`` lines of the text it was guessed from."""
    kept = []
    for line in comments.splitlines(keepends=True):
        if line.startswith("#|"):
            continue
        if line.startswith("#,"):
            flags = [flag.strip() for flag in line[2:].split(",") if flag.strip() not in ("", "fuzzy")]
            if not flags:
                continue
            line = "#, " + ", ".join(flags) + "\n"
        kept.append(line)
    return "".join(kept)


def _header(comments: str, msgid: str, msgstr: str) -> str:
    """The catalogue's header, settled, with the project's name and language filled in."""
    for field, value in HEADER_FIELDS.items():
        msgstr = re.sub(rf'"{field}: [^"]*"', lambda _m, f=field, v=value: f'"{f}: {v}\\n"', msgstr)
    created = re.search(r'"POT-Creation-Date: ([^"\\]*)', msgstr)
    if created:  # the template's placeholder date: the texts were last revised when they were gathered
        msgstr = msgstr.replace("PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE", f"PO-Revision-Date: {created.group(1)}")
    template_lines = [line for line in comments.splitlines(keepends=True) if line.startswith("# ")]
    rest = _settled("".join(line for line in comments.splitlines(keepends=True) if line not in template_lines))
    return f"{HEADER_COMMENT}{rest}{msgid}{msgstr}"


def fill(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        comments, ctxt, msgid, plural, msgstr = match.groups()
        if msgid == 'msgid ""\n':
            return _header(comments, msgid, msgstr)
        singular = _body(msgid, "msgid")
        if plural:
            many = _body(plural, "msgid_plural")
            msgstr = f"msgstr[0] {singular}msgstr[1] {many}"
        else:
            msgstr = f"msgstr {singular}"
        return f"{_settled(comments)}{ctxt or ''}{msgid}{plural or ''}{msgstr}"

    return ENTRY.sub(replace, text)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CATALOGUE
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
