"""The drawing of the collaboration network stays readable: at most ``limit`` nodes, the heaviest
edges between them plus each node's own heaviest, and it says how many links it leaves out."""
from __future__ import annotations

from collections import Counter

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.reports.network import graph_for_browser


def graph_of(edges: list[tuple[int, int, int]]) -> nx.Graph:
    graph = nx.Graph()
    for a, b, weight in edges:
        if a != b:
            graph.add_edge(("organisation", a), ("organisation", b), weight=weight, kinds=Counter({"meeting": weight}),
                           cross_border=(a + b) % 2 == 1)
    for node in graph.nodes:
        graph.nodes[node].update(label=f"Org {node[1]}", territory="AURA", kind="organisation")
    return graph


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(1, 9)), max_size=300),
       st.integers(2, 30), st.integers(0, 50))
def test_the_drawing_keeps_the_heaviest_and_leaves_no_kept_node_alone(edges, limit, top_edges):
    graph = graph_of(edges)
    drawing = graph_for_browser(graph, limit=limit, top_edges=top_edges)
    ids = {node["id"] for node in drawing["nodes"]}
    assert len(ids) == min(limit, graph.number_of_nodes())
    assert all(edge["source"] in ids and edge["target"] in ids for edge in drawing["edges"])
    linked = {end for edge in drawing["edges"] for end in (edge["source"], edge["target"])}
    kept_graph = graph.subgraph([n for n in graph.nodes if f"o{n[1]}" in ids])
    assert linked == {f"o{n[1]}" for n in kept_graph.nodes if kept_graph.degree(n) > 0}
    assert len(drawing["edges"]) + drawing["edges_left_out"] == kept_graph.number_of_edges()
    weights = sorted((d["weight"] for _a, _b, d in kept_graph.edges(data=True)), reverse=True)
    shown = sorted((edge["weight"] for edge in drawing["edges"]), reverse=True)
    assert shown[:min(top_edges, len(weights))] == weights[:min(top_edges, len(weights))]


def test_a_hairball_is_thinned_to_what_the_eye_can_follow():
    edges = [(a, b, 1 + (a * b) % 5) for a in range(52) for b in range(a + 1, 52) if (a + b) % 3 == 0]
    drawing = graph_for_browser(graph_of(edges))
    assert len(drawing["nodes"]) == 52 and len(drawing["edges"]) <= 120 + 52
    assert drawing["edges_left_out"] > 0
