"""The design system of docs/design.md, checked in every template: no style of its own (the
Content-Security-Policy would refuse it anyway), tables of the system's kinds (list, formset, the
meetings grid), and wide form tables scrolling inside themselves rather than widening the page on
a phone."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "passerelle"
TEMPLATES = sorted(path for path in ROOT.rglob("templates/**/*.html") if "/templates/admin/" not in path.as_posix())
TABLE = re.compile(r"<table(?P<attrs>[^>]*)>")
TABLE_KINDS = {"list", "formset", "grid"}  # grid: the meetings' slot × table grid
TEMPLATE_TAG = re.compile(r"\{[%{].*?[%}]\}")
SCROLL_BEFORE = re.compile(r'<div class="scroll[^"]*">$')


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 100


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_template_uses_only_the_design_system(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\sstyle\s*=", text), "inline style: use a class of docs/design.md"
    assert "<style" not in text, "a <style> block: styles live in static/css"
    for match in TABLE.finditer(text):
        found = re.search(r'class="([^"]*)"', TEMPLATE_TAG.sub(" ", match.group("attrs")))
        classes = set(found.group(1).split()) if found else set()
        assert classes & TABLE_KINDS, f"a table without table.list or table.formset: {match.group(0)}"
        if "formset" in classes:
            assert SCROLL_BEFORE.search(text[:match.start()].rstrip()), \
                "a formset table must sit in div.scroll (it scrolls inside itself on a phone)"
