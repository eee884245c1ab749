"""Organisation pages: list with search and filters, detail with visible members, edit, export."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from passerelle.core.form_pages import confirm_page, form_page
from passerelle.core.kept_pages import filter_fields, kept_results
from passerelle.core.pagination import paginate, query_without
from passerelle.core.permissions import coordinator_required, public

from .. import audit, exports, selectors, services
from ..forms import OrganisationFilterForm, OrganisationForm
from ..models import Organisation


@public
def organisation_list(request: HttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    filters = form.filters() if request.GET else selectors.OrganisationFilters()
    results, page = kept_results(request, selectors.organisation_list(user=request.user, filters=filters),
                                 "directory/includes/organisation_results.html")
    return render(request, "directory/organisation_list.html", {
        "form": form, "filter_fields": filter_fields(request, form), "results": results, "page": page,
        "filters": filters,
        "page_query": query_without(request, "page"),
    })


@public
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.select_related("parent"), pk=pk)
    members = paginate(request, selectors.organisation_members(user=request.user, organisation=organisation))
    return render(request, "directory/organisation_detail.html", {
        "organisation": organisation, "page": members,
        "children": organisation.children.order_by("name"),
        "is_coordinator": selectors.is_coordinator(request.user),
    })


def _edit(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = OrganisationForm(request.POST or None, instance=organisation)

    def save(cleaned: dict) -> Organisation:
        data = {name: cleaned[name] for name in form.Meta.fields}
        if organisation.pk:
            return services.organisation_update(actor=request.user, organisation=organisation, data=data)
        return services.organisation_create(actor=request.user, data=data)

    return form_page(request, form, "directory/organisation_form.html", {"organisation": organisation}, save=save,
                     success=_("The organisation has been saved."))


@coordinator_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, Organisation())


@coordinator_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(Organisation, pk=pk))


@coordinator_required
def organisation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    return confirm_page(request, "directory/confirm_delete.html",
                        {"object": organisation, "cancel_url": organisation.get_absolute_url()},
                        do=lambda: services.organisation_delete(actor=request.user, organisation=organisation),
                        success=_("The organisation %(name)s has been deleted.") % {"name": organisation.name},
                        to="directory:organisations")


@coordinator_required
def organisation_history(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    page = paginate(request, audit.history_of(organisation))
    return render(request, "directory/history.html", {"object": organisation, "page": page})


@public
def organisation_export(request: HttpRequest, fmt: str) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    filters = form.filters() if request.GET else selectors.OrganisationFilters()
    dataset = exports.organisations_dataset(selectors.organisation_list(user=request.user, filters=filters),
                                            layout=exports.layout_of(request.GET))
    response = HttpResponse(exports.render(dataset, fmt), content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="passerelle-organisations.{fmt}"'
    return response
