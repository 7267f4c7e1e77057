//! Gazetteers: the lists of known people, places, organizations and roles.
//!
//! Input: a directory of JSON Lines files (format in `gazetteers/README.md`); the file
//! name says the type: `people*.jsonl`, `places*.jsonl`, `organizations*.jsonl`,
//! `roles*.jsonl`. Output: a validated [`Gazetteer`].
//!
//! **Invariant**: a loaded gazetteer is consistent: ids are unique per type and every
//! `parent`, `of` and `role` reference resolves. Any malformed row is an [`Error`]
//! naming the file and line (and column for JSON syntax errors).

use crate::error::{Error, ErrorKind, Result};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// The base of every IRI summit mints.
pub const BASE_IRI: &str = "https://w3id.org/summit/";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Organization,
    Place,
    Role,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
            EntityType::Role => "Role",
        }
    }
    /// The IRI path segment for this type.
    pub fn segment(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "org",
            EntityType::Place => "place",
            EntityType::Role => "role",
        }
    }
}

/// How specific a place is; a higher rank is more specific.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    Country = 0,
    Region = 1,
    City = 2,
    Venue = 3,
}

/// A role someone held, with its dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleHeld {
    pub role: String,
    pub of: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl RoleHeld {
    /// Whether the role was held on `date` (unknown dates count as held).
    pub fn held_on(&self, date: Option<NaiveDate>) -> bool {
        let Some(d) = date else { return true };
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub etype: EntityType,
    pub en: String,
    pub zh_hans: Option<String>,
    pub zh_hant: Option<String>,
    /// Other names, always matched.
    pub aliases: Vec<String>,
    /// Short forms, matched only when unambiguous in a document.
    pub short: Vec<String>,
    pub wikidata: Option<String>,
    /// Organization or role kind, as written in the file.
    pub kind: Option<String>,
    pub place_kind: Option<PlaceKind>,
    pub parent: Option<String>,
    pub demonyms: Vec<String>,
    pub abbr: Option<String>,
    pub roles: Vec<RoleHeld>,
    /// Where it was defined: `file:line`.
    pub origin: String,
}

impl Entry {
    /// The entity's IRI: stable across runs and machines.
    pub fn iri(&self) -> String {
        format!("{BASE_IRI}{}/{}", self.etype.segment(), self.id)
    }
    /// Every name that is matched unconditionally.
    pub fn full_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.en.as_str())
            .chain(self.zh_hans.as_deref())
            .chain(self.zh_hant.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    en: String,
    #[serde(rename = "zh-Hans")]
    zh_hans: Option<String>,
    #[serde(rename = "zh-Hant")]
    zh_hant: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    short: Vec<String>,
    wikidata: Option<String>,
    kind: Option<String>,
    parent: Option<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    abbr: Option<String>,
    #[serde(default)]
    roles: Vec<RawRole>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    role: String,
    of: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// All entries, indexed by type and id.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    index: HashMap<(EntityType, String), usize>,
}

impl Gazetteer {
    /// Loads every gazetteer file of a directory (sorted by name, so the order is stable).
    pub fn load_dir(dir: &Path) -> Result<Gazetteer> {
        let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir.display().to_string(), &e))?;
        let mut files: Vec<_> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Error::new(ErrorKind::Usage, "no gazetteer files (*.jsonl) in this directory")
                .at_path(dir.display().to_string()));
        }
        let mut g = Gazetteer::default();
        for f in files {
            let text = std::fs::read(&f).map_err(|e| Error::io(f.display().to_string(), &e))?;
            let text = String::from_utf8(text).map_err(|e| {
                Error::new(ErrorKind::Encoding, "invalid UTF-8")
                    .at_path(f.display().to_string())
                    .at_offset(e.utf8_error().valid_up_to())
            })?;
            g.add_file(&f.display().to_string(), &text)?;
        }
        g.validate()?;
        Ok(g)
    }

    /// Builds the gazetteer from `(path, text)` pairs (the built-in pack), in their order.
    pub fn from_sources(sources: &[(String, String)]) -> Result<Gazetteer> {
        let mut g = Gazetteer::default();
        for (path, text) in sources {
            g.add_file(path, text)?;
        }
        g.validate()?;
        Ok(g)
    }

    /// Parses one file's text; `path` names it in errors and says the type.
    pub fn add_file(&mut self, path: &str, text: &str) -> Result<()> {
        let name = Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path);
        let etype = if name.starts_with("people") {
            EntityType::Person
        } else if name.starts_with("places") {
            EntityType::Place
        } else if name.starts_with("organizations") {
            EntityType::Organization
        } else if name.starts_with("roles") {
            EntityType::Role
        } else {
            return Err(Error::new(
                ErrorKind::Parse,
                "unknown gazetteer file: the name must start with people, places, organizations or roles",
            )
            .at_path(path));
        };
        for (i, line) in text.lines().enumerate() {
            let lineno = i + 1;
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let raw: RawEntry = serde_json::from_str(t).map_err(|e| {
                Error::parse(path, lineno, format!("malformed entry: {e}")).at_column(e.column())
            })?;
            let entry = convert(raw, etype, path, lineno)?;
            let key = (etype, entry.id.clone());
            if let Some(&prev) = self.index.get(&key) {
                return Err(Error::parse(
                    path,
                    lineno,
                    format!("duplicate id {:?} (first defined at {})", entry.id, self.entries[prev].origin),
                ));
            }
            self.index.insert(key, self.entries.len());
            self.entries.push(entry);
        }
        Ok(())
    }

    /// Checks that every reference resolves.
    pub fn validate(&self) -> Result<()> {
        for e in &self.entries {
            let (path, line) = split_origin(&e.origin);
            if let Some(p) = &e.parent {
                let t = if e.etype == EntityType::Person || e.etype == EntityType::Role { None } else { Some(e.etype) };
                if t.is_none_or(|t| self.get(t, p).is_none()) {
                    return Err(Error::parse(path, line, format!("{}: parent {p:?} is not defined", e.id)));
                }
            }
            for r in &e.roles {
                if self.get(EntityType::Role, &r.role).is_none() {
                    return Err(Error::parse(path, line, format!("{}: role {:?} is not defined in roles*.jsonl", e.id, r.role)));
                }
                if let Some(of) = &r.of
                    && self.get(EntityType::Place, of).is_none()
                    && self.get(EntityType::Organization, of).is_none()
                {
                    return Err(Error::parse(path, line, format!("{}: role of {of:?}: no such place or organization", e.id)));
                }
            }
        }
        Ok(())
    }

    pub fn get(&self, etype: EntityType, id: &str) -> Option<&Entry> {
        self.index.get(&(etype, id.to_string())).map(|&i| &self.entries[i])
    }

    /// The index in `entries` of the entry of that type and id.
    pub fn index_of(&self, etype: EntityType, id: &str) -> Option<usize> {
        self.index.get(&(etype, id.to_string())).copied()
    }

    /// The entry at an index of `entries`.
    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether place `inner` lies inside place `outer` (or is it).
    pub fn place_within(&self, inner: &str, outer: &str) -> bool {
        let mut cur = Some(inner.to_string());
        let mut steps = 0;
        while let Some(id) = cur {
            if id == outer {
                return true;
            }
            steps += 1;
            if steps > 16 {
                return false;
            }
            cur = self.get(EntityType::Place, &id).and_then(|e| e.parent.clone());
        }
        false
    }
}

fn split_origin(origin: &str) -> (&str, usize) {
    match origin.rsplit_once(':') {
        Some((p, l)) => (p, l.parse().unwrap_or(0)),
        None => (origin, 0),
    }
}

fn convert(raw: RawEntry, etype: EntityType, path: &str, line: usize) -> Result<Entry> {
    let err = |m: String| Error::parse(path, line, m);
    if raw.id.is_empty() || !raw.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(err(format!("id {:?} must be lowercase ASCII letters, digits and hyphens", raw.id)));
    }
    if raw.en.trim().is_empty() {
        return Err(err(format!("{}: empty \"en\" name", raw.id)));
    }
    // It becomes part of an IRI (`wd:Q42`): nothing else may get in.
    if let Some(q) = &raw.wikidata
        && !(q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(err(format!("{}: wikidata {q:?} must be a Wikidata item id like \"Q42\"", raw.id)));
    }
    for n in raw.aliases.iter().chain(&raw.short).chain(raw.zh_hans.iter()).chain(raw.zh_hant.iter()) {
        if n.trim().is_empty() {
            return Err(err(format!("{}: empty name in the entry", raw.id)));
        }
    }
    let place_kind = match (etype, raw.kind.as_deref()) {
        (EntityType::Place, Some("venue")) => Some(PlaceKind::Venue),
        (EntityType::Place, Some("city")) => Some(PlaceKind::City),
        (EntityType::Place, Some("region")) => Some(PlaceKind::Region),
        (EntityType::Place, Some("country")) => Some(PlaceKind::Country),
        (EntityType::Place, k) => {
            return Err(err(format!("{}: place kind must be venue, city, region or country, not {k:?}", raw.id)));
        }
        _ => None,
    };
    if etype != EntityType::Person && !raw.roles.is_empty() {
        return Err(err(format!("{}: only people have roles", raw.id)));
    }
    let date = |s: &Option<String>, what: &str| -> Result<Option<NaiveDate>> {
        match s {
            None => Ok(None),
            Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| err(format!("{}: {what} date {s:?} is not YYYY-MM-DD", raw.id))),
        }
    };
    let mut roles = Vec::new();
    for r in &raw.roles {
        let from = date(&r.from, "from")?;
        let to = date(&r.to, "to")?;
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            return Err(err(format!("{}: role {} ends before it starts", raw.id, r.role)));
        }
        roles.push(RoleHeld { role: r.role.clone(), of: r.of.clone(), from, to });
    }
    Ok(Entry {
        id: raw.id,
        etype,
        en: raw.en,
        zh_hans: raw.zh_hans,
        zh_hant: raw.zh_hant,
        aliases: raw.aliases,
        short: raw.short,
        wikidata: raw.wikidata,
        kind: raw.kind,
        place_kind,
        parent: raw.parent,
        demonyms: raw.demonyms,
        abbr: raw.abbr,
        roles,
        origin: format!("{path}:{line}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(files: &[(&str, &str)]) -> Result<Gazetteer> {
        let mut g = Gazetteer::default();
        for (p, t) in files {
            g.add_file(p, t)?;
        }
        g.validate()?;
        Ok(g)
    }

    const ROLES: &str = r#"{"id":"foreign-minister","en":"Foreign Minister","zh-Hans":"外交部长","aliases":["外长"]}"#;
    const PLACES: &str = "# countries\n{\"id\":\"russia\",\"kind\":\"country\",\"en\":\"Russia\",\"zh-Hans\":\"俄罗斯\",\"demonyms\":[\"Russian\"],\"abbr\":\"俄\"}\n\n{\"id\":\"moscow\",\"kind\":\"city\",\"en\":\"Moscow\",\"parent\":\"russia\"}";

    #[test]
    fn loads_entries_with_roles_and_parents() {
        let people = r#"{"id":"sergey-lavrov","en":"Sergey Lavrov","zh-Hans":"拉夫罗夫","short":["Lavrov"],"roles":[{"role":"foreign-minister","of":"russia","from":"2004-03-09","to":null}]}"#;
        let g = load(&[("g/roles.jsonl", ROLES), ("g/places.jsonl", PLACES), ("g/people.jsonl", people)]).unwrap();
        let l = g.get(EntityType::Person, "sergey-lavrov").unwrap();
        assert_eq!(l.iri(), "https://w3id.org/summit/person/sergey-lavrov");
        assert!(l.roles[0].held_on(NaiveDate::from_ymd_opt(2024, 4, 9)));
        assert!(!l.roles[0].held_on(NaiveDate::from_ymd_opt(2000, 1, 1)));
        assert_eq!(g.get(EntityType::Place, "moscow").unwrap().place_kind, Some(PlaceKind::City));
        assert!(g.place_within("moscow", "russia"));
        assert!(!g.place_within("russia", "moscow"));
        assert_eq!(l.origin, "g/people.jsonl:1");
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let bad = "{\"id\":\"a\",\"en\":\"A\"}\n{\"id\":\"b\" \"en\":\"B\"}\n";
        let e = load(&[("g/organizations.jsonl", bad)]).unwrap_err();
        assert!(e.to_string().starts_with("g/organizations.jsonl:2:"), "{e}");

        let e = load(&[("g/organizations.jsonl", "{\"id\":\"a\"}")]).unwrap_err();
        assert!(e.to_string().contains("g/organizations.jsonl:1:") && e.to_string().contains("en"), "{e}");

        let e = load(&[("g/organizations.jsonl", "{\"id\":\"A B\",\"en\":\"x\"}")]).unwrap_err();
        assert!(e.to_string().contains("lowercase"), "{e}");

        let e = load(&[("g/organizations.jsonl", "{\"id\":\"a\",\"en\":\"x\",\"colour\":1}")]).unwrap_err();
        assert!(e.to_string().contains("unknown field"), "{e}");

        let dup = "{\"id\":\"a\",\"en\":\"A\"}\n{\"id\":\"a\",\"en\":\"B\"}";
        let e = load(&[("g/organizations.jsonl", dup)]).unwrap_err();
        assert_eq!(e.to_string(), "g/organizations.jsonl:2: duplicate id \"a\" (first defined at g/organizations.jsonl:1)");
    }

    #[test]
    fn dangling_references_and_bad_dates_are_errors() {
        let e = load(&[("g/places.jsonl", "{\"id\":\"kazan\",\"kind\":\"city\",\"en\":\"Kazan\",\"parent\":\"tatarstan\"}")]).unwrap_err();
        assert!(e.to_string().contains("g/places.jsonl:1:") && e.to_string().contains("tatarstan"), "{e}");
        let people = r#"{"id":"x","en":"X","roles":[{"role":"foreign-minister","from":"2004-13-01"}]}"#;
        let e = load(&[("g/roles.jsonl", ROLES), ("g/people.jsonl", people)]).unwrap_err();
        assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
        let people = r#"{"id":"x","en":"X","roles":[{"role":"king"}]}"#;
        let e = load(&[("g/roles.jsonl", ROLES), ("g/people.jsonl", people)]).unwrap_err();
        assert!(e.to_string().contains("\"king\""), "{e}");
        let e = load(&[("g/places.jsonl", "{\"id\":\"x\",\"en\":\"X\",\"kind\":\"planet\"}")]).unwrap_err();
        assert!(e.to_string().contains("planet"), "{e}");
    }
}
