// Map page: the world outline (vendored world-atlas TopoJSON, drawn offline) shaded by events per
// actor country, plus dots for events that carry coordinates (event_loc lat/lon).
(function () {
  "use strict";
  var svg = document.getElementById("map");
  if (!svg || !window.topojson) return;
  var NS = "http://www.w3.org/2000/svg";
  var W = 960, H = 480;
  var QUAD = { 1: "#5aae61", 2: "#1b7837", 3: "#d8892b", 4: "#b2182b" };

  function project(lon, lat) { return [((lon + 180) / 360) * W, ((90 - lat) / 180) * H]; }

  // Rings that cross the antimeridian are unwrapped (longitudes made continuous) and drawn again
  // shifted by 360 degrees; the SVG clips what falls outside. A ring around a pole is closed along it.
  function unwrap(ring) {
    var shift = 0, previous = null;
    return ring.map(function (p) {
      var lon = p[0] + shift;
      if (previous !== null && lon - previous > 180) { shift -= 360; lon -= 360; }
      else if (previous !== null && lon - previous < -180) { shift += 360; lon += 360; }
      previous = lon;
      return [lon, p[1]];
    });
  }

  function pathOf(ring, offset) {
    return ring.map(function (p, i) {
      var xy = project(p[0] + offset, p[1]);
      return (i ? "L" : "M") + xy[0].toFixed(1) + "," + xy[1].toFixed(1);
    }).join("") + "Z";
  }

  function ringPath(ring) {
    var u = unwrap(ring);
    var lons = u.map(function (p) { return p[0]; });
    var min = Math.min.apply(null, lons), max = Math.max.apply(null, lons);
    if (max - min > 350) {
      var pole = u[0][1] < 0 ? -90 : 90;
      u = u.concat([[u[u.length - 1][0], pole], [u[0][0], pole]]);
      return pathOf(u, -360) + pathOf(u, 0) + pathOf(u, 360);
    }
    return pathOf(u, 0) + (max > 180 ? pathOf(u, -360) : "") + (min < -180 ? pathOf(u, 360) : "");
  }

  function geometryPath(geometry) {
    if (!geometry) return "";
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return polygons.map(function (polygon) { return polygon.map(ringPath).join(""); }).join("");
  }

  function el(name, attrs) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function shade(n, max) {
    if (!n) return "#e4e7ec";
    var t = Math.log(1 + n) / Math.log(1 + max);
    var light = Math.round(88 - 55 * t);
    return "hsl(212, 60%, " + light + "%)";
  }

  function draw(topology, counts, points) {
    var byNumeric = {};
    counts.items.forEach(function (c) { byNumeric[c.numeric] = c; });
    var max = Math.max.apply(null, counts.items.map(function (c) { return c.events; }).concat([1]));
    var shaded = 0;
    topojson.feature(topology, topology.objects.countries).features.forEach(function (f) {
      var c = byNumeric[f.id];
      var path = el("path", { d: geometryPath(f.geometry), fill: shade(c ? c.events : 0, max), class: "country" });
      var title = el("title", {});
      title.textContent = (f.properties.name || f.id) + ": " + (c ? c.events : 0) + " events as actor or recipient";
      path.appendChild(title);
      if (c) {
        shaded += 1;
        var link = el("a", { href: "/events?country=" + c.code });
        link.appendChild(path);
        svg.appendChild(link);
      } else {
        svg.appendChild(path);
      }
    });
    points.items.forEach(function (p) {
      var xy = project(p.lon, p.lat);
      var link = el("a", { href: "/events/" + encodeURIComponent(p.id), class: "point" });
      link.appendChild(el("circle", { cx: xy[0], cy: xy[1], r: 3.5, fill: QUAD[p.quad_code] || "#555", stroke: "#fff", "stroke-width": 0.8 }));
      var title = el("title", {});
      title.textContent = p.date + " " + p.event + " · " + p.place;
      link.appendChild(title);
      svg.appendChild(link);
    });
    var zoom = fitToPoints(points.items);
    svg.dataset.shaded = String(shaded);
    svg.dataset.points = String(points.items.length);
    document.getElementById("map-caption").textContent = shaded + " countries shaded (darker: more events, log scale; max " +
      max + ") · " + points.items.length + " located events" + (points.items.length ? "" : " (no event has coordinates yet)");
    if (zoom) addZoomToggle(zoom);
  }

  // The located events usually sit in one region: show that region (2:1, padded) rather than
  // a pile of dots on the whole world; the dots keep their size on screen.
  function fitToPoints(items) {
    if (!items.length) return null;
    var xy = items.map(function (p) { return project(p.lon, p.lat); });
    var xs = xy.map(function (q) { return q[0]; }), ys = xy.map(function (q) { return q[1]; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var w = Math.max((x1 - x0) * 1.6, 2 * (y1 - y0) * 1.6, 120), h = w / 2;
    if (w >= W * 0.8) return null;
    var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    var box = [Math.min(Math.max(cx - w / 2, 0), W - w), Math.min(Math.max(cy - h / 2, 0), H - h), w, h];
    setView(box);
    return box;
  }

  function setView(box) {
    svg.setAttribute("viewBox", box.join(" "));
    var k = box[2] / W;
    svg.querySelectorAll("a.point circle").forEach(function (c) {
      c.setAttribute("r", 3.5 * k + 1.5 * Math.sqrt(k));
      c.setAttribute("stroke-width", 0.8 * k);
    });
    svg.dataset.zoomed = box[2] < W ? "1" : "0";
  }

  function addZoomToggle(box) {
    var button = document.createElement("button");
    button.type = "button";
    button.id = "map-zoom";
    button.textContent = "Whole world";
    button.addEventListener("click", function () {
      var whole = svg.dataset.zoomed === "1";
      setView(whole ? [0, 0, W, H] : box);
      button.textContent = whole ? "Zoom to located events" : "Whole world";
    });
    document.getElementById("map-caption").appendChild(button);
  }

  function json(url) { return fetch(url).then(function (r) { return r.json(); }); }
  Promise.all([json("/static/vendor/countries-110m.json"), json(svg.dataset.countries), json(svg.dataset.locations)])
    .then(function (all) { draw(all[0], all[1], all[2]); });
})();
