"""Site-wide pages: home."""
from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from passerelle.core.health import health, status_word
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


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors: 200 when healthy, 503 otherwise (``core/health.py``)."""
    ok, checks = health()
    return JsonResponse({"status": status_word(checks), "checks": checks}, status=200 if ok else 503)
