"""People pages: list with search and filters, profile, edit, export (its history and deletion
page are those of every record: ``records``)."""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from passerelle.core import read_cache
from passerelle.core.exports import download
from passerelle.core.form_pages import form_page
from passerelle.core.kept_pages import filter_fields, kept_results
from passerelle.core.pagination import query_without
from passerelle.core.permissions import coordinator_required, member_required, public

from .. import exports, rules, selectors, services
from ..forms import AffiliationFormSet, PeopleFilterForm, PersonForm, affiliations_from
from ..models import Person


@public
def person_list(request: HttpRequest) -> HttpResponse:
    form = PeopleFilterForm(request.GET or None)
    filters = form.filters()
    people = selectors.with_card_relations(selectors.person_list(user=request.user, filters=filters))
    results, page = kept_results(request, people, "directory/includes/person_results.html", ranked=bool(filters.q))
    return render(request, "directory/person_list.html", {
        "form": form, "filter_fields": filter_fields(request, form), "results": results, "page": page,
        "filters": filters,
        "export_query": query_without(request, "page"),
        "show_contact": rules.can_see_contact(request.user),
    })


def visible_person(request: HttpRequest, pk: int) -> Person:
    """The profile if ``request.user`` may see it; otherwise 404 (its existence is not revealed)."""
    return get_object_or_404(selectors.with_profile_relations(selectors.people_visible_to(request.user)), pk=pk)


def shown_person(request: HttpRequest, pk: int) -> Person:
    """:func:`visible_person` for reading, kept in the read cache under its query (which carries the
    asker's visibility levels, and the asker when their own hidden profile is concerned)."""
    found = read_cache.cached_rows(selectors.with_profile_relations(selectors.people_listed_for(request.user))
                                   .filter(pk=pk))
    if not found:
        raise Http404
    return found[0]


@public
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = shown_person(request, pk)
    return render(request, "directory/person_detail.html", {
        "person": person,
        "can_edit": rules.can_edit_person(request.user, person),
        "show_contact": rules.can_see_contact(request.user),
        "is_coordinator": selectors.is_coordinator(request.user),
    })


def _edit(request: HttpRequest, person: Person, owner=None) -> HttpResponse:
    form = PersonForm(request.POST or None, instance=person)
    formset = AffiliationFormSet(request.POST or None, instance=person, prefix="aff")

    def save(_cleaned: dict) -> Person:
        tags = form.person_tags(affiliations_from(formset))
        if person.pk:
            return services.person_update(actor=request.user, person=person, data=form.person_data(), tags=tags)
        return services.person_create(actor=request.user, data=form.person_data(), tags=tags, user=owner)

    return form_page(request, form, "directory/person_form.html", {"formset": formset, "person": person},
                     formsets=[formset], save=save,
                     success=_("The profile has been saved.") if person.pk else _("The profile has been created."))


@member_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = visible_person(request, pk)
    if not rules.can_edit_person(request.user, person):
        raise Http404
    return _edit(request, person)


@coordinator_required
def person_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, Person())


@member_required
def my_profile(request: HttpRequest) -> HttpResponse:
    """A member's own profile: edit it, or create it the first time."""
    person = Person.objects.filter(user=request.user).first()
    if person is not None:
        return redirect("directory:person_edit", pk=person.pk)
    user = request.user
    return _edit(request, Person(user=user, email=user.email, first_name=user.first_name, last_name=user.last_name),
                 owner=user)


@public
def person_export(request: HttpRequest, fmt: str) -> HttpResponse:
    filters = PeopleFilterForm(request.GET or None).filters()
    people = selectors.with_profile_relations(selectors.person_list(user=request.user, filters=filters))
    return download(exports.people_dataset(people, with_contact=rules.can_see_contact(request.user),
                                           layout=exports.layout_of(request.GET)), fmt, "passerelle-people")
