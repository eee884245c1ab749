"""Forms of the projects app: filters, opportunities, status moves."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import OpportunityStatus, OriginKind
from .selectors import OPPORTUNITY_SORTS, OpportunityFilters


class OpportunityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any status"))] + OpportunityStatus.choices)
    origin_kind = forms.ChoiceField(label=_("Origin"), required=False,
                                    choices=[("", _("Any origin"))] + OriginKind.choices)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=[
        ("recent", _("Newest first")), ("oldest", _("Oldest first")), ("title", _("Title")),
        ("status", _("Status")), ("due", _("Next step due")),
    ])

    def filters(self) -> OpportunityFilters:
        if not self.is_valid():
            return OpportunityFilters()
        data = self.cleaned_data
        sort = data.get("sort") if data.get("sort") in OPPORTUNITY_SORTS else "recent"
        return OpportunityFilters(q=data.get("q", ""), status=data.get("status", ""),
                                  origin_kind=data.get("origin_kind", ""), sort=sort)
