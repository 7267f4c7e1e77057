//! `summit gazetteer import`: gazetteer entries from a Wikidata Query Service result.
//!
//! **Input**: the text of a WDQS result file, as the service returns it: SPARQL 1.1
//! Query Results JSON (`application/sparql-results+json`) or CSV (`text/csv`, a header
//! row of variable names, IRIs written in full); the type of entry to build (person,
//! place, organization); and the gazetteer already loaded, to resolve roles, countries
//! and parents and to leave out what it already lists. The expected variables and an
//! example query are in `gazetteers/README.md` ("Importing from Wikidata").
//!
//! **Output**: an [`Import`]: one [`OutEntry`] per Wikidata item (the rows of one item
//! merge: names, aliases, roles), in the order items first appear, plus warnings for
//! what was left out (an item already listed, a role or parent that resolves to
//! nothing). [`Import::to_jsonl`] writes the JSONL format of `gazetteers/README.md`.
//!
//! **Invariants**:
//! - Ids are slugs of the English label (`olaf-scholz`), made unique with the Q-id
//!   (`john-smith-q123`) when two items, or an item and a listed entry, share a slug;
//!   the same input always gives the same ids and bytes.
//! - Every reference written (`roles[].role`, `roles[].of`, `parent`) names an id of the
//!   gazetteer or of the same import, so the output loads with
//!   [`Gazetteer::add_file`] and [`Gazetteer::validate`] next to the gazetteer given;
//!   [`import`] checks this before returning.
//! - Malformed input is an [`Error`] naming the file and the line (CSV; JSON syntax) or
//!   the JSON path (`$.results.bindings[3].item`).

use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::{EntityType, Gazetteer};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// What kind of entries to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportType {
    Person,
    Place,
    Organization,
}

impl ImportType {
    pub fn entity_type(self) -> EntityType {
        match self {
            ImportType::Person => EntityType::Person,
            ImportType::Place => EntityType::Place,
            ImportType::Organization => EntityType::Organization,
        }
    }
    /// The file-name prefix summit loads this type from (`people*.jsonl`, …).
    pub fn file_prefix(self) -> &'static str {
        match self {
            ImportType::Person => "people",
            ImportType::Place => "places",
            ImportType::Organization => "organizations",
        }
    }
}

// ---------------------------------------------------------------------------------
// Result tables

/// One value of a result row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub value: String,
    /// The language tag of a literal (JSON results only: CSV drops it).
    pub lang: Option<String>,
    /// Whether it is an IRI (JSON `"type": "uri"`; in CSV, a value starting with `http`).
    pub iri: bool,
}

/// One row, with where it was read.
#[derive(Debug, Clone)]
pub struct Row {
    /// `file:line` (CSV) or `file: $.results.bindings[i]` (JSON), for messages.
    pub origin: String,
    /// The line (CSV), for errors.
    pub line: Option<usize>,
    pub cells: Vec<Option<Cell>>,
}

/// A result table: the variables and the rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub vars: Vec<String>,
    pub rows: Vec<Row>,
}

/// Reads a WDQS result file: JSON when the name ends in `.json`/`.srj` or the text
/// starts with `{`, else CSV.
pub fn read_table(path: &str, text: &str) -> Result<Table> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lower = path.to_ascii_lowercase();
    let json = lower.ends_with(".json") || lower.ends_with(".srj") || (!lower.ends_with(".csv") && text.trim_start().starts_with('{'));
    if json { read_json(path, text) } else { read_csv(path, text) }
}

fn json_err(path: &str, at: &str, msg: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Parse, format!("{at}: {msg}")).at_path(path)
}

/// SPARQL 1.1 Query Results JSON.
pub fn read_json(path: &str, text: &str) -> Result<Table> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |(m, _)| m).to_string();
        Error::parse(path, e.line(), format!("not valid JSON: {msg}")).at_column(e.column())
    })?;
    let vars = v
        .pointer("/head/vars")
        .and_then(Value::as_array)
        .ok_or_else(|| json_err(path, "$.head.vars", "missing: not a SPARQL JSON result (application/sparql-results+json)"))?;
    let mut names = Vec::new();
    for (i, n) in vars.iter().enumerate() {
        let n = n.as_str().ok_or_else(|| json_err(path, &format!("$.head.vars[{i}]"), "expected a string"))?;
        names.push(n.trim_start_matches(['?', '$']).to_string());
    }
    let bindings = v
        .pointer("/results/bindings")
        .and_then(Value::as_array)
        .ok_or_else(|| json_err(path, "$.results.bindings", "missing: a SELECT result has an array of bindings"))?;
    let mut rows = Vec::new();
    for (i, b) in bindings.iter().enumerate() {
        let at = format!("$.results.bindings[{i}]");
        let obj = b.as_object().ok_or_else(|| json_err(path, &at, "expected an object"))?;
        let mut cells: Vec<Option<Cell>> = vec![None; names.len()];
        for (k, val) in obj {
            let at = format!("{at}.{k}");
            let Some(col) = names.iter().position(|n| n == k) else {
                return Err(json_err(path, &at, format!("variable {k:?} is not in $.head.vars")));
            };
            let o = val.as_object().ok_or_else(|| json_err(path, &at, "expected an object with \"type\" and \"value\""))?;
            let t = o.get("type").and_then(Value::as_str).ok_or_else(|| json_err(path, &format!("{at}.type"), "missing or not a string"))?;
            let value = o.get("value").and_then(Value::as_str).ok_or_else(|| json_err(path, &format!("{at}.value"), "missing or not a string"))?;
            let iri = match t {
                "uri" => true,
                "literal" | "typed-literal" | "bnode" => false,
                other => return Err(json_err(path, &format!("{at}.type"), format!("unknown type {other:?} (uri, literal or bnode)"))),
            };
            let lang = o.get("xml:lang").and_then(Value::as_str).map(|s| s.to_ascii_lowercase());
            cells[col] = Some(Cell { value: value.to_string(), lang, iri });
        }
        rows.push(Row { origin: format!("{path}: {}", format_args!("$.results.bindings[{i}]")), line: None, cells });
    }
    Ok(Table { vars: names, rows })
}

/// CSV as the WDQS writes it (RFC 4180: `,` separators, `"` quoting with `""` inside,
/// CRLF or LF line ends); the first record holds the variable names.
pub fn read_csv(path: &str, text: &str) -> Result<Table> {
    let records = parse_csv(path, text)?;
    let mut it = records.into_iter();
    let Some((_, header)) = it.next() else {
        return Err(Error::parse(path, 1, "empty file: expected a header row of variable names"));
    };
    let vars: Vec<String> = header.iter().map(|h| h.trim().trim_start_matches(['?', '$']).to_string()).collect();
    if vars.iter().any(String::is_empty) {
        return Err(Error::parse(path, 1, "empty variable name in the header row"));
    }
    let mut rows = Vec::new();
    for (line, fields) in it {
        if fields.len() == 1 && fields[0].is_empty() {
            continue; // a blank line
        }
        if fields.len() != vars.len() {
            return Err(Error::parse(path, line, format!("{} field(s), but the header has {}", fields.len(), vars.len())));
        }
        let cells = fields
            .into_iter()
            .map(|f| (!f.is_empty()).then(|| Cell { iri: f.starts_with("http://") || f.starts_with("https://"), lang: None, value: f }))
            .collect();
        rows.push(Row { origin: format!("{path}:{line}"), line: Some(line), cells });
    }
    Ok(Table { vars, rows })
}

/// Records with the line each starts on, read by the `csv` crate (RFC 4180; records may
/// differ in length, `read_csv` reports that with its line). An opening quote never
/// closed is an error at the line its record starts on; the crate takes other stray
/// quotes literally, as spreadsheets do.
fn parse_csv(path: &str, text: &str) -> Result<Vec<(usize, Vec<String>)>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut out: Vec<(usize, Vec<String>)> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(out.last().map_or(1, |r| r.0), |p| p.line() as usize);
            Error::parse(path, line, e.to_string())
        })?;
        let pos = record.position().expect("records read from text have a position");
        starts.push(pos.byte() as usize);
        out.push((pos.line() as usize, record.iter().map(str::to_string).collect()));
    }
    // A quoted field runs to the end of the text when its closing quote is missing: the
    // text of that record then holds an odd number of quotes.
    if let (Some(&start), Some(last)) = (starts.last(), out.last())
        && text.as_bytes()[start..].iter().filter(|&&b| b == b'"').count() % 2 == 1
    {
        return Err(Error::parse(path, last.0, "unterminated quoted field"));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------
// Columns

/// What a variable holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Item,
    /// A name; the language from the variable name, else from the literal's tag.
    Name(Lang),
    Alias(Lang),
    /// Aliases from the label service's `…AltLabel`: several joined by ", ".
    AltLabel(Lang),
    Short,
    Role,
    Position,
    PositionLabel,
    Start,
    End,
    Of,
    OfLabel,
    Kind,
    Type,
    Parent,
    ParentLabel,
    Demonym,
    Ignored,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    /// Not said by the variable name: the literal's tag decides (none: English).
    Tagged,
    En,
    Hans,
    Hant,
    /// `zh` without a script: kept as an alias.
    Zh,
}

fn lang_code(s: &str) -> Option<Lang> {
    match s {
        "" => Some(Lang::Tagged),
        "en" => Some(Lang::En),
        "zhhans" | "zhcn" | "zhsg" | "zhmy" => Some(Lang::Hans),
        "zhhant" | "zhtw" | "zhhk" | "zhmo" => Some(Lang::Hant),
        "zh" => Some(Lang::Zh),
        _ => None,
    }
}

fn tag_lang(tag: Option<&str>) -> Lang {
    match tag.map(|t| t.replace(['-', '_'], "")) {
        None => Lang::En,
        Some(t) => lang_code(&t).map(|l| if l == Lang::Tagged { Lang::En } else { l }).unwrap_or(Lang::Zh),
    }
}

fn classify(var: &str) -> Col {
    let v: String = var.to_ascii_lowercase().chars().filter(|c| *c != '_' && *c != '-').collect();
    let exact = match v.as_str() {
        "item" | "person" | "place" | "org" | "organization" | "organisation" | "entity" => Some(Col::Item),
        "short" | "shortname" => Some(Col::Short),
        "role" | "roleid" => Some(Col::Role),
        "position" | "office" | "positionheld" => Some(Col::Position),
        "positionlabel" | "officelabel" => Some(Col::PositionLabel),
        "start" | "from" | "starttime" | "startdate" => Some(Col::Start),
        "end" | "to" | "endtime" | "enddate" => Some(Col::End),
        "of" | "country" | "jurisdiction" => Some(Col::Of),
        "oflabel" | "countrylabel" | "jurisdictionlabel" => Some(Col::OfLabel),
        "kind" => Some(Col::Kind),
        "type" | "instanceof" | "class" => Some(Col::Type),
        "parent" | "locatedin" | "partof" | "parentorganization" | "parentorg" => Some(Col::Parent),
        "parentlabel" | "locatedinlabel" | "partoflabel" => Some(Col::ParentLabel),
        "demonym" | "demonyms" => Some(Col::Demonym),
        _ => None,
    };
    if let Some(c) = exact {
        return c;
    }
    // Names: en, zh_hans, label_en, itemLabel, itemLabel_zh_hant, name, enLabel …
    for (pre, alias) in [("itemaltlabel", 2), ("altlabel", 2), ("aliases", 1), ("alias", 1), ("itemlabel", 0), ("label", 0), ("name", 0), ("", 0)] {
        if let Some(rest) = v.strip_prefix(pre) {
            let rest = rest.strip_suffix("label").filter(|_| pre.is_empty()).unwrap_or(rest);
            if pre.is_empty() && rest.is_empty() {
                continue;
            }
            if let Some(l) = lang_code(rest) {
                return match alias {
                    2 => Col::AltLabel(l),
                    1 => Col::Alias(l),
                    _ => Col::Name(l),
                };
            }
        }
    }
    if let Some(rest) = v.strip_suffix("altlabel")
        && let Some(l) = lang_code(rest)
    {
        return Col::AltLabel(l);
    }
    Col::Ignored
}

// ---------------------------------------------------------------------------------
// Entries

/// One role of an imported person, as written in `people*.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct OutRole {
    pub role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One entry, serialised in the field order of the gazetteer files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutEntry {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub en: String,
    #[serde(rename = "zh-Hans", skip_serializing_if = "Option::is_none")]
    pub zh_hans: Option<String>,
    #[serde(rename = "zh-Hant", skip_serializing_if = "Option::is_none")]
    pub zh_hant: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub short: Vec<String>,
    pub wikidata: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<OutRole>>,
}

/// The result of an import.
#[derive(Debug, Clone, Default)]
pub struct Import {
    pub entries: Vec<OutEntry>,
    /// What was left out or could not be resolved, one message each, `origin: …`.
    pub warnings: Vec<String>,
}

impl Import {
    /// The entries as gazetteer JSON Lines, after a comment naming the source.
    pub fn to_jsonl(&self, source: &str) -> String {
        let mut s = format!("# Imported by `summit gazetteer import` from {source} (Wikidata). Format: gazetteers/README.md.\n");
        for e in &self.entries {
            s.push_str(&serde_json::to_string(e).expect("entries serialise"));
            s.push('\n');
        }
        s
    }
}

/// What the rows of one item say, before ids are known.
#[derive(Default)]
struct Acc {
    qid: String,
    origin: String,
    line: Option<usize>,
    en: Vec<String>,
    hans: Vec<String>,
    hant: Vec<String>,
    aliases: Vec<String>,
    short: Vec<String>,
    kinds: Vec<String>,
    types: Vec<String>,
    parents: Vec<(Ref, String)>,
    demonyms: Vec<String>,
    roles: Vec<RawRole>,
}

/// A reference as the result gives it: a Wikidata item, or a literal (an id or a name).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ref {
    Q(String),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct RawRole {
    role: Option<String>,
    position: Option<Ref>,
    position_label: Option<String>,
    of: Option<Ref>,
    of_label: Option<String>,
    from: Option<String>,
    to: Option<String>,
    origin: String,
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() && !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// The Q-id of a Wikidata entity IRI (`http://www.wikidata.org/entity/Q42`) or of a bare `Q42`.
pub fn qid(s: &str) -> Option<String> {
    let s = s.trim();
    let tail = s.rsplit('/').next().unwrap_or(s);
    let ok = tail.len() > 1 && tail.starts_with('Q') && tail[1..].chars().all(|c| c.is_ascii_digit());
    let iri_ok = !s.contains('/') || s.contains("wikidata.org/");
    (ok && iri_ok).then(|| tail.to_string())
}

fn as_ref(c: &Cell) -> Ref {
    match qid(&c.value) {
        Some(q) if c.iri || !c.value.contains(' ') => Ref::Q(q),
        _ => Ref::Text(c.value.trim().to_string()),
    }
}

/// `2004-03-09T00:00:00Z` (or a plain date) to `2004-03-09`; none for other values
/// (years before 1 or beyond 9999, unknown values given as blank-node IRIs).
fn day(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().map(|_| d.to_string())
}

/// A stable id slug: ASCII letters and digits (accents dropped), hyphens between words.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let folded = fold_latin(c);
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                out.push(f.to_ascii_lowercase());
            } else if !out.is_empty() && !out.ends_with('-') && f != '\'' && f != '’' {
                out.push('-');
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Latin letters with diacritics to their base letters (ß to ss, æ to ae …).
fn fold_latin(c: char) -> String {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăąǎȁȃạảấầẩẫậắằẳẵặ", "a"),
        ("ÀÁÂÃÄÅĀĂĄǍẠẢẤẦẨẪẬẮẰẲẴẶ", "A"),
        ("çćĉċč", "c"),
        ("ÇĆĈĊČ", "C"),
        ("ďđð", "d"),
        ("ĎĐÐ", "D"),
        ("èéêëēĕėęěẹẻẽếềểễệ", "e"),
        ("ÈÉÊËĒĔĖĘĚẸẺẼẾỀỂỄỆ", "E"),
        ("ĝğġģ", "g"),
        ("ĜĞĠĢ", "G"),
        ("ĥħ", "h"),
        ("ĤĦ", "H"),
        ("ìíîïĩīĭįıǐỉị", "i"),
        ("ÌÍÎÏĨĪĬĮİǏỈỊ", "I"),
        ("ĵ", "j"),
        ("Ĵ", "J"),
        ("ķ", "k"),
        ("Ķ", "K"),
        ("ĺļľŀł", "l"),
        ("ĹĻĽĿŁ", "L"),
        ("ñńņňŉ", "n"),
        ("ÑŃŅŇ", "N"),
        ("òóôõöøōŏőǒơọỏốồổỗộớờởỡợ", "o"),
        ("ÒÓÔÕÖØŌŎŐǑƠỌỎỐỒỔỖỘỚỜỞỠỢ", "O"),
        ("ŕŗř", "r"),
        ("ŔŖŘ", "R"),
        ("śŝşšș", "s"),
        ("ŚŜŞŠȘ", "S"),
        ("ţťŧț", "t"),
        ("ŢŤŦȚ", "T"),
        ("ùúûüũūŭůűųǔưụủứừửữự", "u"),
        ("ÙÚÛÜŨŪŬŮŰŲǓƯỤỦỨỪỬỮỰ", "U"),
        ("ŵ", "w"),
        ("Ŵ", "W"),
        ("ýÿŷỳỵỷỹ", "y"),
        ("ÝŸŶỲỴỶỸ", "Y"),
        ("źżž", "z"),
        ("ŹŻŽ", "Z"),
    ];
    match c {
        'ß' => return "ss".into(),
        'æ' | 'Æ' => return "ae".into(),
        'œ' | 'Œ' => return "oe".into(),
        'þ' | 'Þ' => return "th".into(),
        _ => {}
    }
    for (from, to) in TABLE {
        if from.contains(c) {
            return (*to).to_string();
        }
    }
    c.to_string()
}

const PLACE_KINDS: [&str; 4] = ["venue", "city", "region", "country"];
const ORG_KINDS: [&str; 8] = ["intergovernmental", "grouping", "government", "party", "news-agency", "media", "company", "other"];

/// Kinds for common Wikidata classes (P31 values).
fn kind_of_class(q: &str, t: ImportType) -> Option<&'static str> {
    match t {
        ImportType::Place => match q {
            "Q6256" | "Q3624078" | "Q7275" | "Q512187" => Some("country"),
            "Q515" | "Q5119" | "Q1549591" | "Q1637706" | "Q200250" | "Q1093829" | "Q7930989" | "Q3957" | "Q486972" | "Q15284" => Some("city"),
            "Q10864048" | "Q107390" | "Q35657" | "Q1615742" | "Q57362" | "Q82794" | "Q1221156" | "Q34876" | "Q5852411" => Some("region"),
            "Q41176" | "Q16560" | "Q1802963" | "Q13226383" | "Q483110" | "Q1248784" | "Q3918" | "Q1329623" => Some("venue"),
            _ => None,
        },
        ImportType::Organization => match q {
            "Q7278" => Some("party"),
            "Q4830453" | "Q783794" | "Q891723" | "Q6881511" => Some("company"),
            "Q1193236" => Some("news-agency"),
            "Q484652" | "Q245065" => Some("intergovernmental"),
            "Q327333" | "Q192350" | "Q2659904" | "Q35798" => Some("government"),
            "Q11032" | "Q1110794" | "Q1616075" | "Q15265344" | "Q1002697" | "Q14350" => Some("media"),
            _ => None,
        },
        ImportType::Person => None,
    }
}

/// Known names of the gazetteer, to resolve references given as names.
struct Lookup<'g> {
    g: &'g Gazetteer,
    /// (type, Q-id) → id.
    by_qid: HashMap<(EntityType, String), String>,
    /// (type, lower-cased name or alias) → id.
    by_name: HashMap<(EntityType, String), String>,
    /// Role names (English, lower case) → role id, longest first.
    role_names: Vec<(String, String)>,
}

impl<'g> Lookup<'g> {
    fn new(g: &'g Gazetteer) -> Lookup<'g> {
        let mut l = Lookup { g, by_qid: HashMap::new(), by_name: HashMap::new(), role_names: Vec::new() };
        for e in &g.entries {
            if let Some(q) = &e.wikidata {
                l.by_qid.entry((e.etype, q.clone())).or_insert_with(|| e.id.clone());
            }
            for n in e.full_names() {
                l.by_name.entry((e.etype, n.to_lowercase())).or_insert_with(|| e.id.clone());
            }
            if e.etype == EntityType::Role {
                for n in e.full_names().filter(|n| n.is_ascii()) {
                    l.role_names.push((n.to_lowercase(), e.id.clone()));
                }
            }
        }
        l.role_names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        l
    }

    /// A place or organization: an id, a name or a Q-id, in that type's list.
    fn find(&self, t: EntityType, r: &Ref) -> Option<String> {
        match r {
            Ref::Q(q) => self.by_qid.get(&(t, q.clone())).cloned(),
            Ref::Text(s) => {
                if self.g.get(t, s).is_some() {
                    return Some(s.clone());
                }
                self.by_name.get(&(t, s.to_lowercase())).cloned()
            }
        }
    }

    /// A role: a role id or name, else the longest role name inside a position label
    /// ("Minister of Foreign Affairs of Russia" → foreign-minister).
    fn role(&self, id_or_name: Option<&str>, label: Option<&str>) -> Option<String> {
        if let Some(s) = id_or_name {
            if self.g.get(EntityType::Role, s.trim()).is_some() {
                return Some(s.trim().to_string());
            }
            if let Some(id) = self.by_name.get(&(EntityType::Role, s.trim().to_lowercase())) {
                return Some(id.clone());
            }
            return None;
        }
        let label = label?.to_lowercase();
        let words = |i: usize, n: usize| {
            let before = label[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = label[i + n..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        };
        for (name, id) in &self.role_names {
            if label.match_indices(name.as_str()).any(|(i, _)| words(i, name.len())) {
                // A bank's governor is a central bank governor, not a province's.
                if id == "governor" && label.contains("bank") && self.g.get(EntityType::Role, "central-bank-governor").is_some() {
                    return Some("central-bank-governor".into());
                }
                return Some(id.clone());
            }
        }
        None
    }
}

/// Builds entries of type `t` from a result file's text. `known` is the gazetteer the
/// output must load next to (roles, countries and parents are resolved in it; items it
/// already lists by Q-id are left out with a warning).
pub fn import(path: &str, text: &str, t: ImportType, known: &Gazetteer) -> Result<Import> {
    let table = read_table(path, text)?;
    let cols: Vec<Col> = table.vars.iter().map(|v| classify(v)).collect();
    let Some(item_col) = cols.iter().position(|c| *c == Col::Item) else {
        return Err(Error::new(ErrorKind::Parse, format!("no ?item variable (found: {})", table.vars.join(", "))).at_path(path).at_line(1));
    };
    let mut out = Import::default();
    let ignored: Vec<&str> = table.vars.iter().zip(&cols).filter(|(_, c)| **c == Col::Ignored).map(|(v, _)| v.as_str()).collect();
    if !ignored.is_empty() {
        out.warnings.push(format!("{path}: variable(s) ignored: {}", ignored.join(", ")));
    }

    // Merge rows by item.
    let mut order: Vec<String> = Vec::new();
    let mut accs: HashMap<String, Acc> = HashMap::new();
    for row in &table.rows {
        let err = |m: String| match row.line {
            Some(l) => Error::parse(path, l, m),
            None => Error::new(ErrorKind::Parse, format!("{}: {m}", row.origin.trim_start_matches(&format!("{path}: ")))).at_path(path),
        };
        let Some(item) = &row.cells[item_col] else {
            return Err(err(format!("no value for ?{}", table.vars[item_col])));
        };
        let Some(q) = qid(&item.value) else {
            return Err(err(format!("?{} {:?} is not a Wikidata item (http://www.wikidata.org/entity/Q…)", table.vars[item_col], item.value)));
        };
        let acc = accs.entry(q.clone()).or_insert_with(|| {
            order.push(q.clone());
            Acc { qid: q.clone(), origin: row.origin.clone(), line: row.line, ..Acc::default() }
        });
        let mut role = RawRole { role: None, position: None, position_label: None, of: None, of_label: None, from: None, to: None, origin: row.origin.clone() };
        let mut parent: (Option<Ref>, Option<String>) = (None, None);
        for (cell, col) in row.cells.iter().zip(&cols) {
            let Some(c) = cell else { continue };
            let v = c.value.trim();
            if v.is_empty() {
                continue;
            }
            let lang = |l: Lang| if l == Lang::Tagged { tag_lang(c.lang.as_deref()) } else { l };
            match *col {
                Col::Item | Col::Ignored => {}
                Col::Name(l) => {
                    // The label service writes the Q-id when an item has no label.
                    if qid(v).is_some_and(|x| x == v) {
                        continue;
                    }
                    match lang(l) {
                        Lang::En | Lang::Tagged => push_unique(&mut acc.en, v),
                        Lang::Hans => push_unique(&mut acc.hans, v),
                        Lang::Hant => push_unique(&mut acc.hant, v),
                        Lang::Zh => push_unique(&mut acc.aliases, v),
                    }
                }
                Col::Alias(_) => v.split('|').for_each(|a| push_unique(&mut acc.aliases, a)),
                Col::AltLabel(_) => v.split(['|']).flat_map(|s| s.split(", ")).for_each(|a| push_unique(&mut acc.aliases, a)),
                Col::Short => v.split('|').for_each(|a| push_unique(&mut acc.short, a)),
                Col::Role => role.role = Some(v.to_string()),
                Col::Position => role.position = Some(as_ref(c)),
                Col::PositionLabel => role.position_label = Some(v.to_string()),
                Col::Start => role.from = day(v),
                Col::End => role.to = day(v),
                Col::Of => {
                    if t == ImportType::Person {
                        role.of = Some(as_ref(c));
                    } else {
                        parent.0.get_or_insert(as_ref(c));
                    }
                }
                Col::OfLabel => {
                    if t == ImportType::Person {
                        role.of_label = Some(v.to_string());
                    } else {
                        parent.1.get_or_insert(v.to_string());
                    }
                }
                Col::Kind => push_unique(&mut acc.kinds, &v.to_ascii_lowercase()),
                Col::Type => {
                    if let Some(q) = qid(v) {
                        push_unique(&mut acc.types, &q);
                    } else {
                        push_unique(&mut acc.kinds, &v.to_ascii_lowercase());
                    }
                }
                Col::Parent => parent.0 = Some(as_ref(c)),
                Col::ParentLabel => parent.1 = Some(v.to_string()),
                Col::Demonym => v.split('|').for_each(|a| push_unique(&mut acc.demonyms, a)),
            }
        }
        if t == ImportType::Person && (role.role.is_some() || role.position.is_some() || role.position_label.is_some()) && !acc.roles.contains(&role) {
            acc.roles.push(role);
        }
        if let (Some(r), l) = parent {
            let p = (r, l.unwrap_or_default());
            if !acc.parents.iter().any(|x| x.0 == p.0) {
                acc.parents.push(p);
            }
        }
    }

    // Leave out what the gazetteer lists; give ids.
    let et = t.entity_type();
    let lookup = Lookup::new(known);
    let mut items: Vec<&Acc> = Vec::new();
    for q in &order {
        let a = &accs[q];
        if let Some(id) = lookup.by_qid.get(&(et, q.clone())) {
            let origin = known.get(et, id).map(|e| e.origin.clone()).unwrap_or_default();
            out.warnings.push(format!("{}: {q} is already listed as {id:?} ({origin}): left out", a.origin));
            continue;
        }
        if a.en.is_empty() {
            out.warnings.push(format!("{}: {q} has no English label: left out", a.origin));
            continue;
        }
        items.push(a);
    }
    let base: Vec<String> = items.iter().map(|a| slug(&a.en[0])).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for b in &base {
        *count.entry(b.as_str()).or_default() += 1;
    }
    let ids: Vec<String> = items
        .iter()
        .zip(&base)
        .map(|(a, b)| {
            let q = a.qid.to_ascii_lowercase();
            if b.is_empty() {
                q
            } else if count[b.as_str()] > 1 || known.get(et, b).is_some() {
                format!("{b}-{q}")
            } else {
                b.clone()
            }
        })
        .collect();
    let own: HashMap<String, String> = items.iter().zip(&ids).map(|(a, id)| (a.qid.clone(), id.clone())).collect();

    let mut seen_ids = BTreeSet::new();
    for (a, id) in items.iter().zip(&ids) {
        if !seen_ids.insert(id.clone()) {
            return Err(Error::new(ErrorKind::Parse, format!("{}: id {id:?} would be given twice", a.origin)).at_path(path));
        }
        let en = a.en[0].clone();
        let zh_hans = a.hans.first().cloned();
        let zh_hant = a.hant.first().cloned();
        let mut aliases = Vec::new();
        for n in a.en.iter().skip(1).chain(a.hans.iter().skip(1)).chain(a.hant.iter().skip(1)).chain(&a.aliases) {
            if *n != en && Some(n) != zh_hans.as_ref() && Some(n) != zh_hant.as_ref() {
                push_unique(&mut aliases, n);
            }
        }
        let short: Vec<String> = a.short.iter().filter(|s| **s != en).cloned().collect();

        // Kind.
        let kind = match t {
            ImportType::Person => None,
            ImportType::Place | ImportType::Organization => {
                let allowed: &[&str] = if t == ImportType::Place { &PLACE_KINDS } else { &ORG_KINDS };
                let stated = a.kinds.iter().find(|k| allowed.contains(&k.as_str())).cloned();
                for k in a.kinds.iter().filter(|k| !allowed.contains(&k.as_str())) {
                    out.warnings.push(format!("{}: {}: kind {k:?} is not one of {}: ignored", a.origin, a.qid, allowed.join(", ")));
                }
                let from_class = || {
                    let ks: Vec<&str> = a.types.iter().filter_map(|q| kind_of_class(q, t)).collect();
                    allowed.iter().find(|k| ks.contains(k)).map(|k| k.to_string())
                };
                match (stated.or_else(from_class), t) {
                    (Some(k), _) => Some(k),
                    (None, ImportType::Organization) => Some("other".to_string()),
                    (None, _) => {
                        let at = a.line.map(|l| format!("{path}:{l}")).unwrap_or_else(|| a.origin.clone());
                        return Err(Error::new(
                            ErrorKind::Parse,
                            format!("{at}: {} ({en}): a place needs a kind: add ?kind (venue, city, region or country) or ?type (instance of) to the query", a.qid),
                        ));
                    }
                }
            }
        };

        // Parent: in the gazetteer (by Q-id, id or name) or in this import.
        let mut parent = None;
        if t != ImportType::Person {
            for (r, label) in &a.parents {
                let found = match r {
                    Ref::Q(q) => own.get(q).cloned().or_else(|| lookup.find(et, r)),
                    Ref::Text(_) => lookup.find(et, r),
                }
                .or_else(|| (!label.is_empty()).then(|| lookup.find(et, &Ref::Text(label.clone()))).flatten());
                match found {
                    Some(p) if p != *id => {
                        parent = Some(p);
                        break;
                    }
                    _ => out.warnings.push(format!("{}: {}: parent {} is not in the gazetteers: left out", a.origin, a.qid, show(r, label))),
                }
            }
        }

        // Roles.
        let mut roles: Vec<OutRole> = Vec::new();
        for r in &a.roles {
            let pos_label = r.position_label.clone().or_else(|| match &r.position {
                Some(Ref::Text(s)) => Some(s.clone()),
                _ => None,
            });
            let Some(role) = lookup.role(r.role.as_deref(), pos_label.as_deref()) else {
                let what = r.role.clone().or(pos_label).unwrap_or_else(|| match &r.position {
                    Some(Ref::Q(q)) => q.clone(),
                    _ => String::new(),
                });
                out.warnings.push(format!("{}: {}: role {what:?} matches no role in roles*.jsonl (give ?role): left out", r.origin, a.qid));
                continue;
            };
            let of = match &r.of {
                None => None,
                Some(x) => {
                    let found = lookup
                        .find(EntityType::Place, x)
                        .or_else(|| lookup.find(EntityType::Organization, x))
                        .or_else(|| r.of_label.as_ref().and_then(|l| lookup.find(EntityType::Place, &Ref::Text(l.clone())).or_else(|| lookup.find(EntityType::Organization, &Ref::Text(l.clone())))));
                    if found.is_none() {
                        out.warnings.push(format!("{}: {}: {} is not a place or organization of the gazetteers: role kept without \"of\"", r.origin, a.qid, show(x, r.of_label.as_deref().unwrap_or(""))));
                    }
                    found
                }
            };
            let (mut from, mut to) = (r.from.clone(), r.to.clone());
            if let (Some(f), Some(e)) = (&from, &to)
                && e < f
            {
                out.warnings.push(format!("{}: {}: role {role} ends ({e}) before it starts ({f}): dates left out", r.origin, a.qid));
                from = None;
                to = None;
            }
            let o = OutRole { role, of, from, to };
            if !roles.contains(&o) {
                roles.push(o);
            }
        }
        roles.sort();

        out.entries.push(OutEntry {
            id: id.clone(),
            kind,
            en,
            zh_hans,
            zh_hant,
            aliases,
            short,
            wikidata: a.qid.clone(),
            parent,
            demonyms: if t == ImportType::Place { a.demonyms.clone() } else { Vec::new() },
            roles: (t == ImportType::Person).then_some(roles),
        });
    }

    // The output must load next to `known`.
    let mut g = known.clone();
    let name = format!("{}-import.jsonl", t.file_prefix());
    g.add_file(&name, &out.to_jsonl(path))
        .and_then(|_| g.validate())
        .map_err(|e| Error::new(ErrorKind::Parse, format!("the imported entries do not load: {e}")).at_path(path))?;
    Ok(out)
}

fn show(r: &Ref, label: &str) -> String {
    let base = match r {
        Ref::Q(q) => q.clone(),
        Ref::Text(s) => format!("{s:?}"),
    };
    if label.is_empty() { base } else { format!("{base} ({label})") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Olaf Scholz"), "olaf-scholz");
        assert_eq!(slug("Péter Szijjártó"), "peter-szijjarto");
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("Lan Fo'an"), "lan-foan");
        assert_eq!(slug("Washington, D.C."), "washington-d-c");
        assert_eq!(slug("Ferdinand Marcos Jr."), "ferdinand-marcos-jr");
        assert_eq!(slug("Ærø Straße"), "aero-strasse");
        assert_eq!(slug("習近平"), "");
    }

    #[test]
    fn qids() {
        assert_eq!(qid("http://www.wikidata.org/entity/Q42").as_deref(), Some("Q42"));
        assert_eq!(qid("Q42").as_deref(), Some("Q42"));
        assert_eq!(qid("http://example.org/Q42"), None);
        assert_eq!(qid("Queen"), None);
    }

    #[test]
    fn columns() {
        assert_eq!(classify("item"), Col::Item);
        assert_eq!(classify("itemLabel"), Col::Name(Lang::Tagged));
        assert_eq!(classify("itemLabel_en"), Col::Name(Lang::En));
        assert_eq!(classify("en"), Col::Name(Lang::En));
        assert_eq!(classify("zh_hans"), Col::Name(Lang::Hans));
        assert_eq!(classify("zhHant"), Col::Name(Lang::Hant));
        assert_eq!(classify("label_zh_tw"), Col::Name(Lang::Hant));
        assert_eq!(classify("alias"), Col::Alias(Lang::Tagged));
        assert_eq!(classify("alias_zh"), Col::Alias(Lang::Zh));
        assert_eq!(classify("itemAltLabel"), Col::AltLabel(Lang::Tagged));
        assert_eq!(classify("positionLabel"), Col::PositionLabel);
        assert_eq!(classify("countryLabel"), Col::OfLabel);
        assert_eq!(classify("colour"), Col::Ignored);
    }

    #[test]
    fn csv_quotes_and_lines() {
        let t = read_csv("r.csv", "item,en\r\nhttp://www.wikidata.org/entity/Q1,\"Washington, D.C.\"\r\nQ2,\"say \"\"hi\"\"\nthere\"\nQ3,x\n").unwrap();
        assert_eq!(t.vars, vec!["item", "en"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].cells[1].as_ref().unwrap().value, "Washington, D.C.");
        assert_eq!(t.rows[1].cells[1].as_ref().unwrap().value, "say \"hi\"\nthere");
        assert_eq!(t.rows[2].line, Some(5));
        let e = read_csv("r.csv", "item,en\nQ1,\"open\n").unwrap_err();
        assert_eq!(e.to_string(), "r.csv:2: unterminated quoted field");
        let e = read_csv("r.csv", "item,en\nQ1,a,b\n").unwrap_err();
        assert_eq!(e.to_string(), "r.csv:2: 3 field(s), but the header has 2");
    }
}
