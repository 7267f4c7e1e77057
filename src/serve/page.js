// summit serve's query page: the recent meetings with their evidence (SPARQL against this
// server's /query) and YASGUI (vendored in assets/, see scripts/vendor-yasgui) set up for
// offline use: this server is its only endpoint, no autocompleter asks the network.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const EXAMPLES = JSON.parse($("examples-data").textContent);
  const ENDPOINT = new URL("query", location.href).href;
  const PAGE = 25; // meetings per "Show more"
  const EVIDENCE = 3; // articles quoted per meeting

  const status = (id, state, text) => { const s = $(id); s.dataset.state = state; s.textContent = text; };
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  };
  const iri = (s) => "<" + s.replace(/[<>"{}|^`\\\s]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")) + ">";
  const tail = (s) => decodeURIComponent(s.slice(s.lastIndexOf("/") + 1));

  async function select(query) {
    const r = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json" },
      body: new URLSearchParams({ query }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(r.status + " " + r.statusText + ": " + text);
    return JSON.parse(text).results.bindings;
  }

  // ---- Recent meetings -------------------------------------------------------------

  const PREFIXES = "PREFIX schema: <https://schema.org/>\nPREFIX summit: <https://w3id.org/summit/ns#>\nPREFIX oa: <http://www.w3.org/ns/oa#>\n";
  // Newest first; each pattern DISTINCT before joining (a meeting repeats once per report).
  // Reports are the document graphs that hold the meeting (not the meetings view).
  const RECENT = PREFIXES + `SELECT ?meeting ?date ?reports ?status WHERE {
  { SELECT ?meeting (COUNT(DISTINCT ?g) AS ?reports) WHERE { GRAPH ?g { ?meeting a summit:Meeting } FILTER (?g != <https://w3id.org/summit/graph/meetings>) } GROUP BY ?meeting }
  OPTIONAL { SELECT ?meeting (MAX(STR(?d)) AS ?date) WHERE { ?meeting schema:startDate ?d } GROUP BY ?meeting }
  OPTIONAL { SELECT DISTINCT ?meeting ?status WHERE { ?meeting schema:eventStatus ?status } }
}
ORDER BY DESC(?date) ?meeting`;
  const people = (meetings) => PREFIXES + `SELECT DISTINCT ?meeting ?part ?entity ?name ?lang WHERE {
  VALUES ?meeting { ${meetings.map(iri).join(" ")} }
  { ?meeting summit:participant ?entity BIND ("participant" AS ?part) }
  UNION { ?meeting schema:attendee ?entity BIND ("attendee" AS ?part) }
  UNION { ?meeting schema:location ?entity BIND ("place" AS ?part) }
  OPTIONAL { ?entity schema:name ?name BIND (LCASE(LANG(?name)) AS ?lang) }
}`;
  const evidence = (meeting) => PREFIXES + `SELECT DISTINCT ?doc ?id ?url ?start ?exact ?rule WHERE {
  GRAPH ?doc { ${iri(meeting)} summit:evidence ?span . ?span oa:start ?start ; oa:exact ?exact ; summit:rule ?rule }
  OPTIONAL { ?doc schema:identifier ?id }
  OPTIONAL { ?doc schema:url ?url }
}
ORDER BY ?doc ?start
LIMIT ${EVIDENCE * 10}`;

  // English name, else Simplified, else Traditional Chinese, else the IRI's last segment.
  function bestName(names, entity) {
    for (const lang of ["en", "zh-hans", "zh-hant", ""]) {
      const ns = names.filter((n) => n.lang === lang).map((n) => n.name).sort();
      if (ns.length) return ns[0];
    }
    return tail(entity);
  }

  let shown = 0;
  async function loadMeetings() {
    status("meetings-status", "running", "loading meetings…");
    $("more").hidden = true;
    try {
      const rows = await select(RECENT + ` LIMIT ${PAGE + 1} OFFSET ${shown}`);
      const page = rows.slice(0, PAGE);
      if (shown === 0 && page.length === 0) {
        status("meetings-status", "done", "The store holds no meetings yet: `summit load PATH...` adds articles.");
        return;
      }
      const ids = page.map((r) => r.meeting.value);
      const facts = ids.length ? await select(people(ids)) : [];
      const byMeeting = new Map(ids.map((m) => [m, { participant: new Map(), attendee: new Map(), place: new Map() }]));
      for (const f of facts) {
        const parts = byMeeting.get(f.meeting.value)[f.part.value];
        const e = f.entity.value;
        if (!parts.has(e)) parts.set(e, []);
        if (f.name) parts.get(e).push({ name: f.name.value, lang: f.lang ? f.lang.value : "" });
      }
      const names = (m) => [...m.entries()].map(([e, ns]) => bestName(ns, e)).sort((a, b) => a.localeCompare(b));
      const items = await Promise.all(page.map(async (r) => {
        const m = r.meeting.value;
        const f = byMeeting.get(m);
        const li = el("li", { class: "meeting", "data-meeting": m });
        const planned = r.status && r.status.value.endsWith("EventScheduled");
        li.append(el("h2", null,
          el("span", { class: "when" }, r.date ? r.date.value : "undated"),
          names(f.participant).join(" — "),
          planned ? el("span", { class: "planned" }, "planned") : null));
        const meta = [];
        if (f.place.size) meta.push("at " + names(f.place).join(", "));
        if (f.attendee.size) meta.push("also present: " + names(f.attendee).join(", "));
        const n = Number(r.reports.value);
        meta.push(n === 1 ? "reported by 1 article" : `reported by ${n} articles`);
        li.append(el("div", { class: "meta" }, meta.join(" · ")));
        const spans = await select(evidence(m));
        const docs = [...new Set(spans.map((s) => s.doc.value))];
        const ul = el("ul", { class: "evidence" });
        for (const d of docs.slice(0, EVIDENCE)) {
          for (const s of spans.filter((x) => x.doc.value === d)) {
            const name = s.id ? s.id.value : tail(d);
            const source = s.url ? el("a", { href: s.url.value, rel: "noreferrer" }, name) : el("span", null, name);
            ul.append(el("li", null,
              el("blockquote", null, s.exact.value),
              el("span", { class: "source" }, source, " · rule ", el("span", { class: "rule" }, tail(s.rule.value)))));
          }
        }
        li.append(ul);
        // The spans of the first articles only (a meeting may be reported thousands of times).
        const quoted = Math.min(docs.length, EVIDENCE);
        if (n > quoted) li.append(el("div", { class: "more-reports" }, `and ${n - quoted} more article(s)`));
        return li;
      }));
      for (const li of items) $("meetings").append(li);
      shown += page.length;
      $("more").hidden = rows.length <= PAGE;
      status("meetings-status", "done", `${shown} most recent meeting(s), newest first, with the sentences they were read from`);
    } catch (e) {
      status("meetings-status", "error", "could not load the meetings: " + e.message);
    }
  }
  $("more").addEventListener("click", loadMeetings);

  // ---- The query editor ------------------------------------------------------------

  let yasgui = null;
  function editor() {
    if (yasgui) return yasgui;
    const Y = window.Yasgui;
    // Offline: the "property" and "class" autocompleters ask Linked Open Vocabularies
    // (lov.linkeddata.es); the prefix list is the copy inside the bundle (prefixCcApi unset).
    Y.Yasqe.defaults.autocompleters = Y.Yasqe.defaults.autocompleters.filter((n) => n !== "property" && n !== "class");
    Y.Yasqe.defaults.value = EXAMPLES.length ? EXAMPLES[0].query : "SELECT * WHERE { ?s ?p ?o } LIMIT 10";
    yasgui = new Y($("yasgui"), {
      requestConfig: { endpoint: ENDPOINT, method: "POST" },
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: { getData: () => [{ endpoint: ENDPOINT }], keys: [] },
      persistenceId: "summit-serve",
      populateFromUrl: false,
      autofocus: false,
    });
    // Tabs kept from an earlier visit (local storage) ask this server, wherever it listened then.
    for (const id of Object.keys(yasgui._tabs)) {
      const tab = yasgui.getTab(id);
      if (tab && tab.getEndpoint() !== ENDPOINT) tab.setEndpoint(ENDPOINT);
    }
    yasgui.on("queryBefore", (_y, tab) => status("query-status", "running", `${tab.getName()}: running…`));
    // The tab tells before its result view has read the answer: look once it has.
    yasgui.on("queryResponse", (_y, tab) => setTimeout(() => {
      const r = tab.getYasr().results;
      const error = r && r.getError();
      if (error) status("query-status", "error", `${tab.getName()}: ${error.status || ""} ${error.text || error.statusText || ""}`.trim());
      else status("query-status", "done", `${tab.getName()}: ${(r && r.getBindings() || []).length} row(s)`);
    }, 0));
    return yasgui;
  }
  function openExample(e, run) {
    const y = editor();
    const tab = y.addTab(true, { name: e.name, yasqe: { value: e.query }, requestConfig: { endpoint: ENDPOINT } }, { avoidDuplicateTabs: true });
    if (run) tab.query();
    return tab;
  }
  for (const e of EXAMPLES) {
    const b = el("button", { type: "button", "data-example": e.name, title: e.query.split("\n")[0] }, e.name);
    b.addEventListener("click", () => openExample(e, false));
    $("examples").append(b);
  }

  // ---- Views -----------------------------------------------------------------------

  function show(view) {
    $("meetings-view").hidden = view !== "meetings";
    $("query-view").hidden = view !== "query";
    $("show-meetings").setAttribute("aria-pressed", String(view === "meetings"));
    $("show-query").setAttribute("aria-pressed", String(view === "query"));
    if (view === "query") {
      const t = editor().getTab();
      if (t && t.getYasqe()) t.getYasqe().refresh();
    } else if (shown === 0 && $("meetings-status").dataset.state === "idle") {
      loadMeetings();
    }
  }
  $("recent-query").addEventListener("click", () => {
    show("query");
    openExample({ name: "recent-meetings", query: RECENT + ` LIMIT ${PAGE}` }, true);
  });
  $("show-meetings").addEventListener("click", () => show("meetings"));
  $("show-query").addEventListener("click", () => show("query"));

  // A query in the address (#query=..., as YASGUI's share links and earlier summit pages
  // make them, or ?q=...) opens in the editor and runs at once.
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("query");
  const fromSearch = new URLSearchParams(location.search).get("q");
  const initial = fromHash || fromSearch;
  if (initial) {
    show("query");
    const known = EXAMPLES.find((e) => e.query === initial);
    openExample(known || { name: "Query", query: initial }, true);
    history.replaceState(null, "", location.pathname);
  } else {
    show("meetings");
  }
})();
