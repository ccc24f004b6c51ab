// Dyad page: the actor menu and the busiest pairs load from the API after the page shows.
(function () {
  "use strict";
  function json(url) { return fetch(url).then(function (r) { return r.json(); }); }
  json("/api/actors?limit=100").then(function (body) {
    var list = document.getElementById("actor-codes");
    body.items.forEach(function (actor) {
      var option = document.createElement("option");
      option.value = actor.code;
      option.textContent = actor.name + " (" + actor.events + ")";
      list.appendChild(option);
    });
  });
  json("/api/network?limit=12").then(function (graph) {
    var line = document.getElementById("busiest-pairs");
    graph.edges.forEach(function (edge) {
      var chip = document.createElement("a");
      chip.className = "chip";
      chip.href = "/dyad?" + new URLSearchParams({ a: edge.source, b: edge.target });
      chip.textContent = edge.source + "→" + edge.target + " (" + edge.weight + ")";
      line.append(chip, " ");
    });
    line.hidden = graph.edges.length === 0;
  });
})();

// Dyad page: clicking a point lists the events behind it (fetched from the API) below the chart.
(function () {
  "use strict";
  var chart = document.getElementById("dyad-chart");
  var panel = document.getElementById("dyad-events");
  if (!chart || !panel) return;

  function monthBounds(month) {
    var parts = month.split("-");
    var last = new Date(Date.UTC(+parts[0], +parts[1], 0)).getUTCDate();
    return { since: month + "-01", until: month + "-" + String(last).padStart(2, "0") };
  }

  function item(ev) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(ev.id);
    link.className = "type quad" + ev.quad_code;
    link.textContent = ev.event;
    var who = document.createElement("span");
    who.textContent = " " + (ev.date || "") + " " + ev.actor.map(function (e) { return e.code; }).join(",") +
      " → " + ev.recipient.map(function (e) { return e.code; }).join(",") + " ";
    var text = document.createElement("bdi");
    text.setAttribute("dir", "auto");
    text.textContent = ev.event_text;
    li.append(link, who, text);
    return li;
  }

  function show(month, side, quads) {
    var bounds = monthBounds(month);
    var requests = quads.split(",").map(function (quad) {
      var params = new URLSearchParams({ dyad: panel.dataset.dyad, since: bounds.since, until: bounds.until, quad: quad, limit: "100" });
      return fetch("/api/events?" + params).then(function (r) { return r.json(); });
    });
    Promise.all(requests).then(function (pages) {
      var items = pages.flatMap(function (p) { return p.items; });
      var list = document.getElementById("dyad-event-list");
      list.replaceChildren.apply(list, items.map(item));
      document.getElementById("dyad-events-title").textContent = month + " · " + side + " · " + items.length + " events";
      panel.hidden = false;
      panel.scrollIntoView({ block: "nearest" });
    });
  }

  chart.querySelectorAll("a.mark").forEach(function (mark) {
    mark.addEventListener("click", function (event) {
      event.preventDefault();
      show(mark.dataset.month, mark.dataset.side, mark.dataset.quads);
    });
  });
})();
