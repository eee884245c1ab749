"""Widgets that render long option lists without one template per option.

Django's ``Select`` renders each ``<option>`` through the template engine: fine for ten
options, a measurable cost for the directory's filter bar (organisations, categories, sites,
techniques, languages: hundreds of options on every list page). ``FastSelect`` writes the same
HTML directly, escaping every label and value.
"""
from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


class FastSelect(forms.Select):
    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = {str(v) for v in self.format_value(value)}
        parts = [f"<select{flatatt(final_attrs)}>"]
        for option_value, option_label in self.choices:
            if isinstance(option_label, list | tuple):  # an optgroup
                parts.append(f'<optgroup label="{escape(option_value)}">')
                parts += [self._option(v, label, selected) for v, label in option_label]
                parts.append("</optgroup>")
            else:
                parts.append(self._option(option_value, option_label, selected))
        parts.append("</select>")
        return mark_safe("".join(parts))

    @staticmethod
    def _option(value: Any, label: Any, selected: set[str]) -> str:
        value = "" if value is None else str(value)
        mark = " selected" if value in selected else ""
        return f'<option value="{escape(value)}"{mark}>{escape(label)}</option>'
