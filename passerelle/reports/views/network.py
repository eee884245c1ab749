"""The collaboration network for coordinators: its figures and strongest links as tables, and the
drawing (vis-network) from the same graph."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passerelle.core.permissions import coordinator_required

from .. import network
from ..forms import NetworkFilterForm, filters_from


@coordinator_required
def network_page(request: HttpRequest) -> HttpResponse:
    form, _filters = filters_from(request.GET, NetworkFilterForm)
    chosen = form.network_filters()
    graph = network.collaboration_graph(chosen)
    connector_kind = "organisation" if chosen.level == "organisations" else "person"
    figures = network.network_figures(graph, connector_kind=connector_kind)
    return render(request, "reports/network.html", {
        "form": form, "chosen": chosen, "figures": figures,
        "connectors": [(graph.nodes[node], score) for node, score in figures.connectors],
        "links": network.strongest_links(graph),
        "drawing": network.graph_for_browser(graph),
    })
