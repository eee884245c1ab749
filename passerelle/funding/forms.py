"""Forms of the funding app. A call's rules are edited as plain fields and stored as rule rows
(``CallForm.rules()``); dates are typed in the call's time zone, which is named next to them."""
from __future__ import annotations

from decimal import Decimal
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import OrganisationKind, Territory, TimeZone
from passerelle.core.form_pages import StatusForm
from passerelle.core.formsets import LabelledInlineFormSet
from passerelle.core.uploads import check_upload
from passerelle.directory.models import Person
from passerelle.events.forms import EventZoneMixin, LocalDateTimeInput

from .enums import ApplicationStatus, DocumentKind, RuleKind
from .models import Application, ApplicationDocument, Call, Programme, ReviewCriterion
from .selectors import ApplicationFilters, CallFilters

AMOUNT = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal(0)}


class ProgrammeForm(forms.ModelForm):
    territories = forms.MultipleChoiceField(label=_("Territories"), choices=Territory.choices, required=False,
                                            widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Programme
        fields = ["name_fr", "name_en", "acronym", "slug", "funders", "territories", "description_fr",
                  "description_en", "website", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funders"].queryset = self.fields["funders"].queryset.order_by("name")
        self.fields["funders"].widget.attrs["size"] = 8


class CallForm(EventZoneMixin, forms.ModelForm):
    datetime_fields = ("opens_at", "closes_at")

    leads_territories = forms.MultipleChoiceField(
        label=_("A lead required in each of"), choices=Territory.choices, required=False,
        widget=forms.CheckboxSelectMultiple)
    organisation_kinds = forms.MultipleChoiceField(
        label=_("Leads' eligible kinds of organisation"), choices=OrganisationKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("None ticked: any kind."))
    max_eur = forms.DecimalField(label=_("Maximum amount in EUR"), required=False, **AMOUNT)
    max_cad = forms.DecimalField(label=_("Maximum amount in CAD"), required=False, **AMOUNT,
                                 help_text=_("Give a maximum for each currency the call accepts; "
                                             "amounts are never converted."))
    max_duration = forms.IntegerField(label=_("Maximum duration (months)"), required=False, min_value=1)
    required_documents = forms.MultipleChoiceField(
        label=_("Documents required"), choices=DocumentKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Call
        fields = ["programme", "slug", "title_fr", "title_en", "description_fr", "description_en", "time_zone",
                  "opens_at", "closes_at", "status"]
        widgets = {"opens_at": LocalDateTimeInput(), "closes_at": LocalDateTimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.show_in_zone(self.instance)
            rules = {rule.kind: rule.params for rule in self.instance.rules.all()}
            self.initial.setdefault("leads_territories", rules.get(RuleKind.LEADS_PER_TERRITORY, {}).get("territories"))
            self.initial.setdefault("organisation_kinds", rules.get(RuleKind.ORGANISATION_KINDS, {}).get("kinds"))
            amounts = rules.get(RuleKind.MAX_AMOUNT, {}).get("amounts", {})
            self.initial.setdefault("max_eur", amounts.get("EUR"))
            self.initial.setdefault("max_cad", amounts.get("CAD"))
            self.initial.setdefault("max_duration", rules.get(RuleKind.MAX_DURATION, {}).get("months"))
            self.initial.setdefault("required_documents", rules.get(RuleKind.REQUIRED_DOCUMENTS, {}).get("kinds"))

    def zone(self) -> ZoneInfo:
        name = self.data.get(self.add_prefix("time_zone")) if self.is_bound else None
        if name not in TimeZone.values:
            name = self.instance.time_zone or TimeZone.PARIS
        return ZoneInfo(name)

    def rules(self) -> dict[str, dict | None]:
        """Every rule kind → its parameters, or None when the call does not hold it."""
        data = self.cleaned_data
        amounts = {code: str(data[name]) for code, name in (("EUR", "max_eur"), ("CAD", "max_cad"))
                   if data.get(name) is not None}
        return {
            RuleKind.LEADS_PER_TERRITORY: {"territories": data["leads_territories"]}
            if data.get("leads_territories") else None,
            RuleKind.ORGANISATION_KINDS: {"kinds": data["organisation_kinds"]}
            if data.get("organisation_kinds") else None,
            RuleKind.MAX_AMOUNT: {"amounts": amounts} if amounts else None,
            RuleKind.MAX_DURATION: {"months": data["max_duration"]} if data.get("max_duration") else None,
            RuleKind.REQUIRED_DOCUMENTS: {"kinds": data["required_documents"]}
            if data.get("required_documents") else None,
        }


CriterionFormSet = forms.inlineformset_factory(
    Call, ReviewCriterion, fields=["label_fr", "label_en", "max_score", "weight", "position"], extra=2,
    can_delete=True, formset=LabelledInlineFormSet,
)


class CallFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"}))
    state = forms.ChoiceField(label=_("Calls"), required=False, choices=[
        ("", _("All")), ("open", _("Open now")), ("upcoming", _("Upcoming")), ("closed", _("Closed"))])
    programme = forms.ChoiceField(label=_("Programme"), required=False)

    def __init__(self, *args, programmes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", _("Any programme"))] + [(p.slug, p.name) for p in programmes]

    def filters(self) -> CallFilters:
        if not self.is_valid():
            return CallFilters()
        return CallFilters(q=self.cleaned_data["q"], state=self.cleaned_data["state"],
                           programme=self.cleaned_data["programme"])


class ApplyForm(forms.Form):
    project = forms.ModelChoiceField(label=_("Project"), queryset=None)

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects


class ApplicationForm(forms.ModelForm):
    requested_eur = forms.DecimalField(label=_("Amount requested in EUR"), required=False, **AMOUNT)
    requested_cad = forms.DecimalField(label=_("Amount requested in CAD"), required=False, **AMOUNT,
                                       help_text=_("Each currency is its own line: never converted."))

    class Meta:
        model = Application
        fields = ["abstract", "duration_months"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for line in self.instance.amounts.all() if self.instance.pk else ():
            self.initial[f"requested_{line.currency.lower()}"] = line.requested

    def amounts(self) -> dict[str, Decimal | None]:
        return {"EUR": self.cleaned_data.get("requested_eur"), "CAD": self.cleaned_data.get("requested_cad")}


class DocumentForm(forms.ModelForm):
    class Meta:
        model = ApplicationDocument
        fields = ["kind", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload)  # size, kind of file, content matching its extension
        return upload


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"}))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any status"))] + ApplicationStatus.choices)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=[
        ("recent", _("Newest first")), ("submitted", _("Last submitted")), ("status", _("Status")),
        ("project", _("Project"))])

    def filters(self, call: str = "") -> ApplicationFilters:
        if not self.is_valid():
            return ApplicationFilters(call=call)
        return ApplicationFilters(q=self.cleaned_data["q"], status=self.cleaned_data["status"], call=call,
                                  sort=self.cleaned_data["sort"] or "recent")


class ApplicationStatusForm(StatusForm):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Required to overrule the eligibility check."))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        (ApplicationStatus.FUNDED, ApplicationStatus.FUNDED.label),
        (ApplicationStatus.DECLINED, ApplicationStatus.DECLINED.label)])
    note = forms.CharField(label=_("Note to the applicants"), required=False,
                           widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        self.currencies = [line.currency for line in application.amounts.all()]
        for line in application.amounts.all():
            self.fields[f"granted_{line.currency}"] = forms.DecimalField(
                label=_("Granted in %(currency)s (requested: %(requested)s)") % {
                    "currency": line.currency, "requested": line.requested},
                required=False, **AMOUNT)

    def granted(self) -> dict[str, Decimal | None]:
        return {currency: self.cleaned_data.get(f"granted_{currency}") for currency in self.currencies}


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=Person.objects.none())

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = pool


class ReviewForm(forms.Form):
    comments = forms.CharField(label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(assignment.application.call.criteria.all())
        given = {s.criterion_id: s.score for s in assignment.scores.all()}
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=criterion.label, min_value=0, max_value=criterion.max_score,
                help_text=criterion.description or _("From 0 to %(max)d.") % {"max": criterion.max_score},
                initial=given.get(criterion.pk))
        self.fields["comments"].initial = assignment.comments
        self.order_fields([f"score_{c.pk}" for c in self.criteria] + ["comments"])

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"score_{c.pk}"] for c in self.criteria}


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("What is the conflict?"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("e.g. a recent co-author, a close colleague, a competing project."))


class ConflictOnBehalfForm(ConflictForm):
    """A coordinator records a conflict a reviewer told them about (by e-mail, on the phone)."""

    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=Person.objects.none())
    field_order = ["reviewer", "reason"]

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = pool
