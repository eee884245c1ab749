"""Fill the English catalogue: the source strings are English, so each msgstr is its msgid.

Keeps ``locale/en/LC_MESSAGES/django.po`` complete (no empty entry), plurals included.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "passerelle/locale/en/LC_MESSAGES/django.po"
ENTRY = re.compile(r'((?:#[^\n]*\n)*)(msgctxt [^\n]*\n(?:"[^\n]*"\n)*)?(msgid (?:"[^\n]*"\n)+)'
                   r'(msgid_plural (?:"[^\n]*"\n)+)?((?:msgstr(?:\[\d\])? (?:"[^\n]*"\n)+)+)')


def _body(block: str, keyword: str) -> str:
    """The quoted text after ``keyword``, joined onto one line (no empty first line)."""
    pieces = [line[1:-1] for line in block[len(keyword) + 1:].splitlines()]
    return '"' + "".join(pieces) + '"\n'


def fill(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        comments, ctxt, msgid, plural, _msgstr = match.groups()
        if msgid == 'msgid ""\n':
            return match.group(0)  # the catalogue's header
        singular = _body(msgid, "msgid")
        if plural:
            many = _body(plural, "msgid_plural")
            msgstr = f"msgstr[0] {singular}msgstr[1] {many}"
        else:
            msgstr = f"msgstr {singular}"
        return f"{comments}{ctxt or ''}{msgid}{plural or ''}{msgstr}"

    return ENTRY.sub(replace, text)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CATALOGUE
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
