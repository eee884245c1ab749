"""Forms of the privacy app: consents (by the person or recorded by a coordinator), erasure."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import ConsentMethod, ConsentPurpose
from .models import ConsentRecord


class MyConsentsForm(forms.Form):
    """One box per purpose, ticked when the person currently consents."""

    def __init__(self, *args, current: dict[str, ConsentRecord | None], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for purpose in ConsentPurpose:
            record = current.get(purpose.value)
            self.fields[purpose.value] = forms.BooleanField(
                label=purpose.label, required=False, initial=bool(record and record.given))

    def choices(self) -> dict[str, bool]:
        return {purpose.value: bool(self.cleaned_data.get(purpose.value)) for purpose in ConsentPurpose}


class RecordConsentForm(forms.Form):
    """A coordinator records a consent given or withdrawn outside Passerelle."""

    purpose = forms.ChoiceField(label=_("What"), choices=ConsentPurpose.choices)
    given = forms.TypedChoiceField(label=_("Answer"), coerce=lambda value: value == "yes",
                                   choices=[("yes", _("consent given")), ("no", _("consent withdrawn"))])
    method = forms.ChoiceField(label=_("How"), choices=[c for c in ConsentMethod.choices if c[0] != ConsentMethod.WEB])
    at = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=500, required=False,
                           help_text=_("e.g. where the signed form is filed"))


class ErasureRequestForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))
    confirm = forms.BooleanField(label=_("I understand that my profile, my account and my history will be erased."))


class ErasureConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I confirm the erasure: it cannot be undone."),
        error_messages={"required": _("Tick the box to confirm the erasure.")},
    )
