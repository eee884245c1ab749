"""Forms of the suggestions pages: the filters of a person's suggestions, a pasted project
idea, and the launch of an event's computation."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import ActorKind, Territory
from passerelle.core.models import CancerSite, CsoCategory, Technique
from passerelle.matching.text import terms

from .recognition import IdeaTag, concept_text, recognise_tags

MAX_IDEA_CHARS = 8000
MIN_IDEA_TERMS = 2  # distinct content words (not stop words, not symbols) a summary must hold

OTHER_SIDE = {Territory.AURA: Territory.QC, Territory.QC: Territory.AURA}


@dataclass(frozen=True)
class SuggestionFilters:
    both_territories: bool = False
    kind: str = ""
    category: str = ""
    existing_ties: bool = False  # coordinators only: show existing co-authors instead of leaving them out

    def as_query(self) -> dict[str, str]:
        query = {"kind": self.kind, "category": self.category}
        if self.both_territories:
            query["both"] = "1"
        if self.existing_ties:
            query["ties"] = "1"
        return {k: v for k, v in query.items() if v}


def category_choices(blank: Any) -> list[tuple[str, str]]:
    return [("", blank)] + [(c.code, str(c)) for c in CsoCategory.objects.filter(active=True)]


class SuggestionFilterForm(forms.Form):
    both = forms.BooleanField(
        required=False, label=_("Both territories"),
        help_text=_("Also suggest people from the same side as the person (by default: the other side only)."),
    )
    kind = forms.ChoiceField(required=False, label=_("Kind of actor"))
    category = forms.ChoiceField(required=False, label=_("Cancer research category"))
    ties = forms.BooleanField(
        required=False, label=_("Existing co-authors"),
        help_text=_("Also suggest people this person already co-signed works with (by default: left out)."),
    )

    def __init__(self, *args: Any, coordinator: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not coordinator:
            del self.fields["ties"]
        self.fields["kind"].choices = [("", _("All kinds"))] + list(ActorKind.choices)
        self.fields["category"].choices = category_choices(_("All categories"))

    def filters(self) -> SuggestionFilters:
        """The valid filters; an invalid value (a hand-edited URL) is ignored, not an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return SuggestionFilters(both_territories=bool(data.get("both")), kind=data.get("kind") or "",
                                 category=data.get("category") or "", existing_ties=bool(data.get("ties")))


class IdeaForm(forms.Form):
    text = forms.CharField(
        label=_("Project summary"), max_length=MAX_IDEA_CHARS, min_length=20,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Paste the summary of the project, in French or in English."),
    )
    tags = forms.MultipleChoiceField(
        required=False, label=_("Recognised in the summary"), widget=forms.CheckboxSelectMultiple,
        help_text=_("Ticked tags guide the search. Untick those that do not fit, then search again."),
    )
    # The tags offered last time, so that an unticked one stays unticked and a new one comes ticked.
    offered = forms.CharField(required=False, widget=forms.HiddenInput)
    needs = forms.CharField(
        label=_("What the project needs"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, one item per line (e.g. a cohort, a platform, clinical expertise)."),
    )
    categories = forms.ModelMultipleChoiceField(
        CsoCategory.objects.filter(active=True), required=False, to_field_name="code",
        label=_("Cancer research categories"), widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    sites = forms.ModelMultipleChoiceField(
        CancerSite.objects.all(), required=False, to_field_name="icrp_code", label=_("Cancer sites"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    techniques = forms.ModelMultipleChoiceField(
        Technique.objects.all(), required=False, to_field_name="code", label=_("Techniques and platforms"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    territory = forms.ChoiceField(required=False, label=_("Look for partners in"))
    kinds = forms.MultipleChoiceField(
        required=False, label=_("Kinds of actor"), choices=ActorKind.choices,
        widget=forms.CheckboxSelectMultiple, help_text=_("None ticked: every kind."),
    )

    def __init__(self, *args: Any, home_territory: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["territory"].choices = [("", _("Both territories and elsewhere"))] + list(Territory.choices)
        self.fields["territory"].initial = OTHER_SIDE.get(home_territory, "")
        text = self.data.get("text") if self.is_bound else ""
        self.recognised: list[IdeaTag] = (
            recognise_tags(text) if isinstance(text, str) and len(text) <= MAX_IDEA_CHARS else []
        )
        if self.recognised:
            self.fields["tags"].choices = [(t.key, t.label) for t in self.recognised]
        else:
            del self.fields["tags"]

    def selected_tags(self) -> list[IdeaTag]:
        """Recognised tags still ticked, and those recognised for the first time that are ticked by default."""
        data = self.cleaned_data
        offered = set(filter(None, (data.get("offered") or "").split(",")))
        ticked = set(data.get("tags") or ())
        return [t for t in self.recognised
                if t.key in ticked or (t.key not in offered and t.ticked_by_default)]

    def reviewed_data(self) -> dict[str, Any]:
        """The submitted data with the tags as applied, to show the form again after a search."""
        data = self.data.copy() if hasattr(self.data, "copy") else dict(self.data)
        keys = [t.key for t in self.selected_tags()]
        if hasattr(data, "setlist"):
            data.setlist("tags", keys)
        else:
            data["tags"] = keys
        data["offered"] = ",".join(t.key for t in self.recognised)
        return data

    def idea(self) -> dict[str, Any]:
        """The cleaned idea as keyword arguments of ``selectors.suggest_for_idea``, tags included.

        The ticked tags' names in the other language are a second text of the idea (a French summary
        then shares words with an English profile on the same subject)."""
        data = self.cleaned_data
        selected = self.selected_tags()
        tagged = {kind: [t.code for t in selected if t.kind == kind] for kind in ("category", "site", "technique")}
        names = concept_text([t.key for t in selected], data["text"])
        return {
            "text": data["text"], "tags_text": names, "needs": data["needs"],
            "categories": list(dict.fromkeys([c.code for c in data["categories"]] + tagged["category"])),
            "sites": list(dict.fromkeys([s.icrp_code for s in data["sites"]] + [int(c) for c in tagged["site"]])),
            "techniques": list(dict.fromkeys([t.code for t in data["techniques"]] + tagged["technique"])),
            "territories": [data["territory"]] if data["territory"] else None, "kinds": data["kinds"] or None,
        }

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if sum(ch.isalpha() for ch in text) < 20:
            raise forms.ValidationError(
                _("Project summary: write a few sentences about the project (at least 20 letters)."))
        if len(set(terms(text))) < MIN_IDEA_TERMS:
            raise forms.ValidationError(_(
                "Project summary: only common words or symbols were found. Describe the subject of the "
                "project: the cancer, the technique, the question."))
        return text


class EventSuggestionsForm(forms.Form):
    both = forms.BooleanField(
        required=False, label=_("Both territories"),
        help_text=_("Also suggest meetings between people of the same side (by default: cross-border pairs only)."),
    )
    per_person = forms.IntegerField(label=_("Suggestions per participant"), min_value=1, max_value=30, initial=10)
