"""Coordinators' pages: open and edit a session, move its status, follow the requests, run the
scheduler, see its result, adjust the grid (move, place, lock) and publish; the live grid and
the per-table sheet for the day."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from passerelle.core.form_pages import StatusForm, flash_refusal, status_page
from passerelle.core.pagination import LONG_PAGE_SIZE, paginate
from passerelle.core.permissions import coordinator_required
from passerelle.events.models import Event

from .. import selectors
from ..enums import MeetingStatus, RequestStatus
from ..forms import (
    BreakFormSet,
    CellForm,
    RequestFilterForm,
    SessionForm,
    WindowFormSet,
    initial_windows,
)
from ..models import B2BSession
from ..services import schedule as schedule_services
from ..services import sessions as session_services
from .access import base_url, coordinator_session


def _session_form(request: HttpRequest, event: Event, session: B2BSession) -> HttpResponse:
    windows_initial, breaks_initial = initial_windows(event, session)
    form = SessionForm(request.POST or None, instance=session, event=event)
    windows = WindowFormSet(request.POST or None, initial=windows_initial, prefix="windows", event=event)
    breaks = BreakFormSet(request.POST or None, initial=breaks_initial, prefix="breaks", event=event)
    if request.method == "POST" and form.is_valid() and windows.is_valid() and breaks.is_valid():
        try:
            session = session_services.session_save(
                actor=request.user, session=form.save(commit=False),
                windows=[f.span() for f in windows.filled()],
                breaks=[(f.cleaned_data["label_fr"], f.cleaned_data["label_en"], f.span()) for f in breaks.filled()],
                tables=form.cleaned_data["table_list"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The meeting session has been saved: %(slots)d slots, %(tables)d tables.")
                             % {"slots": session.slots.count(), "tables": session.tables.count()})
            return redirect(session)
    return render(request, "meetings/session_form.html", {"form": form, "windows": windows, "breaks": breaks,
                                                           "event": event, "session": session})


@coordinator_required
def session_create(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    existing = selectors.session_of_event(event)
    if existing is not None:
        return redirect(existing)
    return _session_form(request, event, B2BSession(event=event))


@coordinator_required
def session_edit(request: HttpRequest, slug: str) -> HttpResponse:
    session = coordinator_session(request, slug)
    return _session_form(request, session.event, session)


@coordinator_required
def session_status(request: HttpRequest, slug: str) -> HttpResponse:
    session = coordinator_session(request, slug)
    return status_page(request, session, StatusForm(request.POST or None, obj=session), "meetings/session_status.html",
                       {"session": session, "event": session.event},
                       success=lambda _moved: _("The session is now “%(status)s”.") % {
                           "status": session.get_status_display()},
                       move=lambda data: session_services.session_set_status(actor=request.user, session=session,
                                                                             to_status=data["to_status"]))


@coordinator_required
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    session = coordinator_session(request, slug)
    form = RequestFilterForm(request.GET or None)
    filters = selectors.RequestFilters(**form.cleaned_data) if form.is_valid() else selectors.RequestFilters()
    page = paginate(request, selectors.request_list(session=session, filters=filters), LONG_PAGE_SIZE)
    query = urlencode({k: v for k, v in (("q", filters.q), ("status", filters.status)) if v})
    return render(request, "meetings/request_list.html", {"session": session, "event": session.event, "form": form,
                                                           "page": page, "page_query": query,
                                                           "counts": selectors.request_counts(session)})


@coordinator_required
def schedule(request: HttpRequest, slug: str) -> HttpResponse:
    """The scheduler's last result, the grid to adjust, the requests left out and their reasons."""
    session = coordinator_session(request, slug)
    tables, rows = selectors.grid(session)
    run = selectors.last_run(session)
    return render(request, "meetings/schedule.html", {
        "session": session, "event": session.event, "tables": tables, "rows": rows,
        "run": run, "breaks_proof": selectors.breaks_proof(run), "job": schedule_services.running_job(session),
        "unscheduled": selectors.unscheduled_requests(session), "unannounced": selectors.unannounced_count(session),
        "accepted": session.requests.filter(status=RequestStatus.ACCEPTED).count(),
    })


@coordinator_required
def run(request: HttpRequest, slug: str) -> HttpResponse:
    session = coordinator_session(request, slug)
    if request.method == "POST":
        try:
            job = schedule_services.run_start(actor=request.user, session=session)
        except ValidationError as error:
            flash_refusal(request, error)
            return redirect("meetings:schedule", slug=slug)
        return redirect(job)
    return render(request, "meetings/run_confirm.html", {"session": session, "event": session.event,
                                                          "fixed": session.meetings.filter(
                                                              status=MeetingStatus.SCHEDULED,
                                                              published_at__isnull=False).count()})


@coordinator_required
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    session = coordinator_session(request, slug)
    if request.method == "POST":
        try:
            count = schedule_services.session_publish(actor=request.user, session=session, base_url=base_url(request))
        except ValidationError as error:
            flash_refusal(request, error)
        else:
            messages.success(request, _("%(n)d meetings announced; everyone concerned receives their agenda by "
                                        "e-mail.") % {"n": count})
        return redirect("meetings:schedule", slug=slug)
    return render(request, "meetings/publish_confirm.html", {"session": session, "event": session.event,
                                                              "unannounced": selectors.unannounced_count(session)})


def _back(request: HttpRequest, slug: str) -> str:
    """Back to the page the change was made from (the grid or the schedule), never off-site."""
    wanted = request.POST.get("next", "")
    allowed = {reverse("meetings:schedule", args=[slug]), reverse("meetings:grid", args=[slug])}
    return wanted if wanted.split("?")[0] in allowed else reverse("meetings:schedule", args=[slug])


def _cell_page(request: HttpRequest, slug: str, form: CellForm, template: str, context: dict, *,
               put: Callable[[Any, Any], Any], done: str) -> HttpResponse:
    """A page putting a meeting in a free cell of the grid (``form``): ``put(slot, table)`` calls the
    service; a refusal is flashed and shown on the form; once done, ``done`` (with its ``%(cell)s``)
    is flashed and back to the page the change was made from. ``template`` gets the form's session, its
    event, the form and ``context``."""
    if request.method == "POST" and form.is_valid():
        slot, table = form.cleaned_data["cell"]
        try:
            put(slot, table)
        except ValidationError as error:
            flash_refusal(request, error)
            form.add_error(None, error)
        else:
            messages.success(request, done % {"cell": f"{slot} · {table}"})
            return redirect(_back(request, slug))
    session = form.session
    return render(request, template, {"session": session, "event": session.event, "form": form, **context})


@coordinator_required
def meeting_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Move a meeting to a free cell: the drag-and-drop posts here, and this page is the no-JS form."""
    session = coordinator_session(request, slug)
    meeting = get_object_or_404(session.meetings.select_related("slot", "table", "request"), pk=pk,
                                status=MeetingStatus.SCHEDULED)
    form = CellForm(request.POST or None, session=session,
                    cells=selectors.free_cells(session, meeting, meeting.request))
    return _cell_page(request, slug, form, "meetings/meeting_move.html", {
        "meeting": meeting,
        # worked out only when the page is shown (the template calls the function)
        "people": lambda: selectors.with_people(session.meetings.filter(pk=meeting.pk))[0].people,
    }, done=_("The meeting now takes place at %(cell)s."),
        put=lambda slot, table: schedule_services.meeting_move(actor=request.user, meeting=meeting, slot=slot,
                                                               table=table, base_url=base_url(request)))


@coordinator_required
def request_place(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Place an accepted request left out by the scheduler in a free cell, by hand."""
    session = coordinator_session(request, slug)
    meeting_request = get_object_or_404(selectors.with_request_relations(session.requests.filter(
        status=RequestStatus.ACCEPTED)), pk=pk)
    form = CellForm(request.POST or None, session=session,
                    cells=selectors.free_cells(session, None, meeting_request))
    return _cell_page(request, slug, form, "meetings/request_place.html", {"req": meeting_request},
                      done=_("The meeting has been placed at %(cell)s."),
                      put=lambda slot, table: schedule_services.meeting_place(
                          actor=request.user, session=session, request=meeting_request, slot=slot, table=table))


@coordinator_required
def meeting_lock(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Lock (the scheduler keeps it in place) or unlock a meeting; GET shows the button without JS."""
    session = coordinator_session(request, slug)
    meeting = get_object_or_404(session.meetings.select_related("slot", "table"), pk=pk,
                                status=MeetingStatus.SCHEDULED)
    if request.method == "POST":
        locked = request.POST.get("locked") == "1"
        schedule_services.meeting_set_locked(actor=request.user, meeting=meeting, locked=locked)
        messages.success(request, _("The meeting is locked: the scheduler keeps it in place.") if locked
                         else _("The meeting is unlocked."))
        return redirect(_back(request, slug))
    return render(request, "meetings/meeting_lock.html", {"session": session, "event": session.event,
                                                           "meeting": meeting})


def _day(request: HttpRequest, session: B2BSession) -> tuple[list[date], date | None]:
    days = selectors.days_of(session)
    wanted = request.GET.get("day", "")
    try:
        day = date.fromisoformat(wanted) if wanted else None
    except ValueError:
        day = None
    if day not in days:
        day = days[0] if days else None
    return days, day


@coordinator_required
def grid(request: HttpRequest, slug: str) -> HttpResponse:
    """The live grid of a day: slots × tables, who meets where (refreshes itself every minute)."""
    session = coordinator_session(request, slug)
    days, day = _day(request, session)
    tables, rows = selectors.grid(session, day=day) if day else ([], [])
    return render(request, "meetings/grid.html", {"session": session, "event": session.event, "tables": tables,
                                                   "rows": rows, "days": days, "day": day})


@coordinator_required
def table_print(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The sheet to put on a table: its meetings of the day, in order."""
    session = coordinator_session(request, slug)
    table = get_object_or_404(session.tables, pk=pk)
    days, day = _day(request, session)
    if day is None:
        raise Http404
    return render(request, "meetings/table_print.html", {"session": session, "event": session.event, "table": table,
                                                          "days": days, "day": day,
                                                          "meetings": selectors.table_day(session, table, day)})
