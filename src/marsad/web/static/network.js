// Network page: actors as nodes, actor -> recipient event counts as edges, in a small force layout (SVG).
(function () {
  "use strict";
  var svg = document.getElementById("network");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg";
  var W = 860, H = 560;

  function el(name, attrs) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  // Fruchterman-Reingold from a circle: deterministic, enough for a few hundred nodes.
  function layout(nodes, edges) {
    var n = nodes.length, k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.6;
    nodes.forEach(function (node, i) {
      var angle = (2 * Math.PI * i) / Math.max(n, 1);
      node.x = W / 2 + (W / 3) * Math.cos(angle);
      node.y = H / 2 + (H / 3) * Math.sin(angle);
    });
    var byId = {};
    nodes.forEach(function (node) { byId[node.id] = node; });
    for (var step = 0, heat = W / 10; step < 300; step++, heat *= 0.985) {
      nodes.forEach(function (a) { a.dx = 0; a.dy = 0; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
          var d = Math.max(Math.hypot(dx, dy), 0.01), f = (k * k) / d;
          a.dx += (dx / d) * f; a.dy += (dy / d) * f; b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
        }
      }
      edges.forEach(function (e) {
        var s = byId[e.source], t = byId[e.target], dx = s.x - t.x, dy = s.y - t.y;
        var d = Math.max(Math.hypot(dx, dy), 0.01), f = (d * d) / k;
        s.dx -= (dx / d) * f; s.dy -= (dy / d) * f; t.dx += (dx / d) * f; t.dy += (dy / d) * f;
      });
      nodes.forEach(function (a) {
        var d = Math.max(Math.hypot(a.dx, a.dy), 0.01), move = Math.min(d, heat);
        a.x = Math.min(W - 30, Math.max(30, a.x + (a.dx / d) * move));
        a.y = Math.min(H - 20, Math.max(20, a.y + (a.dy / d) * move));
      });
    }
    return byId;
  }

  function arrowHead() {
    var defs = el("defs", {});
    var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9,
      markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" });
    marker.appendChild(el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#555" }));
    defs.appendChild(marker);
    svg.appendChild(defs);
  }

  function draw(data) {
    arrowHead();
    var byId = layout(data.nodes, data.edges);
    var maxEdge = Math.max.apply(null, data.edges.map(function (e) { return e.weight; }).concat([1]));
    var maxNode = Math.max.apply(null, data.nodes.map(function (d) { return d.weight; }).concat([1]));
    data.nodes.forEach(function (d) { byId[d.id].r = 5 + 14 * Math.sqrt(d.weight / maxNode); });
    data.edges.forEach(function (e) {
      var s = byId[e.source], t = byId[e.target];
      var colour = e.intensity === null || Math.abs(e.intensity) < 0.5 ? "#8a94a6" : e.intensity > 0 ? "#1b7837" : "#b2182b";
      // A slight bend to the right of the direction keeps A->B and B->A apart; the arrow stops at the node.
      var mx = (s.x + t.x) / 2 + (t.y - s.y) * 0.12, my = (s.y + t.y) / 2 - (t.x - s.x) * 0.12;
      var ux = t.x - mx, uy = t.y - my, len = Math.max(Math.hypot(ux, uy), 0.01);
      var ex = t.x - (ux / len) * (t.r + 3), ey = t.y - (uy / len) * (t.r + 3);
      var line = el("path", { d: "M" + s.x + "," + s.y + " Q" + mx + "," + my + " " + ex + "," + ey,
        stroke: colour, "stroke-opacity": 0.6, fill: "none", "marker-end": "url(#arrow)",
        "stroke-width": 1 + 6 * Math.sqrt(e.weight / maxEdge), class: "edge" });
      var title = el("title", {});
      title.textContent = e.source + " → " + e.target + ": " + e.weight + " events, mean intensity " + e.intensity;
      line.appendChild(title);
      svg.appendChild(line);
    });
    data.nodes.forEach(function (d) {
      var link = el("a", { href: "/actors/" + encodeURIComponent(d.id), class: "node" });
      var r = byId[d.id].r;
      link.appendChild(el("circle", { cx: byId[d.id].x, cy: byId[d.id].y, r: r, fill: "#4e79a7", stroke: "#fff" }));
      var label = el("text", { x: byId[d.id].x + r + 2, y: byId[d.id].y + 4 });
      label.textContent = d.id;
      var title = el("title", {});
      title.textContent = d.name + " (" + d.id + "): " + d.weight + " events";
      link.append(title, label);
      svg.appendChild(link);
    });
    document.getElementById("network-caption").textContent =
      data.nodes.length + " actors, " + data.edges.length + " edges (the busiest pairs)";
    svg.dataset.nodes = String(data.nodes.length);
  }

  fetch(svg.dataset.src).then(function (r) { return r.json(); }).then(draw);
})();
