/* Passerelle reports: charts (Chart.js) and the collaboration network (vis-network).
   Data comes from <script type="application/json"> blocks written by the server; the tables on
   the same page hold the same numbers, so without these libraries nothing is lost. */
(function () {
  "use strict";

  var PALETTE = ["#0b5cad", "#b3261e", "#1e7a3c", "#9a6700", "#6a3d9a", "#00838f", "#5b6775", "#c2185b"];
  var TERRITORY_COLOURS = { AURA: "#b3261e", QC: "#1d4f91", OTHER: "#5b6775" };

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function colourOf(dataset, index) {
    return TERRITORY_COLOURS[dataset.territory] || PALETTE[index % PALETTE.length];
  }

  // The data the server wrote under dataId and the box (element boxId) to draw it in, shown; null when
  // either is missing or the library did not load (the page's tables then stay the only view).
  function openBox(dataId, boxId, library) {
    var data = readJson(dataId);
    var box = document.getElementById(boxId);
    if (!data || !box || typeof window[library] === "undefined") {
      return null;
    }
    box.hidden = false;
    return { data: data, box: box };
  }

  function drawCharts() {
    var opened = openBox("reports-charts", "charts", "Chart");
    if (!opened) { return; }
    var box = opened.box;
    opened.data.forEach(function (chart) {
      var figure = box.querySelector('[data-chart="' + chart.key + '"]');
      if (!figure) { return; }
      var datasets = chart.datasets.map(function (dataset, index) {
        var colour = colourOf(dataset, index);
        return { label: dataset.label, data: dataset.data, backgroundColor: colour, borderColor: colour,
                 tension: 0.2, spanGaps: true };
      });
      new window.Chart(figure.querySelector("canvas"), {
        type: chart.kind,
        data: { labels: chart.labels, datasets: datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
                   plugins: { legend: { position: "bottom" } },
                   scales: { y: { beginAtZero: true } } }
      });
      figure.classList.add("drawn");
    });
  }

  function drawNetwork() {
    var opened = openBox("reports-network", "network", "vis");
    if (!opened) { return; }
    var data = opened.data, box = opened.box;
    var nodes = data.nodes.map(function (node) {
      return { id: node.id, label: node.label, title: node.title, value: node.degree,
               shape: node.kind === "organisation" ? "dot" : "diamond",
               color: TERRITORY_COLOURS[node.territory] || TERRITORY_COLOURS.OTHER };
    });
    // Cross-border links are amber; links that include co-publications are dashed, and purple
    // when they cross the border (the legend under the drawing says the same).
    var edges = data.edges.map(function (edge) {
      var colour = edge.cross_border ? (edge.coauthored ? "#6a3d9a" : "#e0a100") : (edge.coauthored ? "#8e99a6" : "#c5ccd5");
      return { from: edge.source, to: edge.target, value: edge.weight, title: edge.title, dashes: !!edge.coauthored,
               color: { color: colour, highlight: "#1d2733" } };
    });
    // Labels of small nodes appear when zooming in; weights set the edges' width; the layout
    // spreads nodes apart before freezing so that labels do not sit on each other.
    var network = new window.vis.Network(box.querySelector(".network-canvas"),
      { nodes: new window.vis.DataSet(nodes), edges: new window.vis.DataSet(edges) },
      { physics: { solver: "forceAtlas2Based", stabilization: { iterations: 250 },
                   forceAtlas2Based: { gravitationalConstant: -80, springLength: 120, avoidOverlap: 0.6 } },
        interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: true },
        nodes: { scaling: { min: 6, max: 30, label: { enabled: true, min: 11, max: 20, drawThreshold: 9 } },
                 font: { size: 12, strokeWidth: 3, strokeColor: "#ffffff" } },
        edges: { smooth: false, scaling: { min: 1, max: 8 } } });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      box.classList.add("drawn");
    });
    var field = document.getElementById("network-focus");
    var status = document.getElementById("network-focus-status");
    if (field) {
      field.addEventListener("change", function () {
        var wanted = field.value.trim().toLowerCase();
        var found = data.nodes.filter(function (node) { return node.label.toLowerCase() === wanted; })[0] ||
          data.nodes.filter(function (node) { return wanted && node.label.toLowerCase().indexOf(wanted) !== -1; })[0];
        if (!found) {
          network.unselectAll();
          box.removeAttribute("data-focus");
          status.textContent = wanted ? status.getAttribute("data-none") || "" : "";
          return;
        }
        network.selectNodes([found.id], true);
        network.focus(found.id, { scale: 1.4, animation: { duration: 400 } });
        box.setAttribute("data-focus", found.id);
        status.textContent = found.title;
      });
    }
  }

  function start() {
    drawCharts();
    drawNetwork();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
