//! Extraction: one document in, entities and meetings out, every fact with evidence.
//!
//! Input: a [`Document`] and the loaded [`Pipeline`] (gazetteers + rules).
//! Output: an [`Extraction`]: entities with every mention, and meetings with
//! participants, attendees, place, date and the evidence sentences with their rules.
//!
//! The stages, in order (`Page::build` runs them), one module each:
//! 1. **Page** (`aids`, `page`): pinyin set after each character (會(huì)見) is taken out,
//!    the offset map kept; lines are sorted into articles (a publication-date line starts
//!    one and dates it) and zones: navigation and "related articles" lists are inactive,
//!    so nothing is extracted from them. Time expressions per line (`sentences`).
//! 2. **Mentions**: gazetteer hits ([`crate::matching`]) and people after a title
//!    (`people`, `split_titles`, `title_names`: 外长拉夫罗夫, "Foreign Minister Sergey Lavrov"); names no list knows in
//!    meeting slots (`slots`, `slots_en`, `slots_zh`), bylines, repeats, pronouns
//!    (`open_names`), short references (`short_names`), the segmenter's names
//!    (`segment`), Chinese names by context (`zh_names`), English names by shape
//!    (`en_names`) and by context (`en_context_names`); the page's mentions are kept in
//!    `mentions`.
//! 3. **Sentences** (`sentences`): the one splitter, shared with `summit eval`.
//! 4. **People and roles** (`delegations`, `roles`, `holders`, `guests`): delegations
//!    and their leaders (the last mentions added: the mentions are frozen after), titles
//!    attached to people, guests received as the visitor a sentence before names, and
//!    the items (people as participants) the rules read; pronouns, pair phrases and
//!    counterparts resolved by the sentences of stage 3.
//! 5. **Meetings** (`meetings`, `shapes`, `groups`, `gaps`, `appositions`, `status`,
//!    `status_en`, `headlines`): each trigger of [`crate::rules`] is
//!    read in its sentence with the rule's shape; attendance rules add people present;
//!    blockers cancel; held, planned or no meeting.
//! 6. **Resolve** (`resolve`, `places`): one meeting per document however often the page
//!    repeats it, its time, the most specific place.
//! 7. **Assemble** (`assemble`, `ids`): entities and events with original offsets, dates
//!    against the article's date, ids from data.
//!
//! Each stage returns its output to `Page::build`, which hands it on once (`stage`): a
//! stage reads only what earlier stages returned, and reading a later one's panics.
//! The lexicon's lists are read once per [`Pipeline`] into the forms the stages use
//! (`lists`).
//!
//! **Invariant**: every reported span is in code points of `Document::original` and its
//! `text` is exactly that slice; every fact names the rule or list that produced it.

use crate::dates::{self, DateValue, PartialDate, TimeExpr};
use crate::document::Document;
use crate::gazetteer::{BASE_IRI, EntityType, Gazetteer, PlaceKind};
use crate::lexicon::{CharSet, Lexicon};
use crate::matching::{Matcher, Names, Target, is_word_char};
use crate::normalise::{is_han, normalise};
use crate::rules::{Host, Lang, RuleKind, RuleSet, Shape, TriggerHit};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

mod abbreviations;
mod aids;
mod appositions;
mod assemble;
mod delegations;
mod en_context_names;
mod en_names;
mod gaps;
mod groups;
mod guests;
mod headlines;
mod holders;
mod ids;
mod leaders;
mod lists;
mod meetings;
mod meetings_en;
mod mentions;
mod offices;
mod open_names;
mod page;
mod people;
mod places;
mod pronouns;
mod resolve;
mod roles;
mod segment;
mod segmented;
mod tokenized;
mod vertical;
mod shapes;
pub mod sentences;
mod short_names;
mod slots;
mod slots_en;
mod slots_zh;
mod speakers;
mod split_titles;
mod stage;
mod status;
mod status_en;
mod title_names;
mod zh_names;

pub use ids::{meeting_key, slug};
use lists::{Cue, Lists};

/// Gazetteers, their automaton and the rules: built once, used for every document.
pub struct Pipeline {
    pub gazetteer: Gazetteer,
    pub rules: RuleSet,
    matcher: Matcher,
    /// Per gazetteer entry, the rule its mentions are made by (`gazetteer:{file stem}`),
    /// the same for its short forms (`…#short`), and its IRI.
    entry_rules: Vec<Arc<str>>,
    short_rules: Vec<Arc<str>>,
    entry_iris: Vec<String>,
    /// Per rule (index into `rules.rules`), its id, shared by the evidence it makes.
    rule_ids: Vec<Arc<str>>,
    /// role id → country id → (entry, index into its `roles`) for every term an entry
    /// held that role for that country.
    role_holders: HashMap<String, HashMap<String, Vec<(usize, usize)>>>,
    /// Role kind (head-of-state, minister…) → the role entries of that kind someone held,
    /// in gazetteer order: the titles of a kind are looked up here, not searched for.
    roles_by_kind: HashMap<String, Vec<usize>>,
    /// The last part of each listed person's dotted Chinese names (克林顿 of 比尔·克林顿),
    /// normalised → those people: a title's holder named by it (美国总统克林顿).
    zh_name_tails: HashMap<String, Vec<usize>>,
    /// One-character country abbreviations (俄, 美) → the first entry that has it.
    abbrs: HashMap<char, usize>,
    /// Role entry → the role entries its holder's counterpart abroad may hold: itself
    /// first, then those of `counterpart-roles` (ids the gazetteer lacks are left out).
    counterpart_roles: HashMap<usize, Vec<usize>>,
    /// The word lists (`lexicon/`), and those read per character compiled for it.
    pub lexicon: Lexicon,
    names: Names,
    lists: Lists,
    /// The Chinese word segmenter that proposes person names ([`segment`]).
    segmenter: segment::Segmenter,
    /// The date grammar compiled with the lexicon's date tables.
    pub dates: dates::DateGrammar,
    /// The sentence splitter (extract and eval share it).
    pub sentences: sentences::Splitter,
}

/// Per-run settings.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The date text is read against when the document gives none (`--date`).
    pub date: Option<NaiveDate>,
    /// Today, for years inferred without any article date.
    pub today: NaiveDate,
}

impl Default for Options {
    fn default() -> Options {
        Options { date: None, today: chrono::Local::now().date_naive() }
    }
}

/// Who an entity is: a gazetteer entry, or a name no list knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKey {
    Known(usize),
    Open(EntityType, String),
    /// A person named only by office: role entry, country (or organization) entry
    /// (巴西央行行长, "the Russian foreign minister") when no holder is known.
    Holder(usize, usize),
}

/// A span of the original text and the rule or list behind it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Shared: every mention a rule makes names it (no string per mention).
    pub rule: Arc<str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    /// The gazetteer entry (index into `Gazetteer::entries`), for known entities.
    pub entry: Option<usize>,
    pub etype: EntityType,
    pub name: String,
    /// Language tag (en, zh-Hans, zh-Hant) → name.
    pub names: BTreeMap<&'static str, String>,
    pub mentions: Vec<Span>,
}

/// A reference from an event to an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub id: String,
    pub name: String,
    pub etype: EntityType,
    pub mention: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub participants: Vec<Ref>,
    pub attendees: Vec<Ref>,
    pub place: Option<Ref>,
    pub date: Option<String>,
    pub date_text: Option<String>,
    /// Reported as planned ("will meet"), not as held.
    pub planned: bool,
    /// The text says who received whom: `participants[0]` is the host.
    pub host_known: bool,
    pub evidence: Vec<Span>,
}

/// What one document yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extraction {
    pub doc: String,
    pub url: Option<String>,
    pub events: Vec<Event>,
    pub entities: Vec<Entity>,
    /// Limits met while reading the document (not part of the JSON Lines output): the
    /// binary reports them on stderr, naming the document.
    pub notes: Vec<String>,
}

impl Pipeline {
    pub fn new(gazetteer: Gazetteer, rules: RuleSet) -> Pipeline {
        let lexicon = Lexicon::from_sources(&crate::pack::lexicon_sources()).expect("the built-in lexicon loads (tested)");
        Pipeline::with_lexicon(gazetteer, rules, lexicon)
    }

    /// A pipeline with a lexicon of one's own.
    pub fn with_lexicon(gazetteer: Gazetteer, rules: RuleSet, lexicon: Lexicon) -> Pipeline {
        let matcher = Matcher::new(&gazetteer);
        let entry_rules: Vec<Arc<str>> =
            gazetteer.entries.iter().map(|e| Arc::from(format!("gazetteer:{}", ids::file_stem(&e.origin)))).collect();
        let short_rules = entry_rules.iter().map(|r| Arc::from(format!("{r}#short"))).collect();
        let entry_iris = gazetteer.entries.iter().map(|e| e.iri()).collect();
        let rule_ids = rules.rules.iter().map(|r| Arc::from(r.id.as_str())).collect();
        let mut role_holders: HashMap<String, HashMap<String, Vec<(usize, usize)>>> = HashMap::new();
        let mut abbrs = HashMap::new();
        let mut roles_by_kind: HashMap<String, Vec<usize>> = HashMap::new();
        let mut zh_name_tails: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in gazetteer.entries.iter().enumerate() {
            if e.etype == EntityType::Person && !e.roles.is_empty() {
                let names = e.zh_hans.iter().chain(e.zh_hant.iter()).chain(e.aliases.iter());
                for tail in names.filter_map(|n| normalise(n).rsplit_once('·').map(|(_, t)| t.to_string())) {
                    let v = zh_name_tails.entry(tail).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
            for (k, r) in e.roles.iter().enumerate() {
                if let Some(of) = &r.of {
                    role_holders.entry(r.role.clone()).or_default().entry(of.clone()).or_default().push((i, k));
                }
            }
            let mut cs = e.abbr.as_deref().unwrap_or("").chars();
            if let (Some(c), None) = (cs.next(), cs.next()) {
                abbrs.entry(c).or_insert(i);
            }
        }
        let mut counterpart_roles: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, e) in gazetteer.entries.iter().enumerate().filter(|(_, e)| e.etype == EntityType::Role) {
            let mapped = lexicon.pairs("counterpart-roles").filter(|(a, _)| *a == e.id.as_str());
            let mut v = vec![i];
            v.extend(mapped.filter_map(|(_, b)| gazetteer.index_of(EntityType::Role, b)));
            counterpart_roles.insert(i, v);
        }
        for (i, e) in gazetteer.entries.iter().enumerate() {
            if e.etype == EntityType::Role
                && role_holders.contains_key(&e.id)
                && let Some(kind) = &e.kind
            {
                roles_by_kind.entry(kind.clone()).or_default().push(i);
            }
        }
        let names = Names::new(&lexicon);
        let lists = Lists::new(&lexicon);
        let dates = dates::DateGrammar::new(&lexicon);
        let sentences = sentences::Splitter::new(&lexicon);
        Pipeline {
            gazetteer,
            rules,
            matcher,
            entry_rules,
            short_rules,
            entry_iris,
            rule_ids,
            role_holders,
            roles_by_kind,
            zh_name_tails,
            abbrs,
            counterpart_roles,
            lexicon,
            names,
            lists,
            segmenter: segment::Segmenter::new(),
            dates,
            sentences,
        }
    }

    /// Loads gazetteers and rules from their directories (the built-in lexicon).
    pub fn load(gazetteers: &Path, rules: &Path) -> crate::Result<Pipeline> {
        Ok(Pipeline::new(Gazetteer::load_dir(gazetteers)?, RuleSet::load_dir(rules)?))
    }

    /// The pack: each part from its directory when one is given, else built in
    /// ([`crate::pack`]).
    pub fn from_pack(gazetteers: Option<&Path>, rules: Option<&Path>, lexicon: Option<&Path>) -> crate::Result<Pipeline> {
        let g = crate::pack::gazetteer(gazetteers)?;
        let r = match rules {
            Some(d) => RuleSet::load_dir(d)?,
            None => RuleSet::from_sources(&crate::pack::rule_sources())?,
        };
        let l = match lexicon {
            Some(d) => Lexicon::load_dir(d)?,
            None => Lexicon::from_sources(&crate::pack::lexicon_sources())?,
        };
        Ok(Pipeline::with_lexicon(g, r, l))
    }

    /// Extracts entities and meetings from one document.
    pub fn extract(&self, doc: &Document, opts: &Options) -> Extraction {
        // Pinyin set after each character (會(huì)見) is read as absent ([`aids`]).
        let plain = aids::strip(doc, &self.lists.pinyin_vowels);
        let plain_doc = plain.as_ref().unwrap_or(doc);
        // One word per line (Foreign / Minister / Anders / Vik) is read as sentences ([`vertical`]).
        let vertical = vertical::join(plain_doc);
        let plain_doc = vertical.as_ref().unwrap_or(plain_doc);
        // Tokenised English (Norway 's minister , Ilse Marr ,) is read without a tokeniser's
        // spaces ([`tokenized`]).
        let detok = tokenized::join(plain_doc);
        let plain_doc = detok.as_ref().unwrap_or(plain_doc);
        // Word-segmented Chinese (国家 主席 江 泽民) is read without its spaces ([`segmented`]).
        let joined = segmented::join(plain_doc);
        let page = Page::build(self, joined.as_ref().unwrap_or(plain_doc), opts);
        page.finish()
    }
}

// ---------------------------------------------------------------------------------
// The page and what the stages hand on to each other

/// The longest sentence read as one (in characters); longer ones are read in pieces.
/// Real news sentences stay under 500 (the longest in our real-news dev set: 402).
pub const MAX_SENTENCE: usize = 1000;

/// A line of the page (stage page).
#[derive(Debug, Clone)]
struct Line {
    start: usize,
    end: usize,
    section: usize,
    active: bool,
    /// A publication-date line: its dates are not event dates.
    dated: bool,
}

/// An article of the page, with the date its text is read against (stage page).
#[derive(Debug, Clone)]
struct Section {
    anchor: Option<NaiveDate>,
}

/// What a mention is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mk {
    Ent(EntityKey, EntityType),
    Demonym(usize),
    /// A one-character country abbreviation before a title (俄总理).
    Abbr(usize),
    Pronoun,
    /// "the royal couple", "the couple": the two people last named together.
    Couple,
    /// "the two leaders", 两国元首, 两人 (`pair-phrases`: 2), "the three foreign
    /// ministers", 三国外长 (`trio-phrases`: 3): the last n people of the last sentence
    /// that named n or more.
    Group(usize),
}

/// Notes that `key` was seen with `value`: the map keeps the value while every sighting
/// agrees, and `None` once two disagree (an office, a delegation, a word the page gives
/// to two people stands for no one).
fn note_sole<K: Ord, V: PartialEq>(map: &mut BTreeMap<K, Option<V>>, key: K, value: V) {
    match map.entry(key) {
        std::collections::btree_map::Entry::Vacant(e) => {
            e.insert(Some(value));
        }
        std::collections::btree_map::Entry::Occupied(mut e) => {
            if e.get().as_ref() != Some(&value) {
                e.insert(None);
            }
        }
    }
}

/// A mention: a span of the normalised text, what it is and the rule that found it.
#[derive(Debug, Clone)]
struct M {
    start: usize,
    end: usize,
    kind: Mk,
    rule: Arc<str>,
}

/// A person as a meeting participant: where it stands and who it is.
#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    key: EntityKey,
}

/// A meeting as one rule read it in one sentence (stage meetings → resolve).
#[derive(Debug, Clone)]
struct Candidate {
    participants: Vec<Item>,
    host_known: bool,
    rule: usize,
    sentence: (usize, usize),
    trigger: (usize, usize),
    section: usize,
    latin: bool,
    time: Option<TimeExpr>,
    place: Option<(usize, usize, usize)>, // (mention start, end, gazetteer entry)
    planned: bool,
    /// Planned only because the text gives a time for a meeting it wonders about.
    wondered: bool,
    /// After an `en-ahead` marker ("arrived ahead of talks with"): no lead time.
    ahead: bool,
    /// Read by a `separately` rule ("met separately with A and B"): one meeting per
    /// person, which no meeting of more people takes in.
    separately: bool,
}

/// A meeting of the document: candidates merged (stage resolve → assemble).
struct Meeting {
    participants: Vec<Item>,
    attendees: Vec<Item>,
    host_known: bool,
    evidence: Vec<(usize, usize, usize)>, // sentence span + rule index
    explicit: Vec<TimeExpr>,
    hints: Vec<TimeExpr>,
    section: usize,
    day: Option<DateValue>,
    places: Vec<(usize, usize, usize)>,
    planned: bool,
}

/// One document as the stages hand it on. `Page::build` runs the stages in order; each
/// returns its output, which `build` sets once ([`stage::Staged`]): `lines` and
/// `sections` (page), `times` and `sentences` (sentences), `groups` (delegations),
/// `roles_at` and `items` (roles), `meetings` (meetings, resolve). The mention stage
/// alone grows its output in place (`mentions`, [`stage::Growing`]), frozen before the
/// stages that keep indices into it.
struct Page<'a> {
    p: &'a Pipeline,
    doc: &'a Document,
    opts: &'a Options,
    chars: Vec<char>,
    /// `doc.original`'s chars when it differs from `doc.text` (HTML), for span texts.
    original: Vec<char>,
    norm: Vec<char>,
    /// Whether the text holds a Han character (the Chinese name readers run only then).
    has_han: bool,
    norm_str: String,
    /// Byte offset in `norm_str` of each char of `norm`, and of its end (len + 1 entries).
    norm_bytes: Vec<usize>,
    /// The rule triggers in `norm_str`, found once (several stages read them).
    /// Grown by the pair abbreviations (a mention-stage finder), frozen with the mentions.
    triggers: stage::Growing<std::rc::Rc<[TriggerHit<'a>]>>,
    /// Triggers only rules of the `abbreviation` shape read (会): kept out of `triggers`
    /// until the pair abbreviations are found, so no stage before takes a 会 for a verb.
    abbreviation_triggers: Vec<TriggerHit<'a>>,
    lines: stage::Staged<Vec<Line>>,
    sections: stage::Staged<Vec<Section>>,
    mentions: stage::Growing<mentions::Mentions>,
    /// Roles seen next to a person mention: mention index → (role entry, country entry).
    /// Person mentions with a title and its country next to them, by (role, country):
    /// mention indices in text order.
    roles_at: stage::Staged<HashMap<(usize, usize), Vec<usize>>>,
    items: stage::Staged<Vec<Item>>,
    /// Delegations named as participants (美国国会议员代表团, "a delegation from ...").
    groups: stage::Staged<Vec<(usize, usize, String)>>,
    times: stage::Staged<Vec<TimeExpr>>,
    sentences: stage::Staged<Vec<(usize, usize, usize)>>, // start, end, line
    meetings: stage::Staged<Vec<Meeting>>,
    /// Capitalised words seen mid-sentence ([`Page::en_single_name_ok`]), built on first use.
    mid_caps: std::cell::OnceCell<std::collections::HashSet<String>>,
    /// Where the first word of `en-call-words` ends, if any (built on first use): a talk
    /// trigger whose sentence ends after it is the call's.
    first_call: std::cell::OnceCell<Option<usize>>,
    /// What the reader of the output should know (a sentence read in pieces).
    notes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` extracted by the repository's pipeline (built once), read on `date`.
    pub(super) fn extract_on(text: &str, date: (i32, u32, u32)) -> Extraction {
        static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
        let p = P.get_or_init(|| {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
            Pipeline::load(&root.join("gazetteers"), &root.join("rules")).expect("repo data loads")
        });
        let mut doc = Document::plain("t", "t", text);
        doc.date = NaiveDate::from_ymd_opt(date.0, date.1, date.2);
        p.extract(&doc, &Options::default())
    }

    /// Asserts that every span of `x` (evidence and mentions) has exactly its slice of
    /// `text` as its text (the contract's offsets).
    pub(super) fn assert_spans_are_slices(text: &str, x: &Extraction) {
        let slice = |s: usize, e: usize| text.chars().skip(s).take(e - s).collect::<String>();
        for ev in x.events.iter().flat_map(|e| &e.evidence) {
            assert_eq!(slice(ev.start, ev.end), ev.text);
        }
        for m in x.entities.iter().flat_map(|e| &e.mentions) {
            assert_eq!(slice(m.start, m.end), m.text);
        }
    }

    /// The participants' names of each meeting of `text` read on `date`.
    pub(super) fn meetings_on(text: &str, date: (i32, u32, u32)) -> Vec<Vec<String>> {
        let x = extract_on(text, date);
        x.events.iter().map(|e| e.participants.iter().map(|p| p.name.clone()).collect()).collect()
    }

    #[test]
    fn evidence_sentences_start_at_their_first_character() {
        let x = extract_on("Xi Jinping arrived in Beijing on Monday. Xi Jinping met with Joe Biden in Beijing on Monday.", (2024, 1, 10));
        let ev = &x.events[0].evidence[0];
        assert_eq!(ev.text, "Xi Jinping met with Joe Biden in Beijing on Monday.");
        assert_eq!(ev.start, 41);
    }
}
