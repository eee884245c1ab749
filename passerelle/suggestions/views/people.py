"""A person's suggested partners (for themself and coordinators), and saving one as an opportunity."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from passerelle.core.permissions import member_required
from passerelle.directory.models import Person
from passerelle.directory.selectors import is_coordinator, people_visible_to

from .. import rules, selectors, services
from ..forms import SuggestionFilterForm, SuggestionFilters

PAGE_SIZE = 20


def person_for_suggestions(request: HttpRequest, pk: int) -> Person:
    """The person whose suggestions are asked: 404 if the viewer may not see the profile,
    403 if they see it but it is neither theirs nor are they a coordinator."""
    person = get_object_or_404(people_visible_to(request.user).prefetch_related("affiliations__organisation"), pk=pk)
    if not rules.can_see_suggestions(request.user, person):
        raise PermissionDenied
    return person


@member_required
def my_suggestions(request: HttpRequest) -> HttpResponse:
    person = Person.objects.filter(user=request.user).first()
    if person is not None:
        return redirect("suggestions:person", pk=person.pk)
    return render(request, "suggestions/no_profile.html")


@member_required
def person_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_for_suggestions(request, pk)
    form = SuggestionFilterForm(request.GET, coordinator=is_coordinator(request.user))
    filters = form.filters() if request.GET else SuggestionFilters()
    suggestions = selectors.suggest_partners(
        person, viewer=request.user, k=PAGE_SIZE, both_territories=filters.both_territories,
        kinds=[filters.kind] if filters.kind else None, category=filters.category or None,
        existing_ties=filters.existing_ties,
    )
    at_events = selectors.upcoming_event_suggestions(person, viewer=request.user)
    meeting_urls = selectors.meeting_request_urls(
        request.user, person, {s.person.pk for s in suggestions} | {row.partner_id for row in at_events})
    for row in at_events:
        row.meeting_url = meeting_urls.get((row.event_id, row.partner_id), "")
    soonest: dict[int, str] = {}
    for (_event, partner), url in meeting_urls.items():  # my_sessions gives the soonest event first
        soonest.setdefault(partner, url)
    return render(request, "suggestions/person_suggestions.html", {
        "person": person, "form": form, "suggestions": suggestions,
        "saved": selectors.saved_partner_ids(person, [s.person for s in suggestions]),
        "meeting_urls": soonest,
        "filter_query": urlencode(filters.as_query()),
        "in_index": selectors.is_indexed(person),
        "event_suggestions": at_events,
        "is_self": person.user_id == request.user.pk,
    })


@member_required
def save_opportunity(request: HttpRequest, pk: int, partner: int) -> HttpResponse:
    """GET: what will be saved (the pair, its score and reasons); POST: save it."""
    person = person_for_suggestions(request, pk)
    other = get_object_or_404(people_visible_to(request.user), pk=partner)
    suggestion = selectors.pair_suggestion(person, other, viewer=request.user)
    if suggestion is None:
        raise Http404(_("This person cannot be suggested to %(person)s.") % {"person": person.full_name})
    back = reverse("suggestions:person", args=[person.pk])
    query = request.GET.urlencode() if request.method == "GET" else request.POST.get("filters", "")
    back_with_filters = f"{back}?{query}" if query else back
    existing = selectors.saved_partner_ids(person, [other]).get(other.pk)
    if request.method == "POST" and existing is None:
        try:
            opportunity = services.suggestion_save_as_opportunity(actor=request.user, person=person, partner=other)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back_with_filters)
        messages.success(request, _("“%(title)s” is saved as an opportunity.") % {"title": opportunity.title})
        return redirect(opportunity)
    return render(request, "suggestions/save_opportunity.html", {
        "person": person, "suggestion": suggestion, "existing": existing, "back": back_with_filters,
        "filters": query,
    })
