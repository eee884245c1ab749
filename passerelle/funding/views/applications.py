"""Applications: a project's members apply, edit the draft, upload documents and submit; the
coordinator checks eligibility, moves the status, follows a call's applications and decides.
Others' applications answer 404 (their existence is not revealed)."""
from __future__ import annotations

from dataclasses import replace

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from passerelle.core.form_pages import confirm_page, form_page, status_page
from passerelle.core.pagination import list_page, list_view
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


@member_required
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    """Start a draft application of one of the member's projects to an open call."""
    call = get_object_or_404(selectors.calls_visible_to(request.user), slug=slug)
    projects = projects_editable_by(request.user).exclude(applications__call=call).order_by("title_fr")
    form = ApplyForm(request.POST or None, projects=projects)
    return form_page(request, form, "funding/apply.html",
                     {"call": call, "is_open": call.is_open(), "deadline": format_deadline(call)},
                     success=_("The draft application is created: complete it, then submit it."),
                     to=lambda application: reverse("funding:application_edit", kwargs={"pk": application.pk}),
                     save=lambda data: services.application_create(actor=request.user, call=call,
                                                                   project=data["project"]))


# The member's applications (every application for coordinators).
application_list = list_view("funding/application_list.html", ApplicationFilterForm, selectors.application_list,
                             member_required)


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
    return form_page(request, form, "funding/application_form.html", {"application": application},
                     success=_("The application has been saved."), to=application,
                     save=lambda data: services.application_update(
                         actor=request.user, application=application, abstract=data["abstract"],
                         duration_months=data["duration_months"], amounts=form.amounts()))


@member_required
def application_documents(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    return form_page(request, form, "funding/application_documents.html", lambda: {
        "application": application,
        "missing": [DocumentKind(kind).label for kind in selectors.missing_documents(application)],
    }, success=_("The document has been added."), to=_documents_url(application),
        save=lambda data: services.application_add_document(actor=request.user, application=application,
                                                            kind=data["kind"], file=data["file"]))


def _documents_url(application: Application) -> str:
    return reverse("funding:application_documents", kwargs={"pk": application.pk})


@member_required
def document_delete(request: HttpRequest, pk: int, document: int) -> HttpResponse:
    application = visible_application(request, pk)
    doc = get_object_or_404(application.documents, pk=document)
    return confirm_page(request, "funding/document_delete.html", {"application": application, "document": doc},
                        do=lambda: services.application_remove_document(actor=request.user, document=doc),
                        success=_("The document has been removed."), to=_documents_url(application))


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
    return confirm_page(request, "funding/application_submit.html", {
        "application": application, "deadline": format_deadline(application.call),
        "is_open": application.call.is_open(),
        # worked out only when the page is shown (the template calls the function)
        "preview": lambda: [(r, eligibility.describe(r)) for r in selectors.eligibility_preview(application)],
    }, success=_("The application is submitted; a confirmation e-mail is on its way."), to=application,
        do=lambda: services.application_submit(actor=request.user, application=application))


@coordinator_required
def application_eligibility(request: HttpRequest, pk: int) -> HttpResponse:
    """What the call's rules say of the application now, then (POST) the check that moves it."""
    application = get_object_or_404(Application.objects.select_related("call", "project"), pk=pk)
    return confirm_page(request, "funding/application_eligibility.html", {
        "application": application, "can_check": rules.can_check_eligibility(application),
        "results": lambda: [(r, eligibility.describe(r)) for r in selectors.eligibility_preview(application)],
    }, to=application,
        success=lambda checked: _("Eligibility checked: %(status)s.") % {"status": checked.get_status_display()},
        do=lambda: services.application_check_eligibility(actor=request.user, application=application))


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

    def ranked() -> dict[str, object]:
        ranking = [r for r in selectors.call_ranking(application.call) if r.application.pk == application.pk]
        return {"application": application, "ranked": ranking[0] if ranking else None}

    def decide(data: dict) -> Application:
        return services.application_decide(actor=request.user, application=application, decision=data["decision"],
                                           note=data["note"], granted=form.granted())

    return form_page(request, form, "funding/application_decision.html", ranked, save=decide,
                     success=_("The decision is recorded; the applicants are told by e-mail."), to=application)


@coordinator_required
def call_applications(request: HttpRequest, slug: str) -> HttpResponse:
    """A call's applications for its coordinators: filters, then the review ranking."""
    call = get_object_or_404(Call.objects.select_related("programme").prefetch_related("criteria"), slug=slug)
    return list_page(request, "funding/call_applications.html", ApplicationFilterForm,
                     lambda user, filters: selectors.application_list(user=user,
                                                                      filters=replace(filters, call=call.slug)),
                     {"call": call, "ranking": selectors.call_ranking(call), "criteria": list(call.criteria.all())})
