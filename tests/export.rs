//! `summit export`: GraphML and GEXF read back by networkx, the GraphML schema, the
//! picture rendered to PNG, filters, hostile names, and graphs/ kept up to date.
//!
//! Tools outside our code: python3 with networkx (`.ci/run` installs it) and
//! rsvg-convert with a CJK font (`scripts/bootstrap` installs them). A test that needs
//! one skips with a message when it is missing, except in CI (`SUMMIT_CI` set), where
//! it fails.

mod common;
use common::{run, store_with, summit};

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `summit export FORMAT --store STORE EXTRA... -o OUT`; returns the file's text.
fn export(store: &Path, format: &str, extra: &[&str], out: &Path) -> String {
    let mut args = vec!["export", format, "--store", store.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&mut summit(&args));
    assert_eq!(code, 0, "export {format} {extra:?}: {err}");
    std::fs::read_to_string(out).unwrap()
}

/// A tool the test needs is missing: skip (with the reason) locally, fail in CI.
fn missing(what: &str) -> bool {
    if std::env::var_os("SUMMIT_CI").is_some() {
        panic!("{what} is required in CI (SUMMIT_CI is set): see .ci/run and scripts/bootstrap");
    }
    eprintln!("skipped: {what} is not available (scripts/bootstrap and .ci/run install it)");
    true
}

/// What networkx reads from our GraphML (and GEXF), and the GraphML schema check:
/// `None` when python3 or networkx is missing (outside CI).
fn networkx(graphml: &Path, gexf: Option<&Path>) -> Option<Value> {
    let mut c = Command::new("python3");
    c.arg(common::repo().join("tests/check_graph.py")).arg(graphml);
    if let Some(g) = gexf {
        c.arg(g);
    }
    match c.output() {
        Err(e) => {
            missing(&format!("python3 ({e})"));
            None
        }
        Ok(o) if o.status.code() == Some(3) => {
            missing(&format!("networkx for python3 ({})", String::from_utf8_lossy(&o.stderr).trim()));
            None
        }
        Ok(o) => {
            assert!(o.status.success(), "check_graph.py failed: {}", String::from_utf8_lossy(&o.stderr));
            Some(serde_json::from_slice(&o.stdout).expect("check_graph.py prints JSON"))
        }
    }
}

/// Renders an SVG to PNG with rsvg-convert: `None` when it is missing (outside CI).
/// With `SUMMIT_KEEP_PNG=DIR`, the SVG and PNG are copied there to be looked at.
fn render(svg: &Path) -> Option<PathBuf> {
    let png = svg.with_extension("png");
    match Command::new("rsvg-convert").arg(svg).arg("-o").arg(&png).output() {
        Err(e) => {
            missing(&format!("rsvg-convert ({e})"));
            None
        }
        Ok(o) => {
            assert!(o.status.success(), "rsvg-convert {}: {}", svg.display(), String::from_utf8_lossy(&o.stderr));
            if let Some(dir) = std::env::var_os("SUMMIT_KEEP_PNG") {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::copy(&png, Path::new(&dir).join(png.file_name().unwrap())).unwrap();
                std::fs::copy(svg, Path::new(&dir).join(svg.file_name().unwrap())).unwrap();
            }
            Some(png)
        }
    }
}

/// (width, height, pixels that are not the white background).
fn ink(png: &Path) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let inked = buf[..info.buffer_size()]
        .chunks(channels)
        .filter(|px| {
            let (rgb, alpha) = if channels >= 3 { (&px[..3], px.get(3).copied().unwrap_or(255)) } else { (&px[..1], px.get(1).copied().unwrap_or(255)) };
            alpha > 0 && rgb.iter().any(|&c| c < 235)
        })
        .count();
    (info.width, info.height, inked)
}

/// The `<text>` contents of an SVG.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text").skip(1).filter_map(|t| t.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")).map(|(x, _)| x.to_string())).collect()
}

const SEVEN: [(&str, &str); 7] = [
    ("Xi Jinping", "习近平"),
    ("Vladimir Putin", "普京"),
    ("Sergey Lavrov", "拉夫罗夫"),
    ("Wang Yi", "王毅"),
    ("Mikhail Mishustin", "米舒斯京"),
    ("Antony Blinken", "布林肯"),
    ("Joe Biden", "拜登"),
];

/// label → node id, from a networkx dump.
fn by_label(g: &Value) -> BTreeMap<String, String> {
    g["nodes"].as_object().unwrap().iter().map(|(id, a)| (a["label"].as_str().unwrap_or_default().to_string(), id.clone())).collect()
}

/// The edge between two node ids, from a networkx dump.
fn edge<'a>(g: &'a Value, a: &str, b: &str) -> Option<&'a Value> {
    g["edges"].as_array().unwrap().iter().find(|e| (e[0] == a && e[1] == b) || (e[0] == b && e[1] == a)).map(|e| &e[2])
}

#[test]
fn seeds_graphml_and_gexf_open_in_networkx_with_the_seven_people_and_the_xi_putin_edge() {
    let Some(seeds) = common::seeds_dir() else { return };
    let (dir, store) = store_with(seeds.to_str().unwrap());
    let graphml = dir.path().join("seeds.graphml");
    let gexf = dir.path().join("seeds.gexf");
    let text = export(&store, "graphml", &[], &graphml);
    assert!(text.contains("<data key=\"dates\">2024-07-03;2024-10-22</data>"), "{text}");
    export(&store, "gexf", &[], &gexf);
    let Some(nx) = networkx(&graphml, Some(&gexf)) else { return };
    assert_eq!(nx["schema"], Value::Array(vec![]), "GraphML schema violations");
    let g = &nx["graphml"];
    assert_eq!(g["directed"], false);
    let labels = by_label(g);
    for (en, zh) in SEVEN {
        let id = labels.get(en).unwrap_or_else(|| panic!("{en} is not a node: {labels:?}"));
        assert_eq!(g["nodes"][id]["label_zh"], zh, "{en}");
        assert_eq!(g["nodes"][id]["type"], "Person", "{en}");
    }
    assert_eq!(g["nodes"][&labels["Xi Jinping"]]["roles"].as_str().map(|r| r.contains("President (China, 2013-03-14 –)")), Some(true), "{}", g["nodes"][&labels["Xi Jinping"]]);
    let xp = edge(g, &labels["Xi Jinping"], &labels["Vladimir Putin"]).expect("Xi–Putin edge");
    assert_eq!(xp["weight"], 2, "{xp}");
    assert_eq!(xp["dates"], "2024-07-03;2024-10-22", "{xp}");
    // The same pairs and counts as queries/who-met-whom.rq.
    let pairs: BTreeSet<(String, String, i64)> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let name = |id: &Value| g["nodes"][id.as_str().unwrap()]["label"].as_str().unwrap().to_string();
            let (a, b) = (name(&e[0]), name(&e[1]));
            let (a, b) = if a < b { (a, b) } else { (b, a) };
            (a, b, e[2]["weight"].as_i64().unwrap())
        })
        .collect();
    let want: BTreeSet<(String, String, i64)> =
        common::SEED_PAIRS.into_iter().map(|(a, b, n)| (a.to_string(), b.to_string(), i64::from(n))).collect();
    assert_eq!(pairs, want);
    // The GEXF: the same nodes and edges, with a spell per meeting day.
    let x = &nx["gexf"];
    assert_eq!(x["directed"], false);
    let xn: BTreeSet<&String> = x["nodes"].as_object().unwrap().keys().collect();
    let gn: BTreeSet<&String> = g["nodes"].as_object().unwrap().keys().collect();
    assert_eq!(xn, gn);
    assert_eq!(x["edges"].as_array().unwrap().len(), g["edges"].as_array().unwrap().len());
    for e in g["edges"].as_array().unwrap() {
        let (a, b) = (e[0].as_str().unwrap(), e[1].as_str().unwrap());
        let xe = edge(x, a, b).unwrap_or_else(|| panic!("GEXF lacks {a} – {b}"));
        assert_eq!(xe["weight"].as_f64(), e[2]["weight"].as_f64(), "{a} – {b}");
        assert_eq!(xe["dates"], e[2]["dates"], "{a} – {b}");
    }
    let xp = edge(x, &labels["Xi Jinping"], &labels["Vladimir Putin"]).unwrap();
    assert_eq!(xp["spells"], serde_json::json!([["2024-07-03", "2024-07-03"], ["2024-10-22", "2024-10-22"]]), "{xp}");
    assert_eq!(x["nodes"][&labels["Vladimir Putin"]]["start"], "2024-07-03");
    assert_eq!(x["nodes"][&labels["Xi Jinping"]]["label"], "Xi Jinping");
    assert_eq!(x["nodes"][&labels["Xi Jinping"]]["label_zh"], "习近平");
    // Biden's meeting is dated by its year only: a spell over the year.
    let bx = edge(x, &labels["Xi Jinping"], &labels["Joe Biden"]).unwrap();
    assert_eq!(bx["spells"], serde_json::json!([["2023-01-01", "2023-12-31"]]), "{bx}");
}

#[test]
fn seeds_picture_shows_the_seven_people_in_english_and_chinese_and_renders_to_png() {
    let Some(seeds) = common::seeds_dir() else { return };
    let (dir, store) = store_with(seeds.to_str().unwrap());
    let path = dir.path().join("seeds.svg");
    let svg = export(&store, "svg", &[], &path);
    let shown = texts(&svg);
    for (en, zh) in SEVEN {
        assert!(shown.iter().any(|t| t == en), "{en} is not drawn: {shown:?}");
        assert!(shown.iter().any(|t| t == zh), "{zh} is not drawn: {shown:?}");
    }
    let edges = svg.split("<g id=\"edges\"").nth(1).unwrap().split("</g>").next().unwrap();
    assert_eq!(edges.matches("<line ").count(), 6, "{edges}");
    assert!(edges.contains("Vladimir Putin met Xi Jinping: 2 meetings (2024-07-03, 2024-10-22)") || edges.contains("Xi Jinping met Vladimir Putin: 2 meetings"), "{edges}");
    assert!(shown.iter().any(|t| t == "2×"), "the Xi–Putin edge shows its two meetings: {shown:?}");
    let Some(png) = render(&path) else { return };
    let (w, h, inked) = ink(&png);
    assert!(w >= 500 && h >= 400, "{w}×{h}");
    // Seven nodes, six edges, fourteen names, a title and a legend: well over 1% ink,
    // and far from all of it.
    let share = inked as f64 / (w as f64 * h as f64);
    assert!(share > 0.01 && share < 0.5, "{inked} of {w}×{h} pixels inked");
}

/// A store holding `people` synthetic people (English and Chinese names) and
/// `meetings` meetings among them, a few hubs meeting many.
fn synthetic_store(dir: &Path, people: usize, meetings: usize) {
    const FIRST: [&str; 24] = [
        "Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kofi", "Lina", "Mateo", "Nadia", "Omar", "Priya", "Quinn",
        "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yusuf",
    ];
    const LAST: [&str; 20] = [
        "Abramova", "Bianchi", "Castellanos", "Dubois", "Eriksen", "Fernandes", "Gallagher", "Haddad", "Ivanova", "Jovanovic", "Kowalski", "Lindqvist",
        "Moreau", "Nakamura", "Okonkwo", "Petrov", "Rahman", "Schneider", "Takahashi", "Van der Berg",
    ];
    const XING: [&str; 12] = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];
    const MING: [&str; 16] = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"];
    let store = summit::store::Store::open(dir).unwrap();
    let g = "https://w3id.org/summit/doc/synthetic";
    let graph = GraphName::NamedNode(NamedNode::new(g).unwrap());
    let n = |s: String| NamedNode::new(s).unwrap();
    let schema = |l: &str| n(format!("https://schema.org/{l}"));
    let summit_ns = |l: &str| n(format!("https://w3id.org/summit/ns#{l}"));
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| quads.push(Quad::new(s.clone(), p, o, graph.clone()));
    let person = |i: usize| n(format!("https://w3id.org/summit/person/synthetic-{i:04}"));
    for i in 0..people {
        let p = person(i);
        add(&p, rdf::TYPE.into_owned(), schema("Person").into());
        let en = format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / FIRST.len() + i * 7) % LAST.len()]);
        let zh = format!("{}{}", XING[(i * 5) % XING.len()], MING[(i / XING.len() + i) % MING.len()]);
        add(&p, schema("name"), Literal::new_language_tagged_literal(en, "en").unwrap().into());
        add(&p, schema("name"), Literal::new_language_tagged_literal(zh, "zh-Hans").unwrap().into());
    }
    let mut state: u64 = 0x05ee_d0f5_ca1e;
    let mut next = |m: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m
    };
    for j in 0..meetings {
        // Preferential: low indices (the hubs) are picked far more often.
        let hubs = next(people) + 1;
        let a = next(hubs);
        let mut b = next(people);
        if a == b {
            b = (b + 1) % people;
        }
        let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(next(1800) as u64);
        let m = n(format!("https://w3id.org/summit/meeting/synthetic/{j}"));
        add(&m, rdf::TYPE.into_owned(), summit_ns("Meeting").into());
        add(&m, summit_ns("participant"), person(a).into());
        add(&m, summit_ns("participant"), person(b).into());
        add(&m, schema("startDate"), Literal::new_typed_literal(date.to_string(), xsd::DATE).into());
    }
    store.replace_graph(g, &quads).unwrap();
}

/// Label boxes (estimated from the SVG's label groups) of the names drawn.
fn drawn_labels(svg: &str) -> usize {
    let labels = svg.split("<g id=\"labels\"").nth(1).unwrap().split("\n</g>").next().unwrap();
    labels.matches("<g text-anchor").count()
}

#[test]
fn fifty_and_five_hundred_people_render_with_labels_that_do_not_pile_up() {
    for (people, meetings) in [(50, 90), (500, 900)] {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        synthetic_store(&store, people, meetings);
        let path = dir.path().join(format!("synthetic-{people}.svg"));
        let svg = export(&store, "svg", &[], &path);
        let nodes = svg.split("<g id=\"nodes\"").nth(1).unwrap().split("</g>").next().unwrap().matches("<circle").count();
        assert!(nodes > people * 8 / 10, "{nodes} nodes drawn of {people}");
        let png = render(&path);
        let labelled = drawn_labels(&svg);
        if people == 50 {
            assert!(labelled >= 35, "{labelled} of 50 people labelled");
        } else {
            // Labels for the best connected only (the layout tests check they never overlap).
            assert!((60..=150).contains(&labelled), "{labelled} of 500 people labelled");
        }
        let Some(png) = png else { return };
        let (w, h, inked) = ink(&png);
        assert!(inked as f64 > 0.01 * (w as f64 * h as f64), "{people}: only {inked} of {w}×{h} pixels inked");
    }
}

/// A store with two people whose names hold markup, quotes and control characters.
fn hostile_store(dir: &Path) -> (String, String) {
    let store = summit::store::Store::open(dir).unwrap();
    let g = "https://w3id.org/summit/doc/hostile";
    let graph = GraphName::NamedNode(NamedNode::new(g).unwrap());
    let n = |s: &str| NamedNode::new(s).unwrap();
    let (a, b) = ("https://w3id.org/summit/person/name/a%26b", "https://w3id.org/summit/person/name/%3Cq%3E");
    let en_a = "Tom & Jerry <b>\"Q\"</b> 'x' \u{1}\u{8}\u{1b}]]> <!-- c -->";
    let zh_b = "王<script>alert(1)</script>&amp;";
    let mut q = Vec::new();
    for (s, p, o) in [
        (a, rdf::TYPE.as_str(), Term::from(n("https://schema.org/Person"))),
        (a, "https://schema.org/name", Literal::new_language_tagged_literal(en_a, "en").unwrap().into()),
        (b, rdf::TYPE.as_str(), n("https://schema.org/Person").into()),
        (b, "https://schema.org/name", Literal::new_language_tagged_literal(zh_b, "zh-Hans").unwrap().into()),
        ("https://w3id.org/summit/meeting/x", rdf::TYPE.as_str(), n("https://w3id.org/summit/ns#Meeting").into()),
        ("https://w3id.org/summit/meeting/x", "https://w3id.org/summit/ns#participant", n(a).into()),
        ("https://w3id.org/summit/meeting/x", "https://w3id.org/summit/ns#participant", n(b).into()),
        ("https://w3id.org/summit/meeting/x", "https://schema.org/startDate", Literal::new_typed_literal("2024-05-01", xsd::DATE).into()),
    ] {
        q.push(Quad::new(n(s), n(p), o, graph.clone()));
    }
    store.replace_graph(g, &q).unwrap();
    (en_a.to_string(), zh_b.to_string())
}

#[test]
fn names_with_markup_quotes_and_control_characters_are_escaped_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (en_a, zh_b) = hostile_store(&store);
    // What XML 1.0 can carry: control characters become U+FFFD.
    let clean_a: String = en_a.chars().map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect();
    let graphml = dir.path().join("h.graphml");
    let gexf = dir.path().join("h.gexf");
    export(&store, "graphml", &[], &graphml);
    export(&store, "gexf", &[], &gexf);
    let json: Value = serde_json::from_str(&export(&store, "json", &[], &dir.path().join("h.json"))).unwrap();
    let labels: BTreeSet<&str> = json["elements"]["nodes"].as_array().unwrap().iter().map(|n| n["data"]["label"].as_str().unwrap()).collect();
    assert_eq!(labels, BTreeSet::from([en_a.as_str(), zh_b.as_str()]), "JSON keeps names exactly");
    let svg_path = dir.path().join("h.svg");
    let svg = export(&store, "svg", &[], &svg_path);
    let html = export(&store, "html", &[], &dir.path().join("h.html"));
    for (what, text) in [("svg", &svg), ("html", &html)] {
        assert!(!text.contains("<script>alert") && !text.contains("<b>") && !text.contains("<!-- c"), "{what} lets markup through");
        assert!(!text.chars().any(|c| c.is_control() && !"\n\t".contains(c)), "{what} holds control characters");
    }
    if let Some(png) = render(&svg_path) {
        assert!(ink(&png).2 > 0);
    }
    let Some(nx) = networkx(&graphml, Some(&gexf)) else { return };
    assert_eq!(nx["schema"], Value::Array(vec![]), "GraphML schema violations");
    for g in [&nx["graphml"], &nx["gexf"]] {
        let labels: BTreeSet<&str> = g["nodes"].as_object().unwrap().values().map(|a| a["label"].as_str().unwrap()).collect();
        assert_eq!(labels, BTreeSet::from([clean_a.as_str(), zh_b.as_str()]), "{g}");
        assert_eq!(g["edges"].as_array().unwrap().len(), 1);
    }
}

/// An edge as (label, label, weight, relation).
type Edge = (String, String, u64, String);

/// Node labels (with their type) and edges of a JSON export.
fn graph_of(json: &str) -> (BTreeSet<String>, BTreeSet<Edge>) {
    let v: Value = serde_json::from_str(json).unwrap();
    let mut label = BTreeMap::new();
    let mut nodes = BTreeSet::new();
    for n in v["elements"]["nodes"].as_array().unwrap() {
        let l = n["data"]["label"].as_str().unwrap().to_string();
        label.insert(n["data"]["id"].as_str().unwrap().to_string(), l.clone());
        nodes.insert(format!("{} ({})", l, n["data"]["type"].as_str().unwrap()));
    }
    let edges = v["elements"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let d = &e["data"];
            let (a, b) = (label[d["source"].as_str().unwrap()].clone(), label[d["target"].as_str().unwrap()].clone());
            let (a, b) = if a < b { (a, b) } else { (b, a) };
            (a, b, d["weight"].as_u64().unwrap(), d["relation"].as_str().unwrap().to_string())
        })
        .collect();
    (nodes, edges)
}

#[test]
fn date_range_person_places_and_organizations_select_the_network() {
    let (dir, store) = store_with("examples");
    let out = dir.path().join("x.json");
    let met = |a: &str, b: &str, n: u64| (a.to_string(), b.to_string(), n, "met".to_string());
    // Everything: the pairs of queries/who-met-whom.rq.
    let (nodes, edges) = graph_of(&export(&store, "json", &[], &out));
    assert_eq!(nodes.len(), 8, "{nodes:?}");
    assert!(edges.contains(&met("Sergey Lavrov", "Wang Yi", 2)), "{edges:?}");
    assert_eq!(edges.len(), 6, "{edges:?}");
    // A date range: only meetings wholly inside it.
    let (nodes, edges) = graph_of(&export(&store, "json", &["--from", "2024-07-01", "--to", "2024-07-31"], &out));
    assert_eq!(edges, BTreeSet::from([met("Sergey Lavrov", "Wang Yi", 1), met("Sergey Lavrov", "Sonexay Siphandone", 1)]));
    assert_eq!(nodes.len(), 3);
    // Centred on a person, by English name, Chinese name or IRI: the same ego network.
    let (_, by_en) = graph_of(&export(&store, "json", &["--person", "Sergey Lavrov"], &out));
    assert_eq!(by_en, BTreeSet::from([met("Sergey Lavrov", "Wang Yi", 2), met("Sergey Lavrov", "Sonexay Siphandone", 1)]));
    let (_, by_zh) = graph_of(&export(&store, "json", &["--person", "拉夫罗夫"], &out));
    assert_eq!(by_zh, by_en);
    let (_, by_iri) = graph_of(&export(&store, "json", &["--person", "https://w3id.org/summit/person/sergey-lavrov"], &out));
    assert_eq!(by_iri, by_en);
    let (nodes, _) = graph_of(&export(&store, "json", &["--person", "xi jinping", "--to", "2024-06-30"], &out));
    assert_eq!(nodes, BTreeSet::from(["Xi Jinping (Person)".to_string(), "Luiz Inácio Lula da Silva (Person)".into(), "Emmanuel Macron (Person)".into()]));
    // Places and organizations as nodes.
    let (nodes, edges) = graph_of(&export(&store, "json", &["--with-places", "--with-orgs"], &out));
    assert!(nodes.contains("Vientiane (Place)") && nodes.contains("BRICS (Organization)"), "{nodes:?}");
    assert!(edges.contains(&("Sergey Lavrov".to_string(), "Vientiane".to_string(), 2, "met_at".to_string())), "{edges:?}");
    assert!(edges.contains(&("Sergey Lavrov".to_string(), "Shanghai Cooperation Organization".to_string(), 2, "mentioned_with".to_string())), "{edges:?}");
    // Mistakes are usage errors, exit 2, naming the problem.
    for (args, want) in [
        (vec!["--person", "Nobody At All"], "no person of that name"),
        (vec!["--from", "2024-12-01", "--to", "2024-01-01"], "is after --to"),
        (vec!["--from", "July"], "not a date"),
    ] {
        let mut all = vec!["export", "graphml", "--store", store.to_str().unwrap()];
        all.extend(args.iter());
        let (code, _, err) = run(&mut summit(&all));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    // A value that looks like SPARQL is a name like any other (it is bound, not pasted).
    let (code, _, err) = run(&mut summit(&["export", "graphml", "--store", store.to_str().unwrap(), "--person", "x\") } SELECT * WHERE { ?s ?p ?o } #"]));
    assert_eq!(code, 2);
    assert!(err.contains("no person of that name"), "{err}");
}

#[test]
fn the_page_is_self_contained() {
    let (dir, store) = store_with("examples");
    let html = export(&store, "html", &["--with-places"], &dir.path().join("x.html"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    // The meetings' data (IRIs, article URLs to link to) is JSON in one element; nothing
    // outside it names another site, and nothing loads anything.
    let (before, rest) = html.split_once(r#"<script type="application/json" id="summit-data">"#).expect("the page's data");
    let (data, after) = rest.split_once("</script>").expect("the data ends");
    assert!(data.contains("https://example.org/feed/lima"), "the article's URL is in the data");
    assert!(!data.contains('<'), "the data cannot end its element");
    let page = format!("{before}{after}");
    for bad in ["src=", "<link", "@import", "url(", "https://", "fetch(", "XMLHttpRequest", "import("] {
        assert!(!page.contains(bad), "the page loads something from elsewhere ({bad})");
    }
    assert_eq!(page.matches("http://").count(), page.matches("http://www.w3.org/2000/svg").count(), "only the SVG namespace");
    assert!(page.contains("<script>") && page.contains("<svg "));
}

#[test]
fn graphs_dir_holds_the_current_exports_of_the_examples() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graphs");
    let status = Command::new(common::repo().join("scripts/regen-graphs"))
        .arg(&out)
        .env("SUMMIT", env!("CARGO_BIN_EXE_summit"))
        .current_dir(common::repo())
        .status()
        .expect("scripts/regen-graphs runs");
    assert!(status.success());
    let listing = |d: &Path| -> BTreeSet<String> {
        std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().unwrap().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect()
    };
    let committed = common::repo().join("graphs");
    let fresh = listing(&out);
    assert!(fresh.len() >= 5, "{fresh:?}");
    let mut stale = Vec::new();
    for name in &fresh {
        if std::fs::read(out.join(name)).unwrap() != std::fs::read(committed.join(name)).unwrap_or_default() {
            stale.push(name.clone());
        }
    }
    let extra: Vec<String> = listing(&committed).difference(&fresh).cloned().collect();
    assert!(stale.is_empty() && extra.is_empty(), "graphs/ is stale ({stale:?} differ, {extra:?} not generated): run scripts/regen-graphs and commit graphs/");
}

/// `SELECT` one number with `summit query`.
fn count(store: &Path, query: &str) -> i64 {
    let q = format!("PREFIX schema: <https://schema.org/>\nPREFIX summit: <https://w3id.org/summit/ns#>\n{query}");
    let (code, out, err) = run(&mut summit(&["query", "-e", &q, "--store", store.to_str().unwrap(), "--format", "csv"]));
    assert_eq!(code, 0, "{err}");
    out.lines().nth(1).and_then(|l| l.trim().parse().ok()).unwrap_or_else(|| panic!("a number: {out}"))
}

#[test]
fn graphml_and_gexf_edges_carry_the_number_of_reports_and_the_first_articles_url() {
    let (dir, store) = store_with("examples");
    let (graphml, gexf) = (dir.path().join("x.graphml"), dir.path().join("x.gexf"));
    let text = export(&store, "graphml", &[], &graphml);
    assert!(text.contains(r#"<data key="url">https://example.org/feed/lima</data>"#), "{text}");
    export(&store, "gexf", &[], &gexf);
    let reports = |a: &str, b: &str| {
        count(
            &store,
            &format!("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?m summit:participant <https://w3id.org/summit/person/{a}>, <https://w3id.org/summit/person/{b}> . ?g a schema:NewsArticle }} FILTER NOT EXISTS {{ ?m schema:eventStatus schema:EventScheduled }} }}"),
        )
    };
    let Some(nx) = networkx(&graphml, Some(&gexf)) else { return };
    assert_eq!(nx["schema"], Value::Array(vec![]), "GraphML schema violations");
    for g in [&nx["graphml"], &nx["gexf"]] {
        let labels = by_label(g);
        let xb = edge(g, &labels["Xi Jinping"], &labels["Joe Biden"]).expect("Xi–Biden");
        assert_eq!(xb["reports"].as_i64(), Some(reports("xi-jinping", "joe-biden")), "{xb}");
        assert_eq!(xb["url"], "https://example.org/feed/lima", "{xb}");
        let lw = edge(g, &labels["Sergey Lavrov"], &labels["Wang Yi"]).expect("Lavrov–Wang");
        let n = reports("sergey-lavrov", "wang-yi");
        assert!(n >= 2, "two articles report their meetings");
        assert_eq!(lw["reports"].as_i64(), Some(n), "{lw}");
    }
}

#[test]
fn a_meeting_reported_by_a_thousand_articles_exports_in_seconds_with_its_reports_counted() {
    // The union graph repeats each of the meeting's triples once per article: queries that
    // join them directly cost reports^3 (minutes here); each pattern is made distinct first.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let mut s = String::new();
    for i in 0..1000 {
        s.push_str(&format!(
            "{{\"id\": \"r{i}\", \"date\": \"2024-05-07\", \"url\": \"https://example.org/r{i:04}\", \"text\": \"PARIS -- Chinese President Xi Jinping held talks with French President Emmanuel Macron at the Elysee Palace in Paris on Monday.\"}}\n"
        ));
    }
    std::fs::write(&corpus, s).unwrap();
    let store = dir.path().join("store");
    common::load(&store, corpus.to_str().unwrap());
    let out = dir.path().join("x.graphml");
    let mut child = summit(&["export", "graphml", "--store", store.to_str().unwrap(), "-o", out.to_str().unwrap()]).spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("export of one meeting reported 1,000 times took over a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(r#"<data key="reports">1000</data>"#), "{text}");
    assert!(text.contains(r#"<data key="url">https://example.org/r0000</data>"#), "the first article's URL: {text}");
    assert!(text.contains(r#"<data key="weight">1</data>"#), "{text}");
}
