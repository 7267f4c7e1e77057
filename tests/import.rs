//! `summit gazetteer import`: gazetteer entries from Wikidata Query Service results
//! (tests/fixtures/wikidata/, written for these tests; the Q-ids of invented items are
//! Q987654xx, those of real countries and of Sergey Lavrov are Wikidata's).

mod common;

use std::path::PathBuf;
use std::process::Command;
use summit::gazetteer::{EntityType, Gazetteer};
use summit::import::{Import, ImportType, OutEntry, OutRole, import};

fn fixture(name: &str) -> (String, String) {
    let p = common::repo().join("tests/fixtures/wikidata").join(name);
    (p.display().to_string(), std::fs::read_to_string(&p).expect("fixture"))
}

fn repo_gazetteer() -> Gazetteer {
    Gazetteer::load_dir(&common::repo().join("gazetteers")).expect("repo gazetteers load")
}

fn run(name: &str, t: ImportType) -> Import {
    let (p, text) = fixture(name);
    import(&p, &text, t, &repo_gazetteer()).unwrap_or_else(|e| panic!("{e}"))
}

fn entry<'a>(i: &'a Import, id: &str) -> &'a OutEntry {
    i.entries.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no entry {id}: {:?}", i.entries.iter().map(|e| &e.id).collect::<Vec<_>>()))
}

fn role(role: &str, of: Option<&str>, from: Option<&str>, to: Option<&str>) -> OutRole {
    OutRole { role: role.into(), of: of.map(Into::into), from: from.map(Into::into), to: to.map(Into::into) }
}

#[test]
fn people_from_json_merge_rows_and_resolve_roles() {
    let i = run("people.json", ImportType::Person);
    let ids: Vec<&str> = i.entries.iter().map(|e| e.id.as_str()).collect();
    // Lavrov (Q167453) is already listed; Q98765406 has no label. Two "Jens Berg" and a
    // second "Zhang Ming" (an id the gazetteer uses) get their Q-ids.
    assert_eq!(ids, ["anders-holm", "mette-lund", "jens-berg-q98765403", "jens-berg-q98765404", "zhang-ming-q98765405", "soren-orsted"]);

    let holm = entry(&i, "anders-holm");
    assert_eq!(holm.en, "Anders Holm");
    assert_eq!(holm.zh_hans.as_deref(), Some("安诺斯·霍尔姆"));
    assert_eq!(holm.zh_hant.as_deref(), Some("安諾斯·霍爾姆"));
    assert_eq!(holm.wikidata, "Q98765401");
    assert_eq!(holm.aliases, ["A. Holm", "霍尔姆"], "aliases of every row, once each");
    assert_eq!(
        holm.roles.as_deref().unwrap(),
        [
            role("finance-minister", Some("denmark"), Some("2024-07-01"), None),
            role("foreign-minister", Some("denmark"), Some("2021-03-01"), Some("2024-06-30")),
        ],
        "a role from ?role, a role from the position's label; rows repeated by aliases count once"
    );

    let lund = entry(&i, "mette-lund");
    assert_eq!(
        lund.roles.as_deref().unwrap(),
        [role("deputy-prime-minister", Some("germany"), Some("2023-01-15"), None), role("mayor", None, Some("2016-01-01"), Some("2019-01-01"))]
    );
    // A bank's governor is a central bank governor; no Traditional label: none written.
    let orsted = entry(&i, "soren-orsted");
    assert_eq!(orsted.roles.as_deref().unwrap(), [role("central-bank-governor", Some("denmark"), Some("2022-02-01"), None)]);
    assert_eq!(orsted.zh_hant, None);

    let w = i.warnings.join("\n");
    for expected in ["Q167453 is already listed as \"sergey-lavrov\"", "Q98765406 has no English label", "Chief of Police of Odense", "\"Ruritania\"", "itemDescription"] {
        assert!(w.contains(expected), "warnings lack {expected:?}:\n{w}");
    }
}

#[test]
fn csv_gives_the_same_entries_as_json() {
    let json = run("people.json", ImportType::Person);
    let csv = run("people.csv", ImportType::Person);
    assert_eq!(json.entries, csv.entries);
    assert_eq!(json.to_jsonl("x"), csv.to_jsonl("x"), "same bytes");
}

#[test]
fn places_take_kinds_and_parents_from_the_gazetteer_or_the_import() {
    let i = run("places.csv", ImportType::Place);
    let ids: Vec<&str> = i.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["odense-harbour-hall", "odense", "funen", "atlantis-bay"], "China (Q148) is already listed");
    let hall = entry(&i, "odense-harbour-hall");
    assert_eq!((hall.kind.as_deref(), hall.parent.as_deref()), (Some("venue"), Some("odense")), "a parent in the same import");
    let odense = entry(&i, "odense");
    assert_eq!((odense.kind.as_deref(), odense.parent.as_deref()), (Some("city"), Some("denmark")), "kind from ?type Q515, parent by Q-id");
    let funen = entry(&i, "funen");
    assert_eq!((funen.kind.as_deref(), funen.parent.as_deref()), (Some("region"), Some("denmark")), "parent given as an id");
    let bay = entry(&i, "atlantis-bay");
    assert_eq!(bay.parent, None);
    assert!(i.warnings.iter().any(|w| w.contains("Q99999999")), "{:?}", i.warnings);
}

#[test]
fn organizations_kinds_aliases_and_parents() {
    let i = run("organizations.json", ImportType::Organization);
    let council = entry(&i, "nordic-trade-council");
    assert_eq!(council.kind.as_deref(), Some("intergovernmental"));
    assert_eq!(council.aliases, ["NTC", "Nordic Council of Trade"], "the label service's AltLabel, split on \", \"");
    let daily = entry(&i, "odense-daily");
    assert_eq!((daily.kind.as_deref(), daily.parent.as_deref()), (Some("media"), Some("un")));
    assert_eq!(entry(&i, "holm-shipping").kind.as_deref(), Some("other"));
}

#[test]
fn imported_files_load_alongside_the_repo_gazetteers_and_are_matched() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(common::repo().join("gazetteers")).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|x| x == "jsonl") {
            std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    for (name, t, out) in [
        ("people.json", ImportType::Person, "people-wikidata.jsonl"),
        ("places.csv", ImportType::Place, "places-wikidata.jsonl"),
        ("organizations.json", ImportType::Organization, "organizations-wikidata.jsonl"),
    ] {
        std::fs::write(dir.path().join(out), run(name, t).to_jsonl(name)).unwrap();
    }
    let g = Gazetteer::load_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let holm = g.get(EntityType::Person, "anders-holm").expect("imported person");
    assert_eq!(holm.roles.len(), 2);
    assert!(g.place_within("odense-harbour-hall", "denmark"));

    // The new names are matched like any other.
    let rules = common::repo().join("rules");
    let p = summit::extract::Pipeline::load(dir.path(), &rules).unwrap();
    let doc = summit::Document::plain("t", "t", "丹麦外交大臣安诺斯·霍尔姆3日在欧登塞港口会堂会见了到访的国家主席习近平。");
    let x = p.extract(&doc, &common::options());
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Anders Holm") && names.contains(&"Odense Harbour Hall"), "{names:?}");
}

#[test]
fn malformed_files_are_errors_naming_file_and_line_or_json_path() {
    let g = repo_gazetteer();
    let err = |name: &str, t: ImportType| {
        let (p, text) = fixture(name);
        import(&p, &text, t, &g).expect_err("malformed").to_string()
    };
    let e = err("malformed.csv", ImportType::Person);
    assert!(e.ends_with("malformed.csv:3: 3 field(s), but the header has 4"), "{e}");
    let e = err("malformed.json", ImportType::Person);
    assert!(e.ends_with("malformed.json:5:5: not valid JSON: expected `,` or `]`"), "{e}");
    let e = err("malformed-binding.json", ImportType::Person);
    assert!(e.contains("malformed-binding.json:") && e.contains("$.results.bindings[1].item.value"), "{e}");
    let e = err("places-no-kind.csv", ImportType::Place);
    assert!(e.contains("places-no-kind.csv:2") && e.contains("kind"), "{e}");

    let e = import("x.csv", "name,itemLabel\nQ1,a\n", ImportType::Person, &g).unwrap_err().to_string();
    assert!(e.starts_with("x.csv:1:") && e.contains("no ?item"), "{e}");
    let e = import("x.csv", "item,itemLabel\nhttp://example.org/a,a\n", ImportType::Person, &g).unwrap_err().to_string();
    assert!(e.starts_with("x.csv:2:") && e.contains("not a Wikidata item"), "{e}");
    let e = import("x.json", "{\"head\":{}}", ImportType::Person, &g).unwrap_err().to_string();
    assert!(e.contains("$.head.vars"), "{e}");
}

fn summit(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_summit")).current_dir(common::repo()).args(args).output().expect("runs");
    (o.status.code().unwrap_or(-1), String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
}

#[test]
fn the_command_writes_a_loadable_file_and_reports_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let out: PathBuf = dir.path().join("people-wikidata.jsonl");
    let (code, stdout, err) = summit(&["gazetteer", "import", "tests/fixtures/wikidata/people.json", "--type", "person", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty());
    assert!(err.contains("warning:") && err.contains("6 people entries"), "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# Imported by `summit gazetteer import` from people.json"));
    assert_eq!(text.lines().filter(|l| l.starts_with('{')).count(), 6);

    // Standard output, same bytes; deterministic.
    let (code, stdout, _) = summit(&["gazetteer", "import", "tests/fixtures/wikidata/people.json"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, text);

    let (code, _, err) = summit(&["gazetteer", "import", "tests/fixtures/wikidata/malformed.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("tests/fixtures/wikidata/malformed.csv:3:"), "{err}");

    let wrong = dir.path().join("wikidata.jsonl");
    let (code, _, err) = summit(&["gazetteer", "import", "tests/fixtures/wikidata/places.csv", "--type", "place", "-o", wrong.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("places*.jsonl"), "{err}");
    assert!(!wrong.exists());
}
