"""The filters of the reports, read from the query string (GET forms: every view can be linked to)."""
from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import Territory
from passerelle.core.models import CancerSite, CsoCategory
from passerelle.directory.models import Organisation
from passerelle.events.models import Event

from .enums import OutcomeKind
from .indicators import ReportFilters
from .indicators.events import accompanied_events
from .models import Outcome
from .network import LEVELS, LINK_KINDS, NetworkFilters
from .selectors import OutcomeFilters, projects_of
from .tables import first_year

EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def year_choices() -> list[tuple[str, str]]:
    last = timezone.localdate().year
    return [("", _("Any year"))] + [(str(y), str(y)) for y in range(last, first_year() - 1, -1)]


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, event: Event) -> str:
        return f"{event.title} ({event.start:%Y})"


class ReportFilterForm(forms.Form):
    """Period, territory, event, category and site. Unknown values are errors, shown by field."""

    # Any year may be asked for (the API too); the menus offer the years that have data.
    year_from = forms.IntegerField(label=_("From"), required=False, min_value=EARLIEST_YEAR, max_value=LATEST_YEAR,
                                   widget=forms.Select)
    year_to = forms.IntegerField(label=_("To"), required=False, min_value=EARLIEST_YEAR, max_value=LATEST_YEAR,
                                 widget=forms.Select)
    territory = forms.ChoiceField(label=_("Territory"), required=False,
                                  choices=[("", _("Both sides and elsewhere")), *Territory.choices])
    event = EventChoiceField(label=_("Event"), required=False, queryset=Event.objects.none(),
                             empty_label=_("All events"))
    category = forms.ModelChoiceField(label=_("Cancer research category"), required=False,
                                      queryset=CsoCategory.objects.filter(active=True), to_field_name="code",
                                      empty_label=_("All categories"))
    site = forms.ModelChoiceField(label=_("Cancer site"), required=False, queryset=CancerSite.objects.all(),
                                  to_field_name="icrp_code", empty_label=_("All sites"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = year_choices()
        self.fields["year_from"].widget.choices = years
        self.fields["year_to"].widget.choices = years
        self.fields["event"].queryset = accompanied_events(ReportFilters()).order_by("-start")

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start is not None and end is not None and end < start:
            self.add_error("year_to", _("The period must end in or after the year it starts."))
        return data

    def filters(self) -> ReportFilters:
        """The chosen filters; call after ``is_valid()`` (invalid fields count as "all")."""
        data = self.cleaned_data if self.is_bound else {}
        event, category, site = data.get("event"), data.get("category"), data.get("site")
        return ReportFilters(
            year_from=data.get("year_from"), year_to=data.get("year_to"),
            territory=data.get("territory") or "",
            event=event.pk if event else None,
            category=category.code if category else "",
            site=site.icrp_code if site else None,
        )


class PublicFilterForm(ReportFilterForm):
    """Visitors choose a period and a territory only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("event", "category", "site"):
            del self.fields[name]


class NetworkFilterForm(ReportFilterForm):
    """The report's filters plus what the network shows: the level, the kinds of link, cross-border only."""

    level = forms.ChoiceField(label=_("Nodes"), required=False, choices=list(LEVELS.items()), initial="organisations")
    kinds = forms.MultipleChoiceField(label=_("Links"), required=False, choices=list(LINK_KINDS.items()),
                                      widget=forms.CheckboxSelectMultiple,
                                      help_text=_("None ticked: all of them."))
    cross_border = forms.BooleanField(label=_("Cross-border links only"), required=False)

    field_order = ["level", "kinds", "cross_border"]

    def network_filters(self) -> NetworkFilters:
        data = self.cleaned_data if self.is_bound else {}
        return NetworkFilters(report=self.filters(), level=data.get("level") or "organisations",
                              kinds=frozenset(data.get("kinds") or LINK_KINDS),
                              cross_border_only=bool(data.get("cross_border")))


def filters_from(params, form_class: type[ReportFilterForm] = ReportFilterForm) -> tuple[ReportFilterForm,
                                                                                           ReportFilters]:
    form = form_class(params or None)
    if form.is_bound and not form.is_valid():
        # Keep the valid choices, drop the invalid ones (the form shows why).
        for name in list(form.errors):
            form.cleaned_data.pop(name, None)
    return form, form.filters()


class OutcomeForm(forms.ModelForm):
    """An outcome of one of the projects ``user`` may record outcomes for. The model's ``clean``
    normalises the identifiers and says, field by field, what the kind needs."""

    class Meta:
        model = Outcome
        fields = ["project", "kind", "title_fr", "title_en", "date", "link", "doi", "trial_id", "patent_number",
                  "amount", "currency", "organisation", "organisation_name", "territory", "description_fr",
                  "description_en"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "description_fr": forms.Textarea(attrs={"rows": 3}),
                   "description_en": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects_of(user).order_by("acronym", "title_fr")
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")


class OutcomeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *OutcomeKind.choices])
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def filters(self) -> OutcomeFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return OutcomeFilters(q=data.get("q", ""), kind=data.get("kind", ""), year=data.get("year"))
