"""Publication pages: a work, a person's list, a member's "My publications" (identifiers, import,
hide and show, add by DOI, reference files) and the coordinators' import for many people."""
from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelle.core.pagination import paginate
from passerelle.core.permissions import coordinator_required, member_required, public
from passerelle.directory import services as directory_services
from passerelle.directory.models import Person
from passerelle.directory.selectors import people_visible_to

from . import profile_selectors, rules, services
from .enums import LinkOrigin, Source
from .forms import DoiForm, HarvestManyForm, IdentifiersForm, ReferenceFileForm
from .reference_files import Rejection


@public
def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = profile_selectors.publication_page(request.user, pk)
    sources = [Source(s).label for s in page.publication.sources if s in Source.values]
    return render(request, "publications/publication_detail.html",
                  {"page": page, "publication": page.publication, "sources": sources})


def _visible_person(request: HttpRequest, pk: int) -> Person:
    return get_object_or_404(people_visible_to(request.user), pk=pk)


@public
def person_publications(request: HttpRequest, pk: int) -> HttpResponse:
    person = _visible_person(request, pk)
    return render(request, "publications/person_publications.html", {
        "person": person, "page": paginate(request, profile_selectors.links_of(person, request.user)),
        "can_manage": rules.can_manage_publications(request.user, person),
    })


def _managed_person(request: HttpRequest, pk: int) -> Person:
    """The profile when the user may manage its works; 404 otherwise (another member's list is not theirs
    to change, and a hidden profile is not revealed)."""
    person = _visible_person(request, pk)
    if not rules.can_manage_publications(request.user, person):
        raise Http404
    return person


def _manage_page(request: HttpRequest, person: Person, **forms: Any) -> HttpResponse:
    """The "My publications" page, with the forms given bound (to show their errors) and the others empty."""
    return render(request, "publications/manage.html", {
        "person": person,
        "own": person.user_id == request.user.pk,
        "identifiers_form": forms.get("identifiers_form") or IdentifiersForm(person=person),
        "doi_form": forms.get("doi_form") or DoiForm(),
        "file_form": forms.get("file_form") or ReferenceFileForm(),
        "states": profile_selectors.harvest_states(person),
        "can_harvest": bool(person.orcid or person.idhal),
        "page": paginate(request, profile_selectors.managed_links(person)),
    }, status=400 if forms else 200)


@member_required
def my_publications(request: HttpRequest) -> HttpResponse:
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        return render(request, "publications/no_profile.html")
    return redirect("publications:manage", pk=person.pk)


@member_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    return _manage_page(request, _managed_person(request, pk))


@member_required
@require_POST
def identifiers(request: HttpRequest, pk: int) -> HttpResponse:
    person = _managed_person(request, pk)
    form = IdentifiersForm(request.POST, person=person)
    if not form.is_valid():
        return _manage_page(request, person, identifiers_form=form)
    directory_services.person_update(actor=request.user, person=person, data=form.cleaned_data)
    messages.success(request, _("The identifiers have been saved."))
    return redirect("publications:manage", pk=person.pk)


@member_required
@require_POST
def harvest(request: HttpRequest, pk: int) -> HttpResponse:
    person = _managed_person(request, pk)
    if not (person.orcid or person.idhal):
        messages.error(request, _("Link an ORCID iD or an idHAL first: the import looks for works by them."))
        return redirect("publications:manage", pk=person.pk)
    job = services.start_harvest(user=request.user, person_ids=[person.pk])
    return redirect(job)


@member_required
@require_POST
def add_doi(request: HttpRequest, pk: int) -> HttpResponse:
    person = _managed_person(request, pk)
    form = DoiForm(request.POST)
    if not form.is_valid():
        return _manage_page(request, person, doi_form=form)
    try:
        publication = services.add_by_doi(person=person, doi=form.cleaned_data["doi"])
    except services.PublicationNotFound as error:
        form.add_error("doi", str(error))
        return _manage_page(request, person, doi_form=form)
    messages.success(request, _("“%(title)s” is on the profile.") % {"title": publication.title})
    return redirect("publications:manage", pk=person.pk)


@member_required
@require_POST
def import_file(request: HttpRequest, pk: int) -> HttpResponse:
    person = _managed_person(request, pk)
    form = ReferenceFileForm(request.POST, request.FILES)
    if not form.is_valid():
        return _manage_page(request, person, file_form=form)
    read = form.cleaned_data["file"]
    report = services.save_records(person=person, records=read.records, origin=LinkOrigin.FILE)
    rejected = read.rejected + [Rejection("", "", reason) for reason in report.skipped]
    return render(request, "publications/import_report.html", {
        "person": person, "added": report.added, "known": report.updated + report.unchanged, "rejected": rejected,
        "filename": request.FILES["file"].name,
    })


@member_required
@require_POST
def link_visibility(request: HttpRequest, pk: int) -> HttpResponse:
    link = profile_selectors.managed_link(request.user, pk)
    if not rules.can_manage_publications(request.user, link.person):
        raise Http404
    hidden = request.POST.get("hidden") == "1"
    services.set_hidden(person=link.person, publication=link.publication, hidden=hidden, actor=request.user)
    messages.success(request, _("“%(title)s” is now hidden from the profile.") % {"title": link.publication.title}
                     if hidden else _("“%(title)s” is shown again on the profile.") % {"title": link.publication.title})
    return redirect(_next_url(request, link.person))


def _next_url(request: HttpRequest, person: Person) -> str:
    """Back where the button was (the profile or the manage page), never to another site."""
    wanted = request.POST.get("next", "")
    safe = wanted.startswith("/") and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return wanted if safe else person.get_absolute_url()


@member_required
def link_remove(request: HttpRequest, pk: int) -> HttpResponse:
    link = profile_selectors.managed_link(request.user, pk)
    if not rules.can_manage_publications(request.user, link.person):
        raise Http404
    if request.method == "POST":
        services.remove_link(person=link.person, publication=link.publication, actor=request.user)
        messages.success(request, _("“%(title)s” has been removed from the profile.")
                         % {"title": link.publication.title})
        return redirect("publications:manage", pk=link.person_id)
    return render(request, "publications/link_remove.html", {"link": link})


@coordinator_required
def harvest_many(request: HttpRequest) -> HttpResponse:
    form = HarvestManyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person_ids = form.person_ids()
        if person_ids:
            return redirect(services.start_harvest(user=request.user, person_ids=person_ids))
        messages.error(request, _("No profile has an ORCID iD or an idHAL yet: there is nobody to import for."))
    return render(request, "publications/harvest_many.html", {
        "form": form, "with_identifiers": profile_selectors.people_with_identifiers().count(),
        "failures": paginate(request, profile_selectors.failed_states()),
    })
