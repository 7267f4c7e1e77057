//! The knowledge graph: RDF output, the persistent store, SPARQL and queries/.

mod common;
use common::{load, run, store_with, summit};

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;

fn query_tsv(store: &Path, file: &str, binds: &[&str]) -> String {
    let mut args = vec!["query", file, "--store", store.to_str().unwrap(), "--format", "tsv"];
    for b in binds {
        args.push("--bind");
        args.push(b);
    }
    let (code, out, err) = run(&mut summit(&args));
    assert_eq!(code, 0, "{file}: {err}");
    out
}

/// (name1, name2) → meetings, from a who-met-whom TSV.
fn pairs(tsv: &str) -> BTreeMap<(String, String), u32> {
    let mut m = BTreeMap::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let unq = |s: &str| s.trim_matches('"').to_string();
        let count: u32 = f[4].split('"').nth(1).unwrap_or(f[4]).parse().unwrap();
        let (a, b) = (unq(f[1]), unq(f[3]));
        let key = if a < b { (a, b) } else { (b, a) };
        m.insert(key, count);
    }
    m
}

#[test]
fn who_met_whom_over_the_seeds_and_reloading_changes_nothing() {
    let Some(seeds) = common::seeds_dir() else { return };
    let (_dir, store) = store_with(seeds.to_str().unwrap());
    let first = query_tsv(&store, "queries/who-met-whom.rq", &[]);
    let got = pairs(&first);
    let want: BTreeMap<(String, String), u32> =
        common::SEED_PAIRS.into_iter().map(|(a, b, n)| ((a.to_string(), b.to_string()), n)).collect();
    assert_eq!(got, want, "{first}");
    let size = summit::store::Store::open_read_only(&store).unwrap().len().unwrap();
    load(&store, seeds.to_str().unwrap());
    assert_eq!(query_tsv(&store, "queries/who-met-whom.rq", &[]), first);
    assert_eq!(summit::store::Store::open_read_only(&store).unwrap().len().unwrap(), size, "reloading adds no quad");
}

#[test]
fn every_query_gives_its_recorded_answer_on_the_example_graph() {
    let (_dir, store) = store_with("examples");
    let bless = std::env::var_os("SUMMIT_BLESS").is_some();
    let mut failures = Vec::new();
    let cases: &[(&str, &[&str])] = &[
        ("who-met-whom", &[]),
        ("meetings", &[]),
        ("person-meetings", &["name=Xi Jinping"]),
        ("meetings-by-place", &[]),
        ("attendees", &[]),
        ("roles-on-date", &["name=Wang Yi", "date=2020-01-01"]),
        ("organizations-with-meetings", &[]),
    ];
    let rq = |dir: &str| {
        let mut files: Vec<String> = std::fs::read_dir(common::repo().join(dir))
            .unwrap()
            .filter_map(|e| e.unwrap().file_name().to_string_lossy().strip_suffix(".rq").map(str::to_string))
            .collect();
        files.sort();
        files
    };
    let mut named: Vec<String> = cases.iter().map(|c| c.0.to_string()).collect();
    named.sort();
    assert_eq!(rq("queries"), named, "every query in queries/ has a case here");
    // The queries over the document graphs (for stores without the meetings view) are
    // the same set and give the same answers.
    assert_eq!(rq("queries/union"), named, "every query in queries/ has its union twin");
    for (name, binds) in cases {
        let got = query_tsv(&store, &format!("queries/{name}.rq"), binds);
        let expected_path = common::repo().join(format!("tests/queries/{name}.tsv"));
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want {
            failures.push(format!("{name}: got\n{got}\nexpected ({})\n{want}", expected_path.display()));
        }
        let union = query_tsv(&store, &format!("queries/union/{name}.rq"), binds);
        if union != want {
            failures.push(format!("union/{name}: got\n{union}\nexpected ({})\n{want}", expected_path.display()));
        }
    }
    assert!(failures.is_empty(), "re-record with SUMMIT_BLESS=1 if the change is intended\n{}", failures.join("\n"));
}

#[test]
fn rdf_output_parses_back_with_the_same_quads() {
    use oxigraph::io::{RdfFormat, RdfParser};
    for (fmt, rdf) in [("nq", RdfFormat::NQuads), ("nt", RdfFormat::NTriples), ("ttl", RdfFormat::Turtle)] {
        let (code, out, err) = run(&mut summit(&["extract", "examples", "--format", fmt, "--today", "2026-11-20"]));
        assert_eq!(code, 0, "{err}");
        let quads: Vec<_> = RdfParser::from_format(rdf).for_slice(out.as_bytes()).collect::<Result<_, _>>().unwrap_or_else(|e| panic!("{fmt}: {e}"));
        assert!(quads.len() > 300, "{fmt}: {}", quads.len());
        if fmt == "nq" {
            let graphs: std::collections::BTreeSet<String> = quads.iter().map(|q| q.graph_name.to_string()).collect();
            assert_eq!(graphs.len(), 7, "one graph per example document: {graphs:?}");
        }
    }
}

#[test]
fn a_syntax_error_shows_line_and_column() {
    let (dir, store) = store_with("examples/feed.jsonl");
    let bad = dir.path().join("bad.rq");
    std::fs::write(&bad, "SELECT ?x\nWHERE {\n  ?x ?y ?z .\n  FILTR(?x)\n}\n").unwrap();
    let (code, _, err) = run(&mut summit(&["query", bad.to_str().unwrap(), "--store", store.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(err.contains(&format!("{}:4:11: SPARQL syntax error: expected", bad.display())), "{err}");
    let (code, _, err) = run(&mut summit(&["query", "-e", "SELECT * WHERE { ?s ?p }", "--store", store.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(err.contains("-e:1:"), "{err}");
}

#[test]
fn a_locked_store_is_a_clear_error_and_queries_still_run() {
    let (_dir, store) = store_with("examples/feed.jsonl");
    let held = summit::store::Store::open(&store).unwrap();
    let (code, _, err) = run(&mut summit(&["load", "examples/feed.jsonl", "--store", store.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(err.contains("in use by another process"), "{err}");
    assert!(err.contains(store.to_str().unwrap()), "{err}");
    let out = query_tsv(&store, "queries/who-met-whom.rq", &[]);
    assert_eq!(out.lines().count(), 3, "{out}");
    drop(held);
}

/// A JSONL corpus of `n` documents built from the example feed with new ids.
fn corpus(path: &Path, n: usize) -> Vec<summit::Document> {
    let feed = std::fs::read_to_string(common::repo().join("examples/feed.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = feed.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut out = String::new();
    for i in 0..n {
        let mut v = lines[i % lines.len()].clone();
        v["id"] = serde_json::Value::String(format!("doc-{i:05}"));
        out.push_str(&v.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
    common::read_docs(path)
}

#[test]
fn a_load_killed_at_any_moment_leaves_whole_documents_and_can_be_rerun() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let docs = corpus(&input, 1500);
    let p = common::pipeline();
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for d in &docs {
        let x = p.extract(d, &common::options());
        expected.insert(summit::rdf::doc_iri(&x.doc), summit::rdf::quads(&x, &p.gazetteer).len());
    }
    // The gazetteer graph, written before the first document.
    expected.insert(summit::rdf::GAZETTEER_GRAPH.to_string(), summit::rdf::gazetteer_graph(&p.gazetteer).1.len());
    let store = dir.path().join("store");
    // Deterministic "random" moments.
    let mut seed: u64 = 0x5eed;
    let mut partial_seen = false;
    for round in 0..6 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let wait = 80 + (seed >> 33) % 900;
        let mut child = summit(&["load", input.to_str().unwrap(), "--store", store.to_str().unwrap(), "--today", "2026-11-20"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let s = summit::store::Store::open(&store).unwrap_or_else(|e| panic!("round {round}: the store reopens: {e}"));
        let graphs = s.graphs().unwrap();
        if graphs.len() < expected.len() {
            partial_seen = true;
        }
        for g in graphs.iter().filter(|g| *g != summit::rdf::MEETINGS_GRAPH) {
            let n = s.graph_len(g).unwrap();
            assert_eq!(Some(&n), expected.get(g), "round {round} (killed after {wait} ms): graph {g} is not whole");
        }
        drop(s);
        assert_eq!(csv(&store, VIEW_DUMP), csv(&store, VIEW_ORACLE), "round {round} (killed after {wait} ms): the meetings view disagrees with the documents");
    }
    assert!(partial_seen, "no kill interrupted a load: make the corpus bigger");
    load(&store, input.to_str().unwrap());
    let s = summit::store::Store::open(&store).unwrap();
    assert_eq!(s.graphs().unwrap().len(), expected.len() + 1, "the documents, the gazetteer and the meetings view");
    for (g, n) in &expected {
        assert_eq!(s.graph_len(g).unwrap(), *n, "{g}");
    }
}

/// A TSV answer as rows of column → value (header names without the `?`).
fn rows(tsv: &str) -> Vec<BTreeMap<String, String>> {
    let mut lines = tsv.lines();
    let header: Vec<String> = lines.next().unwrap_or_default().split('\t').map(|h| h.trim_start_matches('?').to_string()).collect();
    lines.map(|l| header.iter().cloned().zip(l.split('\t').map(str::to_string)).collect()).collect()
}

/// People found only in Chinese text (not in the gazetteers) are named by their Chinese
/// name in every query that lists people. Oxigraph keeps language tags lower-cased
/// (`zh-hans`), so a filter `LANG(?n) = "zh-Hans"` never matched and their names came out
/// empty (person-meetings.rq left them out altogether). The fixture, text of our own, is
/// one meeting reported twice (Simplified and Traditional Chinese): the two reports must
/// not duplicate a row.
#[test]
fn people_known_only_by_a_chinese_name_are_named_in_every_query() {
    let (_dir, store) = store_with("tests/fixtures/queries/zh-unknown-person.jsonl");
    let bellamo = "<https://w3id.org/summit/person/name/%E8%B4%9D%E6%8B%89%E8%8E%AB>";
    let ouwenda = "<https://w3id.org/summit/person/name/%E6%AC%A7%E6%96%87%E8%BE%BE>";
    let xi = "<https://w3id.org/summit/person/xi-jinping>";
    let pick = |rows: &[BTreeMap<String, String>], cols: &[&str]| -> Vec<Vec<String>> {
        rows.iter().map(|r| cols.iter().map(|c| r.get(*c).cloned().unwrap_or_default()).collect()).collect()
    };

    let meetings = query_tsv(&store, "queries/meetings.rq", &[]);
    let got = pick(&rows(&meetings), &["participant", "participantName", "placeName"]);
    let want = [[xi, "\"Xi Jinping\"", "\"Great Hall of the People\"@en"], [bellamo, "\"贝拉莫\"", "\"Great Hall of the People\"@en"]];
    assert_eq!(got, want.map(|r| r.map(String::from).to_vec()), "meetings.rq:\n{meetings}");

    let attendees = query_tsv(&store, "queries/attendees.rq", &[]);
    let got = pick(&rows(&attendees), &["attendee", "attendeeName"]);
    assert_eq!(got, [[ouwenda, "\"欧文达\""].map(String::from).to_vec()], "attendees.rq:\n{attendees}");

    let everyone = query_tsv(&store, "queries/person-meetings.rq", &[]);
    let got = pick(&rows(&everyone), &["personName", "otherName"]);
    let want = [["\"Xi Jinping\"@en", "\"贝拉莫\""], ["\"贝拉莫\"@zh-hans", "\"Xi Jinping\""]];
    assert_eq!(got, want.map(|r| r.map(String::from).to_vec()), "person-meetings.rq:\n{everyone}");
    // Bound by the Simplified or the Traditional name: that person's row.
    for name in ["name=贝拉莫", "name=貝拉莫"] {
        let one = query_tsv(&store, "queries/person-meetings.rq", &[name]);
        let got = pick(&rows(&one), &["personName", "otherName"]);
        assert_eq!(got, [["\"贝拉莫\"@zh-hans", "\"Xi Jinping\""].map(String::from).to_vec()], "person-meetings.rq --bind {name}:\n{one}");
    }

    let pairs = query_tsv(&store, "queries/who-met-whom.rq", &[]);
    let got = pick(&rows(&pairs), &["name1", "name2", "meetings"]);
    assert_eq!(got, [["\"贝拉莫\"", "\"Xi Jinping\"", "1"].map(String::from).to_vec()], "who-met-whom.rq:\n{pairs}");
}

#[test]
fn organizations_named_only_in_chinese_are_listed() {
    // A delegation found in Chinese text has no English name: it is listed by its
    // Chinese one (organizations-with-meetings.rq used to require an English name).
    let (_dir, store) = store_with("tests/fixtures/queries/zh-delegation.jsonl");
    let orgs = query_tsv(&store, "queries/organizations-with-meetings.rq", &[]);
    let names: Vec<String> = rows(&orgs).iter().map(|r| r.get("organizationName").cloned().unwrap_or_default()).collect();
    assert!(names.iter().any(|n| n == "\"北海共和国商务代表团\"@zh-hans"), "organizations-with-meetings.rq:\n{orgs}");
    assert!(names.iter().any(|n| n == "\"Xinhua News Agency\"@en"), "organizations-with-meetings.rq:\n{orgs}");
}

#[test]
fn meetings_give_one_row_per_participant_with_the_place_most_reports_give() {
    // Three reports of one meeting: one says Beijing, two say Shanghai. CONTRACT.md: one
    // row per meeting and participant, so the place is the one most reports give.
    let (_dir, store) = store_with("tests/fixtures/queries/two-places.jsonl");
    let meetings = query_tsv(&store, "queries/meetings.rq", &[]);
    let got: Vec<(String, String)> = rows(&meetings)
        .iter()
        .map(|r| (r.get("participantName").cloned().unwrap_or_default(), r.get("placeName").cloned().unwrap_or_default()))
        .collect();
    let want = [("\"Xi Jinping\"", "\"Shanghai\"@en"), ("\"贝拉莫\"", "\"Shanghai\"@en")];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec(), "meetings.rq:\n{meetings}");
    // person-meetings.rq chooses the place the same way: one row per person and other.
    let by_person = query_tsv(&store, "queries/person-meetings.rq", &[]);
    let got: Vec<(String, String)> = rows(&by_person)
        .iter()
        .map(|r| (r.get("otherName").cloned().unwrap_or_default(), r.get("placeName").cloned().unwrap_or_default()))
        .collect();
    let want = [("\"贝拉莫\"", "\"Shanghai\"@en"), ("\"Xi Jinping\"", "\"Shanghai\"@en")];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec(), "person-meetings.rq:\n{by_person}");
}

#[test]
fn a_bound_value_reaches_a_query_that_starts_with_a_subquery() {
    // The subquery does not project ?want: had the value been bound inside it, ?want
    // would be unbound outside, the FILTER an error, and the answer empty.
    let (dir, store) = store_with("tests/fixtures/queries/zh-unknown-person.jsonl");
    let rq = dir.path().join("bound.rq");
    std::fs::write(
        &rq,
        "SELECT DISTINCT ?p ?name WHERE {\n  { SELECT DISTINCT ?p WHERE { ?p a <https://schema.org/Person> } }\n  ?p <https://schema.org/name> ?name\n  FILTER (STR(?name) = ?want)\n}\n",
    )
    .unwrap();
    let out = query_tsv(&store, rq.to_str().unwrap(), &["want=Xi Jinping"]);
    let got: Vec<String> = rows(&out).iter().map(|r| r.get("p").cloned().unwrap_or_default()).collect();
    assert_eq!(got, ["<https://w3id.org/summit/person/xi-jinping>"], "{out}");
}


fn count(store: &Path, sparql: &str) -> usize {
    let (code, out, err) = run(&mut summit(&["query", "-e", sparql, "--store", store.to_str().unwrap(), "--format", "csv"]));
    assert_eq!(code, 0, "{err}");
    out.lines().nth(1).unwrap().trim().parse().unwrap()
}

const GAZETTEER_QUADS: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/summit/graph/gazetteer> { ?s ?p ?o } }";
const VERSIONS: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g <https://w3id.org/summit/ns#packVersion> ?v } }";

/// Issue 18: what the gazetteers know is one graph per store, written when a load finds
/// it missing or made from another pack, and left alone otherwise; documents name the
/// entities they mention by a count, not by repeating the gazetteer.
#[test]
fn the_gazetteer_graph_is_written_once_and_replaced_when_the_pack_changes() {
    let (dir, store) = store_with("examples/en-beijing.txt");
    let p = common::pipeline();
    let (_, gazetteer) = summit::rdf::gazetteer_graph(&p.gazetteer);
    assert_eq!(count(&store, GAZETTEER_QUADS), gazetteer.len());
    let total = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    // The store knows every gazetteer person; roles-on-date lists those an article names.
    let roles = query_tsv(&store, "queries/roles-on-date.rq", &[]);
    assert!(roles.contains("\"Xi Jinping\"@en") && !roles.contains("\"Vladimir Putin\"@en"), "{roles}");
    // More documents: the gazetteer graph is not written again, and no document repeats it.
    load(&store, "examples/");
    assert_eq!(count(&store, GAZETTEER_QUADS), gazetteer.len());
    assert_eq!(count(&store, VERSIONS), 1);
    let names = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { <https://w3id.org/summit/person/xi-jinping> <https://schema.org/name> ?x } }";
    assert_eq!(count(&store, names), 3, "Xi Jinping's names, once each (three scripts), in the gazetteer graph only");
    assert!(total < count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"));

    // Another pack (Wang Yi renamed): the next load replaces the graph, whole.
    let g2 = dir.path().join("gazetteers");
    std::fs::create_dir(&g2).unwrap();
    for f in std::fs::read_dir(common::repo().join("gazetteers")).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "jsonl") {
            let text = std::fs::read_to_string(&f).unwrap().replace("\"en\":\"Wang Yi\"", "\"en\":\"Wang Yi (renamed)\"");
            std::fs::write(g2.join(f.file_name().unwrap()), text).unwrap();
        }
    }
    let (code, _, err) =
        run(&mut summit(&["load", "examples/feed.jsonl", "--store", store.to_str().unwrap(), "--today", "2026-11-20", "--gazetteers", g2.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(count(&store, VERSIONS), 1, "one version: the old graph was replaced, not added to");
    let named = |name: &str| {
        format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <https://w3id.org/summit/graph/gazetteer> {{ ?p <https://schema.org/name> \"{name}\"@en }} }}")
    };
    assert_eq!(count(&store, &named("Wang Yi (renamed)")), 1);
    assert_eq!(count(&store, &named("Wang Yi")), 0);
}

#[test]
fn mentions_are_counted_and_described_one_by_one_only_when_asked() {
    let mention = "<https://w3id.org/summit/ns#mention>";
    let counted = "<https://w3id.org/summit/ns#mentionCount>";
    let (code, plain, err) = run(&mut summit(&["extract", "examples", "--format", "nq", "--today", "2026-11-20"]));
    assert_eq!(code, 0, "{err}");
    let (code, full, err) = run(&mut summit(&["extract", "examples", "--format", "nq", "--today", "2026-11-20", "--mentions"]));
    assert_eq!(code, 0, "{err}");
    assert!(plain.contains(counted) && !plain.contains(mention), "no span node per mention by default");
    assert!(full.contains(counted) && full.contains(mention));
    // Every default quad is in the full output, which only adds the spans.
    let full_lines: std::collections::BTreeSet<&str> = full.lines().collect();
    assert!(plain.lines().all(|l| full_lines.contains(l)));
    // JSONL keeps every mention either way.
    let (_, jsonl, _) = run(&mut summit(&["extract", "examples", "--today", "2026-11-20"]));
    let (_, jsonl_m, _) = run(&mut summit(&["extract", "examples", "--today", "2026-11-20", "--mentions"]));
    assert_eq!(jsonl, jsonl_m);
    assert!(jsonl.contains("\"mentions\":[{"), "{jsonl}");
    // Loaded with --mentions, the shipped queries answer as without.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    load(&a, "examples");
    let (code, _, err) = run(&mut summit(&["load", "examples", "--store", b.to_str().unwrap(), "--today", "2026-11-20", "--mentions"]));
    assert_eq!(code, 0, "{err}");
    for q in ["queries/organizations-with-meetings.rq", "queries/who-met-whom.rq", "queries/roles-on-date.rq"] {
        assert_eq!(query_tsv(&a, q, &[]), query_tsv(&b, q, &[]), "{q}");
    }
}

/// The issue-18 budget: a news page's graph is about what it says, not a copy of the
/// gazetteer (the seed pages made 192 quads per KB of text before; the bound is 20).
#[test]
fn a_document_graph_stays_small() {
    let Some(seeds) = common::seeds_dir() else { return };
    let p = common::pipeline();
    let (mut quads, mut bytes) = (0usize, 0usize);
    for d in common::read_docs(&seeds) {
        let x = p.extract(&d, &common::options());
        quads += summit::rdf::quads(&x, &p.gazetteer).len();
        bytes += d.original.len();
    }
    let per_kb = quads as f64 / (bytes as f64 / 1000.0);
    assert!(per_kb <= 20.0, "{quads} quads for {bytes} bytes of text: {per_kb:.1} per KB");
}

#[test]
fn removed_documents_leave_the_store_and_the_answers() {
    let (_dir, store) = store_with("examples");
    let before = query_tsv(&store, "queries/who-met-whom.rq", &[]);
    let graphs = summit::store::Store::open_read_only(&store).unwrap().graphs().unwrap();
    assert!(graphs.contains(&summit::rdf::doc_iri("feed-lima")), "{graphs:?}");
    let s = store.to_str().unwrap();
    let (code, _, err) = run(&mut summit(&["remove", "feed-lima", "feed-lima", "no-such-doc", "--store", s]));
    assert_eq!(code, 2, "an id the store does not hold is an error: {err}");
    assert!(err.contains("no document \"no-such-doc\""), "{err}");
    let after = summit::store::Store::open_read_only(&store).unwrap().graphs().unwrap();
    assert_eq!(after.len(), graphs.len() - 1);
    assert!(!after.contains(&summit::rdf::doc_iri("feed-lima")));
    assert_ne!(query_tsv(&store, "queries/who-met-whom.rq", &[]), before);
    // Loaded again: the answers are back.
    load(&store, "examples");
    assert_eq!(query_tsv(&store, "queries/who-met-whom.rq", &[]), before);
    let (code, _, err) = run(&mut summit(&["remove", "x", "--store", &format!("{s}-none")]));
    assert_eq!(code, 2);
    assert!(err.contains("no store here"), "{err}");
}

const VIEW_DUMP: &str = "SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/summit/graph/meetings> { ?s ?p ?o } FILTER (?p != <https://w3id.org/summit/ns#viewVersion>) } ORDER BY ?s ?p ?o";
/// What the view must hold: every distinct triple about a meeting in the graph reporting it.
const VIEW_ORACLE: &str = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s a <https://w3id.org/summit/ns#Meeting> ; ?p ?o } FILTER (?g != <https://w3id.org/summit/graph/meetings>) } ORDER BY ?s ?p ?o";

fn csv(store: &Path, sparql: &str) -> String {
    let (code, out, err) = run(&mut summit(&["query", "-e", sparql, "--store", store.to_str().unwrap(), "--format", "csv"]));
    assert_eq!(code, 0, "{err}");
    out
}

/// Issue 18.3: the merged view of meetings follows every write — a first load, a
/// document loaded again with other content, a removal — in the commit that makes it,
/// and equals what `summit rebuild-view` builds from the document graphs.
#[test]
fn the_meetings_view_follows_loads_reloads_and_removals() {
    let (dir, store) = store_with("tests/fixtures/queries/two-places.jsonl");
    let s = store.to_str().unwrap();
    let same = |step: &str| {
        let (view, oracle) = (csv(&store, VIEW_DUMP), csv(&store, VIEW_ORACLE));
        assert_eq!(view, oracle, "{step}: the view is not the union of the documents' meetings");
        view
    };
    let first = same("first load");
    assert!(first.contains("https://schema.org/location,https://w3id.org/summit/place/beijing"), "{first}");
    // beihai-beijing loaded again, now saying nothing of a meeting: Beijing, which only it
    // gave, leaves the view; the meeting stays (two reports left).
    let changed = dir.path().join("changed.jsonl");
    std::fs::write(&changed, "{\"id\": \"beihai-beijing\", \"date\": \"2025-03-12\", \"text\": \"新华社北京3月12日电 今天天气晴。\"}\n").unwrap();
    load(&store, changed.to_str().unwrap());
    let reloaded = same("reload");
    assert!(!reloaded.contains("place/beijing"), "{reloaded}");
    assert!(reloaded.contains("place/shanghai") && !reloaded.contains("doc/beihai-beijing"), "{reloaded}");
    assert_eq!(pairs(&query_tsv(&store, "queries/who-met-whom.rq", &[])).len(), 1);
    // One of the two reports removed: the meeting stays with one report link.
    let (code, _, err) = run(&mut summit(&["remove", "beihai-shanghai", "--store", s]));
    assert_eq!(code, 0, "{err}");
    let one = same("first removal");
    assert!(one.contains("doc/beihai-shanghai-hant") && !one.contains("doc/beihai-shanghai,"), "{one}");
    // The last report removed: the meeting leaves the view and the answers.
    let (code, _, err) = run(&mut summit(&["remove", "beihai-shanghai-hant", "--store", s]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(same("last removal").lines().count(), 1, "only the header is left");
    assert_eq!(pairs(&query_tsv(&store, "queries/who-met-whom.rq", &[])).len(), 0);
    // Loaded back, then built anew from the document graphs: the same view.
    load(&store, "tests/fixtures/queries/two-places.jsonl");
    assert_eq!(same("loaded back"), first);
    let (code, _, err) = run(&mut summit(&["rebuild-view", "--store", s]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("meetings view"), "{err}");
    assert_eq!(csv(&store, VIEW_DUMP), first, "rebuild-view differs from the view kept up to date");
}

/// A SPARQL update (`summit serve --allow-update`) may change any graph: the view is built
/// anew in the update's transaction.
#[test]
fn a_sparql_update_keeps_the_meetings_view() {
    let p = common::pipeline();
    let store = summit::store::Store::in_memory().unwrap();
    for d in common::read_docs(&common::repo().join("tests/fixtures/queries/two-places.jsonl")) {
        let x = p.extract(&d, &common::options());
        store.replace_graph(&summit::rdf::doc_iri(&x.doc), &summit::rdf::quads(&x, &p.gazetteer)).unwrap();
    }
    let places = |store: &summit::store::Store| -> Vec<String> {
        let q = format!("SELECT ?p WHERE {{ GRAPH <{}> {{ ?m <https://schema.org/location> ?p }} }} ORDER BY ?p", summit::rdf::MEETINGS_GRAPH);
        match store.query(&q, "-e", &[]).unwrap() {
            summit::store::Answer::Solutions { rows, .. } => rows.iter().map(|r| r[0].as_ref().unwrap().to_string()).collect(),
            _ => panic!("solutions expected"),
        }
    };
    assert_eq!(places(&store), ["<https://w3id.org/summit/place/beijing>", "<https://w3id.org/summit/place/shanghai>"]);
    let cancel = summit::store::CancellationToken::new();
    let update = format!("DROP GRAPH <{}>", summit::rdf::doc_iri("beihai-beijing"));
    assert!(store.update_for_endpoint(&update, &cancel).is_ok());
    assert_eq!(places(&store), ["<https://w3id.org/summit/place/shanghai>"], "Beijing, said only by the dropped graph, left the view");
}
