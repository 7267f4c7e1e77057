// summit export html: the page's script (embedded into the page by src/export.rs).
// Reads the network's meetings from <script id="summit-data" type="application/json">:
//   entities: [{iri, label, zh, names}]      people and places, by index
//   nodes:    [entity index]                  node i of the picture (data-i)
//   edges:    [[meeting index]]               edge e of the picture (data-e)
//   meetings: [{iri, date, place, participants, attendees, reports: [{id, url, evidence: [{text, rule}]}]}]
// Everything from the data reaches the page as text (textContent), never as markup.
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("summit-data").textContent);
  var view = document.getElementById("view");
  var svg = view.querySelector("svg");
  var panel = document.getElementById("panel");
  var info = document.getElementById("info");
  var hint = panel.innerHTML;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function name(i) {
    var e = data.entities[i];
    return e.zh && e.zh !== e.label ? e.label + " " + e.zh : e.label;
  }
  function names(list) { return list.map(name).join(", "); }
  function web(url) { return typeof url === "string" && /^https?:\/\//i.test(url); }

  // The days a date covers, as [first, last] in ms (UTC); null for "--07-03" or none.
  function span(d) {
    if (!d) return null;
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
    if (!m) return null;
    var y = +m[1];
    if (m[3]) { var t = Date.UTC(y, +m[2] - 1, +m[3]); return [t, t]; }
    if (m[2]) return [Date.UTC(y, +m[2] - 1, 1), Date.UTC(y, +m[2], 0)];
    return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)];
  }
  data.meetings.forEach(function (m, i) { m.i = i; m.span = span(m.date); });
  // Undated last, then by date, then as the data lists them.
  function byDate(a, b) {
    var x = a.date || "~", y = b.date || "~";
    return x < y ? -1 : x > y ? 1 : a.i - b.i;
  }

  // ---- one meeting, as the panel shows it ----
  function card(m) {
    var c = el("article", "meeting-card");
    c.dataset.m = m.i;
    var h = el("h3");
    h.appendChild(el("span", "date", m.date || "date unknown"));
    if (m.place !== null && m.place !== undefined) {
      h.appendChild(document.createTextNode(" · "));
      h.appendChild(el("span", "place", name(m.place)));
    }
    c.appendChild(h);
    var p = el("p", "people");
    p.appendChild(el("span", "label", "Met: "));
    p.appendChild(document.createTextNode(names(m.participants)));
    c.appendChild(p);
    if (m.attendees.length) {
      var a = el("p", "attendees");
      a.appendChild(el("span", "label", "Also present: "));
      a.appendChild(document.createTextNode(names(m.attendees)));
      c.appendChild(a);
    }
    m.reports.forEach(function (r) {
      var d = el("div", "report");
      var src;
      if (web(r.url)) {
        src = el("a", "doc", r.id + " · " + r.url.replace(/^https?:\/\//i, "").split("/")[0]);
        src.href = r.url;
        src.target = "_blank";
        src.rel = "noopener noreferrer";
        src.title = r.url;
      } else {
        src = el("span", "doc", r.id);
      }
      d.appendChild(src);
      // A sentence the article repeats (headline, caption, body) is quoted once, with
      // every rule that read it.
      var quotes = [], rules = {};
      r.evidence.forEach(function (q) {
        if (!rules[q.text]) { rules[q.text] = []; quotes.push(q.text); }
        if (rules[q.text].indexOf(q.rule) < 0) rules[q.text].push(q.rule);
      });
      quotes.forEach(function (t) {
        d.appendChild(el("blockquote", "evidence", t));
        d.appendChild(el("div", "rule", (rules[t].length > 1 ? "rules: " : "rule: ") + rules[t].join(", ")));
      });
      c.appendChild(d);
    });
    return c;
  }
  function showMeetings(title, list) {
    panel.textContent = "";
    panel.appendChild(el("h2", null, title));
    list.slice().sort(byDate).forEach(function (m) { panel.appendChild(card(m)); });
    panel.scrollTop = 0;
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // ---- the picture: zoom, pan, hover, click ----
  var full = svg.viewBox.baseVal;
  var box = { x: full.x, y: full.y, w: full.width, h: full.height };
  function show() { svg.setAttribute("viewBox", box.x + " " + box.y + " " + box.w + " " + box.h); }
  function toSvg(ev) {
    var r = svg.getBoundingClientRect();
    var s = Math.max(box.w / r.width, box.h / r.height);
    var ox = (r.width * s - box.w) / 2, oy = (r.height * s - box.h) / 2;
    return { x: box.x - ox + (ev.clientX - r.left) * s, y: box.y - oy + (ev.clientY - r.top) * s, s: s };
  }
  view.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = toSvg(ev), k = ev.deltaY < 0 ? 0.8 : 1.25;
    box = { x: p.x - (p.x - box.x) * k, y: p.y - (p.y - box.y) * k, w: box.w * k, h: box.h * k };
    show();
  }, { passive: false });
  var drag = null, moved = 0;
  view.addEventListener("pointerdown", function (ev) { drag = toSvg(ev); moved = 0; view.classList.add("dragging"); });
  window.addEventListener("pointerup", function () { drag = null; view.classList.remove("dragging"); });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    moved += Math.abs(ev.movementX) + Math.abs(ev.movementY);
    box.x -= ev.movementX * drag.s; box.y -= ev.movementY * drag.s; show();
  });

  var nodes = {}, labels = {}, edges = [], near = {};
  svg.querySelectorAll("#nodes [data-i]").forEach(function (e) { nodes[e.dataset.i] = e; near[e.dataset.i] = {}; });
  svg.querySelectorAll("#labels [data-i]").forEach(function (e) { labels[e.dataset.i] = e; });
  // A wide transparent twin of every line, so that a thin line is easy to click.
  var hits = document.createElementNS(SVGNS, "g");
  hits.setAttribute("id", "hits");
  svg.querySelectorAll("#edges [data-a]").forEach(function (e) {
    edges.push(e); near[e.dataset.a][e.dataset.b] = true; near[e.dataset.b][e.dataset.a] = true;
    var h = document.createElementNS(SVGNS, "line");
    ["x1", "y1", "x2", "y2"].forEach(function (k) { h.setAttribute(k, e.getAttribute(k)); });
    h.setAttribute("class", "hit");
    h.dataset.e = e.dataset.e;
    var t = e.querySelector("title");
    if (t) h.appendChild(t.cloneNode(true));
    hits.appendChild(h);
  });
  svg.insertBefore(hits, svg.querySelector("#nodes"));

  var selected = null; // {node: i} or {edge: e}
  function light(keepNode, keepEdge) {
    Object.keys(nodes).forEach(function (j) {
      var on = keepNode === null || keepNode(j);
      nodes[j].classList.toggle("dim", !on);
      var l = labels[j];
      if (l) {
        l.classList.toggle("dim", !on);
        if (l.hasAttribute("visibility")) l.style.visibility = (keepNode !== null && on) ? "visible" : "";
      }
    });
    edges.forEach(function (e) {
      var on = keepEdge === null || keepEdge(e);
      e.classList.toggle("dim", !on);
      e.classList.toggle("hot", keepEdge !== null && on);
    });
  }
  function focusNode(i) {
    if (i === null) { light(null, null); info.textContent = ""; return; }
    light(function (j) { return j === i || near[i][j]; }, function (e) { return e.dataset.a === i || e.dataset.b === i; });
    var t = nodes[i].querySelector("title");
    info.textContent = t ? t.textContent.replace(/\n/g, " · ") : "";
  }
  function focusEdge(e) {
    var line = edges.find(function (x) { return x.dataset.e === e; });
    if (!line) return;
    light(function (j) { return j === line.dataset.a || j === line.dataset.b; }, function (x) { return x === line; });
    var t = line.querySelector("title");
    info.textContent = t ? t.textContent : "";
  }
  function restore() {
    if (selected === null) focusNode(null);
    else if (selected.node !== undefined) focusNode(selected.node);
    else focusEdge(selected.edge);
  }
  function meetingsOf(list) {
    var seen = {}, out = [];
    list.forEach(function (k) { if (!seen[k]) { seen[k] = true; out.push(data.meetings[k]); } });
    return out;
  }
  function selectNode(i) {
    selected = { node: i };
    restore();
    var ms = [];
    edges.forEach(function (e) { if (e.dataset.a === i || e.dataset.b === i) ms = ms.concat(data.edges[+e.dataset.e] || []); });
    var list = meetingsOf(ms);
    showMeetings(name(data.nodes[+i]) + ": " + plural(list.length, "meeting", "meetings"), list);
  }
  function selectEdge(e) {
    selected = { edge: e };
    restore();
    var line = edges.find(function (x) { return x.dataset.e === e; });
    var list = meetingsOf(data.edges[+e] || []);
    showMeetings(name(data.nodes[+line.dataset.a]) + " — " + name(data.nodes[+line.dataset.b]) + ": " + plural(list.length, "meeting", "meetings"), list);
  }
  function clear() { selected = null; restore(); panel.innerHTML = hint; }

  Object.keys(nodes).forEach(function (i) {
    nodes[i].addEventListener("mouseenter", function () { focusNode(i); });
    nodes[i].addEventListener("mouseleave", function () { restore(); });
  });
  svg.addEventListener("click", function (ev) {
    if (moved > 4) return;
    var t = ev.target.closest("[data-i], .hit");
    if (!t) { clear(); return; }
    if (t.classList.contains("hit")) selectEdge(t.dataset.e);
    else selectNode(t.dataset.i);
  });
  document.getElementById("q").addEventListener("input", function (ev) {
    var q = ev.target.value.trim().toLowerCase();
    if (!q) { restore(); return; }
    var hit = Object.keys(nodes).find(function (i) {
      var e = data.entities[data.nodes[+i]];
      return e && [e.label].concat(e.names).some(function (n) { return n.toLowerCase().indexOf(q) >= 0; });
    });
    if (hit === undefined) { restore(); info.textContent = "not found: " + ev.target.value; return; }
    focusNode(hit);
    var b = nodes[hit].getBBox(), w = Math.min(box.w, full.width / 3), h = Math.min(box.h, full.height / 3);
    box = { x: b.x + b.width / 2 - w / 2, y: b.y + b.height / 2 - h / 2, w: w, h: h };
    show();
  });
  view.addEventListener("dblclick", function () { box = { x: full.x, y: full.y, w: full.width, h: full.height }; show(); });

  // ---- tabs ----
  var tabs = document.querySelectorAll("#tabs button");
  function tab(name) {
    tabs.forEach(function (b) { b.classList.toggle("on", b.dataset.tab === name); });
    document.body.className = "tab-" + name;
    if (name === "timeline") timeline();
  }
  tabs.forEach(function (b) { b.addEventListener("click", function () { tab(b.dataset.tab); }); });

  // ---- the meetings: filters, table, CSV, timeline ----
  var f = {
    person: document.getElementById("f-person"),
    from: document.getElementById("f-from"),
    to: document.getElementById("f-to"),
    place: document.getElementById("f-place")
  };
  function matches(i, q) {
    var e = data.entities[i];
    return [e.label].concat(e.names).some(function (n) { return n.toLowerCase().indexOf(q) >= 0; });
  }
  function filtered() {
    var person = f.person.value.trim().toLowerCase(), place = f.place.value.trim().toLowerCase();
    var from = f.from.value ? Date.parse(f.from.value) : null, to = f.to.value ? Date.parse(f.to.value) : null;
    return data.meetings.filter(function (m) {
      if (person && !m.participants.concat(m.attendees).some(function (i) { return matches(i, person); })) return false;
      if (place && (m.place === null || m.place === undefined || !matches(m.place, place))) return false;
      if (from !== null || to !== null) {
        if (!m.span) return false;
        if (from !== null && m.span[0] < from) return false;
        if (to !== null && m.span[1] > to) return false;
      }
      return true;
    });
  }
  function placeName(m) { return m.place === null || m.place === undefined ? "" : name(m.place); }
  function firstQuote(m) {
    for (var r = 0; r < m.reports.length; r++) if (m.reports[r].evidence.length) return m.reports[r].evidence[0].text;
    return "";
  }
  var columns = [
    { key: "date", value: function (m) { return m.date || "~"; }, text: function (m) { return m.date || ""; } },
    { key: "participants", value: function (m) { return names(m.participants); } },
    { key: "attendees", value: function (m) { return names(m.attendees); } },
    { key: "place", value: placeName },
    { key: "reports", value: function (m) { return m.reports.length; }, cls: "n" },
    { key: "evidence", value: firstQuote, cls: "evidence" }
  ];
  var sort = { key: "date", dir: 1 };
  var heads = document.querySelectorAll("#table th");
  heads.forEach(function (th) {
    th.addEventListener("click", function () {
      sort = { key: th.dataset.key, dir: sort.key === th.dataset.key ? -sort.dir : 1 };
      table();
    });
  });
  function sorted(list) {
    var c = columns.find(function (x) { return x.key === sort.key; });
    return list.slice().sort(function (a, b) {
      var x = c.value(a), y = c.value(b);
      return (x < y ? -1 : x > y ? 1 : byDate(a, b)) * sort.dir;
    });
  }
  var body = document.querySelector("#table tbody");
  function table() {
    var list = sorted(filtered());
    heads.forEach(function (th) { th.dataset.dir = th.dataset.key === sort.key ? (sort.dir > 0 ? "asc" : "desc") : ""; });
    body.textContent = "";
    list.forEach(function (m) {
      var tr = el("tr");
      tr.dataset.m = m.i;
      columns.forEach(function (c) {
        var v = c.text ? c.text(m) : c.value(m);
        var td = el("td", c.cls || null, String(v));
        if (c.key === "evidence") td.title = String(v);
        tr.appendChild(td);
      });
      tr.addEventListener("click", function () {
        body.querySelectorAll("tr.on").forEach(function (x) { x.classList.remove("on"); });
        tr.classList.add("on");
        showMeetings("Meeting", [m]);
      });
      body.appendChild(tr);
    });
    document.getElementById("count").textContent = list.length + " of " + plural(data.meetings.length, "meeting", "meetings");
    if (document.body.className === "tab-timeline") timeline();
  }
  Object.keys(f).forEach(function (k) { f[k].addEventListener("input", table); });

  // CSV (RFC 4180) of the meetings the filters keep, in the table's order.
  function csv() {
    var q = function (v) { v = String(v); return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; };
    var rows = [["date", "participants", "attendees", "place", "reports", "urls", "evidence", "rules", "meeting"]];
    sorted(filtered()).forEach(function (m) {
      var quotes = [], rules = [];
      m.reports.forEach(function (r) { r.evidence.forEach(function (e) { quotes.push(e.text); rules.push(e.rule); }); });
      rows.push([m.date || "", m.participants.map(name).join("; "), m.attendees.map(name).join("; "), placeName(m), m.reports.length,
        m.reports.map(function (r) { return r.url || ""; }).filter(Boolean).join(" "), quotes.join(" | "), rules.join(" "), m.iri]);
    });
    return rows.map(function (r) { return r.map(q).join(","); }).join("\r\n") + "\r\n";
  }
  document.getElementById("csv").addEventListener("click", function () {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob(["\ufeff" + csv()], { type: "text/csv;charset=utf-8" }));
    a.download = "meetings.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  // A timeline of the meetings the filters keep: a dot per day, a bar per month or year.
  var tl = document.getElementById("timeline");
  function timeline() {
    var list = filtered().sort(byDate);
    var dated = list.filter(function (m) { return m.span; }), undated = list.filter(function (m) { return !m.span; });
    tl.textContent = "";
    if (dated.length) {
      var lo = Math.min.apply(null, dated.map(function (m) { return m.span[0]; }));
      var hi = Math.max.apply(null, dated.map(function (m) { return m.span[1]; }));
      var day = 86400000;
      lo -= 15 * day; hi += 15 * day;
      var width = Math.max(600, tl.clientWidth - 20), left = 20, right = width - 20;
      var x = function (t) { return left + (t - lo) / (hi - lo) * (right - left); };
      var lanes = [], placed = dated.map(function (m) {
        var a = x(m.span[0]), b = Math.max(x(m.span[1]), a);
        var lane = 0;
        while (lanes[lane] !== undefined && lanes[lane] > a - 12) lane++;
        lanes[lane] = b;
        return { m: m, a: a, b: b, lane: lane };
      });
      var height = 50 + 16 * lanes.length;
      var s = document.createElementNS(SVGNS, "svg");
      s.setAttribute("width", width); s.setAttribute("height", height);
      var axis = height - 30;
      var line = document.createElementNS(SVGNS, "line");
      line.setAttribute("class", "axis");
      line.setAttribute("x1", left); line.setAttribute("x2", right); line.setAttribute("y1", axis); line.setAttribute("y2", axis);
      s.appendChild(line);
      var y0 = new Date(lo).getUTCFullYear(), y1 = new Date(hi).getUTCFullYear();
      var monthly = y1 - y0 < 2, lastLabel = -Infinity;
      for (var y = y0; y <= y1; y++) {
        for (var mo = 0; mo < (monthly ? 12 : 1); mo++) {
          var t = Date.UTC(y, mo, 1);
          if (t < lo || t > hi) continue;
          var labelled = x(t) - lastLabel >= 64;
          var tick = document.createElementNS(SVGNS, "line");
          tick.setAttribute("class", "axis");
          tick.setAttribute("x1", x(t)); tick.setAttribute("x2", x(t)); tick.setAttribute("y1", axis); tick.setAttribute("y2", axis + 5);
          s.appendChild(tick);
          if (!labelled) continue;
          lastLabel = x(t);
          var label = document.createElementNS(SVGNS, "text");
          label.setAttribute("x", x(t) + 2); label.setAttribute("y", axis + 18);
          label.textContent = monthly ? y + "-" + String(mo + 1).padStart(2, "0") : String(y);
          s.appendChild(label);
        }
      }
      placed.forEach(function (p) {
        var cy = axis - 14 - 16 * p.lane, mark;
        if (p.b - p.a > 10) {
          mark = document.createElementNS(SVGNS, "rect");
          mark.setAttribute("x", p.a); mark.setAttribute("y", cy - 4); mark.setAttribute("width", p.b - p.a); mark.setAttribute("height", 8); mark.setAttribute("rx", 3);
        } else {
          mark = document.createElementNS(SVGNS, "circle");
          mark.setAttribute("cx", (p.a + p.b) / 2); mark.setAttribute("cy", cy); mark.setAttribute("r", 5);
        }
        mark.setAttribute("class", "meeting");
        mark.dataset.m = p.m.i;
        var title = document.createElementNS(SVGNS, "title");
        title.textContent = (p.m.date || "") + " · " + names(p.m.participants) + (p.m.place !== null && p.m.place !== undefined ? " · " + name(p.m.place) : "");
        mark.appendChild(title);
        mark.addEventListener("click", function () {
          s.querySelectorAll(".on").forEach(function (e) { e.classList.remove("on"); });
          mark.classList.add("on");
          showMeetings("Meeting", [p.m]);
        });
        s.appendChild(mark);
      });
      tl.appendChild(s);
    }
    tl.appendChild(el("p", null, plural(dated.length, "meeting", "meetings") + " on the timeline" + (undated.length ? "; without a full date:" : ".")));
    if (undated.length) {
      var ul = el("ul");
      undated.forEach(function (m) {
        var li = el("li", null, (m.date ? m.date + " · " : "") + names(m.participants));
        li.addEventListener("click", function () { showMeetings("Meeting", [m]); });
        ul.appendChild(li);
      });
      tl.appendChild(ul);
    }
  }

  table();
  window.summitPage = { csv: csv, selectEdge: selectEdge, selectNode: selectNode, tab: tab };
  document.body.dataset.ready = "yes";
})();
