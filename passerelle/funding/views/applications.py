"""Applications: a project's members apply, edit the draft, upload documents and submit; the
coordinator checks eligibility, moves the status, follows a call's applications and decides.
Others' applications answer 404 (their existence is not revealed)."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core.form_pages import status_page
from passerelle.core.pagination import paginate, query_without
from passerelle.core.permissions import coordinator_required, member_required
from passerelle.core.uploads import attachment_response
from passerelle.directory.selectors import is_coordinator
from passerelle.projects.selectors import projects_editable_by

from .. import eligibility, rules, selectors, services
from ..enums import DocumentKind
from ..formatting import format_deadline
from ..forms import (
    ApplicationFilterForm,
    ApplicationForm,
    ApplicationStatusForm,
    ApplyForm,
    DecisionForm,
    DocumentForm,
)
from ..models import Application, ApplicationDocument, Call


def visible_application(request: HttpRequest, pk: int) -> Application:
    return get_object_or_404(selectors.application_detail_queryset(request.user), pk=pk)


def _error(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@member_required
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    """Start a draft application of one of the member's projects to an open call."""
    call = get_object_or_404(selectors.calls_visible_to(request.user), slug=slug)
    projects = projects_editable_by(request.user).exclude(applications__call=call).order_by("title_fr")
    form = ApplyForm(request.POST or None, projects=projects)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(actor=request.user, call=call,
                                                      project=form.cleaned_data["project"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft application is created: complete it, then submit it."))
            return redirect("funding:application_edit", pk=application.pk)
    return render(request, "funding/apply.html", {
        "call": call, "form": form, "is_open": call.is_open(), "deadline": format_deadline(call)})


@member_required
def application_list(request: HttpRequest) -> HttpResponse:
    """The member's applications (every application for coordinators)."""
    form = ApplicationFilterForm(request.GET or None)
    filters = form.filters() if request.GET else selectors.ApplicationFilters()
    page = paginate(request, selectors.application_list(user=request.user, filters=filters))
    return render(request, "funding/application_list.html", {
        "form": form, "page": page, "page_query": query_without(request, "page")})


@member_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    coordinator = is_coordinator(request.user)
    return render(request, "funding/application_detail.html", {
        "application": application, "call": application.call, "is_coordinator": coordinator,
        "can_edit": rules.can_edit(application),
        "results": [(r, eligibility.describe(r)) for r in application.eligibility],
        "history": application.status_changes.select_related("by"),
        "assignments": application.assignments.select_related("reviewer") if coordinator else [],
        "deadline": format_deadline(application.call), "call_open": application.call.is_open(),
        "requested": selectors.totals_by_currency(application.amounts.all()),
        "granted": selectors.totals_by_currency(application.amounts.all(), "granted"),
    })


@member_required
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    form = ApplicationForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_update(actor=request.user, application=application,
                                        abstract=form.cleaned_data["abstract"],
                                        duration_months=form.cleaned_data["duration_months"],
                                        amounts=form.amounts())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The application has been saved."))
            return redirect(application)
    return render(request, "funding/application_form.html", {"form": form, "application": application})


@member_required
def application_documents(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_add_document(actor=request.user, application=application,
                                              kind=form.cleaned_data["kind"], file=form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The document has been added."))
            return redirect("funding:application_documents", pk=application.pk)
    return render(request, "funding/application_documents.html", {
        "application": application, "form": form,
        "missing": [DocumentKind(kind).label for kind in selectors.missing_documents(application)],
    })


@member_required
def document_delete(request: HttpRequest, pk: int, document: int) -> HttpResponse:
    application = visible_application(request, pk)
    doc = get_object_or_404(application.documents, pk=document)
    if request.method == "POST":
        try:
            services.application_remove_document(actor=request.user, document=doc)
            messages.success(request, _("The document has been removed."))
        except ValidationError as error:
            _error(request, error)
        return redirect("funding:application_documents", pk=application.pk)
    return render(request, "funding/document_delete.html", {"application": application, "document": doc})


@member_required
def document_download(request: HttpRequest, pk: int, document: int) -> HttpResponse:
    """Applicants, coordinators and the application's reviewers (unless closed by a conflict) read
    its documents."""
    doc = get_object_or_404(ApplicationDocument.objects.select_related("application"), pk=document,
                            application_id=pk)
    if not rules.can_read_documents(request.user, doc.application):
        raise Http404
    return attachment_response(doc.file.open("rb"), doc.filename)


@member_required
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page, then the submission (refused after the deadline)."""
    application = visible_application(request, pk)
    if request.method == "POST":
        try:
            services.application_submit(actor=request.user, application=application)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("The application is submitted; a confirmation e-mail is on its way."))
        return redirect(application)
    return render(request, "funding/application_submit.html", {
        "application": application, "deadline": format_deadline(application.call),
        "is_open": application.call.is_open(),
        "preview": [(r, eligibility.describe(r)) for r in selectors.eligibility_preview(application)],
    })


@coordinator_required
def application_eligibility(request: HttpRequest, pk: int) -> HttpResponse:
    """What the call's rules say of the application now, then (POST) the check that moves it."""
    application = get_object_or_404(Application.objects.select_related("call", "project"), pk=pk)
    if request.method == "POST":
        try:
            application = services.application_check_eligibility(actor=request.user, application=application)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Eligibility checked: %(status)s.") % {
                "status": application.get_status_display()})
        return redirect(application)
    results = selectors.eligibility_preview(application)
    return render(request, "funding/application_eligibility.html", {
        "application": application, "results": [(r, eligibility.describe(r)) for r in results],
        "can_check": rules.can_check_eligibility(application)})


@coordinator_required
def application_status(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.select_related("call", "project"), pk=pk)
    return status_page(request, application, ApplicationStatusForm(request.POST or None, obj=application),
                       "funding/application_status.html", success=_("The status has been changed."),
                       move=lambda data: services.application_set_status(
                           actor=request.user, application=application, to_status=data["to_status"],
                           note=data["note"]))


@coordinator_required
def application_decision(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.select_related("call", "project"), pk=pk)
    form = DecisionForm(request.POST or None, application=application)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_decide(actor=request.user, application=application,
                                        decision=form.cleaned_data["decision"], note=form.cleaned_data["note"],
                                        granted=form.granted())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision is recorded; the applicants are told by e-mail."))
            return redirect(application)
    ranking = [r for r in selectors.call_ranking(application.call) if r.application.pk == application.pk]
    return render(request, "funding/application_decision.html", {
        "application": application, "form": form, "ranked": ranking[0] if ranking else None})


@coordinator_required
def call_applications(request: HttpRequest, slug: str) -> HttpResponse:
    """A call's applications for its coordinators: filters, then the review ranking."""
    call = get_object_or_404(Call.objects.select_related("programme").prefetch_related("criteria"), slug=slug)
    form = ApplicationFilterForm(request.GET or None)
    filters = form.filters(call=call.slug) if request.GET else selectors.ApplicationFilters(call=call.slug)
    page = paginate(request, selectors.application_list(user=request.user, filters=filters))
    return render(request, "funding/call_applications.html", {
        "call": call, "form": form, "page": page, "page_query": query_without(request, "page"),
        "ranking": selectors.call_ranking(call), "criteria": list(call.criteria.all()),
    })
