"""FastSelect renders what Django's Select renders, escaping included."""
from __future__ import annotations

from html.parser import HTMLParser

from django import forms
from hypothesis import given
from hypothesis import strategies as st

from passerelle.core.widgets import FastSelect


class _Options(HTMLParser):
    """(value, label, selected) of every option, and the select's attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.options: list[list] = []
        self.select: dict = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.select = attrs
        elif tag == "option":
            self.options.append([attrs.get("value"), "", "selected" in attrs])

    def handle_data(self, data):
        if self.options:
            self.options[-1][1] += data


@given(
    choices=st.lists(st.tuples(st.text(max_size=8), st.text(max_size=12)), max_size=6, unique_by=lambda c: c[0]),
    pick=st.integers(min_value=0, max_value=10),
)
def test_fast_select_matches_django_select(choices, pick):
    value = choices[pick % len(choices)][0] if choices else ""
    fast = _Options(FastSelect(choices=choices).render("field", value, attrs={"id": "id_field"}))
    slow = _Options(forms.Select(choices=choices).render("field", value, attrs={"id": "id_field"}))
    assert [[v, label.strip(), sel] for v, label, sel in fast.options] == \
        [[v, label.strip(), sel] for v, label, sel in slow.options]
    assert fast.select == slow.select


def test_fast_select_escapes_labels_and_marks_the_selected_option():
    html = FastSelect(choices=[("a", "<b>&"), ("b\"", "B")]).render("x", 'b"')
    assert "&lt;b&gt;&amp;" in html
    assert '<option value="b&quot;" selected>B</option>' in html
    assert html.count("selected") == 1


def test_fast_select_renders_groups():
    html = FastSelect(choices=[("Group <1>", [("a", "A")]), ("", "None")]).render("x", "a")
    assert '<optgroup label="Group &lt;1&gt;"><option value="a" selected>A</option></optgroup>' in html
