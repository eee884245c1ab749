"""Forms of the events app. Dates are typed in the event's own time zone (named next to the
fields) and stored in UTC; rules shared with the services come from ``rules.py``."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import Territory, TimeZone
from passerelle.core.formsets import LabelledInlineFormSet
from passerelle.directory.models import Person

from . import rules, selectors
from .enums import SELF_CHOSEN_ROLES, RegistrationRole, RegistrationStatus
from .models import Delegation, Event, Place, ProgrammeItem, Registration
from .selectors import RegistrationFilters

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class EventZoneMixin:
    """Clean and show the datetime fields in one time zone instead of the site's default."""

    datetime_fields: tuple[str, ...] = ()

    def zone(self) -> ZoneInfo:
        raise NotImplementedError

    def show_in_zone(self, instance) -> None:
        zone = self.zone()
        for name in self.datetime_fields:
            value = getattr(instance, name, None)
            if value is not None:
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def full_clean(self) -> None:
        with timezone.override(self.zone()):
            super().full_clean()


class EventForm(EventZoneMixin, forms.ModelForm):
    datetime_fields = ("start", "end", "registration_opens", "registration_closes")

    class Meta:
        model = Event
        fields = ["kind", "slug", "title_fr", "title_en", "description_fr", "description_en", "time_zone",
                  "start", "end", "capacity", "registration_opens", "registration_closes", "organisers",
                  "categories", "sites"]
        widgets = {name: LocalDateTimeInput() for name in ("start", "end", "registration_opens", "registration_closes")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("organisers", "categories", "sites"):
            self.fields[name].widget.attrs["size"] = 8
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty: it is made from the title "
                                          "(e.g. entretiens-jacques-cartier-2027).")
        if self.instance.pk:
            self.show_in_zone(self.instance)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and "slug" not in self.errors:
            title = cleaned.get("title_fr") or cleaned.get("title_en") or ""
            cleaned["slug"] = selectors.free_slug(title, exclude_pk=self.instance.pk)
            self.instance.slug = cleaned["slug"]
        return cleaned

    def zone(self) -> ZoneInfo:
        name = self.data.get(self.add_prefix("time_zone")) if self.is_bound else None
        if name not in TimeZone.values:
            name = self.instance.time_zone or TimeZone.PARIS
        return ZoneInfo(name)

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        try:
            rules.check_capacity(self.instance, capacity)
        except ValidationError as error:
            raise ValidationError(error.message_dict["capacity"])
        return capacity


PlaceFormSet = forms.inlineformset_factory(
    Event, Place, fields=["name", "city", "territory", "address", "position"], extra=2, can_delete=True,
    formset=LabelledInlineFormSet,
)


class ProgrammeItemForm(EventZoneMixin, forms.ModelForm):
    datetime_fields = ("start", "end")

    class Meta:
        model = ProgrammeItem
        fields = ["kind", "title_fr", "title_en", "start", "end", "place", "room", "speakers",
                  "visited_organisation", "delegation", "description_fr", "description_en"]
        widgets = {"start": LocalDateTimeInput(), "end": LocalDateTimeInput()}

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.instance.event = event
        self.fields["place"].queryset = event.places.all()
        self.fields["delegation"].queryset = event.delegations.all()
        self.fields["speakers"].queryset = Person.objects.order_by("last_name", "first_name")
        self.fields["speakers"].widget.attrs["size"] = 8
        self.fields["visited_organisation"].queryset = self.fields["visited_organisation"].queryset.order_by("name")
        if self.instance.pk:
            self.show_in_zone(self.instance)
        else:
            self.initial.setdefault("start", event.local(event.start).replace(tzinfo=None))

    def zone(self) -> ZoneInfo:
        return self.event.tz

    def _post_clean(self) -> None:
        super()._post_clean()
        if not self.errors:
            try:
                rules.check_item(self.instance)
            except ValidationError as error:
                self.add_error(None, error)


class SelfRegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["role", "consent_to_list"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in SELF_CHOSEN_ROLES]


class LogisticsForm(forms.ModelForm):
    """Travel and stay: dates of arrival and departure, dietary needs, an invitation letter."""

    class Meta:
        model = Registration
        fields = ["arrival", "departure", "dietary_needs", "invitation_letter", "letter_details"]
        widgets = {"arrival": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "departure": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                rules.check_logistics(self.instance.event, arrival=cleaned.get("arrival"),
                                      departure=cleaned.get("departure"),
                                      invitation_letter=cleaned.get("invitation_letter", False),
                                      letter_details=cleaned.get("letter_details", ""))
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
        return cleaned

    def _post_clean(self) -> None:
        """The service saves (``registration_set_logistics``); nothing is written to the instance here."""


class CoordinatorRegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["person", "role", "consent_to_list"]
        help_texts = {"consent_to_list": _("Tick only if the person agreed to appear in the participant list.")}

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.fields["person"].queryset = Person.objects.order_by("last_name", "first_name")

    def validate_unique(self) -> None:
        """A cancelled registration may be renewed: the service says when someone is already in."""


class RegistrationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, widget=forms.TextInput(
        attrs={"type": "search", "placeholder": _("Name, e-mail, organisation")}))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any"))] + RegistrationStatus.choices)
    role = forms.ChoiceField(label=_("Role"), required=False, choices=[("", _("Any"))] + RegistrationRole.choices)
    territory = forms.ChoiceField(label=_("Territory"), required=False, choices=[("", _("Any"))] + Territory.choices)

    def filters(self) -> RegistrationFilters:
        if not self.is_valid():
            return RegistrationFilters()
        return RegistrationFilters(**{name: self.cleaned_data[name] for name in ("status", "role", "territory", "q")})


class DelegationForm(forms.ModelForm):
    class Meta:
        model = Delegation
        fields = ["name", "origin", "destination", "head", "members"]
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        registered = Person.objects.filter(
            registrations__event=event, registrations__status__in=[RegistrationStatus.CONFIRMED,
                                                                   RegistrationStatus.WAITING],
        ).order_by("last_name", "first_name")
        self.fields["head"].queryset = registered
        self.fields["members"].queryset = registered
        self.fields["members"].help_text = _("Only people registered to the event can join its delegation.")

    def clean(self):
        data = super().clean()
        if data.get("origin") and data.get("origin") == data.get("destination"):
            self.add_error("destination", _("A delegation travels from one territory to another."))
        return data
