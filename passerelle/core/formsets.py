"""Formsets drawn as tables: the column headers are the only visible labels, so each field of each
row gets an accessible name of its own (« Organisation (2) »), read by screen readers."""
from __future__ import annotations

from django import forms


class LabelledRowsMixin:
    def add_fields(self, form: forms.BaseForm, index: int | None) -> None:
        super().add_fields(form, index)  # type: ignore[misc]
        for name, field in form.fields.items():
            text = str(field.label or name.replace("_", " ").capitalize())
            field.widget.attrs.setdefault("aria-label", f"{text} ({index + 1})" if index is not None else text)


class LabelledInlineFormSet(LabelledRowsMixin, forms.BaseInlineFormSet):
    pass


class LabelledFormSet(LabelledRowsMixin, forms.BaseFormSet):
    pass


__all__ = ["LabelledFormSet", "LabelledInlineFormSet", "LabelledRowsMixin"]
