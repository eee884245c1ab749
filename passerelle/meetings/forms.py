"""Forms of bilateral meetings. Times are typed in the event's own zone (named on the page) and
stored in UTC; the rules shared with the services come from ``rules.py``."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from passerelle.core.formsets import LabelledFormSet
from passerelle.directory.models import Person
from passerelle.events.forms import EventZoneMixin, LocalDateTimeInput
from passerelle.events.models import Event

from .enums import Priority, RequestStatus
from .models import B2BSession, MeetingFeedback, Slot

MAX_TABLES = 500


class SessionForm(EventZoneMixin, forms.ModelForm):
    datetime_fields = ("request_deadline",)
    tables = forms.CharField(
        label=_("Tables or rooms"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line; a location may follow a vertical bar, e.g. “Salle Rhône | 2nd floor”."),
    )
    numbered_tables = forms.IntegerField(
        label=_("…or this many numbered tables"), required=False, min_value=1, max_value=MAX_TABLES,
        help_text=_("Used when the list above is empty: “Table 1”, “Table 2”, …"),
    )

    class Meta:
        model = B2BSession
        fields = ["slot_minutes", "max_meetings", "request_deadline", "request_expiry_days", "solver_seconds",
                  "instructions_fr", "instructions_en"]
        widgets = {"request_deadline": LocalDateTimeInput(), "instructions_fr": forms.Textarea(attrs={"rows": 3}),
                   "instructions_en": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.instance.event = event
        if self.instance.pk:
            self.show_in_zone(self.instance)
            self.initial["tables"] = "\n".join(f"{t.name} | {t.location}" if t.location else t.name
                                               for t in self.instance.tables.all())

    def zone(self):
        return self.event.tz

    def clean(self):
        data = super().clean()
        lines = [line.strip() for line in (data.get("tables") or "").splitlines() if line.strip()]
        tables = []
        for line in lines:
            name, _bar, location = line.partition("|")
            if not name.strip() or len(name.strip()) > 60:
                self.add_error("tables", _("“%(line)s”: a name of 1 to 60 characters is needed.") % {"line": line})
            tables.append((name.strip(), location.strip()[:200]))
        if not tables and data.get("numbered_tables"):
            tables = [(str(_("Table %(n)d") % {"n": n}), "") for n in range(1, data["numbered_tables"] + 1)]
        if not tables:
            self.add_error("tables", _("Give at least one table or room."))
        if len(tables) > MAX_TABLES:
            self.add_error("tables", _("At most %(n)d tables.") % {"n": MAX_TABLES})
        data["table_list"] = tables
        return data


class SpanForm(forms.Form):
    """A day with a start and an end time, in the event's zone."""

    day = forms.DateField(label=_("day"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("from"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end = forms.TimeField(label=_("to"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("The end must come after the start."))
        return data

    def span(self) -> tuple[datetime, datetime]:
        zone = self.event.tz
        day = self.cleaned_data["day"]
        return (datetime.combine(day, self.cleaned_data["start"], tzinfo=zone),
                datetime.combine(day, self.cleaned_data["end"], tzinfo=zone))


class BreakForm(SpanForm):
    label_fr = forms.CharField(label=_("label (French)"), max_length=120)
    label_en = forms.CharField(label=_("label (English)"), max_length=120, required=False)


class BaseSpanFormSet(LabelledFormSet):
    def __init__(self, *args, event: Event, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "event": self.event}

    @property
    def empty_form(self):
        form = self.form(auto_id=self.auto_id, prefix=self.add_prefix("__prefix__"), empty_permitted=True,
                         use_required_attribute=False, event=self.event)
        self.add_fields(form, None)
        return form

    def filled(self) -> list[forms.Form]:
        return [f for f in self.forms if f.has_changed() and not self._should_delete_form(f)
                and f.cleaned_data]


WindowFormSet = forms.formset_factory(SpanForm, formset=BaseSpanFormSet, extra=2, can_delete=True)
BreakFormSet = forms.formset_factory(BreakForm, formset=BaseSpanFormSet, extra=2, can_delete=True)


def initial_windows(event: Event, session: B2BSession | None) -> tuple[list[dict], list[dict]]:
    """Windows and breaks to show: the stored ones, or for a new session each day of the event from
    9:00 to 17:30 with lunch from 12:30 to 14:00."""
    def span(start, end) -> dict:
        start, end = event.local(start), event.local(end)
        return {"day": start.date(), "start": start.time(), "end": end.time()}

    if session is not None and session.pk:
        breaks = [{**span(b.start, b.end), "label_fr": b.label_fr, "label_en": b.label_en}
                  for b in session.breaks.all()]
        return [span(w.start, w.end) for w in session.windows.all()], breaks
    first, last = event.local(event.start).date(), event.local(event.end).date()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    windows = [{"day": d, "start": time(9), "end": time(17, 30)} for d in days]
    breaks = [{"day": d, "start": time(12, 30), "end": time(14), "label_fr": "Déjeuner", "label_en": "Lunch"}
              for d in days]
    return windows, breaks


class AvailabilityForm(forms.Form):
    takes_meetings = forms.BooleanField(label=_("I take part in bilateral meetings"), required=False, initial=True)
    max_meetings = forms.IntegerField(label=_("At most this many meetings"), required=False, min_value=1,
                                      max_value=100, help_text=_("Empty: the session's limit."))
    unavailable = forms.ModelMultipleChoiceField(label=_("Slots when I am not available"), required=False,
                                                 queryset=Slot.objects.none(),
                                                 widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, session: B2BSession, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unavailable"].queryset = session.slots.all()


class RequestForm(forms.Form):
    message = forms.CharField(label=_("Message"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Why you would like to meet: what you offer, what you seek."))
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int,
                                      initial=Priority.NORMAL,
                                      help_text=_("Essential requests are placed first when slots are scarce."))
    others = forms.ModelMultipleChoiceField(
        label=_("Also invite (group meeting)"), required=False, queryset=Person.objects.none(),
        help_text=_("Optional: other participants to join the same meeting."),
    )

    def __init__(self, *args, others=None, **kwargs):
        super().__init__(*args, **kwargs)
        if others is not None:
            self.fields["others"].queryset = others
            self.fields["others"].widget.attrs["size"] = 6


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))],
                                 widget=forms.HiddenInput)
    priority = forms.TypedChoiceField(label=_("How much do you want this meeting?"), choices=Priority.choices,
                                      coerce=int, initial=Priority.NORMAL, required=False)


class CellForm(forms.Form):
    """A cell of the grid, “<slot id>-<table id>”: the drag-and-drop posts it, the no-JS form selects it."""

    cell = forms.CharField(label=_("New slot and table"), max_length=40)

    def __init__(self, *args, session: B2BSession, cells=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        choices = [(f"{slot.pk}-{table.pk}", f"{slot} · {table.name}") for slot, tables in cells for table in tables]
        self.fields["cell"].widget = forms.Select(choices=[("", "—")] + choices)

    def clean_cell(self):
        slot_id, _dash, table_id = self.cleaned_data["cell"].partition("-")
        slot = self.session.slots.filter(pk=int(slot_id)).first() if slot_id.isdigit() else None
        table = self.session.tables.filter(pk=int(table_id)).first() if table_id.isdigit() else None
        if slot is None or table is None:
            raise ValidationError(_("Choose a slot and a table of this session."))
        return slot, table


class RequestFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name")}))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any"))] + RequestStatus.choices)


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class FeedbackForm(forms.ModelForm):
    took_place = forms.TypedChoiceField(label=_("Did the meeting take place?"), choices=YES_NO,
                                        coerce=lambda v: v == "yes", widget=forms.RadioSelect, initial="yes")
    useful = forms.TypedChoiceField(label=_("Was it useful?"), choices=YES_NO, coerce=lambda v: v == "yes",
                                    widget=forms.RadioSelect, required=False, empty_value=None)

    class Meta:
        model = MeetingFeedback
        fields = ["took_place", "useful", "follow_up", "note"]
        labels = {"follow_up": _("A follow-up is planned (a call, a visit, a joint project…)")}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["took_place"] = "yes" if self.instance.took_place else "no"
            self.initial["useful"] = {True: "yes", False: "no"}.get(self.instance.useful, "")

    def clean(self):
        data = super().clean()
        if data.get("took_place") and data.get("useful") is None:
            self.add_error("useful", _("Tell us whether the meeting was useful."))
        return data

