//! Gold annotations: `tests/gold/**/*.toml` → [`GoldDoc`]s, validated (names against the
//! gazetteers, dates, contradictions); every error names the file and line.

use super::{Kind, REAL_DIR};
use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::{EntityType, Gazetteer};
use crate::normalise::normalise;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use toml::Spanned;

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
pub(super) fn fold(name: &str) -> String {
    normalise(name.trim())
}

pub(super) fn valid_meeting_date(d: &str) -> bool {
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
    /// (type, a name's letters and digits only) → canonical English name: "Washington, DC"
    /// is the gazetteer's "Washington, D.C." written otherwise.
    loose: HashMap<(EntityType, String), String>,
}

/// A name's letters and digits only, folded: spellings that differ in punctuation and
/// spacing meet.
fn loose(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

impl Names {
    fn new(g: &Gazetteer) -> Names {
        let mut n = Names { canonical: BTreeSet::new(), alias: HashMap::new(), types: HashMap::new(), loose: HashMap::new() };
        for e in &g.entries {
            if e.etype == EntityType::Role {
                continue;
            }
            n.canonical.insert((e.etype, fold(&e.en)));
            n.types.entry(fold(&e.en)).or_default().push(e.etype);
            for name in e.full_names().chain(e.short.iter().map(String::as_str)) {
                n.alias.entry((e.etype, fold(name))).or_insert_with(|| e.en.clone());
                n.loose.entry((e.etype, loose(name))).or_insert_with(|| e.en.clone());
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
        if let Some(c) = self.loose.get(&(t, loose(name))) {
            return Some(format!("{name:?} is {c:?} written otherwise: write the canonical English name, as summit outputs it"));
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
    let c = Checker { path, text, names: &names };
    raw.document.into_iter().map(|d| c.document(d)).collect()
}

/// Reads a gold file's values: errors name the file and the line of the value.
struct Checker<'a> {
    path: &'a str,
    text: &'a str,
    names: &'a Names,
}

impl Checker<'_> {
    /// The line of a byte span.
    fn at(&self, s: &std::ops::Range<usize>) -> usize {
        line_of(self.text, s.start)
    }

    /// An error at the line of a byte span.
    fn error(&self, s: &std::ops::Range<usize>, message: impl Into<String>) -> Error {
        Error::parse(self.path, self.at(s), message.into())
    }

    /// A name of type `t`, trimmed; an error unless it is a canonical name of that type.
    fn name(&self, t: EntityType, n: &Spanned<String>) -> Result<String> {
        match self.names.problem(t, n.get_ref()) {
            Some(p) => Err(self.error(&n.span(), p)),
            None => Ok(n.get_ref().trim().to_string()),
        }
    }

    fn people(&self, v: &[Spanned<String>]) -> Result<Vec<String>> {
        v.iter().map(|n| self.name(EntityType::Person, n)).collect()
    }

    fn document(&self, d: Spanned<RawDoc>) -> Result<GoldDoc> {
        let line = self.at(&d.span());
        let d = d.into_inner();
        let p = d.path.get_ref().trim().to_string();
        if p.is_empty() {
            return Err(self.error(&d.path.span(), "empty document path"));
        }
        let is_jsonl = p.to_ascii_lowercase().ends_with(".jsonl");
        match (&d.id, is_jsonl) {
            (None, true) => return Err(self.error(&d.path.span(), format!("{p}: a .jsonl document needs the id of its line (id = \"...\")"))),
            (Some(id), false) => return Err(self.error(&id.span(), format!("id is only for .jsonl documents, and {p} is not one"))),
            _ => {}
        }
        let date = match &d.date {
            None => None,
            Some(s) => Some(NaiveDate::parse_from_str(s.get_ref(), "%Y-%m-%d").map_err(|_| self.error(&s.span(), format!("date {:?} is not YYYY-MM-DD", s.get_ref())))?),
        };
        let meetings = d.meeting.iter().map(|m| self.meeting(m)).collect::<Result<Vec<_>>>()?;
        let entity_kinds = self.entity_kinds(&d.entity_types)?;
        let entities = self.entities(&d.entities, &entity_kinds)?;
        let must_not_meetings = self.must_not_meetings(&d.must_not, &meetings)?;
        let must_not_entities = self.must_not_entities(&d.must_not, &entities)?;
        Ok(GoldDoc {
            origin: format!("{}:{line}", self.path),
            path: p,
            id: d.id.map(|s| s.into_inner()),
            date,
            meetings,
            entities,
            must_not_meetings,
            must_not_entities,
            entity_kinds,
            real: false,
        })
    }

    fn meeting(&self, m: &Spanned<RawMeeting>) -> Result<GoldMeeting> {
        let mline = self.at(&m.span());
        let m = m.get_ref();
        let participants = self.people(&m.participants)?;
        let distinct: BTreeSet<String> = participants.iter().map(|n| fold(n)).collect();
        if distinct.len() < 2 || distinct.len() != participants.len() {
            return Err(Error::parse(self.path, mline, "a meeting needs at least two distinct participants"));
        }
        let attendees = self.people(&m.attendees)?;
        if let Some(a) = attendees.iter().find(|a| distinct.contains(&fold(a))) {
            return Err(Error::parse(self.path, mline, format!("{a:?} is both a participant and an attendee")));
        }
        let place = m.place.as_ref().map(|n| self.name(EntityType::Place, n)).transpose()?;
        if let Some(dt) = &m.date
            && !valid_meeting_date(dt.get_ref())
        {
            return Err(self.error(&dt.span(), format!("date {:?} is not YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD", dt.get_ref())));
        }
        Ok(GoldMeeting { participants, attendees, place, date: m.date.as_ref().map(|s| s.get_ref().clone()), planned: m.planned })
    }

    /// The entity kinds annotated: `entity_types`, else all three.
    fn entity_kinds(&self, types: &Option<Spanned<Vec<Spanned<String>>>>) -> Result<BTreeSet<Kind>> {
        let Some(v) = types else {
            return Ok([Kind::Person, Kind::PlaceEntity, Kind::Organization].into());
        };
        let mut ks = BTreeSet::new();
        for n in v.get_ref() {
            let k = Kind::from_type_name(n.get_ref())
                .ok_or_else(|| self.error(&n.span(), format!("entity type {:?} is not Person, Place or Organization", n.get_ref())))?;
            ks.insert(k);
        }
        if ks.is_empty() {
            return Err(self.error(&v.span(), "entity_types is empty (leave it out to annotate all three)"));
        }
        Ok(ks)
    }

    fn entities(&self, raw: &RawNames, kinds: &BTreeSet<Kind>) -> Result<BTreeMap<Kind, Vec<String>>> {
        let mut entities = BTreeMap::new();
        for (kind, list) in [(Kind::Person, &raw.person), (Kind::PlaceEntity, &raw.place), (Kind::Organization, &raw.organization)] {
            let t = kind.entity_type().expect("entity kind");
            if let Some(n) = list.first().filter(|_| !kinds.contains(&kind)) {
                return Err(self.error(&n.span(), format!("{} entities are listed, but entity_types leaves them out", t.as_str())));
            }
            let mut seen = BTreeSet::new();
            let mut v = Vec::new();
            for n in list {
                let name = self.name(t, n)?;
                if !seen.insert(fold(&name)) {
                    return Err(self.error(&n.span(), format!("{name:?} is listed twice")));
                }
                v.push(name);
            }
            entities.insert(kind, v);
        }
        Ok(entities)
    }

    fn must_not_meetings(&self, raw: &RawMustNot, meetings: &[GoldMeeting]) -> Result<Vec<Vec<String>>> {
        let mut out = Vec::new();
        for m in &raw.meetings {
            let v = self.people(m.get_ref())?;
            let set: BTreeSet<String> = v.iter().map(|n| fold(n)).collect();
            if set.len() < 2 {
                return Err(self.error(&m.span(), "a must-not meeting names at least two people"));
            }
            if meetings.iter().any(|g| set.iter().all(|n| g.participants.iter().any(|p| fold(p) == *n))) {
                return Err(self.error(&m.span(), format!("must-not meeting {v:?} contradicts a gold meeting of this document")));
            }
            out.push(v);
        }
        Ok(out)
    }

    fn must_not_entities(&self, raw: &RawMustNot, entities: &BTreeMap<Kind, Vec<String>>) -> Result<Vec<(Kind, String)>> {
        let mut out = Vec::new();
        for (kind, list) in [(Kind::Person, &raw.person), (Kind::PlaceEntity, &raw.place), (Kind::Organization, &raw.organization)] {
            let t = kind.entity_type().expect("entity kind");
            for n in list {
                let name = self.name(t, n)?;
                if entities.get(&kind).is_some_and(|v| v.iter().any(|e| fold(e) == fold(&name))) {
                    return Err(self.error(&n.span(), format!("{name:?} is both expected and must-not")));
                }
                out.push((kind, name));
            }
        }
        Ok(out)
    }
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
