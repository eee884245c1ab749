"""Forms of the directory: profile and organisation editing, list filters."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import ActorKind, OrganisationKind, Territory
from passerelle.core.formsets import LabelledInlineFormSet
from passerelle.core.identifiers import normalize_orcid, normalize_ror
from passerelle.core.models import CancerSite, CsoCategory, Language, Technique
from passerelle.core.text_limits import text_limit
from passerelle.core.widgets import FastSelect

from .models import Affiliation, Organisation, Person
from .rules import check_profile_email
from .selectors import ORGANISATION_SORTS, PEOPLE_SORTS, OrganisationFilters, PeopleFilters
from .services import AffiliationData, PersonTags


def unique_identifier(form: forms.ModelForm, name: str, normalize: Callable[[str], str], taken: str) -> str:
    """The identifier ``name`` of ``form`` (an ORCID iD, a ROR id) in its ``normalize``d form, blank
    if none; ``taken`` is the error when another record of the form's model already has it."""
    value = form.cleaned_data.get(name, "")
    value = normalize(value) if value else ""
    if value and form._meta.model.objects.filter(**{name: value}).exclude(pk=form.instance.pk).exists():
        raise forms.ValidationError(taken)
    return value


class PersonForm(forms.ModelForm):
    categories = forms.ModelMultipleChoiceField(
        CsoCategory.objects.filter(active=True), required=False, label=_("Cancer research categories"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    sites = forms.ModelMultipleChoiceField(
        CancerSite.objects.all(), required=False, label=_("Cancer sites"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    techniques = forms.ModelMultipleChoiceField(
        Technique.objects.all(), required=False, label=_("Techniques and platforms"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    languages = forms.ModelMultipleChoiceField(
        Language.objects.all(), required=False, label=_("Languages"), widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        required=False, label=_("I agree that this profile is kept and shown as its visibility allows."),
    )
    # Longer than the stored iD: the resolver URL (https://orcid.org/...) is accepted and stored bare.
    orcid = forms.CharField(label=_("ORCID iD"), required=False, max_length=60,
                            help_text=_("e.g. 0000-0002-1825-0097"))

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "kind", "territory", "orcid", "expertise", "keywords",
                  "offers", "seeks", "visibility"]
        widgets = {
            "expertise": forms.Textarea(attrs={"rows": 5}),
            "offers": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("expertise", "offers", "seeks"):
            self.fields[name].widget.attrs["maxlength"] = text_limit("directory.Person", Person._meta.get_field(name))
        person = self.instance
        if person.pk:
            self.initial.setdefault("categories", [t.category_id for t in person.category_tags.all()])
            self.initial.setdefault("sites", [t.site_id for t in person.site_tags.all()])
            self.initial.setdefault("techniques", list(person.techniques.values_list("pk", flat=True)))
            self.initial.setdefault("languages", list(person.languages.values_list("pk", flat=True)))
            self.initial.setdefault("consent", person.consent_date is not None)

    def clean_orcid(self) -> str:
        return unique_identifier(self, "orcid", normalize_orcid, _("Another profile already has this ORCID iD."))

    def clean_email(self) -> str:
        email = (self.cleaned_data.get("email") or "").lower()
        try:
            check_profile_email(email, self.instance)
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["email"]) from None
        return email

    def person_data(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        consent_date = self.instance.consent_date
        if self.cleaned_data.get("consent"):
            data["consent_date"] = consent_date or timezone.localdate()
        else:
            data["consent_date"] = None
        return data

    def person_tags(self, affiliations: list[AffiliationData] | None) -> PersonTags:
        # Keep the percentages already recorded for tags that stay.
        old_cat = {t.category_id: t.percentage for t in self.instance.category_tags.all()} if self.instance.pk else {}
        old_site = {t.site_id: t.percentage for t in self.instance.site_tags.all()} if self.instance.pk else {}
        return PersonTags(
            categories=[(c, old_cat.get(c.pk)) for c in self.cleaned_data["categories"]],
            sites=[(s, old_site.get(s.pk)) for s in self.cleaned_data["sites"]],
            techniques=self.cleaned_data["techniques"],
            languages=self.cleaned_data["languages"],
            affiliations=affiliations,
        )


AffiliationFormSet = inlineformset_factory(
    Person, Affiliation, fields=["organisation", "position", "is_primary"], extra=2, can_delete=True,
    formset=LabelledInlineFormSet,
)


def affiliations_from(formset: Any) -> list[AffiliationData]:
    items = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE") or not data.get("organisation"):
            continue
        items.append(AffiliationData(data["organisation"], data.get("position", ""), data.get("is_primary", False)))
    return items


class OrganisationForm(forms.ModelForm):
    # Longer than the stored id: the resolver URL (https://ror.org/...) is accepted and stored bare.
    ror_id = forms.CharField(label=_("ROR id"), required=False, max_length=60,
                             help_text=_("Research Organization Registry identifier, e.g. 03yrm5c26."))

    class Meta:
        model = Organisation
        fields = ["name", "acronym", "kind", "territory", "city", "website", "ror_id", "parent"]

    def clean_ror_id(self) -> str:
        return unique_identifier(self, "ror_id", normalize_ror, _("Another organisation already has this ROR id."))

    def clean_parent(self) -> Organisation | None:
        parent = self.cleaned_data.get("parent")
        node = parent
        while node is not None and self.instance.pk:
            if node.pk == self.instance.pk:
                raise forms.ValidationError(_("An organisation cannot be its own parent or ancestor."))
            node = node.parent
        return parent


def _blank(choices: Any, label: Any) -> list[tuple[str, Any]]:
    return [("", label)] + list(choices)


def _in_language(french: str, english: str) -> str:
    return french if (get_language() or "fr").startswith("fr") else english


def organisation_choices() -> list[tuple[str, str]]:
    return [(str(pk), f"{name} ({acronym})" if acronym else name)
            for pk, name, acronym in Organisation.objects.order_by("name").values_list("pk", "name", "acronym")]


def category_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} {_in_language(fr, en)}") for code, fr, en in
            CsoCategory.objects.filter(active=True).order_by("sort_key").values_list("code", "title_fr", "title_en")]


def titled_choices(model: Any, value_field: str) -> list[tuple[str, str]]:
    """A taxonomy's options in its own order: the value of ``value_field`` and the title in the active language."""
    return [(str(value), _in_language(fr, en))
            for value, fr, en in model.objects.values_list(value_field, "title_fr", "title_en")]


def read_once(choices: Any) -> Any:
    """Lazy choices read from the database at most once (per form)."""
    kept: list = []

    def read() -> list:
        if not kept:
            kept.append(list(choices))
        return kept[0]

    return read


class PeopleFilterForm(forms.Form):
    q = forms.CharField(required=False, label=_("Search"), max_length=200)
    territory = forms.ChoiceField(required=False, label=_("Territory"), widget=FastSelect,
                                  choices=_blank(Territory.choices, _("All territories")))
    kind = forms.ChoiceField(required=False, label=_("Kind of actor"), widget=FastSelect,
                             choices=_blank(ActorKind.choices, _("All kinds")))
    # Choices read as plain values when the form is rendered or a value is checked (callables):
    # no model instance per option, no query at all for an API call that does not use the filter.
    organisation = forms.ChoiceField(required=False, label=_("Organisation"), widget=FastSelect,
                                     choices=lambda: _blank(organisation_choices(), _("All organisations")))
    category = forms.ChoiceField(required=False, label=_("Cancer research category"), widget=FastSelect,
                                 choices=lambda: _blank(category_choices(), _("All categories")))
    site = forms.ChoiceField(required=False, label=_("Cancer site"), widget=FastSelect,
                             choices=lambda: _blank(titled_choices(CancerSite, "icrp_code"), _("All sites")))
    technique = forms.ChoiceField(required=False, label=_("Technique"), widget=FastSelect,
                                  choices=lambda: _blank(titled_choices(Technique, "code"), _("All techniques")))
    language = forms.ChoiceField(required=False, label=_("Language"), widget=FastSelect,
                                 choices=lambda: _blank(titled_choices(Language, "code"), _("All languages")))
    sort = forms.ChoiceField(required=False, label=_("Sort by"), widget=FastSelect, choices=[
        ("", _("Default")), ("name", _("Name (A–Z)")), ("-name", _("Name (Z–A)")), ("territory", _("Territory")),
        ("kind", _("Kind of actor")), ("recent", _("Recently updated")), ("relevance", _("Relevance")),
    ])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("organisation", "category", "site", "technique", "language"):
            field = self.fields[name]
            field.choices = read_once(field.choices)  # the widget reads them twice when it renders

    def filters(self) -> PeopleFilters:
        if not self.is_valid():
            return PeopleFilters(q=(self.data.get("q") or "")[:200])
        d = self.cleaned_data
        sort = d["sort"] if d["sort"] in PEOPLE_SORTS else ""
        return PeopleFilters(
            q=d["q"], territory=d["territory"], kind=d["kind"],
            organisation=int(d["organisation"]) if d["organisation"] else None,
            category=d["category"], site=int(d["site"]) if d["site"] else None,
            technique=d["technique"], language=d["language"], sort=sort,
        )


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(required=False, label=_("Search"), max_length=200)
    territory = forms.ChoiceField(required=False, label=_("Territory"),
                                  choices=_blank(Territory.choices, _("All territories")))
    kind = forms.ChoiceField(required=False, label=_("Kind"), choices=_blank(OrganisationKind.choices, _("All kinds")))
    sort = forms.ChoiceField(required=False, label=_("Sort by"), choices=[
        ("", _("Default")), ("name", _("Name (A–Z)")), ("-name", _("Name (Z–A)")), ("territory", _("Territory")),
        ("kind", _("Kind")), ("people", _("Most people")), ("relevance", _("Relevance")),
    ])

    def filters(self) -> OrganisationFilters:
        if not self.is_valid():
            return OrganisationFilters(q=(self.data.get("q") or "")[:200])
        d = self.cleaned_data
        sort = d["sort"] if d["sort"] in ORGANISATION_SORTS else ""
        return OrganisationFilters(q=d["q"], territory=d["territory"], kind=d["kind"], sort=sort)
