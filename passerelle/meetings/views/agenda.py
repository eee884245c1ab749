"""Agendas (web, print, iCalendar), the one-minute feedback after each meeting, and the way from
a meeting with a follow-up to an opportunity (``passerelle.projects``)."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelle.core.permissions import member_required
from passerelle.directory.models import Person
from passerelle.projects.enums import OriginKind
from passerelle.projects.services import opportunity_create

from .. import ics, rules, selectors
from ..enums import MeetingStatus
from ..forms import FeedbackForm
from ..services import feedback as feedback_services
from .access import viewer_of


def _agenda_owner(request: HttpRequest, slug: str):
    """(viewer, whose agenda): coordinators may open anyone's with ``?person=<id>``."""
    viewer = viewer_of(request, slug)
    wanted = request.GET.get("person", "")
    if viewer.is_coordinator and wanted.isdigit():
        person = get_object_or_404(Person, pk=int(wanted))
        if not rules.is_participant(viewer.session, person):
            raise Http404
        return viewer, person
    if not viewer.is_participant:
        raise PermissionDenied
    return viewer, viewer.person


def _agenda_context(request: HttpRequest, slug: str) -> dict:
    viewer, person = _agenda_owner(request, slug)
    meetings = selectors.agenda_of(viewer.session, person, include_drafts=viewer.is_coordinator)
    own = viewer.person is not None and person.pk == viewer.person.pk
    for meeting in meetings:
        meeting.others = [p for p in meeting.people if p.pk != person.pk]
        meeting.is_over = selectors.meeting_is_over(meeting)
        meeting.day = viewer.session.event.local(meeting.slot.start).date()
    return {"session": viewer.session, "event": viewer.session.event, "person": person, "own": own,
            "meetings": meetings, "viewer": viewer,
            "feedback": selectors.feedback_by_meeting(person, meetings) if own else {},
            "breaks": viewer.session.breaks.all()}


@member_required
def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "meetings/agenda.html", _agenda_context(request, slug))


@member_required
def agenda_print(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "meetings/agenda_print.html", _agenda_context(request, slug))


@member_required
def agenda_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The announced meetings as an iCalendar file (cancelled ones included, marked cancelled)."""
    viewer, person = _agenda_owner(request, slug)
    meetings = selectors.agenda_of(viewer.session, person)
    url = request.build_absolute_uri(viewer.session.agenda_url())
    response = HttpResponse(ics.agenda_calendar(viewer.session, person, meetings, url), content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{viewer.session.event.slug}-meetings.ics"'
    return response


def _my_meeting(request: HttpRequest, slug: str, pk: int):
    """An announced, not cancelled meeting of the viewer's (404 for anyone else)."""
    viewer = viewer_of(request, slug)
    if viewer.person is None:
        raise Http404
    meetings = viewer.session.meetings.filter(pk=pk, status=MeetingStatus.SCHEDULED, published_at__isnull=False,
                                              attendees__person=viewer.person)
    found = selectors.with_people(meetings)
    if not found:
        raise Http404
    meeting = found[0]
    meeting.others = [p for p in meeting.people if p.pk != viewer.person.pk]
    return viewer, meeting


@member_required
def feedback(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    viewer, meeting = _my_meeting(request, slug, pk)
    current = selectors.feedback_by_meeting(viewer.person, [meeting]).get(meeting.pk)
    form = FeedbackForm(request.POST or None, instance=current)
    started = meeting.slot.start <= timezone.now()
    if request.method == "POST" and form.is_valid():
        try:
            saved = feedback_services.feedback_save(
                actor=request.user, meeting=meeting, person=viewer.person, took_place=form.cleaned_data["took_place"],
                useful=form.cleaned_data["useful"], follow_up=form.cleaned_data["follow_up"],
                note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: your feedback has been saved."))
            if saved.follow_up:
                return redirect("meetings:opportunity", slug=slug, pk=meeting.pk)
            return redirect("meetings:agenda", slug=slug)
    return render(request, "meetings/feedback.html", {"session": viewer.session, "event": viewer.session.event,
                                                       "meeting": meeting, "form": form, "started": started,
                                                       "opportunity": meeting.opportunities.first()})


class OpportunityForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=255)


@member_required
def opportunity(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """After a meeting with a follow-up planned: record the collaboration idea as an opportunity."""
    viewer, meeting = _my_meeting(request, slug, pk)
    existing = meeting.opportunities.first()
    own = selectors.feedback_by_meeting(viewer.person, [meeting]).get(meeting.pk)
    if own is None or not own.follow_up:
        messages.info(request, _("Tell us first, in the feedback, that a follow-up is planned."))
        return redirect("meetings:feedback", slug=slug, pk=meeting.pk)
    names = " – ".join(p.full_name for p in meeting.people)
    form = OpportunityForm(request.POST or None, initial={"title": _("Follow-up: %(names)s") % {"names": names}})
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            created = opportunity_create(actor=request.user, title=form.cleaned_data["title"], people=meeting.people,
                                         origin_kind=OriginKind.MEETING, origin_event=viewer.session.event,
                                         origin_meeting=meeting, origin_note=own.note,
                                         description=meeting.request.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The opportunity has been recorded; follow it in the projects pages."))
            return redirect(created)
    return render(request, "meetings/opportunity.html", {"session": viewer.session, "event": viewer.session.event,
                                                          "meeting": meeting, "form": form, "existing": existing})
