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

use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::extract::{Extraction, Options, Pipeline};
use crate::gazetteer::{EntityType, Gazetteer};
use crate::normalise::normalise;
use crate::read::{self, Input, ReadOptions};
use crate::rules::RuleKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use toml::Spanned;

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

// ---------------------------------------------------------------------------------
// Gold

/// One expected meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMeeting {
    pub participants: Vec<String>,
    pub attendees: Vec<String>,
    pub place: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`, as summit outputs dates.
    pub date: Option<String>,
    pub planned: bool,
}

/// The gold annotation of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDoc {
    /// Where it is written: `gold-file:line`.
    pub origin: String,
    /// The document's file, relative to the repository root.
    pub path: String,
    /// For a `.jsonl` file: the id of the line.
    pub id: Option<String>,
    /// The date the text is read against when it gives none (`--date`).
    pub date: Option<NaiveDate>,
    pub meetings: Vec<GoldMeeting>,
    /// Person, PlaceEntity, Organization → names.
    pub entities: BTreeMap<Kind, Vec<String>>,
    /// Participant sets no reported meeting may contain.
    pub must_not_meetings: Vec<Vec<String>>,
    /// Entities that must not come out.
    pub must_not_entities: Vec<(Kind, String)>,
    /// The entity kinds annotated (`entity_types`; all three when not given): the
    /// others are not scored for this document.
    pub entity_kinds: BTreeSet<Kind>,
    /// Its gold file is under [`REAL_DIR`]: real news, reported in its own section.
    pub real: bool,
}

impl GoldDoc {
    /// The document's key in reports and the baseline: its path, and `#id` for JSONL.
    pub fn key(&self) -> String {
        match &self.id {
            Some(id) => format!("{}#{id}", self.path),
            None => self.path.clone(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoldFile {
    #[serde(default)]
    document: Vec<Spanned<RawDoc>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc {
    path: Spanned<String>,
    id: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    #[serde(default)]
    meeting: Vec<Spanned<RawMeeting>>,
    entity_types: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    entities: RawNames,
    #[serde(default)]
    must_not: RawMustNot,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeeting {
    participants: Vec<Spanned<String>>,
    #[serde(default)]
    attendees: Vec<Spanned<String>>,
    place: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    #[serde(default)]
    planned: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawNames {
    #[serde(default, rename = "Person")]
    person: Vec<Spanned<String>>,
    #[serde(default, rename = "Place")]
    place: Vec<Spanned<String>>,
    #[serde(default, rename = "Organization")]
    organization: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMustNot {
    #[serde(default)]
    meetings: Vec<Spanned<Vec<Spanned<String>>>>,
    #[serde(default, rename = "Person")]
    person: Vec<Spanned<String>>,
    #[serde(default, rename = "Place")]
    place: Vec<Spanned<String>>,
    #[serde(default, rename = "Organization")]
    organization: Vec<Spanned<String>>,
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

fn column_of(text: &str, byte: usize) -> usize {
    let before = &text[..byte.min(text.len())];
    before.rsplit('\n').next().unwrap_or("").chars().count() + 1
}

/// Folds a name for comparison: Traditional→Simplified, width, case, surrounding space.
fn fold(name: &str) -> String {
    normalise(name.trim())
}

fn valid_meeting_date(d: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let ok_md = |m: &str, d: &str| {
        m.len() == 2 && d.len() == 2 && digits(m) && digits(d) && NaiveDate::from_ymd_opt(2024, m.parse().unwrap_or(0), d.parse().unwrap_or(0)).is_some()
    };
    let parts: Vec<&str> = d.split('-').collect();
    match parts.as_slice() {
        [y] => y.len() == 4 && digits(y),
        [y, m] => y.len() == 4 && digits(y) && m.len() == 2 && digits(m) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, _, _] if y.len() == 4 => NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
        ["", "", m, day] => ok_md(m, day),
        _ => false,
    }
}

/// Canonical names of the gazetteers, to catch aliases and typos in gold files.
struct Names {
    /// (type, folded canonical English name) exists.
    canonical: BTreeSet<(EntityType, String)>,
    /// (type, folded name or alias) → canonical English name.
    alias: HashMap<(EntityType, String), String>,
    /// folded canonical English name → its type(s).
    types: HashMap<String, Vec<EntityType>>,
}

impl Names {
    fn new(g: &Gazetteer) -> Names {
        let mut n = Names { canonical: BTreeSet::new(), alias: HashMap::new(), types: HashMap::new() };
        for e in &g.entries {
            if e.etype == EntityType::Role {
                continue;
            }
            n.canonical.insert((e.etype, fold(&e.en)));
            n.types.entry(fold(&e.en)).or_default().push(e.etype);
            for name in e.full_names().chain(e.short.iter().map(String::as_str)) {
                n.alias.entry((e.etype, fold(name))).or_insert_with(|| e.en.clone());
            }
        }
        n
    }

    /// Why `name` (expected to be of type `t`) is not a name gold may use, if it is not.
    fn problem(&self, t: EntityType, name: &str) -> Option<String> {
        let f = fold(name);
        if name.trim().is_empty() {
            return Some("empty name".into());
        }
        if self.canonical.contains(&(t, f.clone())) {
            return None;
        }
        if let Some(c) = self.alias.get(&(t, f.clone())) {
            return Some(format!("{name:?} is another name of {c:?}: write the canonical English name, as summit outputs it"));
        }
        if let Some(ts) = self.types.get(&f) {
            let ts: Vec<&str> = ts.iter().map(|t| t.as_str()).collect();
            return Some(format!("{name:?} is a {} in the gazetteers, not a {}", ts.join("/"), t.as_str()));
        }
        None
    }
}

/// Parses one gold file. `path` is used in errors; names are checked against `g`.
pub fn parse_gold(path: &str, text: &str, g: &Gazetteer) -> Result<Vec<GoldDoc>> {
    let names = Names::new(g);
    let raw: RawGoldFile = toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map(|s| (line_of(text, s.start), column_of(text, s.start))).unwrap_or((1, 1));
        Error::parse(path, line, e.message().trim().replace('\n', "; ")).at_column(col)
    })?;
    if raw.document.is_empty() {
        return Err(Error::parse(path, 1, "no [[document]] in this gold file"));
    }
    let at = |s: &std::ops::Range<usize>| line_of(text, s.start);
    let check = |t: EntityType, n: &Spanned<String>| -> Result<String> {
        match names.problem(t, n.get_ref()) {
            Some(p) => Err(Error::parse(path, at(&n.span()), p)),
            None => Ok(n.get_ref().trim().to_string()),
        }
    };
    let mut docs = Vec::new();
    for d in raw.document {
        let line = at(&d.span());
        let d = d.into_inner();
        let p = d.path.get_ref().trim().to_string();
        if p.is_empty() {
            return Err(Error::parse(path, at(&d.path.span()), "empty document path"));
        }
        let is_jsonl = p.to_ascii_lowercase().ends_with(".jsonl");
        match (&d.id, is_jsonl) {
            (None, true) => return Err(Error::parse(path, at(&d.path.span()), format!("{p}: a .jsonl document needs the id of its line (id = \"...\")"))),
            (Some(id), false) => return Err(Error::parse(path, at(&id.span()), format!("id is only for .jsonl documents, and {p} is not one"))),
            _ => {}
        }
        let date = match &d.date {
            None => None,
            Some(s) => Some(
                NaiveDate::parse_from_str(s.get_ref(), "%Y-%m-%d")
                    .map_err(|_| Error::parse(path, at(&s.span()), format!("date {:?} is not YYYY-MM-DD", s.get_ref())))?,
            ),
        };
        let mut meetings = Vec::new();
        for m in &d.meeting {
            let mline = at(&m.span());
            let m = m.get_ref();
            let participants = m.participants.iter().map(|n| check(EntityType::Person, n)).collect::<Result<Vec<_>>>()?;
            let distinct: BTreeSet<String> = participants.iter().map(|n| fold(n)).collect();
            if distinct.len() < 2 || distinct.len() != participants.len() {
                return Err(Error::parse(path, mline, "a meeting needs at least two distinct participants"));
            }
            let attendees = m.attendees.iter().map(|n| check(EntityType::Person, n)).collect::<Result<Vec<_>>>()?;
            if let Some(a) = attendees.iter().find(|a| distinct.contains(&fold(a))) {
                return Err(Error::parse(path, mline, format!("{a:?} is both a participant and an attendee")));
            }
            let place = m.place.as_ref().map(|n| check(EntityType::Place, n)).transpose()?;
            if let Some(dt) = &m.date
                && !valid_meeting_date(dt.get_ref())
            {
                return Err(Error::parse(path, at(&dt.span()), format!("date {:?} is not YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD", dt.get_ref())));
            }
            meetings.push(GoldMeeting { participants, attendees, place, date: m.date.as_ref().map(|s| s.get_ref().clone()), planned: m.planned });
        }
        let entity_kinds: BTreeSet<Kind> = match &d.entity_types {
            None => [Kind::Person, Kind::PlaceEntity, Kind::Organization].into(),
            Some(v) => {
                let mut ks = BTreeSet::new();
                for n in v.get_ref() {
                    let k = Kind::from_type_name(n.get_ref())
                        .ok_or_else(|| Error::parse(path, at(&n.span()), format!("entity type {:?} is not Person, Place or Organization", n.get_ref())))?;
                    ks.insert(k);
                }
                if ks.is_empty() {
                    return Err(Error::parse(path, at(&v.span()), "entity_types is empty (leave it out to annotate all three)"));
                }
                ks
            }
        };
        let mut entities = BTreeMap::new();
        for (kind, list) in [(Kind::Person, &d.entities.person), (Kind::PlaceEntity, &d.entities.place), (Kind::Organization, &d.entities.organization)] {
            let t = kind.entity_type().expect("entity kind");
            if let Some(n) = list.first().filter(|_| !entity_kinds.contains(&kind)) {
                return Err(Error::parse(path, at(&n.span()), format!("{} entities are listed, but entity_types leaves them out", t.as_str())));
            }
            let mut seen = BTreeSet::new();
            let mut v = Vec::new();
            for n in list {
                let name = check(t, n)?;
                if !seen.insert(fold(&name)) {
                    return Err(Error::parse(path, at(&n.span()), format!("{name:?} is listed twice")));
                }
                v.push(name);
            }
            entities.insert(kind, v);
        }
        let mut must_not_meetings = Vec::new();
        for m in &d.must_not.meetings {
            let v = m.get_ref().iter().map(|n| check(EntityType::Person, n)).collect::<Result<Vec<_>>>()?;
            let set: BTreeSet<String> = v.iter().map(|n| fold(n)).collect();
            if set.len() < 2 {
                return Err(Error::parse(path, at(&m.span()), "a must-not meeting names at least two people"));
            }
            if meetings.iter().any(|g| set.iter().all(|n| g.participants.iter().any(|p| fold(p) == *n))) {
                return Err(Error::parse(path, at(&m.span()), format!("must-not meeting {v:?} contradicts a gold meeting of this document")));
            }
            must_not_meetings.push(v);
        }
        let mut must_not_entities = Vec::new();
        for (kind, list) in [(Kind::Person, &d.must_not.person), (Kind::PlaceEntity, &d.must_not.place), (Kind::Organization, &d.must_not.organization)] {
            let t = kind.entity_type().expect("entity kind");
            for n in list {
                let name = check(t, n)?;
                if entities.get(&kind).is_some_and(|v| v.iter().any(|e| fold(e) == fold(&name))) {
                    return Err(Error::parse(path, at(&n.span()), format!("{name:?} is both expected and must-not")));
                }
                must_not_entities.push((kind, name));
            }
        }
        docs.push(GoldDoc {
            origin: format!("{path}:{line}"),
            path: p,
            id: d.id.map(|s| s.into_inner()),
            date,
            meetings,
            entities,
            must_not_meetings,
            must_not_entities,
            entity_kinds,
            real: false,
        });
    }
    Ok(docs)
}

/// Loads every `*.toml` gold file under `dir` (recursively, in path order). The same
/// document annotated twice is an error naming both places.
pub fn load_gold(dir: &Path, g: &Gazetteer) -> Result<Vec<GoldDoc>> {
    // The same walk as the documents' (path order, hidden entries skipped, a directory
    // reached twice through a link walked once); the first unreadable entry is the error.
    let (files, errors) = crate::read::files_under(dir, &|p| p.extension().is_some_and(|x| x == "toml"));
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    if files.is_empty() {
        return Err(Error::new(ErrorKind::Usage, "no gold files (*.toml) in this directory").at_path(dir.display().to_string()));
    }
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for f in files {
        let name = f.display().to_string();
        let text = std::fs::read_to_string(&f).map_err(|e| Error::io(name.as_str(), &e))?;
        let real = f.strip_prefix(dir).ok().and_then(|r| r.components().next()).is_some_and(|c| c.as_os_str() == REAL_DIR);
        for mut d in parse_gold(&name, &text, g)? {
            d.real = real;
            if let Some(first) = seen.insert(d.key(), d.origin.clone()) {
                let (file, line) = d.origin.rsplit_once(':').unwrap_or((&name, "1"));
                return Err(Error::parse(file, line.parse().unwrap_or(1), format!("{} is already annotated at {first}", d.key())));
            }
            docs.push(d);
        }
    }
    docs.sort_by_key(|d| d.key());
    Ok(docs)
}

// ---------------------------------------------------------------------------------
// Predictions: what the rules produced, in the form the baseline stores

/// One meeting as summit reported it, with the rules behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredMeeting {
    /// Host first where the rule knows it.
    pub participants: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// Meeting rules in its evidence: they produced the meeting, its participants,
    /// place and date.
    pub rules: Vec<String>,
    /// Attendance rules in its evidence: they produced the attendees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendee_rules: Vec<String>,
    /// Rule id → the first evidence sentence of that rule.
    pub evidence: BTreeMap<String, String>,
}

/// One entity as summit reported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredEntity {
    #[serde(rename = "type")]
    pub etype: String,
    pub name: String,
    /// The rules (lists, patterns) of its mentions.
    pub rules: Vec<String>,
    /// The sentence of its first mention.
    pub evidence: String,
}

/// What summit reported for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocPrediction {
    #[serde(default)]
    pub meetings: Vec<PredMeeting>,
    #[serde(default)]
    pub entities: Vec<PredEntity>,
}

fn squash(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > max { s.chars().take(max).collect::<String>() + "…" } else { s }
}

fn is_boundary(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '。' | '！' | '？' | '!' | '?' | '\n' | '<' | '>' => true,
        // A full stop, not the one of an abbreviation (Dec., Mr., U.S.).
        '.' => {
            if !chars.get(i + 1).is_none_or(|c| c.is_whitespace()) {
                return false;
            }
            let word: Vec<char> = chars[..i].iter().rev().take_while(|c| c.is_alphanumeric() || **c == '.').copied().collect();
            let word: String = word.iter().rev().collect();
            const ABBREVIATIONS: [&str; 24] = [
                "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "St",
                "Gen", "Prof", "Sen", "Rep", "Gov", "No", "vs",
            ];
            !(word.contains('.') || ABBREVIATIONS.contains(&word.as_str()))
        }
        _ => false,
    }
}

/// The sentence of the original text around `start..end` (code points); tags and line
/// ends are boundaries too, so HTML gives the text of one element.
fn sentence_around(chars: &[char], start: usize, end: usize) -> String {
    let end = end.min(chars.len());
    let start = start.min(end);
    let mut s = start;
    while s > 0 && !is_boundary(chars, s - 1) {
        s -= 1;
    }
    let mut e = end;
    while e < chars.len() && !is_boundary(chars, e) {
        e += 1;
    }
    if e < chars.len() && !matches!(chars[e], '\n' | '<' | '>') {
        e += 1;
    }
    if e - s > 160 {
        let a = start.saturating_sub(70).max(s);
        let b = (end + 70).min(e);
        let inner: String = chars[a..b].iter().collect();
        return format!("{}{}{}", if a > s { "…" } else { "" }, squash(&inner, 200), if b < e { "…" } else { "" });
    }
    squash(&chars[s..e].iter().collect::<String>(), 200)
}

/// Turns an extraction into the predictions eval scores.
pub fn predictions(p: &Pipeline, doc: &Document, x: &Extraction) -> DocPrediction {
    // Text from outside the repository (../shared/seeds) is never copied into the
    // committed baseline: its evidence is recorded by offsets only.
    let quotable = !doc.source.contains("../") && !doc.source.contains("/shared/seeds/");
    let quote = |text: String, start: usize, end: usize| if quotable { text } else { format!("chars {start}..{end}") };
    let mut meetings = Vec::new();
    for e in &x.events {
        let mut rules = BTreeSet::new();
        let mut attendee_rules = BTreeSet::new();
        let mut evidence = BTreeMap::new();
        for s in &e.evidence {
            let attendance = p.rules.get(&s.rule).is_some_and(|r| r.kind == RuleKind::Attendance);
            if attendance {
                attendee_rules.insert(s.rule.to_string());
            } else {
                rules.insert(s.rule.to_string());
            }
            evidence.entry(s.rule.to_string()).or_insert_with(|| quote(squash(&s.text, 200), s.start, s.end));
        }
        meetings.push(PredMeeting {
            participants: e.participants.iter().map(|r| r.name.clone()).collect(),
            attendees: e.attendees.iter().map(|r| r.name.clone()).collect(),
            place: e.place.as_ref().map(|r| r.name.clone()),
            date: e.date.clone(),
            planned: e.planned,
            rules: rules.into_iter().collect(),
            attendee_rules: attendee_rules.into_iter().collect(),
            evidence,
        });
    }
    meetings.sort_by(|a, b| {
        let key = |m: &PredMeeting| {
            let mut p = m.participants.clone();
            p.sort();
            (p, m.date.clone(), m.planned)
        };
        key(a).cmp(&key(b))
    });
    let chars: Vec<char> = doc.original.chars().collect();
    let mut entities = Vec::new();
    for ent in &x.entities {
        if Kind::from_entity_type(ent.etype).is_none() {
            continue;
        }
        let rules: BTreeSet<String> = ent.mentions.iter().map(|m| m.rule.to_string()).collect();
        let first = ent.mentions.iter().min_by_key(|m| (m.start, m.end));
        entities.push(PredEntity {
            etype: ent.etype.as_str().to_string(),
            name: ent.name.clone(),
            rules: rules.into_iter().collect(),
            evidence: first.map(|m| quote(sentence_around(&chars, m.start, m.end), m.start, m.end)).unwrap_or_default(),
        });
    }
    entities.sort_by(|a, b| (Kind::from_type_name(&a.etype), &a.name).cmp(&(Kind::from_type_name(&b.etype), &b.name)));
    DocPrediction { meetings, entities }
}

// ---------------------------------------------------------------------------------
// Scoring

/// How a fact stands against the gold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Reported and in the gold.
    Correct,
    /// Reported, not in the gold.
    Wrong,
    /// In the gold, not reported.
    Missed,
}

/// One fact of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub kind: Kind,
    /// What it says: `A + B` for a meeting, `A + B: X` for a participant, attendee,
    /// place or date of the meeting of A and B, the name for an entity.
    pub key: String,
    pub status: Status,
    /// The rules that produced it (empty for a missed fact).
    pub rules: Vec<String>,
    /// Its evidence sentence (none for a missed fact).
    pub evidence: Option<String>,
}

fn label(names: &[String]) -> String {
    let mut v: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
    v.sort();
    v.join(" + ")
}

fn meeting_key(names: &[String], planned: bool) -> String {
    let l = label(names);
    if planned { format!("{l} (planned)") } else { l }
}

fn folded_set(names: &[String]) -> BTreeSet<String> {
    names.iter().map(|n| fold(n)).collect()
}

/// Scores one document's predictions against its gold: every correct, wrong and missed
/// fact, sorted by kind and key.
///
/// Each reported meeting is aligned with at most one gold meeting: the pair sharing
/// the most participants (then the same date, then the same place) first. The
/// participants, attendees, place and date of an aligned meeting are facts about the
/// gold meeting; those of a meeting no gold meeting shares a participant with are all
/// wrong.
pub fn score(gold: &GoldDoc, pred: &DocPrediction) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let mut used: BTreeSet<(Kind, String)> = BTreeSet::new();
    let mut push = |facts: &mut Vec<Fact>, kind: Kind, key: String, status: Status, rules: &[String], evidence: Option<String>| {
        let mut k = key.clone();
        let mut n = 2;
        while !used.insert((kind, k.clone())) {
            k = format!("{key} #{n}");
            n += 1;
        }
        facts.push(Fact { kind, key: k, status, rules: rules.to_vec(), evidence });
    };

    // Align meetings.
    let gsets: Vec<BTreeSet<String>> = gold.meetings.iter().map(|m| folded_set(&m.participants)).collect();
    let psets: Vec<BTreeSet<String>> = pred.meetings.iter().map(|m| folded_set(&m.participants)).collect();
    let mut pairs = Vec::new();
    for (gi, g) in gold.meetings.iter().enumerate() {
        for (pi, p) in pred.meetings.iter().enumerate() {
            let shared = gsets[gi].intersection(&psets[pi]).count();
            if shared == 0 {
                continue;
            }
            let same_date = g.date.is_some() && g.date == p.date;
            let same_place = g.place.is_some() && g.place.as_deref().map(fold) == p.place.as_deref().map(fold);
            pairs.push(((shared, gsets[gi] == psets[pi], same_date, same_place), gi, pi));
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut g_of_p: Vec<Option<usize>> = vec![None; pred.meetings.len()];
    let mut p_of_g: Vec<Option<usize>> = vec![None; gold.meetings.len()];
    for (_, gi, pi) in pairs {
        if g_of_p[pi].is_none() && p_of_g[gi].is_none() {
            g_of_p[pi] = Some(gi);
            p_of_g[gi] = Some(pi);
        }
    }

    let evidence_of = |m: &PredMeeting, rules: &[String]| rules.first().and_then(|r| m.evidence.get(r)).cloned();
    // Gold meetings, with what their aligned prediction says.
    for (gi, g) in gold.meetings.iter().enumerate() {
        let l = label(&g.participants);
        let gkey = meeting_key(&g.participants, g.planned);
        let Some(pi) = p_of_g[gi] else {
            push(&mut facts, Kind::Meeting, gkey, Status::Missed, &[], None);
            for n in &g.participants {
                push(&mut facts, Kind::Participant, format!("{l}: {n}"), Status::Missed, &[], None);
            }
            for n in &g.attendees {
                push(&mut facts, Kind::Attendee, format!("{l}: {n}"), Status::Missed, &[], None);
            }
            if let Some(x) = &g.place {
                push(&mut facts, Kind::Place, format!("{l}: {x}"), Status::Missed, &[], None);
            }
            if let Some(x) = &g.date {
                push(&mut facts, Kind::Date, format!("{l}: {x}"), Status::Missed, &[], None);
            }
            continue;
        };
        let p = &pred.meetings[pi];
        let ev = evidence_of(p, &p.rules);
        let att_rules = if p.attendee_rules.is_empty() { &p.rules } else { &p.attendee_rules };
        let att_ev = evidence_of(p, att_rules);
        if gsets[gi] == psets[pi] && g.planned == p.planned {
            push(&mut facts, Kind::Meeting, gkey, Status::Correct, &p.rules, ev.clone());
        } else {
            push(&mut facts, Kind::Meeting, meeting_key(&p.participants, p.planned), Status::Wrong, &p.rules, ev.clone());
            push(&mut facts, Kind::Meeting, gkey, Status::Missed, &[], None);
        }
        let mut list = |kind: Kind, want: &[String], got: &[String], rules: &[String], ev: &Option<String>, facts: &mut Vec<Fact>| {
            let w = folded_set(want);
            let gset = folded_set(got);
            for n in got {
                let st = if w.contains(&fold(n)) { Status::Correct } else { Status::Wrong };
                push(facts, kind, format!("{l}: {n}"), st, rules, ev.clone());
            }
            for n in want {
                if !gset.contains(&fold(n)) {
                    push(facts, kind, format!("{l}: {n}"), Status::Missed, &[], None);
                }
            }
        };
        list(Kind::Participant, &g.participants, &p.participants, &p.rules, &ev, &mut facts);
        list(Kind::Attendee, &g.attendees, &p.attendees, att_rules, &att_ev, &mut facts);
        let place_w: Vec<String> = g.place.iter().cloned().collect();
        let place_g: Vec<String> = p.place.iter().cloned().collect();
        list(Kind::Place, &place_w, &place_g, &p.rules, &ev, &mut facts);
        let date_w: Vec<String> = g.date.iter().cloned().collect();
        let date_g: Vec<String> = p.date.iter().cloned().collect();
        list(Kind::Date, &date_w, &date_g, &p.rules, &ev, &mut facts);
    }
    // Reported meetings no gold meeting shares a participant with: all wrong.
    for (pi, p) in pred.meetings.iter().enumerate() {
        if g_of_p[pi].is_some() {
            continue;
        }
        let ev = evidence_of(p, &p.rules);
        let key = meeting_key(&p.participants, p.planned);
        push(&mut facts, Kind::Meeting, key, Status::Wrong, &p.rules, ev.clone());
        let l = label(&p.participants);
        for n in &p.participants {
            push(&mut facts, Kind::Participant, format!("{l}: {n}"), Status::Wrong, &p.rules, ev.clone());
        }
        let att_rules = if p.attendee_rules.is_empty() { &p.rules } else { &p.attendee_rules };
        for n in &p.attendees {
            push(&mut facts, Kind::Attendee, format!("{l}: {n}"), Status::Wrong, att_rules, evidence_of(p, att_rules));
        }
        if let Some(x) = &p.place {
            push(&mut facts, Kind::Place, format!("{l}: {x}"), Status::Wrong, &p.rules, ev.clone());
        }
        if let Some(x) = &p.date {
            push(&mut facts, Kind::Date, format!("{l}: {x}"), Status::Wrong, &p.rules, ev.clone());
        }
    }
    // Entities, of the kinds annotated.
    for kind in [Kind::Person, Kind::PlaceEntity, Kind::Organization].into_iter().filter(|k| gold.entity_kinds.contains(k)) {
        let want: Vec<String> = gold.entities.get(&kind).cloned().unwrap_or_default();
        let w = folded_set(&want);
        let mut got = BTreeSet::new();
        for e in pred.entities.iter().filter(|e| Kind::from_type_name(&e.etype) == Some(kind)) {
            got.insert(fold(&e.name));
            let st = if w.contains(&fold(&e.name)) { Status::Correct } else { Status::Wrong };
            push(&mut facts, kind, e.name.clone(), st, &e.rules, Some(e.evidence.clone()));
        }
        for n in &want {
            if !got.contains(&fold(n)) {
                push(&mut facts, kind, n.clone(), Status::Missed, &[], None);
            }
        }
    }
    facts.sort_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    facts
}

/// A must-not fact that came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub doc: String,
    pub kind: Kind,
    /// The must-not fact as written in the gold.
    pub what: String,
    /// What summit reported.
    pub got: String,
    pub rules: Vec<String>,
    pub evidence: Option<String>,
}

fn must_not(gold: &GoldDoc, pred: &DocPrediction) -> Vec<Violation> {
    let mut out = Vec::new();
    for m in &gold.must_not_meetings {
        let set = folded_set(m);
        for p in &pred.meetings {
            if set.is_subset(&folded_set(&p.participants)) {
                out.push(Violation {
                    doc: gold.key(),
                    kind: Kind::Meeting,
                    what: label(m),
                    got: meeting_key(&p.participants, p.planned),
                    rules: p.rules.clone(),
                    evidence: p.rules.first().and_then(|r| p.evidence.get(r)).cloned(),
                });
            }
        }
    }
    for (kind, name) in &gold.must_not_entities {
        for e in &pred.entities {
            if Kind::from_type_name(&e.etype) == Some(*kind) && fold(&e.name) == fold(name) {
                out.push(Violation {
                    doc: gold.key(),
                    kind: *kind,
                    what: name.clone(),
                    got: e.name.clone(),
                    rules: e.rules.clone(),
                    evidence: Some(e.evidence.clone()),
                });
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Figures

/// Counts behind precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Facts in the gold.
    pub gold: usize,
    /// Facts reported.
    pub found: usize,
    /// Facts reported and in the gold.
    pub correct: usize,
}

impl Counts {
    /// `correct / found`; none when nothing was reported.
    pub fn precision(&self) -> Option<f64> {
        (self.found > 0).then(|| self.correct as f64 / self.found as f64)
    }
    /// `correct / gold`; none when the gold has none.
    pub fn recall(&self) -> Option<f64> {
        (self.gold > 0).then(|| self.correct as f64 / self.gold as f64)
    }
    /// Harmonic mean of precision and recall (a missing one counts as 0); none when
    /// both are missing.
    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision(), self.recall());
        if p.is_none() && r.is_none() {
            return None;
        }
        let (p, r) = (p.unwrap_or(0.0), r.unwrap_or(0.0));
        Some(if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
    }
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.correct += o.correct;
    }
}

fn kind_counts(facts: &[Fact]) -> BTreeMap<Kind, Counts> {
    let mut m: BTreeMap<Kind, Counts> = Kind::ALL.iter().map(|k| (*k, Counts::default())).collect();
    for f in facts {
        let c = m.entry(f.kind).or_default();
        match f.status {
            Status::Correct => {
                c.gold += 1;
                c.found += 1;
                c.correct += 1;
            }
            Status::Wrong => c.found += 1,
            Status::Missed => c.gold += 1,
        }
    }
    m
}

/// The kinds each rule produced facts of.
fn rule_kinds(facts: &[Fact]) -> BTreeMap<String, BTreeSet<Kind>> {
    let mut m: BTreeMap<String, BTreeSet<Kind>> = BTreeMap::new();
    for f in facts {
        for r in &f.rules {
            m.entry(r.clone()).or_default().insert(f.kind);
        }
    }
    m
}

/// Per rule: found = facts it produced, correct = those in the gold, gold = the gold
/// facts of the kinds it produces (`kinds`), so recall is the share of those it found.
fn rule_counts(facts: &[Fact], kinds: &BTreeMap<String, BTreeSet<Kind>>) -> BTreeMap<String, Counts> {
    let totals = kind_counts(facts);
    let mut m: BTreeMap<String, Counts> = BTreeMap::new();
    for (r, ks) in kinds {
        let gold = ks.iter().map(|k| totals.get(k).map_or(0, |c| c.gold)).sum();
        m.insert(r.clone(), Counts { gold, found: 0, correct: 0 });
    }
    for f in facts {
        if f.status == Status::Missed {
            continue;
        }
        for r in &f.rules {
            if let Some(c) = m.get_mut(r) {
                c.found += 1;
                if f.status == Status::Correct {
                    c.correct += 1;
                }
            }
        }
    }
    m
}

// ---------------------------------------------------------------------------------
// Baseline

/// A row of figures as the baseline records it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub gold: usize,
    pub found: usize,
    pub correct: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

fn round4(x: Option<f64>) -> Option<f64> {
    x.map(|v| (v * 10000.0).round() / 10000.0)
}

impl From<Counts> for Row {
    fn from(c: Counts) -> Row {
        Row { gold: c.gold, found: c.found, correct: c.correct, precision: round4(c.precision()), recall: round4(c.recall()), f1: round4(c.f1()) }
    }
}

/// The figures of a whole run, for readers of the baseline's diff.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub kinds: BTreeMap<String, Row>,
    pub rules: BTreeMap<String, Row>,
}

/// What the baseline keeps of one document: its counts per kind (for readers) and
/// what the rules produced (what comparisons are made from).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BaselineDoc {
    pub counts: BTreeMap<String, Counts>,
    #[serde(flatten)]
    pub produced: DocPrediction,
}

/// The committed record of what the rules produced on the gold documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub totals: Totals,
    pub documents: BTreeMap<String, BaselineDoc>,
}

const ABOUT: &str = "Written by `summit eval --update-baseline`: what the rules produced on each gold document and its figures. `summit eval` compares against it and exits 1 when a figure drops.";

impl Baseline {
    /// Reads a baseline; `Ok(None)` when the file does not exist.
    pub fn load(path: &Path) -> Result<Option<Baseline>> {
        let name = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(name, &e)),
        };
        serde_json::from_str(&text).map(Some).map_err(|e| Error::parse(name, e.line(), e.to_string()).at_column(e.column()))
    }

    /// The baseline as written: pretty JSON, keys sorted, a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a baseline serialises");
        s.push('\n');
        s
    }

    /// Writes the baseline (through a temporary file, so a failed write leaves the old one).
    pub fn write(&self, path: &Path) -> Result<()> {
        let tmp = path.with_extension("json.partial");
        std::fs::write(&tmp, self.to_json()).map_err(|e| Error::io(tmp.display().to_string(), &e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path.display().to_string(), &e))
    }
}

// ---------------------------------------------------------------------------------
// Running

/// A fact that appeared or disappeared since the baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub doc: String,
    /// True: reported now, not in the baseline; false: in the baseline, not now.
    pub gained: bool,
    pub fact: Fact,
}

/// A figure below the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Drop {
    /// `meeting`, `entity:Person`, or `rule zh-receive`.
    pub what: String,
    /// `precision`, `recall` or `f1`.
    pub measure: &'static str,
    pub before: f64,
    pub after: Option<f64>,
}

/// The comparison with the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Documents compared: evaluated now and present in the baseline.
    pub compared: Vec<String>,
    /// Documents evaluated now that the baseline does not have.
    pub new: Vec<String>,
    pub changes: Vec<Change>,
    pub drops: Vec<Drop>,
}

/// Everything `summit eval` reports.
#[derive(Debug, Clone)]
pub struct Report {
    /// Documents evaluated.
    pub documents: Vec<String>,
    /// Documents skipped, with the reason (their file is absent).
    pub skipped: Vec<(String, String)>,
    pub kinds: BTreeMap<Kind, Counts>,
    pub rules: BTreeMap<String, Counts>,
    /// Every fact of every evaluated document, by document.
    pub facts: BTreeMap<String, Vec<Fact>>,
    pub must_not: Vec<Violation>,
    /// None when there is no baseline file.
    pub comparison: Option<Comparison>,
    /// The baseline this run would write (documents skipped now keep their old entry).
    pub new_baseline: Baseline,
    /// The real news of [`REAL_DIR`], scored against their own baseline: reported,
    /// never failing the run (none when the gold has no such documents).
    pub real: Option<Box<Report>>,
}

impl Report {
    /// True when a figure dropped below the baseline or a must-not fact came out.
    pub fn failed(&self) -> bool {
        !self.must_not.is_empty() || self.comparison.as_ref().is_some_and(|c| !c.drops.is_empty())
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

fn all_facts(docs: &BTreeMap<String, Vec<Fact>>, keys: &[String]) -> Vec<Fact> {
    keys.iter().filter_map(|k| docs.get(k)).flatten().cloned().collect()
}

/// Runs the pipeline on every gold document whose file is present under `root` (the
/// directory gold paths are relative to, the repository root), scores it, and compares
/// with `baseline`.
pub fn evaluate(p: &Pipeline, gold: &[GoldDoc], baseline: Option<&Baseline>, root: &Path) -> Result<Report> {
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("a date");
    let mut cache: HashMap<String, Vec<Document>> = HashMap::new();
    let mut documents = Vec::new();
    let mut skipped = Vec::new();
    let mut produced: BTreeMap<String, DocPrediction> = BTreeMap::new();
    let mut facts: BTreeMap<String, Vec<Fact>> = BTreeMap::new();
    let mut violations = Vec::new();
    for g in gold {
        let file = root.join(&g.path);
        if !file.exists() {
            let shown = if root == Path::new(".") { g.path.clone() } else { file.display().to_string() };
            skipped.push((g.key(), format!("skipped: {shown} not found")));
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
        violations.extend(must_not(g, &pred));
        facts.insert(g.key(), score(g, &pred));
        produced.insert(g.key(), pred);
        documents.push(g.key());
    }
    let current = all_facts(&facts, &documents);
    let kinds = kind_counts(&current);
    // A rule's kinds: those it produces now or produced in the baseline; meeting and
    // attendance rules that produce nothing are listed too.
    let mut shown_kinds = rule_kinds(&current);
    for r in p.rules.rules.iter().filter(|r| r.kind != RuleKind::Blocker) {
        shown_kinds.entry(r.id.clone()).or_default();
    }

    // The comparison: the baseline's productions, scored against today's gold, over the
    // documents evaluated now and present in the baseline.
    let gold_by_key: BTreeMap<String, &GoldDoc> = gold.iter().map(|g| (g.key(), g)).collect();
    let comparison = baseline.map(|b| {
        let compared: Vec<String> = documents.iter().filter(|k| b.documents.contains_key(*k)).cloned().collect();
        let new: Vec<String> = documents.iter().filter(|k| !b.documents.contains_key(*k)).cloned().collect();
        let mut before_facts: BTreeMap<String, Vec<Fact>> = BTreeMap::new();
        let mut changes = Vec::new();
        for k in &compared {
            let bf = score(gold_by_key[k], &b.documents[k].produced);
            let now = &facts[k];
            let found = |fs: &[Fact]| -> BTreeMap<(Kind, String), Fact> {
                fs.iter().filter(|f| f.status != Status::Missed).map(|f| ((f.kind, f.key.clone()), f.clone())).collect()
            };
            let (before, after) = (found(&bf), found(now));
            for (key, f) in &before {
                if !after.contains_key(key) {
                    changes.push(Change { doc: k.clone(), gained: false, fact: f.clone() });
                }
            }
            for (key, f) in &after {
                if !before.contains_key(key) {
                    changes.push(Change { doc: k.clone(), gained: true, fact: f.clone() });
                }
            }
            before_facts.insert(k.clone(), bf);
        }
        let bf = all_facts(&before_facts, &compared);
        let nf = all_facts(&facts, &compared);
        let mut drops = Vec::new();
        let mut check = |what: String, before: Counts, after: Counts| {
            for (measure, b, a) in [
                ("precision", before.precision(), after.precision()),
                ("recall", before.recall(), after.recall()),
                ("f1", before.f1(), after.f1()),
            ] {
                if let Some(b) = b
                    && a.unwrap_or(0.0) < b - 1e-9
                {
                    drops.push(Drop { what: what.clone(), measure, before: b, after: a });
                }
            }
        };
        let (kb, ka) = (kind_counts(&bf), kind_counts(&nf));
        for k in Kind::ALL {
            check(k.as_str().to_string(), kb[&k], ka[&k]);
        }
        let mut rk = rule_kinds(&bf);
        for (r, ks) in rule_kinds(&nf) {
            rk.entry(r).or_default().extend(ks);
        }
        for (r, ks) in &rk {
            shown_kinds.entry(r.clone()).or_default().extend(ks.iter().copied());
        }
        let (rb, ra) = (rule_counts(&bf, &rk), rule_counts(&nf, &rk));
        for (r, b) in &rb {
            check(format!("rule {r}"), *b, ra.get(r).copied().unwrap_or_default());
        }
        changes.sort_by(|a, b| (&a.doc, a.fact.kind, &a.fact.key, a.gained).cmp(&(&b.doc, b.fact.kind, &b.fact.key, b.gained)));
        Comparison { compared, new, changes, drops }
    });
    let rules = rule_counts(&current, &shown_kinds);

    // The baseline this run would write: documents skipped now keep their entry.
    let mut bdocs: BTreeMap<String, BaselineDoc> = BTreeMap::new();
    for g in gold {
        let k = g.key();
        let prod = match produced.get(&k) {
            Some(p) => p.clone(),
            None => match baseline.and_then(|b| b.documents.get(&k)) {
                Some(d) => d.produced.clone(),
                None => continue,
            },
        };
        bdocs.insert(k, BaselineDoc { counts: BTreeMap::new(), produced: prod });
    }
    let mut every: Vec<Fact> = Vec::new();
    for (k, d) in bdocs.iter_mut() {
        let fs = score(gold_by_key[k], &d.produced);
        d.counts = kind_counts(&fs).into_iter().map(|(k, c)| (k.as_str().to_string(), c)).collect();
        every.extend(fs);
    }
    let totals = Totals {
        kinds: kind_counts(&every).into_iter().map(|(k, c)| (k.as_str().to_string(), c.into())).collect(),
        rules: rule_counts(&every, &rule_kinds(&every)).into_iter().map(|(r, c)| (r, c.into())).collect(),
    };
    let new_baseline = Baseline { about: ABOUT.to_string(), totals, documents: bdocs };
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
        report.real = Some(Box::new(evaluate(p, &real, baseline.as_ref(), root)?));
    }
    Ok(report)
}

/// Where the baseline of the real news is: `real/baseline.json` in the gold directory.
pub fn real_baseline(gold_dir: &Path) -> std::path::PathBuf {
    gold_dir.join(REAL_DIR).join(BASELINE_FILE)
}

// ---------------------------------------------------------------------------------
// Output

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Correct => "correct",
        Status::Wrong => "wrong",
        Status::Missed => "missed",
    }
}

fn counts_table(out: &mut String, head: &str, rows: &[(String, Counts)]) {
    let w = rows.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(0).max(head.len());
    let _ = writeln!(out, "{head:<w$}  {:>5}  {:>5}  {:>7}  {:>9}  {:>6}  {:>5}", "gold", "found", "correct", "precision", "recall", "f1");
    for (name, c) in rows {
        let _ = writeln!(
            out,
            "{name:<w$}  {:>5}  {:>5}  {:>7}  {:>9}  {:>6}  {:>5}",
            c.gold,
            c.found,
            c.correct,
            pct(c.precision()),
            pct(c.recall()),
            pct(c.f1())
        );
    }
}

impl Report {
    /// The report as text: the per-kind and per-rule tables, the comparison with the
    /// baseline, must-not facts; with `verbose`, every missed and wrong fact too.
    /// `updating`: the run rewrites the baseline, so drops are reported but not failed.
    pub fn render(&self, baseline_name: &str, verbose: bool, updating: bool) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "summit eval: {} document(s) evaluated, {} skipped", self.documents.len(), self.skipped.len());
        self.render_body(&mut o, baseline_name, verbose);
        if let Some(r) = &self.real {
            let name = Path::new(baseline_name).parent().unwrap_or(Path::new("")).join(REAL_DIR).join(BASELINE_FILE);
            let _ = writeln!(o, "\n== real news, not written by us ({REAL_DIR}/): reported, never failing the run ==");
            let _ = writeln!(o, "real news: {} document(s) evaluated, {} skipped", r.documents.len(), r.skipped.len());
            r.render_body(&mut o, &name.display().to_string(), verbose);
            let _ = writeln!(o, "== end of real news ==");
        }
        let verdict = match (updating, self.failed()) {
            (true, _) if !self.must_not.is_empty() => format!("result: FAILED (a must-not fact came out); baseline rewritten: {baseline_name}"),
            (true, _) => format!("result: ok; baseline rewritten: {baseline_name}"),
            (false, true) => "result: FAILED (a figure dropped below the baseline or a must-not fact came out)".to_string(),
            (false, false) => "result: ok".to_string(),
        };
        let _ = writeln!(o, "{verdict}");
        o
    }

    /// The tables, the facts (`verbose`), the comparison and the must-not facts.
    fn render_body(&self, o: &mut String, baseline_name: &str, verbose: bool) {
        for (d, why) in &self.skipped {
            let _ = writeln!(o, "  {d}: {why}");
        }
        let _ = writeln!(o);
        let mut rows: Vec<(String, Counts)> = Kind::ALL.iter().map(|k| (k.as_str().to_string(), self.kinds[k])).collect();
        let mut all = Counts::default();
        for (_, c) in &rows {
            all.add(*c);
        }
        rows.push(("all".to_string(), all));
        counts_table(o, "kind", &rows);
        let _ = writeln!(o);
        let rows: Vec<(String, Counts)> = self.rules.iter().map(|(r, c)| (r.clone(), *c)).collect();
        counts_table(o, "rule", &rows);
        let _ = writeln!(o, "(a rule's gold: the gold facts of the kinds it produces)");
        if verbose {
            let _ = writeln!(o, "\nagainst the gold:");
            for (doc, fs) in &self.facts {
                for f in fs.iter().filter(|f| f.status != Status::Correct) {
                    let _ = writeln!(o, "  {:<6}  {:<19}  {}  [{}]{}", status_word(f.status), f.kind.as_str(), f.key, doc, if f.rules.is_empty() { String::new() } else { format!(" rule {}", f.rules.join(", ")) });
                    if let Some(e) = &f.evidence {
                        let _ = writeln!(o, "          evidence: {e}");
                    }
                }
            }
        }
        let _ = writeln!(o);
        match &self.comparison {
            None => {
                let _ = writeln!(o, "no baseline at {baseline_name} (write one with --update-baseline)");
            }
            Some(c) => {
                let _ = writeln!(o, "against the baseline {baseline_name}: {} document(s) compared", c.compared.len());
                for d in &c.new {
                    let _ = writeln!(o, "  {d}: not in the baseline yet");
                }
                if c.changes.is_empty() {
                    let _ = writeln!(o, "  no fact gained or lost");
                }
                for ch in &c.changes {
                    let verb = if ch.gained { "gained" } else { "lost" };
                    let f = &ch.fact;
                    let _ = writeln!(o, "  {verb} {} {} {:?}", status_word(f.status), f.kind.as_str(), f.key);
                    let _ = writeln!(o, "      document: {}", ch.doc);
                    let _ = writeln!(o, "      rule: {}", if f.rules.is_empty() { "-".to_string() } else { f.rules.join(", ") });
                    if let Some(e) = &f.evidence {
                        let _ = writeln!(o, "      evidence: {e}");
                    }
                }
                if !c.drops.is_empty() {
                    let _ = writeln!(o, "figures below the baseline:");
                    for d in &c.drops {
                        let _ = writeln!(o, "  {} {}: {} -> {}", d.what, d.measure, pct(Some(d.before)), pct(d.after));
                    }
                }
            }
        }
        if !self.must_not.is_empty() {
            let _ = writeln!(o, "must-not facts reported:");
            for v in &self.must_not {
                let _ = writeln!(o, "  {} {:?} (reported as {:?}) in {}", v.kind.as_str(), v.what, v.got, v.doc);
                let _ = writeln!(o, "      rule: {}", v.rules.join(", "));
                if let Some(e) = &v.evidence {
                    let _ = writeln!(o, "      evidence: {e}");
                }
            }
        }
    }

    /// Writes [`Report::render`].
    pub fn write(&self, w: &mut dyn Write, baseline_name: &str, verbose: bool, updating: bool) -> std::io::Result<()> {
        w.write_all(self.render(baseline_name, verbose, updating).as_bytes())
    }

    /// The exit code: 1 when a figure dropped below the baseline (unless `updating`
    /// it) or a must-not fact came out, else 0.
    pub fn exit_code(&self, updating: bool) -> u8 {
        let failed = if updating { !self.must_not.is_empty() } else { self.failed() };
        u8::from(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(!first.failed() && first.exit_code(false) == 0, "the real news never fail the run");
        let text = first.render("gold/baseline.json", false, false);
        assert!(text.contains("== real news, not written by us (real/)") && text.contains("real news: 1 document(s) evaluated"), "{text}");
        assert!(text.contains("no baseline at gold/real/baseline.json"), "{text}");
        assert!(text.ends_with("result: ok\n"), "{text}");
        // Each section against its own baseline: nothing gained or lost.
        first.new_baseline.write(&gold.join(BASELINE_FILE)).unwrap();
        real.new_baseline.write(&real_baseline(&gold)).unwrap();
        let again = run(&p, &gold, root).unwrap();
        assert!(again.comparison.as_ref().is_some_and(|c| c.changes.is_empty() && c.compared == ["own.txt"]));
        let rc = again.real.as_ref().unwrap().comparison.as_ref().expect("the real baseline is read");
        assert!(rc.changes.is_empty() && rc.compared == ["real.jsonl#r1"], "{rc:?}");
    }

    #[test]
    fn sentences_around_a_mention() {
        let text: Vec<char> = "首页。王毅参加会见。Then Xi spoke. Done".chars().collect();
        assert_eq!(sentence_around(&text, 3, 5), "王毅参加会见。");
        let at = text.iter().collect::<String>().find("Xi").unwrap();
        let at = text.iter().collect::<String>()[..at].chars().count();
        assert_eq!(sentence_around(&text, at, at + 2), "Then Xi spoke.");
        let text: Vec<char> = "BEIJING, Dec. 3 -- The U.S. President met Xi. Next".chars().collect();
        assert_eq!(sentence_around(&text, 0, 7), "BEIJING, Dec. 3 -- The U.S. President met Xi.");
    }
}
