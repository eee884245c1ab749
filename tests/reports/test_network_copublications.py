"""Co-publications in the collaboration network of ``pipeline.py``, counted by hand.

    W1, W2  2021  alice (AURA, CLB), chloe (QC, CRCHUM)     two works across the border
    W3      2020  alice, bruno (AURA, CRCL)                 one work on one side
    W4      2021  chloe, denis (QC, UdeS), denis hid it     no link
    W5      2022  emma (QC, no organisation), farid (AURA, CLB)  emma has no organisation: people level only
"""
from __future__ import annotations

from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from passerelle.directory.models import Organisation
from passerelle.reports.indicators import ReportFilters
from passerelle.reports.network import NetworkFilters, collaboration_graph, graph_for_browser, strongest_links
from tests.publications.factories import work

COAUTHORSHIP = frozenset({"coauthorship"})


@pytest.fixture
def works(pipeline, world):
    p = world.people
    work(2021, p["alice"], p["chloe"])
    work(2021, p["chloe"], p["alice"])
    work(2020, p["alice"], p["bruno"])
    work(2021, p["chloe"], p["denis"], hidden=[p["denis"]])
    work(2022, p["emma"], p["farid"])


def labelled(graph) -> dict:
    names = {n: graph.nodes[n]["label"].split()[0] for n in graph.nodes}
    return {tuple(sorted((names[a], names[b]))): (d["weight"], d["cross_border"]) for a, b, d in graph.edges(data=True)}


def test_co_publications_are_weighted_links_between_people(works):
    graph = collaboration_graph(NetworkFilters(level="people", kinds=COAUTHORSHIP))
    assert labelled(graph) == {("Alice", "Chloé"): (2, True), ("Alice", "Bruno"): (1, False),
                               ("Emma", "Farid"): (1, True)}


def test_co_publications_add_up_with_the_other_links_between_organisations(works):
    graph = collaboration_graph(NetworkFilters())
    clb, crchum, crcl = (("organisation", Organisation.objects.get(acronym=a).pk) for a in ("CLB", "CRCHUM", "CRCL"))
    # CLB–CRCHUM: M1 + P1 (test_network.py) + W1 + W2; CLB–CRCL: W3 only; emma has no organisation.
    assert graph.edges[clb, crchum]["kinds"] == Counter(meeting=1, project=1, coauthorship=2)
    assert graph.edges[clb, crcl]["kinds"] == Counter(coauthorship=1)
    without = collaboration_graph(NetworkFilters(kinds=frozenset({"meeting", "project", "visit"})))
    assert without.edges[clb, crchum]["kinds"] == Counter(meeting=1, project=1)
    assert not without.has_edge(clb, crcl)


def test_co_publications_follow_the_period_and_ignore_event_and_theme_filters(works, world):
    in_2021 = collaboration_graph(NetworkFilters(report=ReportFilters(year_from=2021, year_to=2021),
                                                 level="people", kinds=COAUTHORSHIP))
    assert labelled(in_2021) == {("Alice", "Chloé"): (2, True)}
    with_event = collaboration_graph(NetworkFilters(report=ReportFilters(event=world.events["E1"].pk),
                                                    kinds=COAUTHORSHIP))
    assert with_event.number_of_edges() == 0


def test_the_drawing_and_the_table_mark_cross_border_co_publications(works):
    graph = collaboration_graph(NetworkFilters(level="people", kinds=COAUTHORSHIP))
    drawing = graph_for_browser(graph)
    assert sorted((e["weight"], e["cross_border"], e["coauthored"]) for e in drawing["edges"]) == [
        (1, False, True), (1, True, True), (2, True, True)]
    top = strongest_links(graph)[0]
    assert (top["weight"], top["cross_border"], top["coauthored"], top["kinds"]) == (
        2, True, True, "2 publications together")


def test_the_page_shows_the_filter_the_legend_and_the_highlighted_rows(works, coordinator_client):
    url = reverse("reports:network")
    page = coordinator_client.get(url).content.decode()
    assert 'value="coauthorship"' in page and "cross-border co-publications" in page
    assert 'class="cross-border cross-coauthored"' in page
    assert "style=" not in page.split("<body", 1)[1]  # no inline style (the CSP refuses them)
    assert "<script>" not in page
    hidden = coordinator_client.get(url + "?kinds=meeting&kinds=project&kinds=visit").content.decode()
    assert "publications together" not in hidden


def test_members_never_see_the_network(works, member_client):
    assert member_client.get(reverse("reports:network")).status_code == 403
    assert Client().get(reverse("reports:network")).status_code == 302
