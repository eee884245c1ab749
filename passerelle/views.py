"""Site-wide pages that gather several apps: the home page."""
from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passerelle.core.permissions import public
from passerelle.directory import selectors
from passerelle.directory.models import Organisation


@public
def home(request: HttpRequest) -> HttpResponse:
    people = selectors.people_visible_to(request.user)
    # COUNT(*), not COUNT(id): the visibility index answers it without reading the rows.
    by_territory = dict(people.values_list("territory").annotate(n=Count("*")).values_list("territory", "n"))
    return render(request, "home.html", {
        "people_count": sum(by_territory.values()),
        "by_territory": by_territory,
        "organisation_count": Organisation.objects.count(),
    })
