"""Forms of the projects app: filters, opportunities, projects and partners, service requests."""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import Territory
from passerelle.core.form_pages import StatusForm
from passerelle.core.formsets import LabelledInlineFormSet
from passerelle.directory.models import Organisation, Person
from passerelle.directory.selectors import is_coordinator, people_visible_to
from passerelle.events.models import Event
from passerelle.events.selectors import events_visible_to

from .enums import (
    OpportunityStatus,
    OriginKind,
    ProjectStatus,
    ServiceRequestStatus,
)
from .models import Opportunity, Project, ProjectPartner, ServiceRequest
from .selectors import (
    OPPORTUNITY_SORTS,
    PROJECT_SORTS,
    OpportunityFilters,
    ProjectFilters,
    ServiceRequestFilters,
)


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


def people_choices(user: Any) -> QuerySet[Person]:
    """The profiles ``user`` may pick in a form: exactly the ones they may see."""
    return people_visible_to(user).order_by("last_name", "first_name")


def owner_choices(user: Any) -> QuerySet:
    """Coordinators pick any active account; a member, themself or the account of a profile they see."""
    accounts = get_user_model().objects.filter(is_active=True)
    if not is_coordinator(user):
        accounts = accounts.filter(Q(pk=user.pk) | Q(person__in=people_visible_to(user)))
    return accounts.order_by("email")


class OpportunityForm(forms.ModelForm):
    """Every choice is built from what ``user`` may see; people already attached whom the user may
    not see are kept as they are, without being shown."""

    people = forms.ModelMultipleChoiceField(label=_("People"), queryset=Person.objects.none())

    class Meta:
        model = Opportunity
        fields = ["title", "description", "people", "organisations", "categories", "sites", "origin_kind",
                  "origin_event", "origin_note", "next_step", "next_step_due", "owner"]
        widgets = {"next_step_due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, user: Any, **kwargs):
        super().__init__(*args, **kwargs)
        visible = people_choices(user)
        self.fields["people"].queryset = visible
        self.fields["people"].widget.attrs["size"] = 10
        self.fields["organisations"].queryset = Organisation.objects.order_by("name")
        owners = owner_choices(user)
        if self.instance.pk and self.instance.owner_id:
            owners = owners | get_user_model().objects.filter(pk=self.instance.owner_id)
        self.fields["owner"].queryset = owners.distinct().order_by("email")
        self.fields["origin_event"].queryset = events_visible_to(user).order_by("-start")
        for name in ("organisations", "categories", "sites"):
            self.fields[name].widget.attrs["size"] = 8
        self.unseen_people: list[Person] = []
        if self.instance.pk:
            # Read from the database, not from a prefetch that may already hide some of them.
            attached = Person.objects.filter(opportunities=self.instance.pk)
            self.initial["people"] = list(attached.filter(pk__in=visible))
            self.unseen_people = list(attached.exclude(pk__in=visible))

    def clean_people(self) -> list[Person]:
        return [*self.cleaned_data["people"], *self.unseen_people]

    def clean_origin_event(self) -> Event | None:
        """An event of origin the user may not see (a draft) is kept, not cleared."""
        chosen = self.cleaned_data.get("origin_event")
        if chosen is None and self.instance.pk and self.instance.origin_event_id:
            hidden = Event.objects.filter(pk=self.instance.origin_event_id).exclude(
                pk__in=self.fields["origin_event"].queryset)
            return hidden.first()
        return chosen


class OpportunityStatusForm(StatusForm):
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Required when the opportunity is dropped."))

    def clean(self):
        data = super().clean()
        if data.get("to_status") == OpportunityStatus.DROPPED and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why the opportunity is dropped."))
        return data


class ProjectFromOpportunityForm(forms.Form):
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=255)
    title_en = forms.CharField(label=_("Title (English)"), max_length=255, required=False)
    summary_fr = forms.CharField(label=_("Summary (French)"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    summary_en = forms.CharField(label=_("Summary (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["acronym", "title_fr", "title_en", "summary_fr", "summary_en", "start", "end", "categories", "sites",
                  "events"]
        widgets = {"start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, user: Any, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["events"].queryset = events_visible_to(user).order_by("-start")
        self.unseen_events = list(Event.objects.filter(projects=self.instance.pk).exclude(
            pk__in=events_visible_to(user))) if self.instance.pk else []
        for name in ("categories", "sites", "events"):
            self.fields[name].widget.attrs["size"] = 8

    def clean_events(self) -> list[Event]:
        return [*self.cleaned_data["events"], *self.unseen_events]


class PartnerForm(forms.ModelForm):
    class Meta:
        model = ProjectPartner
        fields = ["person", "organisation", "role"]

    def __init__(self, *args, user: Any, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_choices(user)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("organisation") and not data.get("DELETE"):
            raise forms.ValidationError(_("Choose a person or an organisation."))
        return data

    def validate_constraints(self, exclude=None):
        """The project is set by the service; duplicates are checked by the formset below."""


class BasePartnerFormSet(LabelledInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            person = form.cleaned_data.get("person") if hasattr(form, "cleaned_data") else None
            if person is None or form.cleaned_data.get("DELETE"):
                continue
            if person.pk in seen:
                raise forms.ValidationError(_("%(name)s is listed twice.") % {"name": person.full_name})
            seen.add(person.pk)


_PartnerFormSet = forms.inlineformset_factory(Project, ProjectPartner, form=PartnerForm, formset=BasePartnerFormSet,
                                              extra=3, can_delete=True)


def partner_formset(*, user: Any, project: Project, data: Any = None) -> BasePartnerFormSet:
    """The partners ``user`` may edit: rows of profiles they may not see are neither shown nor touched."""
    rows = project.partners.filter(Q(person__isnull=True) | Q(person__in=people_visible_to(user)))
    return _PartnerFormSet(data, instance=project, prefix="partners", queryset=rows.order_by("pk"),
                           form_kwargs={"user": user})


class ProjectStatusForm(StatusForm):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"}))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any status"))] + ProjectStatus.choices)
    territory = forms.ChoiceField(label=_("Partner in"), required=False,
                                  choices=[("", _("Any territory"))] + Territory.choices)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=[
        ("recent", _("Newest first")), ("title", _("Title")), ("start", _("Start date")), ("status", _("Status"))])

    def filters(self) -> ProjectFilters:
        if not self.is_valid():
            return ProjectFilters()
        data = self.cleaned_data
        return ProjectFilters(q=data["q"], status=data["status"], territory=data["territory"],
                              sort=data["sort"] if data["sort"] in PROJECT_SORTS else "recent")


class ServiceRequestForm(forms.ModelForm):
    class Meta:
        model = ServiceRequest
        fields = ["project", "message"]

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects
        self.fields["project"].help_text = _("Optional: the joint project the service is for.")


class ServiceRequestStatusForm(StatusForm):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Sent to the requester. Required to decline."))


class ServiceNoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))
    internal = forms.BooleanField(label=_("Coordinators only"), required=False)


class ServiceRequestFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"}))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any status"))] + ServiceRequestStatus.choices)
    mine = forms.BooleanField(label=_("Mine only"), required=False)

    def filters(self) -> ServiceRequestFilters:
        if not self.is_valid():
            return ServiceRequestFilters()
        return ServiceRequestFilters(q=self.cleaned_data["q"], status=self.cleaned_data["status"],
                                     mine=self.cleaned_data["mine"])
