"""The collaboration network: its figures on a graph drawn by hand, and the graph built from the
hand-built world (``world.py`` + ``pipeline.py``)."""
from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from passerelle.directory.models import Organisation
from passerelle.reports.indicators import ReportFilters
from passerelle.reports.network import NetworkFilters, collaboration_graph, network_figures


def hand_graph() -> nx.Graph:
    """X — A2 — A1 ═ Q1 — Q2 ≡ Q3, and apart Q4 — Q5 (═ two links, ≡ three)."""
    graph = nx.Graph()
    territories = {"A1": "AURA", "A2": "AURA", "Q1": "QC", "Q2": "QC", "Q3": "QC", "Q4": "QC", "Q5": "QC",
                   "X": "OTHER"}
    for name, territory in territories.items():
        graph.add_node(name, label=name, territory=territory, kind="organisation")
    for a, b, weight in [("A1", "Q1", 2), ("A1", "A2", 1), ("Q1", "Q2", 1), ("Q2", "Q3", 3), ("A2", "X", 1),
                         ("Q4", "Q5", 1)]:
        cross = {territories[a], territories[b]} == {"AURA", "QC"}
        graph.add_edge(a, b, weight=weight, cross_border=cross, kinds=Counter(meeting=weight))
    return graph


def test_figures_of_a_hand_drawn_network():
    figures = network_figures(hand_graph())
    assert (figures.nodes, figures.edges, figures.links) == (8, 6, 9)
    # Only A1–Q1 crosses the border: 1 pair of 6, 2 links of 9.
    assert (figures.cross_border_edges, figures.cross_border_links) == (1, 2)
    assert figures.cross_border_share == pytest.approx(1 / 6)
    assert figures.cross_border_link_share == pytest.approx(2 / 9)
    assert (figures.components, figures.largest_component) == (2, 6)
    assert figures.nodes_by_territory == {"AURA": 2, "QC": 5, "OTHER": 1}
    # On the path X–A2–A1–Q1–Q2–Q3 a node at position i lies on i × (5 − i) shortest paths; normalised by
    # the 21 pairs of the 7 other nodes. A1 and Q1 tie (sorted by name), then A2 and Q2.
    assert [(node, round(score * 21, 6)) for node, score in figures.connectors] == [
        ("A1", 6), ("Q1", 6), ("A2", 4), ("Q2", 4)]


def test_figures_of_an_empty_network():
    figures = network_figures(nx.Graph())
    assert (figures.nodes, figures.edges, figures.components, figures.connectors) == (0, 0, 0, [])
    assert figures.cross_border_share is None


def edges_by_label(graph) -> dict:
    return {tuple(sorted((graph.nodes[a]["label"], graph.nodes[b]["label"]))): data["weight"]
            for a, b, data in graph.edges(data=True)}


def test_network_of_organisations_from_meetings_projects_and_visits(pipeline):
    graph = collaboration_graph(NetworkFilters())
    # CLB–CRCHUM: M1 + P1 · CRCL–UdeS: M2 + P2 + denis visiting CRCL · CRCHUM–UdeS: M7 · CLB–UdeS: M5
    # CRCHUM–CRCL: chloe visiting CRCL.
    assert edges_by_label(graph) == {("CLB", "CRCHUM"): 2, ("CRCL", "UdeS"): 3, ("CRCHUM", "UdeS"): 1,
                                     ("CLB", "UdeS"): 1, ("CRCHUM", "CRCL"): 1}
    crcl, udes = (("organisation", Organisation.objects.get(acronym=a).pk) for a in ("CRCL", "UdeS"))
    assert graph.edges[crcl, udes]["kinds"] == Counter(meeting=1, project=1, visit=1)
    figures = network_figures(graph)
    assert (figures.nodes, figures.edges, figures.links) == (4, 5, 8)
    assert (figures.cross_border_edges, figures.cross_border_links) == (4, 7)  # all but CRCHUM–UdeS
    assert (figures.components, figures.largest_component) == (1, 4)
    # CLB and CRCL are not linked: their two shortest paths go through CRCHUM and through UdeS.
    assert [(graph.nodes[n]["label"], round(score * 6, 6)) for n, score in figures.connectors] == [
        ("CRCHUM", 1), ("UdeS", 1)]


def test_network_filters(pipeline):
    assert len(collaboration_graph(NetworkFilters(cross_border_only=True)).edges) == 4
    assert len(collaboration_graph(NetworkFilters(report=ReportFilters(territory="AURA"))).edges) == 4
    assert len(collaboration_graph(NetworkFilters(report=ReportFilters(territory="QC"))).edges) == 5
    meetings = collaboration_graph(NetworkFilters(kinds=frozenset({"meeting"})))
    assert edges_by_label(meetings) == {("CLB", "CRCHUM"): 1, ("CRCL", "UdeS"): 1, ("CRCHUM", "UdeS"): 1,
                                        ("CLB", "UdeS"): 1}
    # 2020 only: M5 (denis–alice) and the projects born that year, P1 and P2.
    year = collaboration_graph(NetworkFilters(report=ReportFilters(year_from=2020, year_to=2020)))
    assert edges_by_label(year) == {("CLB", "CRCHUM"): 1, ("CRCL", "UdeS"): 1, ("CLB", "UdeS"): 1}


def test_network_of_people(pipeline):
    graph = collaboration_graph(NetworkFilters(level="people"))
    names = {n: graph.nodes[n]["label"].split()[0] for n in graph.nodes}
    edges = {tuple(sorted((names[a], names[b]))): d["weight"] for a, b, d in graph.edges(data=True)}
    assert edges == {("Alice", "Chloé"): 2, ("Bruno", "Denis"): 2, ("Chloé", "Denis"): 1, ("Alice", "Denis"): 1,
                     ("CRCL", "Chloé"): 1, ("CRCL", "Denis"): 1}


def test_network_page_is_kept_for_a_while_per_language(pipeline, coordinator_client, settings, monkeypatch):
    from django.core.cache import cache
    from django.urls import reverse

    from passerelle.reports import network

    settings.REPORTS_REFRESH_SECONDS = 600
    cache.clear()
    built = []
    original = network.collaboration_graph

    def counting(filters):
        built.append(filters)
        return original(filters)

    monkeypatch.setattr(network, "collaboration_graph", counting)
    first = coordinator_client.get(reverse("reports:network"))
    again = coordinator_client.get(reverse("reports:network"))
    assert first.status_code == again.status_code == 200
    assert len(built) == 1
    assert first.context["figures"] == again.context["figures"]
    assert "Network computed on" in again.content.decode()
    coordinator_client.get(reverse("reports:network"), HTTP_ACCEPT_LANGUAGE="fr")
    coordinator_client.get(reverse("reports:network"), {"level": "people"})
    assert len(built) == 3  # another language, other filters: built again
