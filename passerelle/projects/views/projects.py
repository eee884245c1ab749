"""Joint projects: the list, a project with its timeline, creating and editing one, its partners
and its status. Members see all but others' drafts; partners and coordinators edit."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from passerelle.core.form_pages import edit_page, flash_refusal, form_page, status_page
from passerelle.core.pagination import list_view
from passerelle.core.permissions import editable_or_404, member_required
from passerelle.core.rows import rows_from_formset

from .. import rules, selectors, services
from ..enums import PartnerRole
from ..forms import ProjectFilterForm, ProjectForm, ProjectStatusForm, partner_formset
from ..models import Project

project_list = list_view("projects/project_list.html", ProjectFilterForm, selectors.project_list, member_required)


@member_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(selectors.project_detail_queryset(request.user), pk=pk)
    return render(request, "projects/project_detail.html", {
        "project": project, "can_edit": rules.can_edit_project(request.user, project),
        "timeline": selectors.project_timeline(project, request.user),
        "leads": [p for p in project.partners.all() if p.role == PartnerRole.LEAD],
        "others": [p for p in project.partners.all() if p.role != PartnerRole.LEAD],
    })


@member_required
def project_create(request: HttpRequest) -> HttpResponse:
    """A new draft project; its creator's profile joins as its first lead."""
    form = ProjectForm(request.POST or None, user=request.user)

    def create(data: dict) -> Project:
        person = getattr(request.user, "person", None)
        partners = [services.PartnerSpec(role=PartnerRole.LEAD, person=person,
                                         organisation=_main_organisation(person))] if person else []
        return services.project_create(
            actor=request.user, title_fr=data["title_fr"], title_en=data["title_en"], acronym=data["acronym"],
            summary_fr=data["summary_fr"], summary_en=data["summary_en"], start=data["start"], end=data["end"],
            categories=data["categories"], sites=data["sites"], events=data["events"], partners=partners)

    return form_page(request, form, "projects/project_form.html", {"project": None}, save=create,
                     success=_("The project is created as a draft: add its partners."),
                     to=lambda project: reverse("projects:project_partners", kwargs={"pk": project.pk}))


def _main_organisation(person):
    affiliation = person.affiliations.filter(is_primary=True).select_related("organisation").first()
    return affiliation.organisation if affiliation else None


def editable_project(request: HttpRequest, pk: int) -> Project:
    return editable_or_404(request.user, selectors.project_detail_queryset(request.user), pk, rules.can_edit_project)


@member_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = editable_project(request, pk)
    return edit_page(request, ProjectForm(request.POST or None, instance=project, user=request.user),
                     "projects/project_form.html", success=_("The project has been saved."),
                     update=services.project_update, related=("events", "categories", "sites"))


@member_required
def project_partners(request: HttpRequest, pk: int) -> HttpResponse:
    project = editable_project(request, pk)
    formset = partner_formset(user=request.user, project=project, data=request.POST or None)
    if request.method == "POST" and formset.is_valid():
        try:
            services.project_save_partners(actor=request.user, project=project,
                                           partners=rows_from_formset(formset, services.PARTNER_FIELDS))
        except ValidationError as error:
            flash_refusal(request, error)
        else:
            messages.success(request, _("The partners have been saved."))
            return redirect(project)
    return render(request, "projects/project_partners.html", {"project": project, "formset": formset})


@member_required
def project_status(request: HttpRequest, pk: int) -> HttpResponse:
    project = editable_project(request, pk)
    return status_page(request, project, ProjectStatusForm(request.POST or None, obj=project),
                       "projects/project_status.html",
                       move=lambda data: services.project_set_status(actor=request.user, project=project,
                                                                     to_status=data["to_status"], note=data["note"]))
