"""The collaboration network for coordinators: its figures and strongest links as tables, and the
drawing (vis-network) from the same graph."""
from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from passerelle.core.permissions import coordinator_required

from .. import network
from ..figures import refresh_seconds
from ..forms import NetworkFilterForm, filters_from


def network_context(chosen: network.NetworkFilters) -> dict:
    """The graph's figures, strongest links and drawing, kept in the cache ``REPORTS_REFRESH_SECONDS``
    per filters and language (a large network takes seconds to build)."""
    seconds = refresh_seconds()
    key = f"reports:network:{get_language()}:{hashlib.sha1(repr(chosen).encode()).hexdigest()}"
    found = cache.get(key) if seconds else None
    if found is None:
        graph = network.collaboration_graph(chosen)
        connector_kind = "organisation" if chosen.level == "organisations" else "person"
        figures = network.network_figures(graph, connector_kind=connector_kind)
        found = {
            "figures": figures,
            "connectors": [(graph.nodes[node], score) for node, score in figures.connectors],
            "links": network.strongest_links(graph),
            "drawing": network.graph_for_browser(graph),
            "computed_at": timezone.now(),
        }
        if seconds:
            cache.set(key, found, seconds)
    return found


@coordinator_required
def network_page(request: HttpRequest) -> HttpResponse:
    form, _filters = filters_from(request.GET, NetworkFilterForm)
    chosen = form.network_filters()
    return render(request, "reports/network.html", {
        "form": form, "chosen": chosen, **network_context(chosen),
        "refresh_minutes": refresh_seconds() // 60,
    })
