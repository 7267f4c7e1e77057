//! Evaluation: the rule regression suite behind `summit eval`.
//!
//! **Input**: gold annotations, `*.toml` files under a directory (`tests/gold/`, format
//! and annotation guidelines in `tests/gold/README.md`): for each document (a file, or
//! one line of a `.jsonl` file by id) the meetings it reports, the people, places and
//! organizations it names, and facts that must not come out; a [`Pipeline`]; and the
//! committed [`Baseline`] (`tests/gold/baseline.json`).
//!
//! **Output**: a [`Report`]: precision, recall and F1 per fact kind (meeting,
//! participant, attendee, place, date, entity by type) and per rule (a fact's rules are
//! the rule ids in its evidence or mentions), every fact gained or lost against the
//! baseline with its document, evidence sentence and rule, the must-not facts that came
//! out, and every figure that dropped below the baseline.
//!
//! **Invariants**:
//! - Deterministic: documents, facts and rules are sorted; `today` is fixed
//!   ([`TODAY`]), so nothing depends on the clock; the baseline is written sorted.
//! - A document whose file is absent (the seeds in a clone without `../shared`) is
//!   skipped, never an error; the comparison with the baseline is over the documents
//!   evaluated now and present in the baseline.
//! - The baseline stores what the rules *produced* per document, not only totals; it is
//!   scored against the *current* gold at comparison time, so correcting the gold never
//!   shows up as a change of the rules.
//! - A malformed gold file is an [`Error`] naming the file and line. Gold names are the
//!   canonical English names summit outputs; an alias where a canonical name exists is
//!   an error.
//!
//! Where things are: [`gold`] reads the annotations, [`predict`] turns an extraction into
//! what is scored, [`scoring`] compares them and counts, [`baseline`] keeps and compares
//! the committed record, [`report`] holds the result and renders it as text.

mod baseline;
mod gold;
mod predict;
mod report;
mod scoring;

pub use baseline::{Baseline, BaselineDoc, Change, Comparison, Drop, Row, Totals};
pub use gold::{GoldDoc, GoldMeeting, load_gold, parse_gold};
pub use predict::{DocPrediction, PredEntity, PredMeeting, predictions};
pub use report::Report;
pub use scoring::{Counts, Fact, Status, Violation, score};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::extract::{Options, Pipeline};
use crate::gazetteer::EntityType;
use crate::read::{self, Input, ReadOptions};
use crate::rules::RuleKind;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
/// The "today" eval reads documents against (only used when a text gives no year and
/// no article date at all), fixed so that results never depend on the clock.
pub const TODAY: (i32, u32, u32) = (2026, 11, 20);

/// The name of the baseline file in the gold directory.
pub const BASELINE_FILE: &str = "baseline.json";

/// The subdirectory of the gold directory holding real news nobody on the team wrote
/// (`tests/gold/real/`): evaluated and reported as a section of its own, with its own
/// baseline (`real/baseline.json`), never failing the run, never in the figures of the
/// self-written gold.
pub const REAL_DIR: &str = "real";

// ---------------------------------------------------------------------------------
// Fact kinds

/// What a fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A meeting, identified by its participants (and whether it is planned).
    Meeting,
    /// One participant of a meeting.
    Participant,
    /// One attendee of a meeting.
    Attendee,
    /// The place of a meeting.
    Place,
    /// The date of a meeting.
    Date,
    /// A person the page names.
    Person,
    /// A place the page names.
    PlaceEntity,
    /// An organization the page names.
    Organization,
}

impl Kind {
    pub const ALL: [Kind; 8] =
        [Kind::Meeting, Kind::Participant, Kind::Attendee, Kind::Place, Kind::Date, Kind::Person, Kind::PlaceEntity, Kind::Organization];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Participant => "participant",
            Kind::Attendee => "attendee",
            Kind::Place => "place",
            Kind::Date => "date",
            Kind::Person => "entity:Person",
            Kind::PlaceEntity => "entity:Place",
            Kind::Organization => "entity:Organization",
        }
    }

    fn from_entity_type(t: EntityType) -> Option<Kind> {
        match t {
            EntityType::Person => Some(Kind::Person),
            EntityType::Place => Some(Kind::PlaceEntity),
            EntityType::Organization => Some(Kind::Organization),
            EntityType::Role => None,
        }
    }

    fn from_type_name(s: &str) -> Option<Kind> {
        match s {
            "Person" => Some(Kind::Person),
            "Place" => Some(Kind::PlaceEntity),
            "Organization" => Some(Kind::Organization),
            _ => None,
        }
    }

    fn entity_type(self) -> Option<EntityType> {
        match self {
            Kind::Person => Some(EntityType::Person),
            Kind::PlaceEntity => Some(EntityType::Place),
            Kind::Organization => Some(EntityType::Organization),
            _ => None,
        }
    }
}

fn read_documents(path: &Path, name: &str) -> std::result::Result<Vec<Document>, Error> {
    let mut docs = Vec::new();
    let mut err = None;
    read::read_input(&Input::File(path.to_path_buf()), ReadOptions::default(), &mut |r| match r {
        Ok(d) => docs.push(d),
        Err(e) => {
            if err.is_none() {
                err = Some(e);
            }
        }
    });
    match err {
        // A bad line of a JSONL file does not hide the good ones.
        Some(e) if docs.is_empty() || !name.to_ascii_lowercase().ends_with(".jsonl") => Err(e),
        _ => Ok(docs),
    }
}

/// What the rules produced on the gold documents evaluated, and how it scores.
struct Scored {
    /// Documents evaluated.
    documents: Vec<String>,
    /// Documents skipped, with the reason.
    skipped: Vec<(String, String)>,
    produced: BTreeMap<String, DocPrediction>,
    facts: BTreeMap<String, Vec<Fact>>,
    violations: Vec<Violation>,
}

/// Runs the pipeline on every gold document whose file is present under `root`, and
/// scores what it produced.
fn score_documents(p: &Pipeline, gold: &[GoldDoc], root: &Path) -> Result<Scored> {
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("a date");
    let mut cache: HashMap<String, Vec<Document>> = HashMap::new();
    let mut run = Scored { documents: Vec::new(), skipped: Vec::new(), produced: BTreeMap::new(), facts: BTreeMap::new(), violations: Vec::new() };
    for g in gold {
        let file = root.join(&g.path);
        if !file.exists() {
            let shown = if root == Path::new(".") { g.path.clone() } else { file.display().to_string() };
            run.skipped.push((g.key(), format!("skipped: {shown} not found")));
            continue;
        }
        if !cache.contains_key(&g.path) {
            let docs = read_documents(&file, &g.path).map_err(|e| Error::new(e.kind, format!("{} (gold {})", e, g.origin)))?;
            cache.insert(g.path.clone(), docs);
        }
        let docs = &cache[&g.path];
        let doc = match &g.id {
            None => docs.first(),
            Some(id) => docs.iter().find(|d| &d.id == id),
        };
        let Some(doc) = doc else {
            let (file, line) = g.origin.rsplit_once(':').unwrap_or((&g.origin, "1"));
            return Err(Error::parse(file, line.parse().unwrap_or(1), format!("{} has no document with id {:?}", g.path, g.id.as_deref().unwrap_or(""))));
        };
        let x = p.extract(doc, &Options { date: g.date, today });
        let pred = predictions(p, doc, &x);
        run.violations.extend(scoring::must_not(g, &pred));
        run.facts.insert(g.key(), score(g, &pred));
        run.produced.insert(g.key(), pred);
        run.documents.push(g.key());
    }
    Ok(run)
}

/// Runs the pipeline on every gold document whose file is present under `root` (the
/// directory gold paths are relative to, the repository root), scores it, and compares
/// with `baseline`.
pub fn evaluate(p: &Pipeline, gold: &[GoldDoc], baseline: Option<&Baseline>, root: &Path) -> Result<Report> {
    let run = score_documents(p, gold, root)?;
    let current = scoring::all_facts(&run.facts, &run.documents);
    let kinds = scoring::kind_counts(&current);
    // A rule's kinds: those it produces now or produced in the baseline; meeting and
    // attendance rules that produce nothing are listed too.
    let mut shown_kinds = scoring::rule_kinds(&current);
    for r in p.rules.rules.iter().filter(|r| r.kind != RuleKind::Blocker) {
        shown_kinds.entry(r.id.clone()).or_default();
    }
    let gold_by_key: BTreeMap<String, &GoldDoc> = gold.iter().map(|g| (g.key(), g)).collect();
    let comparison = baseline.map(|b| baseline::compare(b, &gold_by_key, &run.documents, &run.facts, &mut shown_kinds));
    let rules = scoring::rule_counts(&current, &shown_kinds);
    let new_baseline = baseline::next(gold, &gold_by_key, &run.produced, baseline);
    let Scored { documents, skipped, facts, violations, .. } = run;
    Ok(Report { documents, skipped, kinds, rules, facts, must_not: violations, comparison, new_baseline, real: None })
}

/// Loads gold and baseline from `gold_dir` and evaluates; paths in gold files are
/// relative to `root`.
///
/// Documents annotated under `gold_dir/real/` are evaluated apart, against
/// `real/baseline.json`, into [`Report::real`].
pub fn run(p: &Pipeline, gold_dir: &Path, root: &Path) -> Result<Report> {
    let (real, own): (Vec<GoldDoc>, Vec<GoldDoc>) = load_gold(gold_dir, &p.gazetteer)?.into_iter().partition(|g| g.real);
    let baseline = Baseline::load(&gold_dir.join(BASELINE_FILE))?;
    let mut report = evaluate(p, &own, baseline.as_ref(), root)?;
    if !real.is_empty() {
        let baseline = Baseline::load(&real_baseline(gold_dir))?;
        let mut section = evaluate(p, &real, baseline.as_ref(), root)?;
        section.new_baseline = section.new_baseline.without_text();
        report.real = Some(Box::new(section));
    }
    Ok(report)
}

/// Where the baseline of the real news is: `real/baseline.json` in the gold directory.
pub fn real_baseline(gold_dir: &Path) -> std::path::PathBuf {
    gold_dir.join(REAL_DIR).join(BASELINE_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use gold::valid_meeting_date;
    use scoring::kind_counts;
    use std::collections::BTreeSet;

    fn gaz() -> Gazetteer {
        let mut g = Gazetteer::default();
        g.add_file(
            "people.jsonl",
            r#"{"id":"xi-jinping","en":"Xi Jinping","zh-Hans":"习近平","zh-Hant":"習近平","short":["Xi"]}
{"id":"sergey-lavrov","en":"Sergey Lavrov","zh-Hans":"拉夫罗夫","zh-Hant":"拉夫羅夫","aliases":["Sergei Lavrov"]}
{"id":"wang-yi","en":"Wang Yi","zh-Hans":"王毅","zh-Hant":"王毅"}"#,
        )
        .unwrap();
        g.add_file("places.jsonl", r#"{"id":"beijing","kind":"city","en":"Beijing","zh-Hans":"北京","zh-Hant":"北京"}"#).unwrap();
        g
    }

    const GOLD: &str = r#"
[[document]]
path = "a.txt"

[[document.meeting]]
participants = ["Xi Jinping", "Sergey Lavrov"]
attendees = ["Wang Yi"]
place = "Beijing"
date = "2024-04-09"

[document.entities]
Person = ["Xi Jinping", "Sergey Lavrov", "Wang Yi", "李學仁"]
Place = ["Beijing"]
"#;

    fn meeting(participants: &[&str], attendees: &[&str], place: Option<&str>, date: Option<&str>) -> PredMeeting {
        PredMeeting {
            participants: participants.iter().map(|s| s.to_string()).collect(),
            attendees: attendees.iter().map(|s| s.to_string()).collect(),
            place: place.map(String::from),
            date: date.map(String::from),
            planned: false,
            rules: vec!["zh-receive".into()],
            attendee_rules: vec!["zh-attend".into()],
            evidence: BTreeMap::from([("zh-receive".into(), "习近平会见拉夫罗夫。".into()), ("zh-attend".into(), "王毅参加会见。".into())]),
        }
    }

    #[test]
    fn dates_of_every_form() {
        for d in ["2024", "2024-04", "2024-04-09", "--04-09"] {
            assert!(valid_meeting_date(d), "{d}");
        }
        for d in ["24", "2024-13", "2024-02-30", "--13-01", "April", ""] {
            assert!(!valid_meeting_date(d), "{d}");
        }
    }

    #[test]
    fn scores_a_meeting_and_its_parts() {
        let g = parse_gold("g.toml", GOLD, &gaz()).unwrap().remove(0);
        let pred = DocPrediction {
            meetings: vec![meeting(&["Xi Jinping", "Sergey Lavrov"], &[], Some("Beijing"), Some("2024-04-10"))],
            entities: vec![PredEntity { etype: "Person".into(), name: "李学仁".into(), rules: vec!["pattern:zh-byline".into()], evidence: "x".into() }],
        };
        let facts = score(&g, &pred);
        let c = kind_counts(&facts);
        assert_eq!(c[&Kind::Meeting], Counts { gold: 1, found: 1, correct: 1 });
        assert_eq!(c[&Kind::Participant], Counts { gold: 2, found: 2, correct: 2 });
        assert_eq!(c[&Kind::Attendee], Counts { gold: 1, found: 0, correct: 0 });
        assert_eq!(c[&Kind::Date], Counts { gold: 1, found: 1, correct: 0 });
        // Traditional and Simplified spellings of a name no list knows are the same name.
        assert_eq!(c[&Kind::Person], Counts { gold: 4, found: 1, correct: 1 });
        assert!(facts.iter().any(|f| f.kind == Kind::Date && f.key == "Sergey Lavrov + Xi Jinping: 2024-04-10" && f.status == Status::Wrong));
    }

    #[test]
    fn a_duplicate_meeting_is_wrong_once() {
        let g = parse_gold("g.toml", GOLD, &gaz()).unwrap().remove(0);
        let m = meeting(&["Xi Jinping", "Sergey Lavrov"], &["Wang Yi"], Some("Beijing"), Some("2024-04-09"));
        let facts = score(&g, &DocPrediction { meetings: vec![m.clone(), m], entities: vec![] });
        let c = kind_counts(&facts);
        assert_eq!(c[&Kind::Meeting], Counts { gold: 1, found: 2, correct: 1 });
        assert!(facts.iter().any(|f| f.key == "Sergey Lavrov + Xi Jinping #2"));
    }

    #[test]
    fn gold_errors_name_the_line() {
        let bad = GOLD.replace("date = \"2024-04-09\"", "date = \"9 April\"");
        let e = parse_gold("g.toml", &bad, &gaz()).unwrap_err();
        assert_eq!(e.to_string(), "g.toml:9: date \"9 April\" is not YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD");
        let alias = GOLD.replace("[\"Xi Jinping\", \"Sergey Lavrov\"]\nattendees", "[\"Xi Jinping\", \"Sergei Lavrov\"]\nattendees");
        let e = parse_gold("g.toml", &alias, &gaz()).unwrap_err().to_string();
        assert!(e.starts_with("g.toml:6: ") && e.contains("\"Sergey Lavrov\""), "{e}");
        let e = parse_gold("g.toml", &GOLD.replace("Place = [\"Beijing\"]", "Place = [\"Wang Yi\"]"), &gaz()).unwrap_err().to_string();
        assert!(e.starts_with("g.toml:13: ") && e.contains("Person"), "{e}");
        // A canonical name with other punctuation ("Washington, DC" for "Washington, D.C.").
        let e = parse_gold("g.toml", &GOLD.replace("place = \"Beijing\"", "place = \"Bei-jing\""), &gaz()).unwrap_err().to_string();
        assert!(e.starts_with("g.toml:8: ") && e.contains("\"Beijing\" written otherwise"), "{e}");
        let e = parse_gold("g.toml", &GOLD.replace("place = ", "venue = "), &gaz()).unwrap_err().to_string();
        assert!(e.starts_with("g.toml:8:1: unknown field `venue`"), "{e}");
    }

    #[test]
    fn entity_types_limit_the_entity_kinds_scored() {
        let only_people = GOLD.replace("path = \"a.txt\"\n", "path = \"a.txt\"\nentity_types = [\"Person\"]\n").replace("Place = [\"Beijing\"]\n", "");
        let g = parse_gold("g.toml", &only_people, &gaz()).unwrap().remove(0);
        assert_eq!(g.entity_kinds, BTreeSet::from([Kind::Person]));
        let pred = DocPrediction {
            meetings: vec![],
            entities: vec![PredEntity { etype: "Place".into(), name: "Beijing".into(), rules: vec!["gazetteer:places".into()], evidence: "x".into() }],
        };
        let c = kind_counts(&score(&g, &pred));
        assert_eq!(c[&Kind::PlaceEntity], Counts::default(), "places are not annotated, so not scored");
        assert_eq!(c[&Kind::Person].gold, 4);
        // The same document annotated for all three: the place counts.
        let all = parse_gold("g.toml", GOLD, &gaz()).unwrap().remove(0);
        assert_eq!(kind_counts(&score(&all, &pred))[&Kind::PlaceEntity], Counts { gold: 1, found: 1, correct: 1 });
        // A type that is not one, and places listed while left out, name the line.
        let e = parse_gold("g.toml", &only_people.replace("[\"Person\"]", "[\"Person\", \"Role\"]"), &gaz()).unwrap_err().to_string();
        assert!(e.starts_with("g.toml:4: ") && e.contains("\"Role\""), "{e}");
        let e = parse_gold("g.toml", &GOLD.replace("path = \"a.txt\"\n", "path = \"a.txt\"\nentity_types = [\"Person\"]\n"), &gaz()).unwrap_err().to_string();
        assert!(e.starts_with("g.toml:14: ") && e.contains("entity_types"), "{e}");
    }

    #[test]
    fn real_news_are_a_section_of_their_own_that_never_fails_the_run() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let p = Pipeline::load(&repo.join("gazetteers"), &repo.join("rules")).expect("repo data loads");
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("own.txt"), "Chinese President Xi Jinping met Russian Foreign Minister Sergey Lavrov in Beijing on Tuesday.").unwrap();
        std::fs::write(root.join("real.jsonl"), "{\"id\": \"r1\", \"text\": \"Xi Jinping met Sergey Lavrov in Beijing.\", \"source\": \"VOA\", \"licence\": \"public domain\"}\n").unwrap();
        let gold = root.join("gold");
        std::fs::create_dir_all(gold.join(REAL_DIR)).unwrap();
        std::fs::write(gold.join("own.toml"), "[[document]]\npath = \"own.txt\"\n\n[[document.meeting]]\nparticipants = [\"Xi Jinping\", \"Sergey Lavrov\"]\n").unwrap();
        // The real document's gold: no meeting (so the one summit reports is wrong), and a
        // must-not person that summit reports.
        std::fs::write(
            gold.join(REAL_DIR).join("r.toml"),
            "[[document]]\npath = \"real.jsonl\"\nid = \"r1\"\nentity_types = [\"Person\"]\n\n[document.entities]\nPerson = [\"Xi Jinping\"]\n\n[document.must_not]\nPerson = [\"Sergey Lavrov\"]\n",
        )
        .unwrap();
        let first = run(&p, &gold, root).unwrap();
        assert_eq!(first.documents, ["own.txt"]);
        assert_eq!(first.new_baseline.documents.keys().collect::<Vec<_>>(), ["own.txt"], "the real news stay out of the baseline");
        assert_eq!(first.kinds[&Kind::Meeting].gold, 1, "only the self-written gold is in the main figures");
        let real = first.real.as_ref().expect("a real section");
        assert_eq!(real.documents, ["real.jsonl#r1"]);
        assert_eq!(real.kinds[&Kind::Meeting], Counts { gold: 0, found: 1, correct: 0 });
        assert_eq!(real.kinds[&Kind::PlaceEntity], Counts::default(), "places are not annotated there");
        assert_eq!(real.must_not.len(), 1);
        assert!(!first.failed() && !first.fails(false), "the real news never fail the run");
        let text = first.render("gold/baseline.json", false, false);
        assert!(text.contains("== real news, not written by us (real/)") && text.contains("real news: 1 document(s) evaluated"), "{text}");
        assert!(text.contains("no baseline at gold/real/baseline.json"), "{text}");
        assert!(text.ends_with("result: ok\n"), "{text}");
        // Each section against its own baseline: nothing gained or lost.
        first.new_baseline.write(&gold.join(BASELINE_FILE)).unwrap();
        real.new_baseline.write(&real_baseline(&gold)).unwrap();
        // The real news' baseline keeps names, rules and figures, never their sentences.
        let written = std::fs::read_to_string(real_baseline(&gold)).unwrap();
        assert!(written.contains("Sergey Lavrov") && !written.contains("met Sergey Lavrov in Beijing"), "{written}");
        assert!(std::fs::read_to_string(gold.join(BASELINE_FILE)).unwrap().contains("met Russian Foreign Minister Sergey Lavrov"));
        let again = run(&p, &gold, root).unwrap();
        assert!(again.comparison.as_ref().is_some_and(|c| c.changes.is_empty() && c.compared == ["own.txt"]));
        let rc = again.real.as_ref().unwrap().comparison.as_ref().expect("the real baseline is read");
        assert!(rc.changes.is_empty() && rc.compared == ["real.jsonl#r1"], "{rc:?}");
    }
}
