"""Support services: the public catalogue, requests by members (for themselves or a project) and
their follow-up by coordinators, with notes, to completion."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.form_pages import form_page
from passerelle.core.pagination import list_page
from passerelle.core.permissions import member_required, public
from passerelle.directory.selectors import is_coordinator

from .. import selectors, support
from ..forms import ServiceNoteForm, ServiceRequestFilterForm, ServiceRequestForm, ServiceRequestStatusForm
from ..models import SupportService


@public
def service_list(request: HttpRequest) -> HttpResponse:
    services = SupportService.objects.filter(active=True)
    return render(request, "projects/service_list.html", {"services": services})


@public
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(SupportService.objects.filter(active=True), slug=slug)
    return render(request, "projects/service_detail.html", {"service": service})


@member_required
def service_request_create(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(SupportService.objects.filter(active=True), slug=slug)
    form = ServiceRequestForm(request.POST or None,
                              projects=selectors.projects_editable_by(request.user).order_by("title_fr"))
    return form_page(request, form, "projects/service_request_form.html", {"service": service},
                     success=_("Your request has been sent to the cluster's team."),
                     save=lambda data: support.service_request_create(actor=request.user, service=service,
                                                                      message=data["message"], project=data["project"]))


@member_required
def service_request_list(request: HttpRequest) -> HttpResponse:
    return list_page(request, "projects/service_request_list.html", ServiceRequestFilterForm,
                     selectors.service_request_list, {"is_coordinator": is_coordinator(request.user)})


@member_required
def service_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The request with its notes; coordinators move it and write notes, the requester may withdraw
    it and add a note. Others' requests answer 404."""
    service_request = get_object_or_404(selectors.service_requests_visible_to(request.user), pk=pk)
    coordinator = is_coordinator(request.user)
    status_form = ServiceRequestStatusForm(request.POST if request.POST.get("action") == "status" else None,
                                           obj=service_request, as_member=not coordinator)
    note_form = ServiceNoteForm(request.POST if request.POST.get("action") == "note" else None)
    if request.method == "POST":
        try:
            if status_form.is_bound and status_form.is_valid():
                support.service_request_set_status(actor=request.user, request=service_request,
                                                   to_status=status_form.cleaned_data["to_status"],
                                                   note=status_form.cleaned_data["note"], by_coordinator=coordinator)
                messages.success(request, _("The request has been updated."))
                return redirect(service_request)
            if note_form.is_bound and note_form.is_valid():
                support.service_request_add_note(actor=request.user, request=service_request,
                                                 text=note_form.cleaned_data["text"],
                                                 internal=coordinator and note_form.cleaned_data["internal"])
                messages.success(request, _("The note has been added."))
                return redirect(service_request)
        except ValidationError as error:
            (status_form if status_form.is_bound else note_form).add_error(None, error)
    notes = service_request.notes.select_related("by")
    if not coordinator:
        notes = notes.filter(internal=False)
        note_form.fields.pop("internal")
    return render(request, "projects/service_request_detail.html", {
        "service_request": service_request, "notes": notes, "status_form": status_form, "note_form": note_form,
        "is_coordinator": coordinator})
