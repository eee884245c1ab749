"""Organisation pages: list with search and filters, detail with visible members, edit, export
(its history and deletion page are those of every record: ``records``)."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from passerelle.core.exports import download
from passerelle.core.form_pages import form_page
from passerelle.core.kept_pages import filter_fields, kept_results
from passerelle.core.pagination import paginate, query_without
from passerelle.core.permissions import coordinator_required, public

from .. import exports, selectors, services
from ..forms import OrganisationFilterForm, OrganisationForm
from ..models import Organisation


@public
def organisation_list(request: HttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    filters = form.filters()
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


@coordinator_required
def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """A new organisation (no ``pk``), or the organisation ``pk``, edited."""
    organisation = get_object_or_404(Organisation, pk=pk) if pk else Organisation()
    form = OrganisationForm(request.POST or None, instance=organisation)

    def save(cleaned: dict) -> Organisation:
        data = {name: cleaned[name] for name in form.Meta.fields}
        if organisation.pk:
            return services.organisation_update(actor=request.user, organisation=organisation, data=data)
        return services.organisation_create(actor=request.user, data=data)

    return form_page(request, form, "directory/organisation_form.html", {"organisation": organisation}, save=save,
                     success=_("The organisation has been saved."))


@public
def organisation_export(request: HttpRequest, fmt: str) -> HttpResponse:
    filters = OrganisationFilterForm(request.GET or None).filters()
    organisations = selectors.organisation_list(user=request.user, filters=filters)
    return download(exports.organisations_dataset(organisations, layout=exports.layout_of(request.GET)), fmt,
                    "passerelle-organisations")
