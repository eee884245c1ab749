"""The French and English catalogues stay complete: every text translated, none left fuzzy (a fuzzy
entry is left out of the compiled catalogue), and the English one filled by its script."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts/fill_english_catalogue.py"


def _script():
    spec = importlib.util.spec_from_file_location("fill_english_catalogue", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_text_is_translated_and_none_is_fuzzy(language):
    text = (ROOT / f"passerelle/locale/{language}/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    entries = list(_script().ENTRY.finditer(text))
    assert len(entries) > 1000
    fuzzy = [m.group(3) for m in entries if re.search(r"^#,.*\bfuzzy\b", m.group(1), re.M)]
    assert fuzzy == []
    empty = [m.group(3) for m in entries[1:] if re.search(r'^msgstr(\[\d\])? ""\n(?!")', m.group(5), re.M)]
    assert empty == []


def test_the_english_script_settles_a_fuzzy_guess_and_fills_the_header():
    sample = (
        '# SOME DESCRIPTIVE TITLE.\n#\n#, fuzzy\nmsgid ""\nmsgstr ""\n'
        '"Project-Id-Version: PACKAGE VERSION\\n"\n"POT-Creation-Date: 2026-12-05 00:09+0100\\n"\n'
        '"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"\n"Language: \\n"\n\n'
        '#: accounts/admin.py:60\n#, fuzzy, python-format\n#| msgid "%(counter)s row read."\n'
        '#| msgid_plural "%(counter)s rows read."\n'
        'msgid "%(count)d token revoked."\nmsgid_plural "%(count)d tokens revoked."\n'
        'msgstr[0] "%(counter)s row read."\nmsgstr[1] "%(counter)s rows read."\n\n'
        '#: accounts/apps.py:7\nmsgid "Accounts"\nmsgstr ""\n'
    )
    filled = _script().fill(sample)
    assert "fuzzy" not in filled
    assert "#|" not in filled
    assert "#, python-format\n" in filled
    assert 'msgstr[0] "%(count)d token revoked."\nmsgstr[1] "%(count)d tokens revoked."\n' in filled
    assert 'msgid "Accounts"\nmsgstr "Accounts"\n' in filled
    assert '"Project-Id-Version: Passerelle\\n"' in filled
    assert '"Language: en\\n"' in filled
    assert '"PO-Revision-Date: 2026-12-05 00:09+0100\\n"' in filled
    assert "SOME DESCRIPTIVE TITLE" not in filled
    assert _script().fill(filled) == filled
