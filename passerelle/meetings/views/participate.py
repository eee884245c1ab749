"""Members' pages: a session's overview, their availability, the people to meet (suggestions
first), sending requests, answering and cancelling them."""
from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.pagination import paginate
from passerelle.core.permissions import member_required

from .. import rules, selectors, suggestions
from ..enums import Answer, RequestStatus
from ..forms import AnswerForm, AvailabilityForm, RequestForm
from ..services import participants as participant_services
from ..services import requests as request_services
from .access import base_url, own_participant, participant_required, viewer_of


@member_required
def home(request: HttpRequest) -> HttpResponse:
    """The member's sessions: where they take part in bilateral meetings."""
    return render(request, "meetings/home.html", {"sessions": selectors.my_sessions(request.user)})


@member_required
def session_detail(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_of(request, slug)
    session = viewer.session
    context = {"session": session, "event": session.event, "viewer": viewer}
    if viewer.is_participant:
        mine = selectors.my_requests(session, viewer.person)
        context.update(mine=mine, agenda=selectors.agenda_of(session, viewer.person),
                       participant=selectors.participant_settings(session, viewer.person))
    if viewer.is_coordinator:
        context.update(counts=selectors.request_counts(session), last_run=selectors.last_run(session),
                       unannounced=selectors.unannounced_count(session))
    return render(request, "meetings/session_detail.html", context)


@member_required
def availability(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = own_participant(request, slug)
    session, person = viewer.session, viewer.person
    current = selectors.participant_settings(session, person)
    initial = {"takes_meetings": current.takes_meetings if current else True,
               "max_meetings": current.max_meetings if current else None,
               "unavailable": list(current.unavailable_slots.all()) if current else []}
    form = AvailabilityForm(request.POST or None, initial=initial, session=session)
    if request.method == "POST" and form.is_valid():
        try:
            participant_services.participant_save(
                actor=request.user, session=session, person=person, takes_meetings=form.cleaned_data["takes_meetings"],
                max_meetings=form.cleaned_data["max_meetings"], unavailable=form.cleaned_data["unavailable"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your availability has been saved."))
            return redirect(session)
    if form.is_bound:
        chosen = set(form.data.getlist("unavailable"))
    else:
        chosen = {str(slot.pk) for slot in initial["unavailable"]}
    days = _slots_by_day(session, chosen)
    return render(request, "meetings/availability.html", {"session": session, "event": session.event, "form": form,
                                                           "days": days})


def _slots_by_day(session, chosen: set[str]) -> list[tuple]:
    days: dict = {}
    for slot in session.slots.all():
        local = session.event.local(slot.start)
        days.setdefault(local.date(), []).append((slot, session.event.local(slot.end), local, str(slot.pk) in chosen))
    return sorted(days.items())


@member_required
def people(request: HttpRequest, slug: str) -> HttpResponse:
    """People to meet: the matching engine's suggestions with their reasons first, then everyone,
    searchable and paginated."""
    viewer = participant_required(request, slug)
    session, person = viewer.session, viewer.person
    q = request.GET.get("q", "").strip()[:100]
    everyone = selectors.people_to_meet(session=session, viewer=request.user, person=person, q=q)
    suggested = [] if q or person is None else suggestions.for_participant(session, person, request.user)
    page = paginate(request, everyone)
    partners = selectors.request_partners(session, person) if person else {}
    return render(request, "meetings/people.html", {
        "session": session, "event": session.event, "viewer": viewer, "suggested": suggested, "page": page,
        "q": q, "page_query": urlencode({"q": q}) if q else "", "partners": partners,
        "can_request": viewer.is_participant and session.accepts_requests(),
    })


@member_required
def request_create(request: HttpRequest, slug: str, person_pk: int) -> HttpResponse:
    viewer = own_participant(request, slug)
    session = viewer.session
    if viewer.person is not None and viewer.person.pk == person_pk:
        messages.info(request, _("A meeting request is for someone else: choose the person you want to meet."))
        return redirect("meetings:people", slug=slug)
    candidates = selectors.people_to_meet(session=session, viewer=request.user, person=viewer.person)
    target = get_object_or_404(candidates, pk=person_pk)
    form = RequestForm(request.POST or None, others=candidates.exclude(pk=target.pk))
    if request.method == "POST" and form.is_valid():
        try:
            sent = request_services.request_send(
                actor=request.user, session=session, requester=viewer.person,
                invitees=[target, *form.cleaned_data["others"]], message=form.cleaned_data["message"],
                priority=form.cleaned_data["priority"], base_url=base_url(request))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your request has been sent; you will be told of the answer by e-mail."))
            return redirect(sent)
    reasons = suggestions.reasons_for(session, viewer.person, target, request.user)
    return render(request, "meetings/request_form.html", {"session": session, "event": session.event, "form": form,
                                                           "target": target, "reasons": reasons})


@member_required
def my_requests(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = own_participant(request, slug)
    return render(request, "meetings/my_requests.html", {
        "session": viewer.session, "event": viewer.session.event,
        "mine": selectors.my_requests(viewer.session, viewer.person),
    })


def _visible_request(request: HttpRequest, viewer, pk: int):
    meeting_request = get_object_or_404(selectors.with_request_relations(viewer.session.requests.all()), pk=pk)
    if not rules.can_see_request(request.user, meeting_request):
        raise Http404
    return meeting_request


@member_required
def request_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A request; an invitee who has not answered gets the accept / decline form."""
    viewer = viewer_of(request, slug)
    meeting_request = _visible_request(request, viewer, pk)
    mine = next((a for a in meeting_request.answers.all() if viewer.person and a.person_id == viewer.person.pk), None)
    can_answer = mine is not None and mine.answer == Answer.PENDING and meeting_request.status == RequestStatus.PENDING
    form = AnswerForm(request.POST or None)
    if request.method == "POST":
        if not can_answer:
            raise Http404
        if form.is_valid():
            accept = form.cleaned_data["decision"] == "accept"
            try:
                request_services.request_answer(actor=request.user, request=meeting_request, person=viewer.person,
                                                accept=accept, priority=form.cleaned_data["priority"],
                                                base_url=base_url(request))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Accepted: the meeting will be placed in the schedule.") if accept
                                 else _("Declined: the sender will be told."))
            return redirect(meeting_request)
    is_party = mine is not None or (viewer.person and meeting_request.requester_id == viewer.person.pk)
    return render(request, "meetings/request_detail.html", {
        "session": viewer.session, "event": viewer.session.event, "req": meeting_request, "form": form,
        "can_answer": can_answer, "can_cancel": meeting_request.is_open and (is_party or viewer.is_coordinator),
        "meeting": next(iter(meeting_request.meetings.all()), None), "viewer": viewer,
    })


@member_required
def request_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    viewer = viewer_of(request, slug)
    meeting_request = _visible_request(request, viewer, pk)
    meeting = next(iter(meeting_request.meetings.all()), None)
    if request.method == "POST":
        by = None if viewer.is_coordinator and not _is_party(viewer, meeting_request) else viewer.person
        try:
            request_services.request_cancel(actor=request.user, request=meeting_request, by=by,
                                            base_url=base_url(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The request is cancelled; the other people are told."))
        return redirect(meeting_request)
    return render(request, "meetings/request_cancel.html", {"session": viewer.session, "event": viewer.session.event,
                                                             "req": meeting_request, "meeting": meeting})


def _is_party(viewer, meeting_request) -> bool:
    person = viewer.person
    return person is not None and (meeting_request.requester_id == person.pk
                                   or any(a.person_id == person.pk for a in meeting_request.answers.all()))
