//! Extraction: one document in, entities and meetings out, every fact with evidence.
//!
//! Input: a [`Document`] and the loaded [`Pipeline`] (gazetteers + rules).
//! Output: an [`Extraction`]: entities with every mention, and meetings with
//! participants, attendees, place, date and the evidence sentences with their rules.
//!
//! The stages, in order:
//! 1. **Page**: lines are sorted into articles (a publication-date line starts one and
//!    dates it) and zones: navigation and "related articles" lists are inactive, so
//!    nothing is extracted from them.
//! 2. **Mentions**: gazetteer hits ([`crate::matching`]), then open-world people found
//!    by a title before a name (外长拉夫罗夫, "Foreign Minister Sergey Lavrov"), bylines,
//!    repeats of those names, short forms confirmed by a full name, pronouns.
//! 3. **Meetings**: each trigger of [`crate::rules`] is read in its sentence with the
//!    rule's shape; attendance rules add people present; blockers cancel.
//! 4. **Resolve**: dates against the article's date, the most specific place, and one
//!    meeting per document however often the page repeats it.
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

mod en_names;
mod mentions;
mod segment;
mod slots;
mod status;

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
    /// One-character country abbreviations (俄, 美) → the first entry that has it.
    abbrs: HashMap<char, usize>,
    /// The word lists (`lexicon/`), and those read per character compiled for it.
    pub lexicon: Lexicon,
    names: Names,
    lists: Lists,
    /// The Chinese word segmenter that proposes person names ([`segment`]).
    segmenter: segment::Segmenter,
    /// The date grammar compiled with the lexicon's date tables.
    pub dates: dates::DateGrammar,
}

/// Lists of the lexicon the stages read, in the form they read them.
struct Lists {
    /// Related-articles headings squeezed ([`squeeze`]), with their lengths in chars.
    related: Vec<(String, usize)>,
    building_after_title: CharSet,
    en_body: Vec<String>,
    byline_keys: Vec<String>,
    byline_function: CharSet,
    delegation_suffixes: Vec<String>,
    led_by: Vec<String>,
    zh_locatives: Vec<String>,
    en_locatives: Vec<String>,
    zh_clause_lead: Vec<String>,
    zh_object_modifiers: Vec<String>,
    zh_with: CharSet,
    zh_list_marks: CharSet,
    zh_after_name: Vec<String>,
    en_not_single_names: Vec<String>,
    zh_uncertain: Vec<String>,
    zh_denial: Vec<String>,
    en_uncertain: Vec<String>,
    en_future: Vec<String>,
    en_title_words: Vec<String>,
    en_ranks: Vec<String>,
    holder_roles: Vec<String>,
    zh_not_names: Vec<String>,
    place_suffixes: CharSet,
    place_nouns: Vec<String>,
    en_common: std::collections::HashSet<String>,
    en_given: std::collections::HashSet<String>,
    en_not_person_nouns: Vec<String>,
    en_function: std::collections::HashSet<String>,
    en_determiners: Vec<String>,
    en_abbreviations: std::collections::HashSet<String>,
    /// The cues of `zh-speech-verbs`, `en-speech-cues` (" said", ", who") and
    /// `en-honorifics` ("mr. "), as matched, and one automaton over them.
    speech_pats: Vec<(Cue, String)>,
    speech_ac: aho_corasick::AhoCorasick,
}

/// What a speech cue is ([`Lists::speech_pats`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    ZhVerb,
    EnCue,
    Honorific,
}

impl Lists {
    fn new(lx: &Lexicon) -> Lists {
        let words = |n: &str| lx.words(n).to_vec();
        let mut speech_pats: Vec<(Cue, String)> = Vec::new();
        for v in lx.words("zh-speech-verbs") {
            speech_pats.push((Cue::ZhVerb, v.clone()));
        }
        for c in lx.words("en-speech-cues") {
            speech_pats.push((Cue::EnCue, if c.starts_with(',') { c.clone() } else { format!(" {c}") }));
        }
        for h in lx.words("en-honorifics") {
            speech_pats.push((Cue::Honorific, format!("{h} ")));
        }
        Lists {
            related: lx.words("related-markers").iter().map(|m| squeeze(m)).map(|m| { let n = m.chars().count(); (m, n) }).collect(),
            building_after_title: lx.chars("zh-building-after-title").clone(),
            en_body: words("en-body-words"),
            byline_keys: words("zh-byline-keys"),
            byline_function: lx.chars("zh-byline-function-chars").clone(),
            delegation_suffixes: words("zh-delegation-suffixes"),
            led_by: words("zh-led-by"),
            zh_locatives: words("zh-locatives"),
            en_locatives: words("en-locatives"),
            zh_clause_lead: words("zh-clause-lead"),
            zh_object_modifiers: words("zh-object-modifiers"),
            zh_with: lx.chars("zh-with-markers").clone(),
            zh_list_marks: lx.chars("zh-list-marks").clone(),
            zh_after_name: words("zh-after-name"),
            en_not_single_names: words("en-not-single-names"),
            zh_uncertain: words("zh-uncertain"),
            zh_denial: words("zh-denial"),
            en_uncertain: words("en-uncertain"),
            en_future: words("en-future"),
            en_title_words: words("en-title-words"),
            en_ranks: words("en-ranks"),
            holder_roles: words("holder-roles"),
            zh_not_names: words("zh-not-names"),
            place_suffixes: lx.chars("zh-place-suffixes").clone(),
            place_nouns: words("zh-place-nouns"),
            en_common: lx.words("en-common-words").iter().cloned().collect(),
            en_given: lx.words("en-given-names").iter().cloned().collect(),
            en_not_person_nouns: words("en-not-person-nouns"),
            en_function: lx.words("en-function-words").iter().cloned().collect(),
            en_determiners: words("en-determiners"),
            en_abbreviations: lx.words("en-abbreviations").iter().cloned().collect(),
            speech_ac: aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(speech_pats.iter().map(|(_, p)| p.as_str()))
                .expect("speech cues automaton"),
            speech_pats,
        }
    }
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
            gazetteer.entries.iter().map(|e| Arc::from(format!("gazetteer:{}", file_stem(&e.origin)))).collect();
        let short_rules = entry_rules.iter().map(|r| Arc::from(format!("{r}#short"))).collect();
        let entry_iris = gazetteer.entries.iter().map(|e| e.iri()).collect();
        let rule_ids = rules.rules.iter().map(|r| Arc::from(r.id.as_str())).collect();
        let mut role_holders: HashMap<String, HashMap<String, Vec<(usize, usize)>>> = HashMap::new();
        let mut abbrs = HashMap::new();
        for (i, e) in gazetteer.entries.iter().enumerate() {
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
        let names = Names::new(&lexicon);
        let lists = Lists::new(&lexicon);
        let dates = dates::DateGrammar::new(&lexicon);
        Pipeline {
            gazetteer,
            rules,
            matcher,
            entry_rules,
            short_rules,
            entry_iris,
            rule_ids,
            role_holders,
            abbrs,
            lexicon,
            names,
            lists,
            segmenter: segment::Segmenter::new(),
            dates,
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
        let page = Page::build(self, doc, opts);
        page.finish()
    }
}

// ---------------------------------------------------------------------------------
// Page structure

/// The longest sentence read as one (in characters); longer ones are read in pieces.
/// Real news sentences stay under 500 (the longest in our real-news dev set: 402).
pub const MAX_SENTENCE: usize = 1000;

#[derive(Debug, Clone)]
struct Line {
    start: usize,
    end: usize,
    section: usize,
    active: bool,
    /// A publication-date line: its dates are not event dates.
    dated: bool,
}

#[derive(Debug, Clone)]
struct Section {
    anchor: Option<NaiveDate>,
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|&c| squeezed(c)).collect()
}

fn squeezed(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '|' | ':' | '>' | '»' | '-' | '—')
}

/// A 'related articles' heading (`related-markers`, squeezed).
fn is_related_marker(related: &[(String, usize)], norm_line: &str) -> bool {
    // Counted before anything is built: most lines are far longer than any marker.
    if norm_line.chars().filter(|&c| squeezed(c)).nth(16).is_some() {
        return false;
    }
    let sq = squeeze(norm_line);
    let n = sq.chars().count();
    if sq.is_empty() || n > 16 {
        return false;
    }
    related.iter().any(|(m, mn)| sq == *m || (sq.starts_with(m.as_str()) && n <= mn + 4))
}

fn is_nav_line(norm_line: &str) -> bool {
    let t = norm_line.trim();
    let n = t.chars().count();
    (n <= 60 && (t.contains(" > ") || t.contains('»') || t.starts_with("首页 >") || t.starts_with("首页>")))
        || t.starts_with("skip to ")
        || (n <= 40 && (t.starts_with("微信扫码") || t.starts_with("分享到") || t.starts_with("share this")))
}

fn script_is_latin(chars: &[char]) -> bool {
    let han = chars.iter().filter(|c| is_han(**c)).count();
    let latin = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    latin > han * 2
}

// ---------------------------------------------------------------------------------
// Mentions

#[derive(Debug, Clone, PartialEq, Eq)]
enum Mk {
    Ent(EntityKey, EntityType),
    Demonym(usize),
    /// A one-character country abbreviation before a title (俄总理).
    Abbr(usize),
    Pronoun,
    /// "the royal couple", "the couple": the two people last named together.
    Couple,
}

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
}

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

struct Page<'a> {
    p: &'a Pipeline,
    doc: &'a Document,
    opts: &'a Options,
    chars: Vec<char>,
    /// `doc.original`'s chars when it differs from `doc.text` (HTML), for span texts.
    original: Vec<char>,
    norm: Vec<char>,
    norm_str: String,
    /// Byte offset in `norm_str` of each char of `norm`, and of its end (len + 1 entries).
    norm_bytes: Vec<usize>,
    /// The rule triggers in `norm_str`, found once (several stages read them).
    triggers: std::rc::Rc<[TriggerHit<'a>]>,
    lines: Vec<Line>,
    sections: Vec<Section>,
    mentions: mentions::Mentions,
    /// Roles seen next to a person mention: mention index → (role entry, country entry).
    /// Person mentions with a title and its country next to them, by (role, country):
    /// mention indices in text order.
    roles_at: HashMap<(usize, usize), Vec<usize>>,
    items: Vec<Item>,
    /// Delegations named as participants (美国国会议员代表团, "a delegation from ...").
    groups: Vec<(usize, usize, String)>,
    times: Vec<TimeExpr>,
    sentences: Vec<(usize, usize, usize)>, // start, end, line
    meetings: Vec<Meeting>,
    /// Capitalised words seen mid-sentence ([`Page::en_single_name_ok`]), built on first use.
    mid_caps: std::cell::OnceCell<std::collections::HashSet<String>>,
    /// What the reader of the output should know (a sentence read in pieces).
    notes: Vec<String>,
}

impl<'a> Page<'a> {
    fn build(p: &'a Pipeline, doc: &'a Document, opts: &'a Options) -> Page<'a> {
        let chars: Vec<char> = doc.text.chars().collect();
        let norm_str = normalise(&doc.text);
        let norm: Vec<char> = norm_str.chars().collect();
        let mut norm_bytes: Vec<usize> = Vec::with_capacity(norm.len() + 1);
        norm_bytes.extend(norm_str.char_indices().map(|(b, _)| b));
        norm_bytes.push(norm_str.len());
        let mut page = Page {
            p,
            doc,
            opts,
            chars,
            original: if doc.map.is_some() { doc.original.chars().collect() } else { Vec::new() },
            norm,
            norm_bytes,
            triggers: p.rules.triggers(&norm_str).into(),
            norm_str,
            lines: Vec::new(),
            sections: Vec::new(),
            mentions: mentions::Mentions::default(),
            roles_at: HashMap::new(),
            items: Vec::new(),
            groups: Vec::new(),
            times: Vec::new(),
            sentences: Vec::new(),
            meetings: Vec::new(),
            mid_caps: std::cell::OnceCell::new(),
            notes: Vec::new(),
        };
        page.structure();
        page.find_times();
        page.find_mentions();
        page.attach_roles();
        page.find_delegations();
        page.build_items();
        page.split_sentences();
        page.find_meetings();
        page
    }

    /// The normalised text from char `start` to char `end` (clamped to the text).
    fn ns(&self, start: usize, end: usize) -> &str {
        let n = self.norm.len();
        let (s, e) = (start.min(n), end.min(n));
        &self.norm_str[self.norm_bytes[s]..self.norm_bytes[e.max(s)]]
    }

    /// The char offset of a byte offset of `norm_str` (a char boundary).
    fn char_at_byte(&self, byte: usize) -> usize {
        self.norm_bytes.partition_point(|&b| b < byte)
    }

    fn line_at(&self, pos: usize) -> usize {
        self.lines.partition_point(|l| l.end < pos).min(self.lines.len().saturating_sub(1))
    }

    /// A wire story's `MANILA 1996-08-23` line ([`dates::DateGrammar::place_date_line`]).
    fn place_date_line(&self, line: &Line, norm: &str) -> Option<NaiveDate> {
        let first = (line.start..line.end).find(|&i| !self.chars[i].is_whitespace())?;
        if line.end - line.start > 80 || !self.chars[first].is_ascii_uppercase() {
            return None;
        }
        let raw: String = self.chars[line.start..line.end].iter().collect();
        self.p.dates.place_date_line(&raw, norm)
    }

    fn active_at(&self, pos: usize) -> bool {
        self.lines.get(self.line_at(pos)).is_some_and(|l| l.active && pos >= l.start && pos <= l.end)
    }

    // -- 1. page structure ---------------------------------------------------------

    #[inline(never)]
    fn structure(&mut self) {
        let mut lines = Vec::new();
        let mut s = 0;
        for (i, &c) in self.norm.iter().enumerate() {
            if c == '\n' {
                lines.push(Line { start: s, end: i, section: 0, active: true, dated: false });
                s = i + 1;
            }
        }
        lines.push(Line { start: s, end: self.norm.len(), section: 0, active: true, dated: false });
        let fallback = self.doc.date.or(self.opts.date);
        let mut sections = vec![Section { anchor: None }];
        let mut inactive = false;
        let mut section_start = 0usize;
        for i in 0..lines.len() {
            let text = self.ns(lines[i].start, lines[i].end);
            let date = self.p.dates.publication_date(&text).map(|d| d.0).or_else(|| self.place_date_line(&lines[i], &text));
            if let Some(date) = date {
                lines[i].dated = true;
                let cur = sections.len() - 1;
                if sections[cur].anchor.is_none() && !inactive {
                    sections[cur].anchor = Some(date);
                } else {
                    // A second article: it starts at its headline, the short line before.
                    let mut h = i;
                    let mut j = i;
                    while j > section_start + 1 {
                        j -= 1;
                        let t = self.ns(lines[j].start, lines[j].end);
                        if t.trim().is_empty() {
                            continue;
                        }
                        if t.trim().chars().count() <= 80 && !is_related_marker(&self.p.lists.related, t) {
                            h = j;
                        }
                        break;
                    }
                    sections.push(Section { anchor: Some(date) });
                    section_start = h;
                    for l in lines.iter_mut().take(i).skip(h) {
                        l.section = sections.len() - 1;
                        l.active = true;
                    }
                    inactive = false;
                }
            } else if is_related_marker(&self.p.lists.related, text) {
                inactive = true;
            }
            lines[i].section = sections.len() - 1;
            lines[i].active = !inactive && !is_nav_line(text) && !is_related_marker(&self.p.lists.related, text);
        }
        for s in &mut sections {
            if s.anchor.is_none() {
                s.anchor = fallback;
            }
        }
        self.lines = lines;
        self.sections = sections;
    }

    // -- 2. mentions ---------------------------------------------------------------

    fn push(&mut self, start: usize, end: usize, kind: Mk, rule: impl Into<Arc<str>>) -> bool {
        if start >= end || !self.active_at(start) {
            return false;
        }
        self.mentions.push(M { start, end, kind, rule: rule.into() })
    }

    fn sort_mentions(&mut self) {
        self.mentions.sort();
    }

    #[inline(never)]
    fn find_mentions(&mut self) {
        let g = &self.p.gazetteer;
        let hits = self.p.matcher.find(&self.norm_str, &self.norm, &self.chars);
        // Full names first, so short forms can be confirmed against them.
        let mut full: BTreeSet<usize> = BTreeSet::new();
        for h in &hits {
            for t in h.targets {
                if let Target::Name(i) = t {
                    full.insert(*i);
                }
            }
        }
        let mut shorts = Vec::new();
        for h in hits {
            let names: Vec<usize> =
                h.targets.iter().filter_map(|t| if let Target::Name(i) = t { Some(*i) } else { None }).collect();
            if let Some(&i) = names.first() {
                let e = g.entry(i);
                let rule = self.p.entry_rules[i].clone();
                self.push(h.start, h.end, Mk::Ent(EntityKey::Known(i), e.etype), rule);
                continue;
            }
            let short: Vec<usize> =
                h.targets.iter().filter_map(|t| if let Target::Short(i) = t { Some(*i) } else { None }).collect();
            if !short.is_empty() {
                shorts.push((h.start, h.end, short));
                continue;
            }
            if let Some(Target::Demonym(i)) = h.targets.first() {
                self.push(h.start, h.end, Mk::Demonym(*i), "gazetteer:demonym");
            }
        }
        for (s, e, cands) in shorts {
            let confirmed: Vec<usize> = cands.iter().copied().filter(|i| full.contains(i)).collect();
            let pick = match (confirmed.len(), cands.len()) {
                (1, _) => Some(confirmed[0]),
                (0, 1) => Some(cands[0]),
                _ => None,
            };
            // "Hafez Assad": the short form of a listed name, but another person's.
            if self.en_unknown_name_word_before(s) {
                continue;
            }
            if let Some(i) = pick {
                let en = g.entry(i);
                let rule = self.p.short_rules[i].clone();
                self.push(s, e, Mk::Ent(EntityKey::Known(i), en.etype), rule);
            }
        }
        // 总统府, 总理府, 首相官邸: a title inside the name of a building is no title.
        let norm = &self.norm;
        let building = &self.p.lists.building_after_title;
        self.mentions.retain(|m| {
            !(matches!(m.kind, Mk::Ent(_, EntityType::Role))
                && norm.get(m.end).is_some_and(|&c| building.contains(c))
                && !(norm.get(m.end) == Some(&'办') && norm.get(m.end + 1) != Some(&'公')))
        });
        self.sort_mentions();
        self.split_place_titles();
        self.drop_cut_names();
        self.widen_known_names();
        self.find_open_people();
        self.find_counterparts();
        self.find_slot_names();
        self.find_zh_slot_names();
        self.find_speakers();
        self.find_bylines();
        self.find_segmenter_names();
        self.find_given_names();
        self.repeat_open_names();
        self.link_short_names();
        self.find_pronouns();
        self.sort_mentions();
    }

    /// A place name that swallowed the first character of a title (江苏省委书记, 台北市長,
    /// 東京都知事): the title wins that character, the place keeps the rest.
    #[inline(never)]
    fn split_place_titles(&mut self) {
        let g = &self.p.gazetteer;
        let mut fixes: Vec<(usize, usize, usize, usize)> = Vec::new(); // place index, new end, role end, role entry
        for (k, m) in self.mentions.iter().enumerate() {
            if !matches!(m.kind, Mk::Ent(EntityKey::Known(_), EntityType::Place)) || m.end - m.start < 3 {
                continue;
            }
            if !matches!(self.norm[m.end - 1], '省' | '市' | '州' | '县' | '区' | '都' | '府') {
                continue;
            }
            let from = m.end - 1;
            let to = (from + 10).min(self.norm.len());
            let window = self.ns(from, to);
            let best = self
                .p
                .matcher
                .find(&window, &self.norm[from..to], &self.chars[from..to])
                .into_iter()
                .filter(|h| h.start == 0 && h.end > 1)
                .filter_map(|h| {
                    h.targets.iter().find_map(|t| match t {
                        Target::Name(i) if g.entry(*i).etype == EntityType::Role => Some((h.end, *i)),
                        _ => None,
                    })
                })
                .max_by_key(|(e, _)| *e);
            if let Some((len, role)) = best {
                fixes.push((k, from, from + len, role));
            }
        }
        if fixes.is_empty() {
            return;
        }
        // Mentions by start (they do not overlap: starts are unique), so that each fix,
        // last first, touches only the mentions where it is.
        let places: Vec<usize> = fixes.iter().map(|f| self.mentions[f.0].start).collect();
        let mut by_start: BTreeMap<usize, M> = self.mentions.take().into_iter().map(|m| (m.start, m)).collect();
        for (&(_, new_end, role_end, role), &place) in fixes.iter().zip(&places).rev() {
            let from = new_end;
            let inside: Vec<usize> = by_start.range(from + 1..role_end).filter(|(_, o)| o.end <= role_end).map(|(&s, _)| s).collect();
            for s in inside {
                by_start.remove(&s);
            }
            if let Some(m) = by_start.get_mut(&place)
                && m.end == new_end + 1
            {
                m.end = new_end;
            }
            let rule = self.p.entry_rules[role].clone();
            by_start.insert(from, M { start: from, end: role_end, kind: Mk::Ent(EntityKey::Known(role), EntityType::Role), rule });
        }
        self.mentions.replace(by_start.into_values().collect());
        self.sort_mentions();
    }

    /// A listed transliterated name that runs on into more transliteration is the start
    /// of a longer, unknown name (拉米 in 拉米雷斯): drop it, the open-world pass reads
    /// the whole name.
    #[inline(never)]
    fn drop_cut_names(&mut self) {
        let norm = &self.norm;
        let names = &self.p.names;
        self.mentions.retain(|m| {
            if !matches!(m.kind, Mk::Ent(EntityKey::Known(_), EntityType::Person)) || m.end >= norm.len() {
                return true;
            }
            let name = &norm[m.start..m.end];
            if !name.iter().all(|&c| names.is_translit(c)) {
                return true;
            }
            let next = norm[m.end];
            let couple = next == '夫' && matches!(norm.get(m.end + 1), Some('妇' | '人'));
            let runs_on = |i: usize| i < norm.len() && names.is_translit(norm[i]) && !names.ends_name_at(norm, i);
            // 克里 in 克里斯·赛德曼: the name runs on to a dot and more.
            let dotted = |i: usize| norm.get(i) == Some(&'·') && runs_on(i + 1);
            !(runs_on(m.end) && (runs_on(m.end + 1) || dotted(m.end + 1)) && !couple)
        });
    }

    /// "his Singaporean counterpart Ng Eng Hen", "his counterparts from Egypt and
    /// Jordan, Badr Abdelatty and Ayman Safadi": the names after counterpart(s).
    #[inline(never)]
    fn find_counterparts(&mut self) {
        let n = self.chars.len();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (bi, _) in self.norm_str.match_indices("counterpart") {
            let mut i = self.char_at_byte(bi) + "counterpart".len();
            if i < n && self.norm[i] == 's' {
                i += 1;
            }
            if i >= n || (self.norm[i] != ' ' && self.norm[i] != ',') {
                continue;
            }
            // Skip "from/of X and Y," up to a comma, within a few words.
            let rest = self.ns(i, (i + 60).min(n));
            if rest.starts_with(" from ") || rest.starts_with(" of ") {
                match rest.find(',') {
                    Some(c) if rest[..c].split(' ').count() <= 8 => i += rest[..c].chars().count() + 1,
                    _ => continue,
                }
            } else if rest.starts_with(',') {
                i += 1;
            }
            loop {
                while i < n && self.norm[i] == ' ' {
                    i += 1;
                }
                if i >= n || !self.chars[i].is_uppercase() {
                    break;
                }
                let Some(e) = self.p.names.en_name_at(&self.chars, i) else { break };
                found.push((i, e));
                let after = self.ns(e, (e + 6).min(n));
                if after.starts_with(" and ") {
                    i = e + 5;
                } else if after.starts_with(", and ") {
                    i = e + 6;
                } else if after.starts_with(", ") {
                    i = e + 2;
                } else {
                    break;
                }
            }
        }
        for (s, e) in found {
            if self.mentions.overlaps(s, e) {
                continue;
            }
            let name = self.ns(s, e);
            if name.split(' ').count() >= 2 {
                self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:en-counterpart");
            }
        }
        self.sort_mentions();
    }

    /// English names no list knows, where only a person can stand: right after a
    /// meeting verb ("met with Andrew Bailey"), just before one ("Andrew Bailey met"),
    /// or joined by "and" to a person ("Pan Gongsheng and Andrew Bailey").
    #[inline(never)]
    fn find_slot_names(&mut self) {
        let n = self.chars.len();
        let mut starts: Vec<usize> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        // Slots of a subject-object trigger ("met", "received"): a one-word name may
        // stand there ("met Ardern"); after "talks between" it is more often a firm.
        let mut person_slots: Vec<usize> = Vec::new();
        for t in self.triggers.clone().iter() {
            let english = t.rules.iter().any(|&r| {
                let rule = &self.p.rules.rules[r];
                rule.lang == Lang::En && rule.kind == RuleKind::Meeting
            });
            if !english {
                continue;
            }
            let subject_object = t.rules.iter().any(|&r| self.p.rules.rules[r].shape == Shape::SubjectObject);
            if t.end + 1 < n && self.norm[t.end] == ' ' {
                starts.push(t.end + 1);
                if subject_object {
                    person_slots.push(t.end + 1);
                }
            }
            if t.start >= 2 && self.norm[t.start - 1] == ' ' {
                ends.push(t.start - 1);
                if subject_object {
                    person_slots.push(t.start - 1);
                }
            }
        }
        for m in &self.mentions {
            if !matches!(m.kind, Mk::Ent(_, EntityType::Person)) {
                continue;
            }
            let after = self.ns(m.end, (m.end + 5).min(n));
            if after == " and " {
                starts.push(m.end + 5);
            }
            let before = self.ns(m.start.saturating_sub(5), m.start);
            if before == " and " {
                ends.push(m.start - 5);
            }
        }
        let mut found: Vec<(usize, usize)> = Vec::new();
        for s in starts {
            if s < n && self.chars[s].is_uppercase() {
                if let Some(e) = self.p.names.en_name_at(&self.chars, s) {
                    found.push((s, e));
                }
            }
        }
        for e in ends {
            // Walk back over capitalised words and name particles to where the name starts.
            let mut s = e;
            let mut words = 0;
            while s > 0 && words < 4 {
                let mut w = s;
                while w > 0 && (self.chars[w - 1].is_alphabetic() || matches!(self.chars[w - 1], '\'' | '’' | '-' | '.')) {
                    w -= 1;
                }
                if w == s {
                    break;
                }
                let word: String = self.chars[w..s].iter().collect();
                let cap = word.chars().next().is_some_and(char::is_uppercase);
                let particle = self.p.names.is_particle(&word);
                if !(cap || (particle && words > 0)) {
                    break;
                }
                s = w;
                words += 1;
                if s >= 1 && self.chars[s - 1] == ' ' {
                    s -= 1;
                } else {
                    break;
                }
            }
            while s < e && self.chars[s] == ' ' {
                s += 1;
            }
            // Drop leading words that are not part of a name (a title matched as a role
            // stays out of the name because a mention covers it).
            while s < e {
                if let Some(ne) = self.p.names.en_name_at(&self.chars, s) {
                    if ne == e {
                        found.push((s, e));
                        break;
                    }
                }
                match (s..e).find(|&i| self.chars[i] == ' ') {
                    Some(sp) => s = sp + 1,
                    None => break,
                }
            }
        }
        for (s, e) in found {
            // Ranks and honorifics before the name ("Maj. Gen. Bahkodir Kurbanov") are not of it.
            let s = self.skip_ranks(s, e);
            if s >= e || self.mentions.overlaps(s, e) {
                continue;
            }
            let name = self.ns(s, e);
            let written: String = self.chars[s..e].iter().collect();
            let words: Vec<&str> = written.split(' ').collect();
            if words.len() > 4 || words.iter().any(|w| self.p.lists.en_body.contains(&w.to_lowercase())) {
                continue;
            }
            // One word ("met Ardern"): a name only in a subject-object slot, and where
            // the lexicon and the page agree.
            if words.len() < 2 && !((person_slots.contains(&s) || person_slots.contains(&e)) && self.en_single_name_ok(s, e)) {
                continue;
            }
            // "met Chechen rebel chief of staff Aslan Maskhadov": a modifier of a title.
            if words.len() < 2 && self.en_modifiers_to_role(e).is_some() {
                continue;
            }
            let one_word = words.len() < 2;
            self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:en-slot-name");
            // "Arafat and Peres met": the one word joined to a one-word name by "and".
            if let Some((ws, we)) = self.en_single_name_and_before(s).filter(|_| one_word) {
                let name = self.ns(ws, we).to_string();
                self.push(ws, we, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), "pattern:en-slot-name");
            }
        }
        self.sort_mentions();
    }

    /// Past the ranks and abbreviated honorifics (`en-ranks`, `en-abbreviations` with their
    /// dot: "Maj. Gen.") that open `s..e`.
    fn skip_ranks(&self, mut s: usize, e: usize) -> usize {
        loop {
            let Some(sp) = (s..e).find(|&i| self.norm[i] == ' ') else { return s };
            let word = self.ns(s, sp);
            let rank = self.p.lists.en_ranks.iter().any(|r| r == word)
                || word.strip_suffix('.').is_some_and(|w| self.p.lists.en_abbreviations.contains(w));
            if !rank {
                return s;
            }
            s = sp + 1;
        }
    }

    fn is_role(&self, m: &M) -> bool {
        matches!(m.kind, Mk::Ent(_, EntityType::Role))
    }

    /// Title + name: 俄罗斯外长拉夫罗夫, Foreign Minister Sergey Lavrov.
    #[inline(never)]
    fn find_open_people(&mut self) {
        let roles: Vec<(usize, usize)> =
            self.mentions.iter().filter(|m| self.is_role(m)).map(|m| (m.start, m.end)).collect();
        for (rs, re) in roles {
            // A title right after a person belongs to them (普京总统成功…): no new name.
            let after_person = self.mentions.ending(rs).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)));
            if re >= self.norm.len() || after_person {
                continue;
            }
            // English: where the title's words end ("Secretary of State for Defence,").
            let tail = if is_han(self.norm[re]) { re } else { self.en_title_tail(re) };
            if is_han(self.norm[re]) {
                if self.mentions.starting(re).is_some() {
                    continue;
                }
                if let Some(e) = self.p.names.zh_name_at(&self.norm, re) {
                    let e = self.clip_to_next_mention(re, e);
                    let e = self.clip_to_trigger(re, e);
                    if e - re >= 2 {
                        let name = self.ns(re, e);
                        self.push(re, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:zh-title-name");
                    }
                }
            } else if let Some((s, e)) = self.en_title_apposition(rs, tail) {
                // "Myanmar's President, Thein Sein," / "his foreign minister, Anna Berg.":
                // a title owned by a country or a person, then the name between commas.
                let name = self.ns(s, e);
                self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:en-title-apposition");
            } else if tail < self.norm.len() && self.norm[tail] == ' ' && tail + 1 < self.chars.len() && self.chars[tail + 1].is_uppercase() {
                let re = tail;
                if self.mentions.starting(re + 1).is_some() {
                    continue;
                }
                let capital_title = self.chars[rs].is_uppercase() || self.capitalised_word_before(rs);
                if let Some(e) = self.p.names.en_name_at(&self.chars, re + 1) {
                    let full = e;
                    let mut e = self.clip_to_next_mention(re + 1, e);
                    // Cut by a listed name inside it ("Khalid bin Salman"): no name of its own.
                    if e < full {
                        while e > re + 1 && matches!(self.chars[e - 1], ' ' | '-') {
                            e -= 1;
                        }
                        let last = self.ns(re + 1, e).rsplit(' ').next().unwrap_or("").to_string();
                        if e <= re + 1 || self.p.names.is_particle(&last) || !self.ns(re + 1, e).contains(' ') {
                            continue;
                        }
                    }
                    let name = self.ns(re + 1, e);
                    // A lower-case title ("prime minister Keir Starmer") needs a full name
                    // after it; a capitalised one takes a surname of two letters too
                    // ("Premier Li").
                    let words = name.split(' ').count();
                    let ok = if capital_title {
                        name.trim().chars().count() >= 3 || (words == 1 && self.en_single_name_ok(re + 1, e))
                    } else {
                        words >= 2
                    };
                    // "Premier Li": the one holder of that title on the article's date
                    // whose name has that word, when the gazetteer knows one.
                    let holder = if words == 1 {
                        let word = self.text(re + 1, e);
                        self.holder_named(rs, &word).or_else(|| self.holder_named_of_country(rs, &word, e))
                    } else {
                        None
                    };
                    if let Some(k) = holder {
                        self.push(re + 1, e, Mk::Ent(k, EntityType::Person), "pattern:en-title-short");
                    } else if ok {
                        self.push(re + 1, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:en-title-name");
                    }
                }
            }
        }
        self.sort_mentions();
    }

    /// A title in apposition: owned ("Myanmar's President", "his foreign minister"),
    /// then a comma and a name of two words or more that ends at a comma, a full stop or
    /// a semicolon. The name's span, when no mention covers it yet.
    fn en_title_apposition(&self, rs: usize, tail: usize) -> Option<(usize, usize)> {
        let n = self.chars.len();
        if tail + 2 >= n || self.chars[tail] != ',' || self.chars[tail + 1] != ' ' || !self.chars[tail + 2].is_uppercase() {
            return None;
        }
        if rs < 2 || self.chars[rs - 1] != ' ' {
            return None;
        }
        let mut w = rs - 1;
        while w > 0 && !self.chars[w - 1].is_whitespace() {
            w -= 1;
        }
        let owner: String = self.chars[w..rs - 1].iter().collect::<String>().to_lowercase();
        let owned = owner.ends_with("'s") || owner.ends_with("’s") || matches!(owner.as_str(), "his" | "her" | "their");
        if !owned {
            return None;
        }
        let s = tail + 2;
        if self.mentions.starting(s).is_some() {
            return None;
        }
        let e = self.p.names.en_name_at(&self.chars, s)?;
        if self.clip_to_next_mention(s, e) < e || self.ns(s, e).split(' ').count() < 2 {
            return None;
        }
        match self.chars.get(e) {
            None | Some(',' | '.' | ';') => Some((s, e)),
            _ => None,
        }
    }

    /// "Siemens chairman Jim Snabe", "Tesla CEO": a lower-case title after a name of a
    /// body is still a title.
    fn capitalised_word_before(&self, pos: usize) -> bool {
        if pos < 2 || self.chars[pos - 1] != ' ' {
            return false;
        }
        let mut s = pos - 1;
        while s > 0 && (self.chars[s - 1].is_alphanumeric() || matches!(self.chars[s - 1], '\'' | '’' | '.' | '-')) {
            s -= 1;
        }
        let word: String = self.chars[s..pos - 1].iter().collect();
        word.chars().next().is_some_and(char::is_uppercase) && !matches!(word.as_str(), "The" | "A" | "An" | "His" | "Her" | "Their")
    }

    fn clip_to_next_mention(&self, start: usize, end: usize) -> usize {
        self.mentions.next_start(start, end).unwrap_or(end)
    }

    /// Bylines and photo credits: 记者 郝薇薇 黄河, 新华社记者 鞠鹏 摄, 责任编辑:曹川川.
    #[inline(never)]
    fn find_bylines(&mut self) {
        let n = self.norm.len();
        let mut found = Vec::new();
        for key in &self.p.lists.byline_keys {
            if !self.norm_str.contains(key.as_str()) {
                continue;
            }
            let k: Vec<char> = key.chars().collect();
            let mut i = 0;
            while i + k.len() <= n {
                if self.norm[i..i + k.len()] != k[..] {
                    i += 1;
                    continue;
                }
                let mut j = i + k.len();
                while j < n && matches!(self.norm[j], ' ' | ':') {
                    j += 1;
                }
                loop {
                    let s = j;
                    while j < n && is_han(self.norm[j]) && j - s < 4 {
                        j += 1;
                    }
                    let len = j - s;
                    let after = self.norm.get(j).copied();
                    let ends_ok = matches!(after, None | Some(' ' | ')' | '\n' | '|' | '、' | ',')) || after == Some('摄');
                    // A byline is strong context: any two or three characters standing alone
                    // there are a name (鞠鹏), as long as none is a function word.
                    let wordlike = self.norm[s..j].iter().any(|&c| self.p.lists.byline_function.contains(c));
                    if !(2..=3).contains(&len) || !ends_ok || wordlike {
                        break;
                    }
                    found.push((s, j));
                    while j < n && matches!(self.norm[j], ' ' | '、') {
                        j += 1;
                    }
                    if after == Some('摄') || after == Some(')') || after == Some('\n') {
                        break;
                    }
                }
                i += k.len();
            }
        }
        // A byline name wins over a gazetteer word that happens to spell it (黄河): every
        // mention other than a person's that overlaps a byline name goes, in one pass (by
        // start, with the furthest end so far: the spans may overlap each other).
        let mut by_start = found.clone();
        by_start.sort_unstable();
        let mut reach = Vec::with_capacity(by_start.len());
        for &(_, e) in &by_start {
            reach.push(reach.last().map_or(e, |&r: &usize| r.max(e)));
        }
        self.mentions.retain(|m| {
            let k = by_start.partition_point(|&(s, _)| s < m.end);
            let overlaps = k > 0 && reach[k - 1] > m.start;
            !(overlaps && !matches!(m.kind, Mk::Ent(_, EntityType::Person)))
        });
        for (s, e) in found {
            let name = self.ns(s, e);
            self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:zh-byline");
        }
        self.sort_mentions();
    }

    /// Once a title has introduced a name, its other occurrences are that person too.
    #[inline(never)]
    fn repeat_open_names(&mut self) {
        let mut names: BTreeSet<String> = BTreeSet::new();
        for m in &self.mentions {
            if let Mk::Ent(EntityKey::Open(EntityType::Person, n), _) = &m.kind {
                names.insert(n.clone());
                // English: the surname alone ("Scholz said").
                if n.is_ascii()
                    && let Some(last) = n.split(' ').next_back()
                    && last.len() >= 4
                    && n.contains(' ')
                {
                    names.insert(last.to_string());
                }
                // Chinese: the last part of a dotted name alone (加拉格尔 after 麦克·加拉格尔).
                if let Some((_, last)) = n.rsplit_once('·')
                    && last.chars().count() >= 2
                    && last.chars().all(is_han)
                {
                    names.insert(last.to_string());
                }
            }
        }
        // Each name's full form: the first open-world person whose name is it or ends
        // with it after a space or a dot (one pass over the mentions, every such ending).
        let mut full: HashMap<&str, String> = HashMap::new();
        for m in &self.mentions {
            if let Mk::Ent(EntityKey::Open(EntityType::Person, n), _) = &m.kind {
                let ends = n.char_indices().filter(|&(_, c)| c == ' ' || c == '·').map(|(b, c)| &n[b + c.len_utf8()..]);
                for end in std::iter::once(n.as_str()).chain(ends) {
                    if let Some(name) = names.get(end) {
                        full.entry(name.as_str()).or_insert_with(|| n.clone());
                    }
                }
            }
        }
        // Per name, its non-overlapping occurrences left to right: a substring search per
        // name when they are few (most documents), else every occurrence of every name in
        // one automaton pass (a long document naming thousands: linear, not names × text).
        let names: Vec<&String> = names.iter().collect();
        let mut occurrences: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
        if names.len() <= 16 {
            for (k, name) in names.iter().enumerate() {
                occurrences[k].extend(self.norm_str.match_indices(name.as_str()).map(|(b, _)| b));
            }
        } else {
            let ac = aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                .build(names.iter().map(|n| n.as_str()))
                .expect("names build an automaton");
            for mat in ac.find_overlapping_iter(&self.norm_str) {
                let (k, b) = (mat.pattern().as_usize(), mat.start());
                let len = names[k].len();
                if occurrences[k].last().is_none_or(|&prev| prev + len <= b) {
                    occurrences[k].push(b);
                }
            }
        }
        let found_all: Vec<Vec<usize>> = occurrences.iter().map(|v| v.iter().map(|&b| self.char_at_byte(b)).collect()).collect();
        for (name, found) in names.into_iter().zip(found_all) {
            if found.is_empty() {
                continue;
            }
            let full_name = full.get(name.as_str()).cloned().unwrap_or_else(|| name.clone());
            let pat: Vec<char> = name.chars().collect();
            let n = self.norm.len();
            for i in found {
                let e = i + pat.len();
                let left_ok = i == 0 || !(is_word_char(self.norm[i - 1]) && is_word_char(pat[0]));
                let right_ok = e == n || !(is_word_char(self.norm[e]) && is_word_char(pat[pat.len() - 1]));
                let dot_ok = !(i >= 2 && self.norm[i - 1] == '·' && is_han(self.norm[i - 2]));
                let cap_ok = !pat[0].is_ascii() || self.chars[i].is_uppercase();
                if left_ok && right_ok && dot_ok && cap_ok {
                    self.push(
                        i,
                        e,
                        Mk::Ent(EntityKey::Open(EntityType::Person, full_name.clone()), EntityType::Person),
                        "pattern:name-repeat",
                    );
                }
            }
        }
        self.sort_mentions();
    }

    #[inline(never)]
    fn find_pronouns(&mut self) {
        let n = self.norm.len();
        for i in 0..n {
            let c = self.norm[i];
            let prev = if i > 0 { self.norm[i - 1] } else { ' ' };
            let next = self.norm.get(i + 1).copied().unwrap_or(' ');
            let zh = matches!(c, '他' | '她' | '我') && prev != '其' && prev != '自' && !matches!(next, '们' | '国' | '方' | '人' | '军' | '院' | '校' | '省' | '市');
            let en = (c == 'h' || c == 's')
                && (i == 0 || !is_word_char(prev))
                && {
                    let w = self.ns(i, (i + 4).min(n));
                    (w.starts_with("he") && !self.norm.get(i + 2).is_some_and(|c| is_word_char(*c)))
                        || (w.starts_with("she") && !self.norm.get(i + 3).is_some_and(|c| is_word_char(*c)))
                };
            if c == 't' && (i == 0 || !is_word_char(prev)) {
                let rest = self.ns(i, (i + 32).min(n));
                for phrase in ["the royal couple", "the imperial couple", "the presidential couple", "the couple"] {
                    if rest.starts_with(phrase) && !rest[phrase.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                        self.push(i, i + phrase.len(), Mk::Couple, "pattern:couple");
                        break;
                    }
                }
            }
            if zh {
                self.push(i, i + 1, Mk::Pronoun, "pattern:pronoun");
            } else if en {
                let len = if c == 'h' { 2 } else { 3 };
                self.push(i, i + len, Mk::Pronoun, "pattern:pronoun");
            }
        }
    }

    /// Titles next to names: the role, and the country before it (俄罗斯/Russian/俄).
    #[inline(never)]
    fn attach_roles(&mut self) {
        // One-character country abbreviations just before a title: 俄总理, 美国务卿.
        let mut abbrs = Vec::new();
        for m in &self.mentions {
            if self.is_role(m) && m.start > 0 {
                let c = self.norm[m.start - 1];
                if self.mentions.ending(m.start).is_some() {
                    continue;
                }
                if let Some(&i) = self.p.abbrs.get(&c) {
                    abbrs.push((m.start - 1, m.start, i));
                }
            }
        }
        for (s, e, i) in abbrs {
            self.push(s, e, Mk::Abbr(i), "gazetteer:abbr");
        }
        self.sort_mentions();
        let adjacent = |a: &M, b: &M, norm: &[char]| a.end <= b.start && norm[a.end..b.start].iter().all(|c| *c == ' ');
        for i in 0..self.mentions.len() {
            if !matches!(self.mentions[i].kind, Mk::Ent(_, EntityType::Person)) {
                continue;
            }
            let mut role = None;
            if i > 0 && self.is_role(&self.mentions[i - 1]) && adjacent(&self.mentions[i - 1], &self.mentions[i], &self.norm) {
                role = Some(i - 1);
            } else if i + 1 < self.mentions.len()
                && self.is_role(&self.mentions[i + 1])
                && self.mentions[i + 1].start == self.mentions[i].end
            {
                role = Some(i + 1);
            }
            if let Some(r) = role {
                let Mk::Ent(EntityKey::Known(role_entry), _) = self.mentions[r].kind else { continue };
                if let Some(country) = self.country_before(r) {
                    self.roles_at.entry((role_entry, country)).or_default().push(i);
                }
            }
        }
    }

    /// The country named just after title `r` ("minister of Brazil"): the entry and
    /// where its mention ends.
    fn country_after(&self, r: usize) -> Option<(usize, usize)> {
        let q = self.mentions.get(r + 1)?;
        let gap = self.ns(self.mentions[r].end, q.start);
        if !matches!(gap, " of " | " of the ") {
            return None;
        }
        match &q.kind {
            Mk::Ent(EntityKey::Known(i), EntityType::Place) => Some((*i, q.end)),
            _ => None,
        }
    }

    /// The country named just before mention `r` (a place, demonym or abbreviation).
    fn country_before(&self, r: usize) -> Option<usize> {
        if r == 0 {
            return None;
        }
        let q = &self.mentions[r - 1];
        let gap = &self.norm[q.end..self.mentions[r].start];
        // Brazil's central bank governor.
        let possessive = matches!(gap, ['\'' | '’', 's', ' ']) && self.norm[..q.end].last().is_some_and(|c| c.is_alphabetic());
        if !possessive && !gap.iter().all(|c| *c == ' ') {
            return None;
        }
        match &q.kind {
            Mk::Demonym(i) | Mk::Abbr(i) => Some(*i),
            Mk::Ent(EntityKey::Known(i), EntityType::Place) => Some(*i),
            _ => None,
        }
    }

    /// Delegations as participants: a Chinese noun phrase ending in 代表团/考察团/…
    /// (美国国会议员代表团), or an English "delegation from X" / "a U.S. congressional
    /// delegation". Named as written; an open-world Organization.
    #[inline(never)]
    fn find_delegations(&mut self) {
        let stop = "的了在和与同及、,。;:!?()\"“”「」《》 \n";
        let triggers = self.triggers.clone();
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        for suf in &self.p.lists.delegation_suffixes {
            if !self.norm_str.contains(suf.as_str()) {
                continue; // the char-by-char scan below finds nothing (hot: every document)
            }
            let k: Vec<char> = suf.chars().collect();
            let mut i = 0;
            while i + k.len() <= self.norm.len() {
                if self.norm[i..i + k.len()] != k[..] {
                    i += 1;
                    continue;
                }
                let e = i + k.len();
                let mut st = i;
                while st > 0 && i - st < 16 {
                    let c = self.norm[st - 1];
                    // 和 joins two parties, except inside 共和国 (北海共和国代表团).
                    let republic = c == '和' && st >= 2 && self.norm[st - 2] == '共' && self.norm.get(st) == Some(&'国');
                    // Triggers do not overlap: their ends are sorted like their starts.
                    let after_trigger = triggers.get(triggers.partition_point(|t| t.end < st)).is_some_and(|t| t.end == st);
                    if !(is_han(c) || c == '·') || (stop.contains(c) && !republic) || after_trigger {
                        break;
                    }
                    st -= 1;
                }
                // 由X率领的代表团: the leader is the participant, not the delegation.
                let before = self.ns(st.saturating_sub(3), st);
                let led = self.p.lists.led_by.iter().any(|w| before.ends_with(w.as_str()));
                if i - st >= 2 && !led && self.active_at(st) {
                    found.push((st, e, self.ns(st, e).to_string()));
                }
                i = e;
            }
        }
        static EN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"\b(?:[Aa]n?|[Tt]he)\s+((?:(?:[A-Z][\w.'’-]*|[a-z]+al|trade|business|government|high-level|senior|youth|media|party|investment|friendship)\s+){0,4}(?:delegation|trade mission)(?:\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)*[A-Z][\w.'’&-]*)*(?:\s+(?:province|city|state|region|county|prefecture|municipality))?(?:\s+(?:[a-z]+\s+)?(?:officials|entrepreneurs|executives|lawmakers|legislators|business\s+leaders|businesspeople|investors|scholars|experts|journalists|students|mayors|governors|ministers|diplomats|parliamentarians|companies|firms|enterprises))?)?)",
            )
            .expect("delegation pattern")
        });
        // The pattern needs "delegation" or "mission": skip its slow captures otherwise.
        let maybe = self.norm_str.contains("delegation") || self.norm_str.contains("mission");
        let text: String = if maybe { self.chars.iter().collect() } else { String::new() };
        for c in EN.captures_iter(&text) {
            let m = c.get(1).expect("group 1");
            let phrase = m.as_str();
            // Bare "the delegation" says nothing about whose it is.
            if !phrase.contains(" from ") && !phrase.contains(" of ") && !phrase.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            // "a delegation ... led by X": the leader is the participant.
            let after = &text[m.end()..];
            let tail: String = after.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
            if tail.contains("led by") || tail.contains("headed by") {
                continue;
            }
            let st = text[..m.start()].chars().count();
            let e = st + phrase.chars().count();
            if self.active_at(st) {
                found.push((st, e, self.ns(st, e).to_string()));
            }
        }
        found.sort();
        found.dedup_by(|b, a| b.0 < a.1);
        self.groups = found;
    }

    /// People as participants: person mentions, pronouns resolved to the person named
    /// before them, and titles without a name ("the Russian foreign minister").
    #[inline(never)]
    fn build_items(&mut self) {
        let g = &self.p.gazetteer;
        let mut items = Vec::new();
        let mut last_person: Option<EntityKey> = None;
        // Where the sentence around the current pronoun starts: one forward scan.
        let (mut scanned, mut sentence_start) = (0usize, 0usize);
        for (i, m) in self.mentions.iter().enumerate() {
            match &m.kind {
                Mk::Ent(k, EntityType::Person) => {
                    items.push(Item { start: m.start, end: m.end, key: k.clone() });
                    last_person = Some(k.clone());
                }
                Mk::Pronoun => {
                    // English "he" in a sentence that named someone first ("Orban met Xi,
                    // days after he met Putin") is that first person, the sentence's subject.
                    let latin = self.chars[m.start].is_ascii_alphabetic();
                    while scanned < m.start {
                        let j = scanned;
                        if self.norm[j] == '\n' || (matches!(self.norm[j], '.' | '!' | '?') && self.norm.get(j + 1) == Some(&' ')) {
                            sentence_start = j + 1;
                        }
                        scanned += 1;
                    }
                    // Items so far are in text order: those of this sentence are one run.
                    let first = items.partition_point(|it: &Item| it.start < sentence_start);
                    let subject = latin
                        .then(|| {
                            items[first..]
                                .iter()
                                .take_while(|it| it.start <= m.start)
                                .find(|it| it.end <= m.start)
                                .map(|it| it.key.clone())
                        })
                        .flatten();
                    if let Some(k) = subject.as_ref().or(last_person.as_ref()) {
                        items.push(Item { start: m.start, end: m.end, key: k.clone() });
                    }
                }
                Mk::Couple => {
                    // The last two people named side by side ("King X and Queen Y").
                    let mut people: Vec<&Item> = items.iter().rev().filter(|it: &&Item| it.end <= m.start).take(2).collect();
                    people.reverse();
                    if let [a, b] = people[..] {
                        let between: String = self.gap(a.end, b.start);
                        if a.key != b.key && matches!(between.as_str(), "and" | "和" | "与" | "及" | "and his wife" | "and her husband" | "和夫人" | "与夫人") {
                            let (ka, kb) = (a.key.clone(), b.key.clone());
                            items.push(Item { start: m.start, end: m.end, key: ka });
                            items.push(Item { start: m.start, end: m.end, key: kb });
                        }
                    }
                }
                Mk::Ent(EntityKey::Known(role), EntityType::Role) => {
                    // "Myanmar's President, Thein Sein": an English title in apposition
                    // is that person's too.
                    let next_is_person = self.mentions.get(i + 1).is_some_and(|n| {
                        let gap = &self.norm[m.end..n.start];
                        matches!(n.kind, Mk::Ent(_, EntityType::Person))
                            && (gap.iter().all(|c| *c == ' ')
                                || (self.chars[m.start].is_ascii_alphabetic() && gap == [',', ' ']))
                    });
                    let prev_is_person = i > 0
                        && matches!(self.mentions[i - 1].kind, Mk::Ent(_, EntityType::Person))
                        && self.mentions[i - 1].end == m.start;
                    // 美国总统国家安全事务助理: the first title qualifies the second.
                    let next_is_role = self
                        .mentions
                        .get(i + 1)
                        .is_some_and(|n| self.is_role(n) && self.norm[m.end..n.start].iter().all(|c| *c == ' '));
                    if next_is_person || prev_is_person || next_is_role {
                        continue;
                    }
                    // The country before the title (俄罗斯外长, Brazil's central bank
                    // governor), else after it ("the foreign minister of Brazil").
                    let (country, start, end) = match self.country_before(i) {
                        Some(c) => (c, self.mentions[i - 1].start, m.end),
                        None => match self.country_after(i) {
                            Some((c, e)) => (c, m.start, e),
                            None => continue,
                        },
                    };
                    match self.person_with_role(*role, country, m.start) {
                        Some(k) => items.push(Item { start, end, key: k }),
                        // A title that qualifies what follows (美国总统就职典礼, "the
                        // president's visit") names no participant.
                        None if !self.office_stands_alone(end) => {}
                        // No holder known: the office itself takes part, when one person
                        // holds it at a time (巴西央行行长, "the Russian foreign minister").
                        None if self.p.lists.holder_roles.contains(&g.entry(*role).id) => {
                            items.push(Item { start, end, key: EntityKey::Holder(*role, country) })
                        }
                        None => {}
                    }
                }
                _ => {}
            }
        }
        let _ = g;
        // A delegation item replaces people inside it ("美国总统拜登代表团" is the
        // delegation). Groups are sorted and disjoint: the one that could hold an item is
        // the last starting at or before it.
        let groups = &self.groups;
        items.retain(|it| {
            let k = groups.partition_point(|g| g.0 <= it.start);
            !(k > 0 && it.end <= groups[k - 1].1)
        });
        for (s, e, name) in groups {
            items.push(Item { start: *s, end: *e, key: EntityKey::Open(EntityType::Organization, name.clone()) });
        }
        items.sort_by_key(|it| (it.start, it.end));
        self.items = items;
    }

    /// The person holding a role for a country: first as the page itself says
    /// (a title next to a name), else the gazetteer's holder on the article's date.
    fn person_with_role(&self, role: usize, country: usize, near: usize) -> Option<EntityKey> {
        // The nearest such mention (of two as near, the earlier): a binary search.
        if let Some(list) = self.roles_at.get(&(role, country)) {
            let k = list.partition_point(|&mi| self.mentions[mi].start < near);
            let d = |j: usize| self.mentions[list[j]].start.abs_diff(near);
            let j = match (k.checked_sub(1), (k < list.len()).then_some(k)) {
                (Some(a), Some(b)) => if d(b) < d(a) { b } else { a },
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => unreachable!("a listed role has a mention"),
            };
            if let Mk::Ent(k, _) = &self.mentions[list[j]].kind {
                return Some(k.clone());
            }
        }
        let g = &self.p.gazetteer;
        let role_id = &g.entry(role).id;
        let country_id = &g.entry(country).id;
        let date = self.sections[self.lines[self.line_at(near)].section].anchor;
        let terms = self.p.role_holders.get(role_id).and_then(|by_country| by_country.get(country_id));
        let mut holders: Vec<usize> =
            terms.into_iter().flatten().filter(|&&(i, k)| g.entry(i).roles[k].held_on(date)).map(|&(i, _)| i).collect();
        holders.dedup();
        (holders.len() == 1 && date.is_some()).then(|| EntityKey::Known(holders[0]))
    }

    // -- 3. sentences, times, meetings ---------------------------------------------

    #[inline(never)]
    fn find_times(&mut self) {
        let mut out = Vec::new();
        for l in &self.lines {
            if !l.active || l.dated {
                continue;
            }
            let s = self.ns(l.start, l.end);
            for mut t in self.p.dates.find_time_exprs(&s) {
                t.start += l.start;
                t.end += l.start;
                out.push(t);
            }
        }
        self.times = out;
    }

    #[inline(never)]
    fn split_sentences(&mut self) {
        let mut out = Vec::new();
        let mut long = Vec::new();
        for (li, l) in self.lines.iter().enumerate() {
            if !l.active {
                continue;
            }
            let mut s = l.start;
            let mut i = l.start;
            while i < l.end {
                let c = self.norm[i];
                let mut end = None;
                if matches!(c, '。' | '!' | '?' | ';') {
                    end = Some(i + 1);
                } else if c == '.' && (i + 1 == l.end || self.norm[i + 1] == ' ') && !self.is_abbreviation(s, i) {
                    end = Some(i + 1);
                }
                if let Some(mut e) = end {
                    // Closing quotes and brackets stay with their sentence.
                    while e < l.end && matches!(self.norm[e], '"' | '”' | '’' | '」' | ')' | '\'') {
                        e += 1;
                    }
                    if self.norm[s..e].iter().any(|c| !c.is_whitespace()) {
                        self.push_sentence(&mut out, (s, e, li), &mut long);
                    }
                    // The next sentence starts at its first character, not at the space.
                    s = e;
                    while s < l.end && self.norm[s].is_whitespace() {
                        s += 1;
                    }
                    i = s;
                    continue;
                }
                i += 1;
            }
            if self.norm[s..l.end].iter().any(|c| !c.is_whitespace()) {
                self.push_sentence(&mut out, (s, l.end, li), &mut long);
            }
        }
        self.sentences = out;
        self.notes.extend(long.into_iter().map(|(s, e)| {
            let (os, _) = self.doc.to_original(s, e);
            format!(
                "a sentence of {} characters at offset {os} is longer than {MAX_SENTENCE}: read in pieces of at most {MAX_SENTENCE} characters, cut at a comma or space",
                e - s
            )
        }));
    }

    /// Adds a sentence; one longer than [`MAX_SENTENCE`] characters (a list, a table or a
    /// file without sentence ends) goes in pieces, each cut after the last comma,
    /// semicolon or space in its second half (else at the limit), so that the work per
    /// trigger, which reads its sentence, stays bounded. The long sentence is noted.
    fn push_sentence(&self, out: &mut Vec<(usize, usize, usize)>, (s, e, li): (usize, usize, usize), long: &mut Vec<(usize, usize)>) {
        if e - s <= MAX_SENTENCE {
            out.push((s, e, li));
            return;
        }
        long.push((s, e));
        let mut a = s;
        while e - a > MAX_SENTENCE {
            let hi = a + MAX_SENTENCE;
            let cut = (a + MAX_SENTENCE / 2..hi)
                .rev()
                .find(|&i| matches!(self.norm[i], ',' | ';' | ':' | '、' | ' ' | '\u{3000}'))
                .map_or(hi, |i| i + 1);
            out.push((a, cut, li));
            a = cut;
            while a < e && self.norm[a].is_whitespace() {
                a += 1;
            }
        }
        if a < e {
            out.push((a, e, li));
        }
    }

    fn is_abbreviation(&self, sentence_start: usize, dot: usize) -> bool {
        let mut b = dot;
        while b > sentence_start && self.norm[b - 1].is_alphanumeric() {
            b -= 1;
        }
        let word = self.ns(b, dot);
        let single_letter = word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic());
        single_letter || self.p.lists.en_abbreviations.contains(word) || (b > 0 && self.norm[b - 1] == '.')
    }

    fn sentence_of(&self, pos: usize) -> Option<(usize, usize, usize)> {
        let i = self.sentences.partition_point(|s| s.1 <= pos);
        self.sentences.get(i).copied().filter(|s| s.0 <= pos)
    }

    /// The clause around `pos` for Chinese rules: bounded by commas, semicolons, colons.
    fn clause(&self, pos: usize, sentence: (usize, usize)) -> (usize, usize) {
        let is_b = |c: char| matches!(c, ',' | ';' | ':' | '、' | '，');
        let mut lo = pos;
        while lo > sentence.0 && !(is_b(self.norm[lo - 1]) && self.norm[lo - 1] != '、') {
            lo -= 1;
        }
        let mut hi = pos;
        while hi < sentence.1 && !(is_b(self.norm[hi]) && self.norm[hi] != '、') {
            hi += 1;
        }
        (lo, hi)
    }

    fn covered(&self, pos: usize) -> bool {
        let in_mention = self.mentions.covering(pos).is_some_and(|m| !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun));
        // Times are disjoint and sorted: only the last one starting at or before `pos` can hold it.
        let k = self.times.partition_point(|t| t.start <= pos);
        in_mention || (k > 0 && pos < self.times[k - 1].end)
    }

    /// The text between two offsets with mentions (other than people), times and short
    /// parentheticals removed, whitespace squeezed.
    fn gap(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        let mut i = a;
        while i < b {
            let c = self.norm[i];
            if c == '(' {
                if let Some(close) = (i + 1..b.min(i + 10)).find(|&j| self.norm[j] == ')') {
                    i = close + 1;
                    continue;
                }
            }
            if !self.covered(i) {
                out.push(c);
            }
            i += 1;
        }
        let words: Vec<&str> = out.split_whitespace().collect();
        // In English, capitalised words between people are titles and bodies
        // ("and U.S. Treasury Secretary"): transparent like a matched role.
        let latin = (a..b).any(|i| self.chars[i].is_ascii_alphabetic());
        if latin {
            let orig: String = (a..b).filter(|&i| !self.covered(i)).map(|i| self.chars[i]).collect();
            let kept: Vec<String> = orig
                .split_whitespace()
                .filter(|w| !w.chars().next().is_some_and(char::is_uppercase))
                .map(|w| w.to_lowercase())
                .collect();
            return kept.join(" ");
        }
        words.join(" ")
    }

    fn is_list_gap(g: &str) -> bool {
        // "Andrzej Duda and his Czech counterpart, Petr Pavel": the comma before an
        // apposition changes nothing.
        let g = g.strip_suffix(" ,").or_else(|| g.strip_suffix(',')).map(str::trim_end).unwrap_or(g);
        matches!(
            g,
            "" | "、" | "," | "和" | "与" | "及" | "以及" | "and" | ", and" | "&"
                // a couple: 习近平和夫人彭丽媛, "Xi and his wife Peng Liyuan"
                | "和夫人" | "与夫人" | "及夫人" | "偕夫人" | "和妻子" | "与妻子" | "and his wife" | "and her husband"
                | "and wife" | "and husband" | ", and his wife" | ", and her husband" | "with his wife" | "with her husband"
                // "Li Shangfu and his Singaporean counterpart Ng Eng Hen"
                | "and his counterpart" | "and her counterpart" | "and their counterpart"
        )
    }

    /// Items inside `lo..hi`, in text order (items are sorted by start: a binary search,
    /// then only the items starting in the range).
    fn items_in(&self, lo: usize, hi: usize) -> Vec<usize> {
        let first = self.items.partition_point(|it| it.start < lo);
        (first..self.items.len()).take_while(|&i| self.items[i].start <= hi).filter(|&i| self.items[i].end <= hi).collect()
    }

    /// People just left of `before` (nearest first found, then extended over list
    /// separators), in text order. `lo` bounds the search.
    fn left_group(&self, before: usize, lo: usize) -> Vec<usize> {
        let cands = self.items_in(lo, before);
        let Some(&last) = cands.last() else { return Vec::new() };
        let mut group = vec![last];
        let mut k = cands.len() - 1;
        while k > 0 {
            let (prev, cur) = (cands[k - 1], group[0]);
            if Self::is_list_gap(&self.gap(self.items[prev].end, self.items[cur].start)) {
                group.insert(0, prev);
                k -= 1;
            } else {
                break;
            }
        }
        group
    }

    /// People just right of `after`: the first must follow with nothing but titles,
    /// places and particles between; then extended over list separators.
    fn right_group(&self, after: usize, hi: usize) -> Vec<usize> {
        let cands = self.items_in(after, hi);
        let Some(&first) = cands.first() else { return Vec::new() };
        let g = self.gap(after, self.items[first].start);
        // Chinese puts titles, bodies and modifiers before the object (会见来华访问的巴西
        //总统卢拉, 会见美国财政部长耶伦): within the clause, they all belong to it.
        let han = (after..self.items[first].start).any(|i| is_han(self.norm[i]));
        // Long official titles (中共中央外事工作委员会办公室主任兼外交部长) count by what no
        // mention covers.
        let uncovered = (after..self.items[first].start).filter(|&i| self.mentions.covering(i).is_none()).count();
        let modifier = han
            && uncovered <= 30
            && self.items[first].start - after <= 60
            && !self.norm[after..self.items[first].start].iter().any(|c| matches!(c, ',' | ';' | '。' | ':' | '!' | '?'));
        // "received a delegation of provincial officials led by Vice Governor X": X.
        let led_by = (g.starts_with("a ") || g.starts_with("an ") || g.starts_with("the "))
            && g.contains("delegation")
            && (g.ends_with("led by") || g.ends_with("headed by"))
            && g.split(' ').count() <= 12;
        // "met rebel leader Nur Misuari": words that modify the object's title.
        let title_modifiers = !han && self.en_modifiers_to_role(after).is_some_and(|r| r < self.items[first].start);
        let opener_ok = modifier
            || led_by
            || title_modifiers
            || g.split(' ').all(|w| {
                matches!(
                    w.trim_end_matches(','),
                    "" | "了" | "with" | "the" | "a" | "delegation" | "visiting" | "his" | "her" | "their" | "its"
                        | "counterpart" | "counterparts" | "new" | "incoming" | "outgoing" | "former" | "then" | "also" | "来访的"
                        | "from" | "of" | "and" | ","
                        | "来华访问的" | "来华的"
                        // "met today with", "met in Berlin with" (the time and place are
                        // mentions, their words stay)
                        | "in" | "at" | "on" | "for" | "briefly" | "privately" | "jointly" | "today" | "yesterday"
                        // "met with Norway's foreign minister": the country is a mention,
                        // its possessive stays
                        | "'s" | "’s"
                )
            });
        if !opener_ok {
            return Vec::new();
        }
        let mut group = vec![first];
        for &next in &cands[1..] {
            let cur = *group.last().unwrap();
            if Self::is_list_gap(&self.gap(self.items[cur].end, self.items[next].start)) {
                group.push(next);
            } else {
                break;
            }
        }
        group
    }

    /// Left group with Chinese zero anaphora: when the clause names nobody, the subject
    /// is the nearest person earlier in the sentence.
    fn subject(&self, before: usize, clause_lo: usize, sentence_lo: usize) -> Vec<usize> {
        let g = self.left_group(before, clause_lo);
        if !g.is_empty() || clause_lo == sentence_lo {
            return g;
        }
        // The nearest person who is no object (与副总统拜登举行会谈,并…与奥巴马会谈: not 拜登).
        let cands = self.items_in(sentence_lo, clause_lo);
        let subject = cands.iter().rev().find(|&&i| !self.zh_object_at(self.items[i].start, sentence_lo));
        subject.or(cands.last()).map(|&i| vec![i]).unwrap_or_default()
    }

    #[inline(never)]
    fn find_meetings(&mut self) {
        let triggers = self.triggers.clone();
        let mut blockers: Vec<usize> = triggers
            .iter()
            .filter(|t| t.rules.iter().any(|&r| self.p.rules.rules[r].kind == RuleKind::Blocker))
            .map(|t| t.start)
            .collect();
        blockers.sort_unstable();
        let mut candidates = Vec::new();
        let mut attendances: Vec<(Vec<Item>, usize, (usize, usize, usize))> = Vec::new();
        for t in triggers.iter() {
            let Some(sent) = self.sentence_of(t.start) else { continue };
            if !self.active_at(t.start) {
                continue;
            }
            for &ri in t.rules {
                let rule = &self.p.rules.rules[ri];
                let (lo, hi) = match rule.lang {
                    Lang::Zh => self.clause(t.start, (sent.0, sent.1)),
                    Lang::En => (sent.0, sent.1),
                };
                // A blocker counts up to the first comma after the trigger (English), or
                // within the clause (Chinese).
                let block_hi = match rule.lang {
                    Lang::Zh => hi,
                    Lang::En => (t.end..hi).find(|&i| matches!(self.norm[i], ',' | ';')).unwrap_or(hi),
                };
                let blocked = blockers.get(blockers.partition_point(|&b| b < lo)).is_some_and(|&b| b < block_hi);
                let (left, right, host_known): (Vec<usize>, Vec<usize>, bool) = match rule.shape {
                    Shape::Block => continue,
                    Shape::SubjectObject => {
                        let l = if rule.lang == Lang::Zh { self.subject(t.start, lo, sent.0) } else { self.left_group(t.start, lo) };
                        let r = self.right_group(t.end, hi);
                        if l.is_empty() || r.is_empty() {
                            continue;
                        }
                        match rule.host {
                            Host::Right => (r, l, true),
                            Host::Left => (l, r, true),
                            Host::Unknown => (l, r, false),
                        }
                    }
                    Shape::With => {
                        match self.with_marker(lo, t.start, &rule.markers) {
                            Some((ms, me)) => {
                                let r = self.right_group(me, t.start);
                                let l = self.subject(ms, lo, sent.0);
                                if l.is_empty() || r.is_empty() {
                                    continue;
                                }
                                (l, r, false)
                            }
                            None => {
                                let l = self.left_group(t.start, lo);
                                if l.len() < 2 {
                                    continue;
                                }
                                (l, Vec::new(), false)
                            }
                        }
                    }
                    Shape::Pair => {
                        let l = self.left_group(t.start, lo);
                        if l.len() < 2 || !Self::trigger_follows(&self.gap(self.items[*l.last().unwrap()].end, t.start)) {
                            continue;
                        }
                        (l, Vec::new(), false)
                    }
                    Shape::Fronted => {
                        // The object up to the clause's comma; the subject left of the
                        // trigger, else the first people after the comma.
                        let comma = (t.end..hi).find(|&i| self.norm[i] == ',').unwrap_or(hi);
                        let r = self.right_group(t.end, comma);
                        let mut l = self.left_group(t.start, lo);
                        if l.is_empty() && comma < hi {
                            l = self.right_group(comma + 1, hi);
                        }
                        if l.is_empty() || r.is_empty() {
                            continue;
                        }
                        (l, r, false)
                    }
                    Shape::Between => {
                        let r = self.right_group(t.end, hi);
                        if r.len() < 2 {
                            continue;
                        }
                        (r, Vec::new(), false)
                    }
                    Shape::Remarks => {
                        let l = self.remarks_people(sent.2);
                        if l.len() < 2 {
                            continue;
                        }
                        (l, Vec::new(), false)
                    }
                    Shape::Attend => {
                        let l = self.left_group(t.start, lo);
                        let Some(&last) = l.last() else { continue };
                        let g = self.gap(self.items[last].end, t.start);
                        if !matches!(g.as_str(), "" | "等" | "等人" | "也" | "还" | "均" | "等也" | "and others" | "also" | "were" | "was") {
                            continue;
                        }
                        attendances.push((l.iter().map(|&i| self.items[i].clone()).collect(), ri, sent));
                        break;
                    }
                };
                if blocked {
                    break;
                }
                // 分别会见 A、B: one meeting with each of them.
                let groups: Vec<Vec<usize>> = if rule.separately && rule.shape == Shape::SubjectObject && right.len() > 1 {
                    right.iter().map(|&r| left.iter().copied().chain(std::iter::once(r)).collect()).collect()
                } else {
                    vec![left.iter().chain(right.iter()).copied().collect()]
                };
                let time = self.time_for(sent, t.start, t.end);
                let place = self.place_for(sent, t.start);
                let planned = rule.planned || (rule.lang == Lang::Zh && self.future_marker(lo, t.start));
                let Some(planned) = self.meeting_status(rule.lang, (sent.0, sent.1), lo, (t.start, t.end), planned) else { break };
                let mut made = false;
                for group in groups {
                    let mut participants: Vec<Item> = Vec::new();
                    for i in group {
                        let it = &self.items[i];
                        if !participants.iter().any(|p| p.key == it.key) {
                            participants.push(it.clone());
                        }
                    }
                    if participants.len() < 2 {
                        continue;
                    }
                    made = true;
                    candidates.push(Candidate {
                        participants,
                        host_known,
                        rule: ri,
                        sentence: (sent.0, sent.1),
                        trigger: (t.start, t.end),
                        section: self.lines[sent.2].section,
                        latin: script_is_latin(&self.norm[sent.0..sent.1]),
                        time: time.clone(),
                        place,
                        planned,
                    });
                }
                if made {
                    break;
                }
            }
        }
        self.merge(candidates, attendances);
    }

    /// A transcript's headline ("Remarks With X Before Their Meeting", "Remarks by X and
    /// Y Before Bilateral Meeting"): the people it names and, when it names only one, the
    /// speaker: the first other person standing at the start of a line below it, alone
    /// (a byline) or as a speaker's label ("SECRETARY KERRY:", "President Obama. I …"),
    /// with nothing but capitalised titles before. Only a headline counts: one of the
    /// page's first lines, short.
    fn remarks_people(&self, line: usize) -> Vec<usize> {
        const HEADLINE_LINES: usize = 4;
        const HEADLINE_CHARS: usize = 200;
        const SPEAKER_LINES: usize = 12;
        let Some(l) = self.lines.get(line) else { return Vec::new() };
        if line >= HEADLINE_LINES || l.end - l.start > HEADLINE_CHARS {
            return Vec::new();
        }
        let mut people = self.items_in(l.start, l.end);
        if people.len() != 1 {
            return people;
        }
        for next in self.lines.iter().skip(line + 1).take(SPEAKER_LINES) {
            let Some(&first) = self.items_in(next.start, next.end).first() else { continue };
            let it = &self.items[first];
            let before: String = self.chars[next.start..it.start].iter().collect();
            let titles = before.chars().count() <= 40
                && before.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
            let after = self.chars[it.end..next.end].iter().find(|c| !c.is_whitespace()).copied();
            let label = matches!(after, None | Some(':') | Some('.'));
            if titles && label && self.items[people[0]].key != it.key {
                people.push(first);
                break;
            }
        }
        people
    }

    /// 将/将于/拟/计划/定于 before a Chinese trigger in its clause: the meeting is planned
    /// (布林肯将与内塔尼亚胡会面), not yet held. 上将/中将 are ranks, 即将 still future.
    fn future_marker(&self, lo: usize, trig: usize) -> bool {
        let s: Vec<char> = self.norm[lo..trig].to_vec();
        (0..s.len()).any(|i| {
            let next = s.get(i + 1).copied();
            let prev = if i > 0 { Some(s[i - 1]) } else { None };
            match s[i] {
                '将' => !matches!(prev, Some('上' | '中' | '少' | '大' | '武' | '名' | '老' | '主')) && !matches!(next, Some('军' | '领' | '士')),
                '拟' => next == Some('于') || next == Some('在') || next == Some('与') || next == Some('同') || next == Some('会'),
                '计' => next == Some('划'),
                '定' => next == Some('于') && prev != Some('决'),
                '预' => next == Some('计') || next == Some('定'),
                _ => false,
            }
        })
    }

    fn trigger_follows(gap: &str) -> bool {
        gap.split(' ').all(|w| matches!(w, "" | "," | "have" | "has" | "had" | "also" | "then" | "both" | "later" | "first"))
    }

    /// The nearest 同/与/和/跟 before the trigger that has a person right after it.
    fn with_marker(&self, lo: usize, trig: usize, markers: &[String]) -> Option<(usize, usize)> {
        let mut i = trig;
        while i > lo {
            i -= 1;
            if self.covered(i) {
                continue;
            }
            // The rule's own markers (受到), else the lexicon's characters (同/与/和/跟).
            let end = if markers.is_empty() {
                self.p.lists.zh_with.contains(self.norm[i]).then_some(i + 1)
            } else {
                markers.iter().find(|m| self.ns(i, trig).starts_with(m.as_str())).map(|m| i + m.chars().count())
            };
            if let Some(end) = end {
                let r = self.right_group(end, trig);
                if !r.is_empty() {
                    return Some((i, end));
                }
            }
        }
        None
    }

    fn time_for(&self, sent: (usize, usize, usize), ts: usize, te: usize) -> Option<TimeExpr> {
        let inside = self.times_in(sent.0, sent.1);
        inside
            .iter()
            .rev()
            .find(|t| t.end <= ts)
            .or_else(|| inside.iter().find(|t| t.start >= te))
            .map(|t| (*t).clone())
    }

    /// Time expressions inside `lo..hi` (times are disjoint and sorted by start).
    pub(super) fn times_in(&self, lo: usize, hi: usize) -> &[TimeExpr] {
        let first = self.times.partition_point(|t| t.start < lo);
        let last = first + self.times[first..].partition_point(|t| t.end <= hi);
        &self.times[first..last]
    }

    /// The most specific place said to be where the meeting happened: a place after a
    /// locative word (在, 于, 前往, in, at) or chained to such a place (南非约翰内斯堡).
    fn place_for(&self, sent: (usize, usize, usize), trig: usize) -> Option<(usize, usize, usize)> {
        let g = &self.p.gazetteer;
        let mut best: Option<(PlaceKind, usize, (usize, usize, usize))> = None;
        // Mentions are sorted and disjoint here: those inside the sentence are one run.
        let first = self.mentions.partition_point(|m| m.start < sent.0);
        let places: Vec<&M> = self.mentions[first..]
            .iter()
            .take_while(|m| m.end <= sent.1)
            .filter(|m| matches!(m.kind, Mk::Ent(EntityKey::Known(_), EntityType::Place)))
            .collect();
        let mut eligible_ends: Vec<usize> = Vec::new();
        for m in places {
            let Mk::Ent(EntityKey::Known(i), _) = m.kind else { continue };
            let before = self.ns(sent.0, m.start);
            let before = before.trim_end();
            let chained = eligible_ends.iter().any(|&e| {
                let between = self.ns(e, m.start);
                matches!(between.trim(), "" | ",")
            });
            let lists = &self.p.lists;
            let locative = lists.zh_locatives.iter().any(|w| before.ends_with(w.as_str()))
                // After a space, or opening the sentence ("In Beijing, …").
                || lists.en_locatives.iter().any(|w| before.strip_suffix(w.as_str()).is_some_and(|b| b.is_empty() || b.ends_with(' ')));
            // A country before a title is a qualifier, not a place (俄罗斯外长).
            let qualifier = self.mentions.starting(m.end).is_some_and(|o| matches!(o.kind, Mk::Ent(_, EntityType::Role)));
            if !(locative || chained) || qualifier {
                continue;
            }
            eligible_ends.push(m.end);
            let kind = g.entry(i).place_kind.unwrap_or(PlaceKind::Country);
            let dist = m.start.abs_diff(trig);
            let better = match &best {
                None => true,
                Some((k, d, _)) => kind > *k || (kind == *k && dist < *d),
            };
            if better {
                best = Some((kind, dist, (m.start, m.end, i)));
            }
        }
        best.map(|b| b.2)
    }

    fn lead_time(&self, section: usize, latin: bool) -> Option<TimeExpr> {
        // Sections follow the text: the section's times are one run of the sorted times.
        let section_of = |t: &TimeExpr| self.lines[self.line_at(t.start)].section;
        let first = self.times.partition_point(|t| section_of(t) < section);
        self.times[first..]
            .iter()
            .take_while(|t| section_of(t) == section)
            .find(|t| {
                let l = &self.lines[self.line_at(t.start)];
                l.active && !l.dated && {
                    let s = self.sentence_of(t.start);
                    s.is_some_and(|s| script_is_latin(&self.norm[s.0..s.1]) == latin)
                }
            })
            .cloned()
    }

    fn own_day(&self, c: &Candidate) -> Option<DateValue> {
        let t = c.time.as_ref()?;
        let anchor = self.sections[c.section].anchor;
        dates::resolve(&[t.date], anchor, self.opts.today)
    }

    fn merge(&mut self, candidates: Vec<Candidate>, attendances: Vec<(Vec<Item>, usize, (usize, usize, usize))>) {
        let keys = |v: &[Item]| v.iter().map(|i| i.key.clone()).collect::<BTreeSet<_>>();
        let mut meetings: Vec<Meeting> = Vec::new();
        let mut index = MeetingIndex::default();
        // The lead time of each (section, script), found once.
        let mut lead: HashMap<(usize, bool), Option<TimeExpr>> = HashMap::new();
        let mut cand_meeting: Vec<(usize, usize)> = Vec::new(); // sentence start → meeting
        for c in candidates {
            let day = self.own_day(&c);
            let ck = keys(&c.participants);
            let compatible = |m: &Meeting| match (m.day, day) {
                (Some(DateValue::Day(a)), Some(DateValue::Day(b))) => a == b,
                (Some(DateValue::Year(a)), Some(DateValue::Day(b))) | (Some(DateValue::Day(b)), Some(DateValue::Year(a))) => {
                    chrono::Datelike::year(&b) == a
                }
                (Some(DateValue::Year(a)), Some(DateValue::Year(b))) => a == b,
                _ => true,
            };
            // The first meeting with the same people, or a subset or superset of them
            // (every meeting has two people or more), of the same status and a compatible day.
            let found = index.first(&ck, meetings.len(), |mi| {
                let m = &meetings[mi];
                m.planned == c.planned && compatible(m) && {
                    let mk = keys(&m.participants);
                    mk.is_subset(&ck) || ck.is_subset(&mk)
                }
            });
            let mi = match found {
                Some(mi) => {
                    let m = &mut meetings[mi];
                    let mk = keys(&m.participants);
                    for p in &c.participants {
                        if !mk.contains(&p.key) && !m.attendees.iter().any(|a| a.key == p.key) {
                            m.attendees.push(p.clone());
                        }
                    }
                    if !m.host_known && c.host_known && ck == mk {
                        m.participants = c.participants.clone();
                        m.host_known = true;
                    }
                    if m.day.is_none() {
                        m.day = day;
                    }
                    mi
                }
                None => {
                    index.add(&ck, meetings.len());
                    meetings.push(Meeting {
                        participants: c.participants.clone(),
                        attendees: Vec::new(),
                        host_known: c.host_known,
                        evidence: Vec::new(),
                        explicit: Vec::new(),
                        hints: Vec::new(),
                        section: c.section,
                        day,
                        places: Vec::new(),
                        planned: c.planned,
                    });
                    meetings.len() - 1
                }
            };
            let m = &mut meetings[mi];
            m.evidence.push((c.sentence.0, c.sentence.1, c.rule));
            if let Some(t) = &c.time {
                m.explicit.push(t.clone());
            } else if let Some(h) = lead.entry((c.section, c.latin)).or_insert_with(|| self.lead_time(c.section, c.latin)).clone()
                && !m.hints.contains(&h)
            {
                m.hints.push(h);
            }
            if let Some(p) = c.place {
                m.places.push(p);
            }
            cand_meeting.push((c.sentence.0, mi));
            let _ = c.trigger;
        }
        // Attendance joins the meeting reported in the same sentence, else the nearest before.
        // Candidates come in text order and sections follow the text: search back from
        // the last candidate at or before the sentence, within its section.
        for (people, rule, sent) in attendances {
            let section = self.lines[sent.2].section;
            let upto = cand_meeting.partition_point(|(s, _)| *s <= sent.0);
            let target = cand_meeting[..upto]
                .iter()
                .rev()
                .map(|&(s, mi)| (self.lines[self.line_at(s)].section, mi))
                .take_while(|&(sec, _)| sec >= section)
                .find(|&(sec, _)| sec == section)
                .map(|(_, mi)| mi);
            let Some(mi) = target else { continue };
            let m = &mut meetings[mi];
            for p in people {
                if !m.participants.iter().any(|q| q.key == p.key) && !m.attendees.iter().any(|q| q.key == p.key) {
                    m.attendees.push(p);
                }
            }
            m.evidence.push((sent.0, sent.1, rule));
        }
        self.meetings = meetings;
    }

    // -- 4. output -----------------------------------------------------------------

    fn span(&self, start: usize, end: usize, rule: &Arc<str>) -> Span {
        let (s, e) = self.doc.to_original(start, end);
        Span { start: s, end: e, text: self.original_text(s, e), rule: rule.clone() }
    }

    /// The original text between two original char offsets.
    fn original_text(&self, s: usize, e: usize) -> String {
        // Slices of chars already split, not `original_slice` (a scan from the start each
        // time: quadratic on a long document).
        let all = if self.doc.map.is_some() { &self.original } else { &self.chars };
        all.get(s..e).map_or_else(|| self.doc.original_slice(s, e), |c| c.iter().collect())
    }

    /// The original text behind a span of the normalised text.
    fn text(&self, start: usize, end: usize) -> String {
        let (s, e) = self.doc.to_original(start, end);
        self.original_text(s, e)
    }

    fn entity_id(&self, key: &EntityKey) -> String {
        match key {
            EntityKey::Known(i) => self.p.entry_iris[*i].clone(),
            EntityKey::Open(t, name) => {
                let mut id = String::with_capacity(BASE_IRI.len() + 16 + name.len() * 3);
                id.push_str(BASE_IRI);
                id.push_str(t.segment());
                id.push_str("/name/");
                slug_into(&mut id, name);
                id
            }
            EntityKey::Holder(role, country) => {
                let g = &self.p.gazetteer;
                format!("{BASE_IRI}person/holder/{}--{}", slug(&g.entry(*country).id), slug(&g.entry(*role).id))
            }
        }
    }

    /// A role holder's names: English "Central Bank Governor of Brazil", Chinese
    /// 巴西央行行长 (country, then title) in each script the gazetteer has.
    fn holder_names(&self, role: usize, country: usize) -> BTreeMap<&'static str, String> {
        let g = &self.p.gazetteer;
        let (r, c) = (g.entry(role), g.entry(country));
        let mut names = BTreeMap::new();
        names.insert("en", format!("{} of {}", r.en, c.en));
        if let (Some(a), Some(b)) = (&c.zh_hans, &r.zh_hans) {
            names.insert("zh-Hans", format!("{a}{b}"));
        }
        if let (Some(a), Some(b)) = (&c.zh_hant, &r.zh_hant) {
            names.insert("zh-Hant", format!("{a}{b}"));
        }
        names
    }

    fn entity_name(&self, key: &EntityKey, as_written: &str, longest: &HashMap<&EntityKey, (usize, usize)>) -> String {
        match key {
            EntityKey::Known(i) => self.p.gazetteer.entry(*i).en.clone(),
            EntityKey::Holder(r, c) => self.holder_names(*r, *c).remove("en").unwrap_or_default(),
            // As first written on the page: a pronoun or "the royal couple" standing for
            // the person does not rename them.
            // The longest (a short reference linked to it, "Ngoc", does not rename "Ha Kim
            // Ngoc"); the first of equals.
            EntityKey::Open(..) => longest.get(key).map(|&(s, e)| self.text(s, e)).unwrap_or_else(|| as_written.to_string()),
        }
    }

    fn etype(&self, key: &EntityKey) -> EntityType {
        match key {
            EntityKey::Known(i) => self.p.gazetteer.entry(*i).etype,
            EntityKey::Open(t, _) => *t,
            EntityKey::Holder(..) => EntityType::Person,
        }
    }

    fn reference(&self, it: &Item, longest: &HashMap<&EntityKey, (usize, usize)>) -> Ref {
        let written = self.text(it.start, it.end);
        Ref { id: self.entity_id(&it.key), name: self.entity_name(&it.key, &written, longest), etype: self.etype(&it.key), mention: written }
    }

    /// Per open-world entity, its longest mention (the first of equals), in one pass.
    fn longest_mentions(&self) -> HashMap<&EntityKey, (usize, usize)> {
        let mut out: HashMap<&EntityKey, (usize, usize)> = HashMap::new();
        for m in &self.mentions {
            if let Mk::Ent(k @ EntityKey::Open(..), _) = &m.kind {
                out.entry(k).and_modify(|b| if m.end - m.start > b.1 - b.0 { *b = (m.start, m.end) }).or_insert((m.start, m.end));
            }
        }
        out
    }

    #[inline(never)]
    fn finish(self) -> Extraction {
        let g = &self.p.gazetteer;
        // Entities with every mention.
        let mut by_key: BTreeMap<EntityKey, Vec<Span>> = BTreeMap::new();
        for m in &self.mentions {
            if let Mk::Ent(k, _) = &m.kind {
                by_key.entry(k.clone()).or_default().push(self.span(m.start, m.end, &m.rule));
            }
        }
        // Offices that take part in a meeting (no holder known): their mentions there.
        let holder_rule: Arc<str> = Arc::from("pattern:role-holder");
        for m in &self.meetings {
            for it in m.participants.iter().chain(&m.attendees) {
                if let EntityKey::Holder(..) = it.key {
                    by_key.entry(it.key.clone()).or_default().push(self.span(it.start, it.end, &holder_rule));
                }
            }
        }
        for (s, e, name) in &self.groups {
            let rule = if name.chars().any(is_han) { "pattern:zh-delegation" } else { "pattern:en-delegation" };
            by_key.entry(EntityKey::Open(EntityType::Organization, name.clone())).or_default().push(self.span(*s, *e, &Arc::from(rule)));
        }
        let mut entities: Vec<Entity> = by_key
            .into_iter()
            .map(|(k, mut mentions)| {
                mentions.sort();
                let mut names = BTreeMap::new();
                let name = match &k {
                    EntityKey::Known(i) => {
                        let e = g.entry(*i);
                        names.insert("en", e.en.clone());
                        if let Some(z) = &e.zh_hans {
                            names.insert("zh-Hans", z.clone());
                        }
                        if let Some(z) = &e.zh_hant {
                            names.insert("zh-Hant", z.clone());
                        }
                        e.en.clone()
                    }
                    EntityKey::Holder(r, c) => {
                        mentions.dedup();
                        names = self.holder_names(*r, *c);
                        names.get("en").cloned().unwrap_or_default()
                    }
                    EntityKey::Open(_, n) => {
                        let written = mentions.iter().max_by_key(|s| s.text.chars().count()).map(|s| s.text.clone()).unwrap_or_default();
                        if n.chars().any(is_han) {
                            names.insert("zh-Hans", n.clone());
                            names.insert("zh-Hant", hanconv::s2t(n));
                        } else {
                            names.insert("en", written.clone());
                        }
                        written
                    }
                };
                let entry = if let EntityKey::Known(i) = k { Some(i) } else { None };
                Entity { id: self.entity_id(&k), entry, etype: self.etype(&k), name, names, mentions }
            })
            .collect();
        entities.sort_by(|a, b| (a.etype.as_str(), &a.id).cmp(&(b.etype.as_str(), &b.id)));

        let mut events = Vec::new();
        let longest = self.longest_mentions();
        for m in &self.meetings {
            let participants: Vec<Ref> = m.participants.iter().map(|i| self.reference(i, &longest)).collect();
            let attendees: Vec<Ref> = m.attendees.iter().map(|i| self.reference(i, &longest)).collect();
            // Place: the most specific; a place inside another beats it.
            let mut place: Option<(usize, usize, usize)> = None;
            for &(s, e, i) in &m.places {
                place = match place {
                    None => Some((s, e, i)),
                    Some(cur) => {
                        let (ki, kc) = (g.entry(i).place_kind, g.entry(cur.2).place_kind);
                        let inside = g.place_within(&g.entry(i).id, &g.entry(cur.2).id) && i != cur.2;
                        if inside || (ki > kc && !g.place_within(&g.entry(cur.2).id, &g.entry(i).id)) { Some((s, e, i)) } else { Some(cur) }
                    }
                };
            }
            let place = place.map(|(s, e, i)| Ref {
                id: g.entry(i).iri(),
                name: g.entry(i).en.clone(),
                etype: EntityType::Place,
                mention: self.text(s, e),
            });
            // Date: explicit expressions, most specific first, then the article's lead.
            let mut parts: Vec<&TimeExpr> = m.explicit.iter().collect();
            parts.sort_by_key(|t| std::cmp::Reverse(specificity(&t.date)));
            let mut pd: Vec<PartialDate> = parts.iter().map(|t| t.date).collect();
            pd.extend(m.hints.iter().map(|h| h.date));
            // A planned meeting's weekday lies ahead of the article, not behind it: read
            // it against the end of the coming week.
            let weekday_only = pd.first().is_some_and(|p| p.weekday.is_some() && p.day.is_none() && p.day_offset.is_none());
            let anchor =
                self.sections[m.section].anchor.map(|a| if m.planned && weekday_only { a + chrono::Days::new(6) } else { a });
            let date = dates::resolve(&pd, anchor, self.opts.today);
            let date_text = parts.first().copied().or(m.hints.first()).map(|t| self.text(t.start, t.end));
            let mut evidence: Vec<Span> =
                m.evidence.iter().map(|&(s, e, r)| self.span(s, e, &self.p.rule_ids[r])).collect();
            evidence.sort();
            evidence.dedup();
            let mut ids: Vec<String> = participants.iter().map(|r| meeting_key(&r.id)).collect();
            ids.sort();
            let when = match date {
                Some(d) => d.iso(),
                None => format!("undated-{}", slug(&self.doc.id)),
            };
            let id = format!("{BASE_IRI}meeting/{}/{}", ids.join("--"), when);
            events.push(Event {
                id,
                participants,
                attendees,
                place,
                date: date.map(|d| d.iso()),
                date_text,
                planned: m.planned,
                host_known: m.host_known,
                evidence,
            });
        }
        events.sort_by(|a, b| a.evidence.first().map(|e| e.start).cmp(&b.evidence.first().map(|e| e.start)).then(a.id.cmp(&b.id)));
        Extraction { doc: self.doc.id.clone(), url: self.doc.url.clone(), events, entities, notes: self.notes }
    }
}

/// Meetings by the sets of people they can merge with, so that a candidate finds its
/// meeting by lookups, not by a comparison with every meeting of the document: a meeting
/// is listed under its own key set (found by a candidate whose set contains it) and under
/// each subset of two or more of its keys (found by a candidate whose set it contains).
/// Sets above `MeetingIndex::MAX` keys are few and are compared one by one.
#[derive(Default)]
struct MeetingIndex {
    exact: HashMap<Vec<EntityKey>, Vec<usize>>,
    within: HashMap<Vec<EntityKey>, Vec<usize>>,
    big: Vec<usize>,
}

impl MeetingIndex {
    const MAX: usize = 6;

    /// Every subset of two keys or more of `keys` (sorted), in a fixed order.
    fn subsets(keys: &BTreeSet<EntityKey>) -> impl Iterator<Item = Vec<EntityKey>> + '_ {
        let v: Vec<&EntityKey> = keys.iter().collect();
        (1u32..1 << v.len()).filter(|b| b.count_ones() >= 2).map(move |b| {
            v.iter().enumerate().filter(|(i, _)| b & (1 << i) != 0).map(|(_, k)| (*k).clone()).collect()
        })
    }

    fn add(&mut self, keys: &BTreeSet<EntityKey>, meeting: usize) {
        if keys.len() > Self::MAX {
            self.big.push(meeting);
            return;
        }
        self.exact.entry(keys.iter().cloned().collect()).or_default().push(meeting);
        for sub in Self::subsets(keys) {
            self.within.entry(sub).or_default().push(meeting);
        }
    }

    /// The lowest-numbered meeting among those whose keys contain or are contained in
    /// `keys` for which `ok` holds; all `n` meetings are tried when `keys` is too big to
    /// enumerate.
    fn first(&self, keys: &BTreeSet<EntityKey>, n: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
        if keys.len() > Self::MAX {
            return (0..n).find(|&i| ok(i));
        }
        let own: Vec<EntityKey> = keys.iter().cloned().collect();
        let mut lists: Vec<&Vec<usize>> = Vec::new();
        lists.extend(self.within.get(&own));
        for sub in Self::subsets(keys) {
            lists.extend(self.exact.get(&sub));
        }
        lists.push(&self.big);
        lists.iter().filter_map(|l| l.iter().copied().find(|&i| ok(i))).min()
    }
}

fn specificity(p: &PartialDate) -> u8 {
    (p.year.is_some() as u8) * 4
        + ((p.month.is_some() || p.month_offset.is_some() || p.week_offset.is_some()) as u8) * 2
        + (p.day.is_some() as u8) * 2
        + (p.weekday.is_some() as u8)
}

fn file_stem(origin: &str) -> String {
    let path = origin.rsplit_once(':').map(|(p, _)| p).unwrap_or(origin);
    Path::new(path).file_stem().and_then(|s| s.to_str()).unwrap_or(path).to_string()
}

/// A participant's part of a meeting IRI: a gazetteer person's id as it is (`wang-yi`),
/// anything else its path with `/` as `.` (`person.name.zhao-wei`, `org.un`). Gazetteer
/// ids have no `.` and [`slug`] writes none, so two participants never share a key.
pub fn meeting_key(iri: &str) -> String {
    let path = iri.strip_prefix(BASE_IRI).unwrap_or(iri);
    match path.strip_prefix("person/") {
        Some(id) if !id.contains('/') => id.to_string(),
        _ => path.replace('/', "."),
    }
}

/// An IRI-safe path segment: ASCII letters and digits kept (lower-cased), spaces to
/// hyphens, everything else percent-encoded.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    slug_into(&mut out, s);
    out
}

/// Appends `s`'s slug to `out` (see [`slug`]).
fn slug_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let start = out.len();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == ' ' || c == '-' || c == '_' {
            if out.len() == start || !out.ends_with('-') {
                out.push('-');
            }
        } else {
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_keys_keep_known_and_unknown_people_apart() {
        let known = meeting_key(&format!("{BASE_IRI}person/zhao-wei"));
        let open = meeting_key(&format!("{BASE_IRI}person/name/zhao-wei"));
        let org = meeting_key(&format!("{BASE_IRI}org/zhao-wei"));
        assert_eq!(known, "zhao-wei");
        assert_eq!(open, "person.name.zhao-wei");
        assert_eq!(org, "org.zhao-wei");
        assert_eq!(meeting_key(&format!("{BASE_IRI}person/name/{}", slug("A.B"))), "person.name.a%2Eb");
    }

    #[test]
    fn slugs_are_iri_safe() {
        assert_eq!(slug("Olaf Scholz"), "olaf-scholz");
        assert_eq!(slug("戈利科娃"), "%E6%88%88%E5%88%A9%E7%A7%91%E5%A8%83");
        assert_eq!(slug("a<b>\"c"), "a%3Cb%3E%22c");
    }

    #[test]
    fn evidence_sentences_start_at_their_first_character() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let p = Pipeline::load(&root.join("gazetteers"), &root.join("rules")).expect("repo data loads");
        let mut doc = Document::plain("t", "t", "Xi Jinping arrived in Beijing on Monday. Xi Jinping met with Joe Biden in Beijing on Monday.");
        doc.date = NaiveDate::from_ymd_opt(2024, 1, 10);
        let x = p.extract(&doc, &Options::default());
        let ev = &x.events[0].evidence[0];
        assert_eq!(ev.text, "Xi Jinping met with Joe Biden in Beijing on Monday.");
        assert_eq!(ev.start, 41);
    }

    #[test]
    fn delegations_keep_the_republic_in_their_name() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let p = Pipeline::load(&root.join("gazetteers"), &root.join("rules")).expect("repo data loads");
        let orgs = |text: &str| -> Vec<String> {
            let mut doc = Document::plain("t", "t", text);
            doc.date = NaiveDate::from_ymd_opt(2025, 3, 14);
            let x = p.extract(&doc, &Options::default());
            x.entities.iter().filter(|e| e.etype == EntityType::Organization && e.entry.is_none()).map(|e| e.name.clone()).collect()
        };
        // 和 inside 共和国 is part of the name; between two parties it still ends it.
        assert_eq!(orgs("习近平14日在北京会见北海共和国总统贝拉莫。北海共和国商务代表团参加会见。"), ["北海共和国商务代表团"]);
        assert_eq!(orgs("习近平14日在北京会见北海共和国总统贝拉莫和南湖商务代表团。"), ["南湖商务代表团"]);
    }

    #[test]
    fn related_and_nav_lines() {
        let lx = Lexicon::from_sources(&crate::pack::lexicon_sources()).unwrap();
        let related = Lists::new(&lx).related;
        assert!(is_related_marker(&related, "相关文章"));
        assert!(is_related_marker(&related, "推 荐 阅 读"));
        assert!(is_related_marker(&related, "你 或 有 兴 趣 的 文 章"));
        assert!(!is_related_marker(&related, "相关国家领导人会见了代表团"));
        assert!(is_nav_line("首页 >  头条"));
        assert!(!is_nav_line("习近平会见拉夫罗夫"));
    }
}
