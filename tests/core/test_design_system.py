"""Every template uses the design system of docs/design.md: the rules that can be read in the markup.

Each rule is a function from a template's text to the problems it finds; the rules are tried on small
samples first (each must catch its bad sample and pass its good one), then on every template."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "passerelle"
TEMPLATES = sorted(p for p in ROOT.glob("**/templates/**/*.html"))
EMPTY_INCLUDE = "includes/empty.html"
PAGINATION_INCLUDE = "includes/pagination.html"
FIELD_INCLUDE = "includes/field.html"
TABLE_CLASSES = {"list", "grid"}
RETIRED_CLASSES = {"hint", "table-scroll", "grid-wrap", "run-summary", "b2b-teaser", "figures-inline"}  # see design.md

Rule = Callable[[str, str], list[str]]


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _classes(attribute: str) -> set[str]:
    return set(re.sub(r"\{%.*?%\}|\{\{.*?\}\}", " ", attribute).split())


def no_inline_style(name: str, text: str) -> list[str]:
    """The Content-Security-Policy refuses inline styles: classes only."""
    found = [m.start() for m in re.finditer(r"\sstyle\s*=|<style[\s>]", text, re.I)]
    return [f"line {_line(text, p)}: inline style" for p in found]


def no_inline_script(name: str, text: str) -> list[str]:
    """Scripts come from static files; no inline code and no on* handlers (JSON data blocks are data)."""
    found = [m.start() for m in re.finditer(r"<script(?![^>]*\s(?:src=|type=\"application/json\"))[^>]*>", text, re.I)]
    found += [m.start() for m in re.finditer(r"<[a-z][^>]*\son[a-z]+\s*=", text, re.I)]
    return [f"line {_line(text, p)}: inline script or event handler" for p in found]


def tables_are_system_tables(name: str, text: str) -> list[str]:
    """Every table carries a table class of the system and sits in a div.scroll (scrolls on phones)."""
    problems = []
    for m in re.finditer(r"<table\b([^>]*)>", text, re.I):
        where = f"line {_line(text, m.start())}"
        attribute = re.search(r'class="([^"]*)"', m[1])
        if attribute is None or not _classes(attribute[1]) & TABLE_CLASSES:
            problems.append(f"{where}: table without the class list (or grid)")
        if not re.search(r'<div class="scroll(?:\s[^"]*)?">\s*$', text[:m.start()]):
            problems.append(f"{where}: table outside a div.scroll")
    return problems


def empty_states_use_the_include(name: str, text: str) -> list[str]:
    """Empty states are drawn by includes/empty.html only."""
    if name.endswith(EMPTY_INCLUDE):
        return []
    return [f"line {_line(text, m.start())}: hand-made empty state (use {EMPTY_INCLUDE})"
            for m in re.finditer(r'class="([^"]*)"', text) if "empty" in _classes(m[1])]


def buttons_are_buttons(name: str, text: str) -> list[str]:
    """Actions are <button> with an explicit type; no <input type=submit> drawn by the browser."""
    problems = [f"line {_line(text, m.start())}: button without a type"
                for m in re.finditer(r"<button\b(?![^>]*\stype=\"(?:submit|button|reset)\")[^>]*>", text, re.I)]
    problems += [f"line {_line(text, m.start())}: input used as a button"
                 for m in re.finditer(r"<input\b[^>]*\stype=\"?(?:submit|button|reset|image)\b", text, re.I)]
    return problems


FORM_PARTS = {"non_field_errors", "management_form", "media", "errors"}


def forms_use_the_field_include(name: str, text: str) -> list[str]:
    """Fields are drawn by includes/form_fields.html (a whole form) or includes/field.html (one field),
    not by Django's as_p/as_table/as_ul/as_div nor by hand."""
    if name.endswith(FIELD_INCLUDE):
        return []
    problems = [f"line {_line(text, m.start())}: {m[0]} (use includes/form_fields.html)"
                for m in re.finditer(r"\.as_(?:p|table|ul|div)\b", text)]
    problems += [f"line {_line(text, m.start())}: field {m[1]} drawn by hand (use {FIELD_INCLUDE})"
                 for m in re.finditer(r"\{\{\s*form\.(\w+)(?:\.label)?\s*\}\}", text)
                 if m[1] not in FORM_PARTS and not text[:m.start()].endswith("<legend>")]  # a group's caption
    problems += [f"line {_line(text, m.start())}: label drawn by hand (use {FIELD_INCLUDE})"
                 for m in re.finditer(r"\{\{\s*field\.label\s*\}\}", text)]
    return problems


def pagination_uses_the_include(name: str, text: str) -> list[str]:
    """Page links are drawn by includes/pagination.html."""
    if name.endswith(PAGINATION_INCLUDE):
        return []
    return [f"line {_line(text, m.start())}: hand-made pagination (use {PAGINATION_INCLUDE})"
            for m in re.finditer(r"\.has_(?:next|previous)\b|\.(?:next|previous)_page_number\b", text)]


def no_retired_classes(name: str, text: str) -> list[str]:
    """Classes that duplicated the system's are gone for good."""
    return [f"line {_line(text, m.start())}: class {sorted(_classes(m[1]) & RETIRED_CLASSES)} is retired"
            for m in re.finditer(r'class="([^"]*)"', text) if _classes(m[1]) & RETIRED_CLASSES]


RULES: list[Rule] = [no_inline_style, no_inline_script, tables_are_system_tables, empty_states_use_the_include,
                     buttons_are_buttons, forms_use_the_field_include, pagination_uses_the_include,
                     no_retired_classes]

SAMPLES: dict[Rule, tuple[str, str]] = {  # (bad, good)
    no_inline_style: ('<p style="color:red">x</p>', '<p class="help">x</p>'),
    no_inline_script: ("<script>alert(1)</script>", '<script src="/static/js/site.js" defer></script>'),
    tables_are_system_tables: ('<div class="scroll"><table class="formset"></table></div>',
                               '<div class="scroll"><table class="list formset"></table></div>'),
    empty_states_use_the_include: ('<p class="empty">{% translate "Nothing." %}</p>',
                                   '{% include "includes/empty.html" with text=_("Nothing.") %}'),
    buttons_are_buttons: ('<button class="danger">Go</button>', '<button type="submit" class="danger">Go</button>'),
    forms_use_the_field_include: ("{{ form.as_p }}", '{% include "includes/field.html" with field=form.note %}'),
    pagination_uses_the_include: ('{% if page.has_next %}<a href="?page=2">2</a>{% endif %}',
                                  '{% include "includes/pagination.html" %}'),
    no_retired_classes: ('<p class="hint">x</p>', '<p class="help">x</p>'),
}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_each_rule_catches_its_bad_sample(rule: Rule) -> None:
    bad, good = SAMPLES[rule]
    assert rule("sample.html", bad)
    assert rule("sample.html", good) == []


def test_a_field_drawn_by_hand_is_caught() -> None:
    assert forms_use_the_field_include("sample.html", "<label>{{ form.note.label }}</label>{{ form.note }}")
    assert forms_use_the_field_include("sample.html", "{% for field in form %}<b>{{ field.label }}</b>{% endfor %}")
    assert forms_use_the_field_include("sample.html", "{{ form.non_field_errors }}{{ formset.management_form }}") == []
    assert forms_use_the_field_include("sample.html", "<legend>{{ form.slots.label }}</legend>") == []


def test_a_table_outside_a_scroll_container_is_caught() -> None:
    assert tables_are_system_tables("sample.html", '<section><table class="list"></table></section>')
    assert tables_are_system_tables("sample.html", '<table class="list"></table>')


def test_the_rules_see_every_template() -> None:
    names = {str(p.relative_to(ROOT)) for p in TEMPLATES}
    assert len(names) > 150
    assert f"templates/{EMPTY_INCLUDE}" in names and "templates/base.html" in names


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_every_template_follows_the_rule(rule: Rule) -> None:
    problems = []
    for path in TEMPLATES:
        name = str(path.relative_to(ROOT))
        problems += [f"{name} {problem}" for problem in rule(name, path.read_text(encoding="utf-8"))]
    assert problems == []
