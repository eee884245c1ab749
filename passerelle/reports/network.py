"""The collaboration network, computed on the server with networkx.

Links come from what people did together: meetings held (everyone at the table), joint projects
born (every pair of partners), site visits of delegations (each member and the organisation
visited) and co-publications (every pair of people who have the same work on their profile, one
link per work, links hidden by their person left out). At the *people* level the nodes are people
(and the organisations visited); at the *organisations* level each person is replaced by their
main organisation and links between the same two organisations add up. A link is *cross-border*
when it joins Auvergne-Rhône-Alpes and Québec. ``network_figures`` works on any graph and is
tested on graphs built by hand.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from passerelle.core.enums import Territory
from passerelle.directory.models import Affiliation, Organisation, Person
from passerelle.events.enums import ItemKind, ItemStatus
from passerelle.events.models import ProgrammeItem
from passerelle.meetings.models import MeetingAttendee
from passerelle.projects.models import ProjectPartner
from passerelle.publications.selectors import coauthor_pairs

from .indicators import ReportFilters
from .indicators.events import accompanied_events
from .indicators.meetings import held_meetings
from .indicators.projects import born_projects

LINK_KINDS = {"meeting": _("meetings held"), "project": _("joint projects"), "visit": _("delegation visits"),
              "coauthorship": _("co-publications")}


def link_count(kind: str, n: int) -> str:
    """« 1 projet conjoint », « 3 projets conjoints »: the count of one kind of link, in the right number."""
    if kind == "meeting":
        return ngettext("%(n)d meeting held", "%(n)d meetings held", n) % {"n": n}
    if kind == "project":
        return ngettext("%(n)d joint project", "%(n)d joint projects", n) % {"n": n}
    if kind == "coauthorship":
        return ngettext("%(n)d publication together", "%(n)d publications together", n) % {"n": n}
    return ngettext("%(n)d delegation visit", "%(n)d delegation visits", n) % {"n": n}


def links_text(counter: Counter) -> str:
    return ", ".join(link_count(k, n) for k, n in sorted(counter.items()))
LEVELS = {"organisations": _("Organisations"), "people": _("People")}
CROSS = frozenset({Territory.AURA, Territory.QC})
# Betweenness costs about (sources × edges) steps in Python. Within this budget it is exact; beyond, it is
# estimated from a fixed sample of sources (the same answer each run), never fewer than MIN_SOURCES.
BETWEENNESS_BUDGET = 250_000
MIN_SOURCES = 24


@dataclass(frozen=True)
class NetworkFilters:
    report: ReportFilters = ReportFilters()
    level: str = "organisations"
    kinds: frozenset[str] = frozenset(LINK_KINDS)
    cross_border_only: bool = False


Node = tuple[str, int]  # ("person", pk) or ("organisation", pk)


def person(pk: int) -> Node:
    return ("person", pk)


def organisation(pk: int) -> Node:
    return ("organisation", pk)


def _meeting_links(filters: ReportFilters) -> Iterable[tuple[Node, Node, str]]:
    tables: dict[int, list[int]] = defaultdict(list)
    seats = MeetingAttendee.objects.filter(active=True, meeting__in=held_meetings(filters)).order_by()
    for meeting_id, person_id in seats.values_list("meeting_id", "person_id").iterator(chunk_size=20000):
        tables[meeting_id].append(person_id)
    for people in tables.values():
        for a, b in combinations(sorted(set(people)), 2):
            yield person(a), person(b), "meeting"


def _project_links(filters: ReportFilters) -> Iterable[tuple[Node, Node, str]]:
    teams: dict[int, set[Node]] = defaultdict(set)
    partners = ProjectPartner.objects.filter(project__in=born_projects(filters, territory=False).values("pk"))
    for project_id, person_id, organisation_id in partners.values_list("project_id", "person_id", "organisation_id"):
        teams[project_id].add(person(person_id) if person_id else organisation(organisation_id))
    for team in teams.values():
        for a, b in combinations(sorted(team), 2):
            yield a, b, "project"


def _visit_links(filters: ReportFilters) -> Iterable[tuple[Node, Node, str]]:
    visits = (ProgrammeItem.objects.filter(kind=ItemKind.VISIT, status=ItemStatus.SCHEDULED,
                                           event__in=accompanied_events(filters), delegation__isnull=False,
                                           visited_organisation__isnull=False)
              .values_list("visited_organisation_id", "delegation__members"))
    for organisation_id, person_id in visits:
        if person_id:
            yield person(person_id), organisation(organisation_id), "visit"


def _coauthorship_links(filters: ReportFilters) -> Iterable[tuple[Node, Node, str]]:
    """One link per work two people signed together; works have no event nor theme, so with an event,
    a category or a site chosen there are none."""
    if filters.event or filters.category or filters.site:
        return
    pairs = coauthor_pairs(year_from=filters.year_from, year_to=filters.year_to)
    for (a, b), works in sorted(pairs.items()):
        for _work in range(works):
            yield person(a), person(b), "coauthorship"


def main_organisations(people: set[int]) -> dict[int, int]:
    """Each person's main organisation (the one marked main, else the first by name)."""
    found: dict[int, int] = {}
    for person_id, organisation_id in (Affiliation.objects.filter(person_id__in=people)
                                       .order_by("person_id", "-is_primary", "organisation__name")
                                       .values_list("person_id", "organisation_id")):
        found.setdefault(person_id, organisation_id)
    return found


def collaboration_graph(filters: NetworkFilters) -> nx.Graph:
    """The network as a weighted graph: nodes carry ``kind``, ``label``, ``territory``; edges carry
    ``weight`` (number of links), ``kinds`` (links per kind) and ``cross_border``."""
    sources = {"meeting": _meeting_links, "project": _project_links, "visit": _visit_links,
               "coauthorship": _coauthorship_links}
    links = Counter()
    kinds: dict[tuple[Node, Node], Counter] = defaultdict(Counter)
    for kind in sorted(filters.kinds & set(sources)):
        for a, b, what in sources[kind](filters.report):
            links[(a, b)] += 1
            kinds[(a, b)][what] += 1
    if filters.level == "organisations":
        links, kinds = _to_organisations(links, kinds)
    graph = nx.Graph()
    for (a, b), weight in links.items():
        if a == b:
            continue
        if graph.has_edge(a, b):
            graph[a][b]["weight"] += weight
            graph[a][b]["kinds"].update(kinds[(a, b)])
        else:
            graph.add_edge(a, b, weight=weight, kinds=Counter(kinds[(a, b)]))
    _describe_nodes(graph)
    for a, b, data in graph.edges(data=True):
        data["cross_border"] = {graph.nodes[a]["territory"], graph.nodes[b]["territory"]} == CROSS
    territory = filters.report.territory
    if territory:
        graph = graph.edge_subgraph([(a, b) for a, b in graph.edges
                                     if territory in (graph.nodes[a]["territory"], graph.nodes[b]["territory"])]).copy()
    if filters.cross_border_only:
        graph = graph.edge_subgraph([(a, b) for a, b, cross in graph.edges(data="cross_border") if cross]).copy()
    return graph


def _to_organisations(links: Counter, kinds: dict) -> tuple[Counter, dict]:
    people = {pk for pair in links for kind, pk in pair if kind == "person"}
    main = main_organisations(people)
    merged, merged_kinds = Counter(), defaultdict(Counter)
    for (a, b), weight in links.items():
        ends = []
        for kind, pk in (a, b):
            if kind == "organisation":
                ends.append(organisation(pk))
            elif pk in main:
                ends.append(organisation(main[pk]))
        if len(ends) == 2 and ends[0] != ends[1]:
            pair = tuple(sorted(ends))
            merged[pair] += weight
            merged_kinds[pair].update(kinds[(a, b)])
    return merged, merged_kinds


def _describe_nodes(graph: nx.Graph) -> None:
    people = [pk for kind, pk in graph.nodes if kind == "person"]
    organisations = [pk for kind, pk in graph.nodes if kind == "organisation"]
    for pk, first, last, territory in Person.objects.filter(pk__in=people).values_list(
            "pk", "first_name", "last_name", "territory"):
        graph.nodes[person(pk)].update(kind="person", label=f"{first} {last}".strip(), territory=territory)
    for pk, name, acronym, territory in Organisation.objects.filter(pk__in=organisations).values_list(
            "pk", "name", "acronym", "territory"):
        graph.nodes[organisation(pk)].update(kind="organisation", label=acronym or name, name=name,
                                             territory=territory)


@dataclass
class NetworkFigures:
    nodes: int = 0
    edges: int = 0
    links: int = 0
    cross_border_edges: int = 0
    cross_border_links: int = 0
    components: int = 0
    largest_component: int = 0
    betweenness_exact: bool = True
    connectors: list[tuple[Node, float]] = field(default_factory=list)
    nodes_by_territory: dict[str, int] = field(default_factory=dict)

    @property
    def cross_border_share(self) -> float | None:
        """Share of the pairs linked that cross the border."""
        return self.cross_border_edges / self.edges if self.edges else None

    @property
    def cross_border_link_share(self) -> float | None:
        """Share of the links (meetings, projects, visits) that cross the border."""
        return self.cross_border_links / self.links if self.links else None


def network_figures(graph: nx.Graph, *, top: int = 10, connector_kind: str | None = "organisation") -> NetworkFigures:
    """Size, cross-border shares, connected components and the nodes that connect most (highest
    betweenness centrality, normalised; only ``connector_kind`` nodes are ranked when given)."""
    figures = NetworkFigures(nodes=graph.number_of_nodes(), edges=graph.number_of_edges())
    if not figures.nodes:
        return figures
    for _a, _b, data in graph.edges(data=True):
        weight = data.get("weight", 1)
        figures.links += weight
        if data.get("cross_border"):
            figures.cross_border_edges += 1
            figures.cross_border_links += weight
    components = list(nx.connected_components(graph))
    figures.components = len(components)
    figures.largest_component = max(len(c) for c in components)
    figures.nodes_by_territory = dict(Counter(t for _n, t in graph.nodes(data="territory")))
    sources = max(MIN_SOURCES, BETWEENNESS_BUDGET // max(figures.edges, 1))
    if sources < figures.nodes:
        figures.betweenness_exact = False
        centrality = nx.betweenness_centrality(graph, k=sources, seed=7)
    else:
        centrality = nx.betweenness_centrality(graph)
    ranked = [(node, score) for node, score in centrality.items()
              if score > 0 and (connector_kind is None or graph.nodes[node].get("kind") == connector_kind)]
    ranked.sort(key=lambda item: (-item[1], graph.nodes[item[0]].get("label", "")))
    figures.connectors = ranked[:top]
    return figures


def graph_for_browser(graph: nx.Graph, *, limit: int = 60, top_edges: int = 120) -> dict:
    """Nodes and edges for vis-network, kept readable: the ``limit`` most linked nodes, and among
    the edges between them the ``top_edges`` heaviest plus each node's heaviest one (so no kept node
    floats alone). The figures and the tables count everything; the drawing says what it leaves out."""
    strength = dict(graph.degree(weight="weight"))
    kept = set(sorted(graph.nodes, key=lambda n: (-strength[n], graph.nodes[n].get("label", "")))[:limit])
    ids = {node: f"{node[0][0]}{node[1]}" for node in kept}
    between = [(a, b, d) for a, b, d in graph.edges(data=True) if a in kept and b in kept]
    heaviest = sorted(between, key=lambda e: (-e[2]["weight"], ids[e[0]], ids[e[1]]))
    shown = {(a, b) for a, b, _d in heaviest[:top_edges]}
    best_of: dict = {}
    for a, b, _d in heaviest:
        for node in (a, b):
            best_of.setdefault(node, (a, b))
    shown |= set(best_of.values())
    edges = [(a, b, d) for a, b, d in heaviest if (a, b) in shown]
    return {
        "nodes": [{"id": ids[n], "label": graph.nodes[n].get("label", ""), "kind": graph.nodes[n].get("kind"),
                   "territory": graph.nodes[n].get("territory", ""), "degree": strength[n],
                   "title": graph.nodes[n].get("name", graph.nodes[n].get("label", ""))}
                  for n in sorted(kept, key=lambda n: graph.nodes[n].get("label", ""))],
        "edges": [{"source": ids[a], "target": ids[b], "weight": d["weight"], "cross_border": d["cross_border"],
                   "coauthored": bool(d["kinds"].get("coauthorship")), "title": links_text(d["kinds"])}
                  for a, b, d in edges],
        "truncated": graph.number_of_nodes() > len(kept),
        "edges_left_out": len(between) - len(edges),
    }


def strongest_links(graph: nx.Graph, *, top: int = 30) -> list[dict]:
    """The pairs with the most links, for the table beside (or instead of) the drawing."""
    ranked = sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], graph.nodes[e[0]].get("label", ""),
                                                           graph.nodes[e[1]].get("label", "")))
    return [{"a": graph.nodes[a], "b": graph.nodes[b], "weight": d["weight"], "cross_border": d["cross_border"],
             "coauthored": bool(d["kinds"].get("coauthorship")), "kinds": links_text(d["kinds"])}
            for a, b, d in ranked[:top]]
