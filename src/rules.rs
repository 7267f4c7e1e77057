//! Rules: meeting, attendance and blocking rules, loaded from `rules/*.toml`.
//!
//! Input: TOML files, each a list of `[[rule]]` tables (format in `rules/README.md`).
//! Output: a [`RuleSet`] with one Aho-Corasick automaton over every trigger phrase, and
//! one over the prefixes of wildcard triggers (a `*` word: one to four lower-case words).
//!
//! A rule names a *shape* the engine in [`crate::extract`] knows how to fill
//! (who is on the left of the trigger, who on the right, where the 同/与 marker is);
//! the trigger phrases, priorities, examples and counter-examples are data.
//!
//! **Conflict policy**: overlapping triggers resolve to the longest match; rules that
//! share a trigger are tried by priority (higher first), then file order, and the first
//! one whose shape is satisfied produces the fact.
//!
//! **Invariant**: every rule has a unique id, at least one trigger, at least one example
//! and one counter-example; a malformed rule is an error naming the file and line.

use crate::error::{Error, ErrorKind, Result};
use crate::matching::is_word_char;
use crate::normalise::normalise;
use aho_corasick::{AhoCorasick, Input, MatchKind};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// What a rule produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// A meeting between the principals.
    Meeting,
    /// People present at a meeting reported nearby.
    Attendance,
    /// Words that mean no meeting happened (phone calls, messages).
    Blocker,
}

/// How the engine reads participants around the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `X TRIGGER Y`: X on the left, Y on the right (会见, met with, received).
    SubjectObject,
    /// `X 同/与/和 Y TRIGGER` (会晤, 会谈, 会面); falls back to a list on the left.
    With,
    /// `X and Y TRIGGER` / `X、Y 在…会谈`: two or more people on the left.
    Pair,
    /// `TRIGGER X and Y` ("talks between X and Y"): two or more people on the right.
    Between,
    /// `TRIGGER Y, X …` ("After meeting Y, X said", "During a meeting with Y, X said"):
    /// Y right of the trigger up to the comma, X the subject left of the trigger or, when
    /// the sentence opens with the trigger's clause, the first people after the comma.
    Fronted,
    /// `X … NOUN … with Y` ("his historic meeting Tuesday with Kim", "had an introductory
    /// meeting and dinner with He Lifeng"): a meeting noun, then the rule's marker a few
    /// words on; X the nearest people left of the noun, Y the people after the marker.
    /// `their NOUN` ("during their talks"): everyone named earlier in the sentence.
    Noun,
    /// `XY会` (川习会, 習拜會, 特金会): the first characters of two people the page names,
    /// right before the trigger, stand for their meeting.
    Abbreviation,
    /// `X (等) TRIGGER`: X attended ("王毅参加会见", "was present").
    Attend,
    /// The trigger, anywhere in the clause, cancels a meeting there.
    Block,
    /// A transcript's headline ("Remarks With X Before Their Meeting"): the people it
    /// names, and the speaker labelled at a line's start below it when it names one.
    Remarks,
}

/// Which side hosts, when the text says who received whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Left,
    Right,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

/// An example a rule must get right.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    /// English names of the participants, host first where the rule knows it.
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub attendees: Vec<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    /// The date the example text is read against.
    pub article_date: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub lang: Lang,
    pub kind: RuleKind,
    pub shape: Shape,
    pub host: Host,
    /// A planned meeting ("will meet"), not one that took place.
    pub planned: bool,
    /// Each person on the right met the left separately (分别会见, "met separately with").
    pub separately: bool,
    /// Shapes `with` and `noun`: the words that join the two sides for this rule (受到: "X 受到 Y 的接见"),
    /// normalised, instead of the lexicon's `zh-with-markers`.
    pub markers: Vec<String>,
    pub priority: i32,
    pub triggers: Vec<String>,
    pub examples: Vec<Example>,
    pub counter_examples: Vec<String>,
    /// `file:line` of the rule's table.
    pub origin: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<toml::Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    name: String,
    lang: String,
    kind: String,
    shape: String,
    #[serde(default)]
    host: Option<String>,
    #[serde(default)]
    planned: bool,
    #[serde(default)]
    separately: bool,
    #[serde(default)]
    markers: Vec<String>,
    #[serde(default)]
    priority: i32,
    triggers: Vec<String>,
    #[serde(default)]
    examples: Vec<Example>,
    #[serde(default)]
    counter_examples: Vec<String>,
}

/// A trigger found in text: char offsets and the rules it may fire, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerHit<'r> {
    pub start: usize,
    pub end: usize,
    /// Borrowed from the rule set's trigger table: no copy per hit.
    pub rules: &'r [usize],
}

/// Every rule, and the automaton over their triggers.
pub struct RuleSet {
    pub rules: Vec<Rule>,
    ac: AhoCorasick,
    /// The same triggers, every match (overlapping): the shorter triggers a longer one
    /// hides, tried when none of the longer one's rules reads its sentence.
    ac_all: AhoCorasick,
    /// The longest plain trigger in bytes.
    longest: usize,
    /// For each automaton pattern, then each wildcard trigger: the rules it belongs to,
    /// in conflict-policy order.
    pattern_rules: Vec<Vec<usize>>,
    /// Triggers with a `*` word ("had a * meeting"), and an automaton over their prefixes.
    wild: Vec<WildTrigger>,
    wild_ac: Option<AhoCorasick>,
}

/// A trigger whose `*` word stands for one to [`WILD_WORDS`] lower-case words.
struct WildTrigger {
    /// Normalised words before the `*`, with the space after them ("had a ").
    prefix: String,
    /// Normalised words after it, with the space before them (" meeting with").
    suffix: String,
    /// Its entry in `pattern_rules`.
    rules: usize,
}

/// How many words a trigger's `*` may stand for.
pub const WILD_WORDS: usize = 4;

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

impl RuleSet {
    /// Loads every `*.toml` file of a directory, sorted by name.
    pub fn load_dir(dir: &Path) -> Result<RuleSet> {
        let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir.display().to_string(), &e))?;
        let mut files: Vec<_> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        let mut sources = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).map_err(|e| Error::io(f.display().to_string(), &e))?;
            sources.push((f.display().to_string(), text));
        }
        if sources.is_empty() {
            return Err(Error::new(ErrorKind::Usage, "no rule files (*.toml) in this directory").at_path(dir.display().to_string()));
        }
        RuleSet::from_sources(&sources)
    }

    /// Builds a rule set from `(path, text)` pairs.
    pub fn from_sources(sources: &[(String, String)]) -> Result<RuleSet> {
        let mut rules: Vec<Rule> = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        for (path, text) in sources {
            let raw: RawFile = toml::from_str(text).map_err(|e| {
                let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
                Error::parse(path.as_str(), line, e.message().trim().replace('\n', "; "))
            })?;
            for spanned in raw.rule {
                let line = line_of(text, spanned.span().start);
                let r = spanned.into_inner();
                let err = |m: String| Error::parse(path.as_str(), line, format!("rule {:?}: {m}", r.id));
                let lang = match r.lang.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    o => return Err(err(format!("lang must be zh or en, not {o:?}"))),
                };
                let kind = match r.kind.as_str() {
                    "meeting" => RuleKind::Meeting,
                    "attendance" => RuleKind::Attendance,
                    "blocker" => RuleKind::Blocker,
                    o => return Err(err(format!("kind must be meeting, attendance or blocker, not {o:?}"))),
                };
                let shape = match r.shape.as_str() {
                    "subject-object" => Shape::SubjectObject,
                    "with" => Shape::With,
                    "pair" => Shape::Pair,
                    "between" => Shape::Between,
                    "attend" => Shape::Attend,
                    "block" => Shape::Block,
                    "remarks" => Shape::Remarks,
                    "fronted" => Shape::Fronted,
                    "noun" => Shape::Noun,
                    "abbreviation" => Shape::Abbreviation,
                    o => return Err(err(format!("unknown shape {o:?} (subject-object, with, pair, between, fronted, noun, abbreviation, attend, block, remarks)"))),
                };
                let fits = match kind {
                    RuleKind::Meeting => {
                        matches!(shape, Shape::SubjectObject | Shape::With | Shape::Pair | Shape::Between | Shape::Remarks | Shape::Fronted | Shape::Noun | Shape::Abbreviation)
                    }
                    RuleKind::Attendance => shape == Shape::Attend,
                    RuleKind::Blocker => shape == Shape::Block,
                };
                if !fits {
                    return Err(err(format!("shape {:?} does not fit kind {:?}", r.shape, r.kind)));
                }
                let host = match r.host.as_deref() {
                    None | Some("unknown") => Host::Unknown,
                    Some("left") => Host::Left,
                    Some("right") => Host::Right,
                    Some(o) => return Err(err(format!("host must be left, right or unknown, not {o:?}"))),
                };
                if !r.markers.is_empty() && !matches!(shape, Shape::With | Shape::Noun) {
                    return Err(err("markers belong to shapes \"with\" and \"noun\" only".into()));
                }
                if shape == Shape::Noun && r.markers.is_empty() {
                    return Err(err("shape \"noun\" needs markers (the word before the partner: \"with\")".into()));
                }
                if r.markers.iter().any(|m| m.trim().is_empty()) {
                    return Err(err("a marker must not be empty".into()));
                }
                if r.triggers.is_empty() || r.triggers.iter().any(|t| t.trim().is_empty()) {
                    return Err(err("needs at least one non-empty trigger".into()));
                }
                if r.examples.is_empty() || r.counter_examples.is_empty() {
                    return Err(err("needs at least one example and one counter-example".into()));
                }
                if let Some(prev) = seen.get(&r.id) {
                    return Err(err(format!("duplicate rule id (first defined at {prev})")));
                }
                seen.insert(r.id.clone(), format!("{path}:{line}"));
                rules.push(Rule {
                    id: r.id,
                    name: r.name,
                    lang,
                    kind,
                    shape,
                    host,
                    planned: r.planned,
                    separately: r.separately,
                    markers: r.markers.iter().map(|m| crate::normalise::normalise(m.trim())).collect(),
                    priority: r.priority,
                    triggers: r.triggers,
                    examples: r.examples,
                    counter_examples: r.counter_examples,
                    origin: format!("{path}:{line}"),
                });
            }
        }
        let mut by_trigger: HashMap<String, Vec<usize>> = HashMap::new();
        let mut order = Vec::new();
        let mut wild_order = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            for t in &r.triggers {
                let n = normalise(t.trim());
                let words: Vec<&str> = n.split(' ').collect();
                let stars = words.iter().filter(|w| w.contains('*')).count();
                if stars > 0 && (stars > 1 || words.first() == Some(&"*") || words.last() == Some(&"*") || words.iter().any(|w| w.contains('*') && *w != "*")) {
                    let (path, line) = r.origin.rsplit_once(':').unwrap_or((r.origin.as_str(), "0"));
                    return Err(Error::parse(
                        path,
                        line.parse().unwrap_or(0),
                        format!("rule {:?}: trigger {t:?}: a `*` stands alone as one word, once, between other words", r.id),
                    ));
                }
                let v = by_trigger.entry(n.clone()).or_insert_with(|| {
                    if stars > 0 {
                        wild_order.push(n.clone());
                    } else {
                        order.push(n);
                    }
                    Vec::new()
                });
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        let mut pattern_rules = Vec::new();
        for t in order.iter().chain(&wild_order) {
            let mut v = by_trigger.remove(t).unwrap_or_default();
            v.sort_by_key(|&i| (-rules[i].priority, i));
            pattern_rules.push(v);
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&order)
            .map_err(|e| Error::new(ErrorKind::Parse, format!("rule triggers: {e}")))?;
        let ac_all = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&order)
            .map_err(|e| Error::new(ErrorKind::Parse, format!("rule triggers: {e}")))?;
        let longest = order.iter().map(String::len).max().unwrap_or(0);
        let wild: Vec<WildTrigger> = wild_order
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let (prefix, suffix) = t.split_once(" * ").expect("checked above: a `*` between words");
                WildTrigger { prefix: format!("{prefix} "), suffix: format!(" {suffix}"), rules: order.len() + k }
            })
            .collect();
        let wild_ac = if wild.is_empty() {
            None
        } else {
            let prefixes: Vec<&str> = wild.iter().map(|w| w.prefix.as_str()).collect();
            Some(AhoCorasick::new(&prefixes).map_err(|e| Error::new(ErrorKind::Parse, format!("rule triggers: {e}")))?)
        };
        Ok(RuleSet { rules, ac, ac_all, longest, pattern_rules, wild, wild_ac })
    }

    /// Finds triggers in normalised text (char offsets). English triggers stand on
    /// word boundaries. A wildcard trigger's `*` takes any words (see [`Self::triggers_with`]).
    pub fn triggers(&self, norm: &str) -> Vec<TriggerHit<'_>> {
        self.triggers_with(norm, |_| true)
    }

    /// Finds triggers in normalised text (char offsets), as [`Self::triggers`]; a wildcard
    /// trigger ("had a * meeting with") matches where its `*` stands for one to
    /// [`WILD_WORDS`] lower-case words (commas after them allowed) that `gap_ok` accepts.
    /// It replaces the plain triggers inside its span ("meeting with"), unless one of
    /// them is a blocker's ("virtual meeting") or reaches outside it.
    pub fn triggers_with(&self, norm: &str, gap_ok: impl Fn(&str) -> bool) -> Vec<TriggerHit<'_>> {
        let plain = self.plain_triggers(norm);
        let Some(wild_ac) = &self.wild_ac else { return plain };
        let wild = self.wild_spans(wild_ac, norm, &gap_ok);
        if wild.is_empty() {
            return plain;
        }
        // Byte spans to char offsets, counted forward (both lists are in text order).
        let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(wild.len());
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        for (bs, be, k) in wild {
            at_char += norm[at_byte..bs].chars().count();
            at_byte = bs;
            spans.push((at_char, at_char + norm[bs..be].chars().count(), k));
        }
        let mut out: Vec<TriggerHit<'_>> = Vec::with_capacity(plain.len() + spans.len());
        let mut i = 0;
        let mut last_end = 0;
        for (s, e, k) in spans {
            if s < last_end {
                continue;
            }
            // The plain hits before this span pass; those inside it are replaced.
            while i < plain.len() && plain[i].end <= s {
                out.push(plain[i].clone());
                i += 1;
            }
            let inside = plain[i..].iter().take_while(|h| h.start < e).count();
            let keep_plain = plain[i..i + inside]
                .iter()
                .any(|h| h.start < s || h.end > e || h.rules.iter().any(|&r| self.rules[r].kind == RuleKind::Blocker));
            if keep_plain {
                continue;
            }
            i += inside;
            out.push(TriggerHit { start: s, end: e, rules: &self.pattern_rules[self.wild[k].rules] });
            last_end = e;
        }
        out.extend(plain[i..].iter().cloned());
        out
    }

    /// The byte spans of wildcard triggers in `norm` (in text order, leftmost longest
    /// first where they overlap), with the wildcard's index.
    fn wild_spans(&self, wild_ac: &AhoCorasick, norm: &str, gap_ok: &impl Fn(&str) -> bool) -> Vec<(usize, usize, usize)> {
        let bytes = norm.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'\'';
        let mut found = Vec::new();
        for m in wild_ac.find_overlapping_iter(norm) {
            if m.start() > 0 && norm[..m.start()].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            let w = &self.wild[m.pattern().as_usize()];
            // Up to WILD_WORDS words: a lower-case letter or digit first, then letters, digits,
            // hyphens, apostrophes; a comma may follow; one space between.
            let mut p = m.end();
            for _ in 0..WILD_WORDS {
                if p >= bytes.len() || !(bytes[p].is_ascii_lowercase() || bytes[p].is_ascii_digit()) {
                    break;
                }
                while p < bytes.len() && word_byte(bytes[p]) {
                    p += 1;
                }
                if p < bytes.len() && bytes[p] == b',' {
                    p += 1;
                }
                let rest = &norm[p..];
                if rest.starts_with(w.suffix.as_str())
                    && rest[w.suffix.len()..].chars().next().is_none_or(|c| !is_word_char(c))
                    && gap_ok(&norm[m.end()..p])
                {
                    found.push((m.start(), p + w.suffix.len(), m.pattern().as_usize()));
                    break;
                }
                if p >= bytes.len() || bytes[p] != b' ' {
                    break;
                }
                p += 1;
            }
        }
        found.sort_by_key(|&(s, e, k)| (s, std::cmp::Reverse(e), k));
        found
    }

    /// The plain triggers that leftmost-longest matching hid behind a hit on bytes
    /// `start..end` of `norm`: those starting inside it and ending at or after its end
    /// ("hold talks with" behind "to hold talks", 会见 behind 单独会见), on word
    /// boundaries, whose rules are not all the hit's own (`own`). Byte spans and rules, in
    /// text order, longest first.
    pub fn hidden(&self, norm: &str, (start, end): (usize, usize), own: &[usize]) -> Vec<(usize, usize, &[usize])> {
        let to = (end + self.longest).min(norm.len());
        let to = (to..=norm.len()).find(|&b| norm.is_char_boundary(b)).unwrap_or(norm.len());
        let mut out: Vec<(usize, usize, &[usize])> = Vec::new();
        for m in self.ac_all.find_overlapping_iter(Input::new(norm).span(start..to)) {
            // A trigger ending before the hit's end is a part of it that the longer one
            // reads better ("meeting" in "meeting with" the CIA chief): not tried.
            if m.start() >= end || m.end() < end || (m.start(), m.end()) == (start, end) || !on_word_boundaries(norm, m.start(), m.end()) {
                continue;
            }
            let rules = &self.pattern_rules[m.pattern().as_usize()];
            if rules.iter().all(|r| own.contains(r)) {
                continue;
            }
            out.push((m.start(), m.end(), rules));
        }
        out.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        out
    }

    /// The triggers without a `*`: one automaton, leftmost longest, on word boundaries.
    fn plain_triggers(&self, norm: &str) -> Vec<TriggerHit<'_>> {
        // Char offsets counted forward from the previous match (matches come in order),
        // rather than a table of every char of the text: this runs on every document.
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < norm.len() {
            let Some(m) = self.ac.find(Input::new(norm).span(pos..norm.len())) else { break };
            at_char += norm[at_byte..m.start()].chars().count();
            at_byte = m.start();
            let (s, e) = (at_char, at_char + norm[m.start()..m.end()].chars().count());
            let first = norm[m.start()..].chars().next().expect("a match is not empty");
            if on_word_boundaries(norm, m.start(), m.end()) {
                out.push(TriggerHit { start: s, end: e, rules: &self.pattern_rules[m.pattern().as_usize()] });
                pos = m.end();
            } else {
                pos = m.start() + first.len_utf8();
            }
        }
        out
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Whether a match on bytes `start..end` of `norm` stands on word boundaries: an end
/// that is a word character (English) has none beside it.
fn on_word_boundaries(norm: &str, start: usize, end: usize) -> bool {
    let first = norm[start..].chars().next().expect("a match is not empty");
    let last = norm[..end].chars().next_back().expect("a match is not empty");
    let ok_left = !is_word_char(first) || norm[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
    let ok_right = !is_word_char(last) || norm[end..].chars().next().is_none_or(|c| !is_word_char(c));
    ok_left && ok_right
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rule]]
id = "zh-receive"
name = "X 会见 Y"
lang = "zh"
kind = "meeting"
shape = "subject-object"
host = "left"
priority = 10
triggers = ["会见", "会见了"]
examples = [{ text = "甲会见乙。", participants = ["A", "B"] }]
counter_examples = ["甲请乙转达问候。"]

[[rule]]
id = "en-met"
name = "X met Y"
lang = "en"
kind = "meeting"
shape = "subject-object"
triggers = ["met", "met with"]
examples = [{ text = "A met B." }]
counter_examples = ["A metered B."]
"#;

    #[test]
    fn loads_rules_and_finds_longest_triggers_on_boundaries() {
        let rs = RuleSet::from_sources(&[("rules/m.toml".into(), GOOD.into())]).unwrap();
        assert_eq!(rs.rules.len(), 2);
        assert_eq!(rs.rules[1].origin, "rules/m.toml:14");
        let hits = rs.triggers("习近平会见了普京");
        assert_eq!(hits, vec![TriggerHit { start: 3, end: 6, rules: &[0] }]);
        let hits = rs.triggers("xi met with putin; metered; met.");
        assert_eq!(hits.iter().map(|h| (h.start, h.end)).collect::<Vec<_>>(), vec![(3, 11), (28, 31)]);
    }

    const HIDING: &str = r#"
rule = [
  { id = "en-pair-to", name = "X, Y to hold talks", lang = "en", kind = "meeting", shape = "pair", triggers = ["to hold talks"], examples = [{ text = "A, B to hold talks." }], counter_examples = ["A held."] },
  { id = "en-with", name = "X held talks with Y", lang = "en", kind = "meeting", shape = "with", triggers = ["hold talks with", "talks", "talks with"], examples = [{ text = "A will hold talks with B." }], counter_examples = ["A held."] },
]
"#;

    #[test]
    fn a_longer_trigger_keeps_the_shorter_ones_it_hides_for_when_its_rules_read_nothing() {
        let rs = RuleSet::from_sources(&[("rules/h.toml".into(), HIDING.into())]).unwrap();
        let text = "a is to hold talks with b; talks with c.";
        let hits = rs.triggers(text);
        assert_eq!(hits.iter().map(|h| (h.start, h.end, h.rules.to_vec())).collect::<Vec<_>>(), vec![(5, 18, vec![0]), (27, 37, vec![1])]);
        // Behind "to hold talks": "hold talks with" (starting inside it, ending after) and
        // "talks with", "talks" (ending with it), longest first at one start.
        let spans = |h: &TriggerHit<'_>| rs.hidden(text, (h.start, h.end), h.rules).into_iter().map(|(s, e, r)| (s, e, r.to_vec())).collect::<Vec<_>>();
        assert_eq!(spans(&hits[0]), vec![(8, 23, vec![1]), (13, 23, vec![1]), (13, 18, vec![1])]);
        // A trigger ending inside the hit is a part the longer one reads: behind "talks
        // with" (as if another rule's), "talks" is not offered.
        assert_eq!(rs.hidden("talks with c", (0, 10), &[0]), vec![]);
        // Behind "talks with": only its own rule's "talks", which is not offered again.
        assert_eq!(spans(&hits[1]), vec![]);
        // Not inside a word: "stalks" holds no "talks".
        assert_eq!(rs.hidden("to hold stalks", (0, 14), &[0]), vec![]);
    }

    const WILD: &str = r#"
rule = [
  { id = "en-pair", name = "X and Y held talks", lang = "en", kind = "meeting", shape = "pair", triggers = ["held talks", "held * talks", "talks"], examples = [{ text = "A and B held talks." }], counter_examples = ["A held."] },
  { id = "en-not-in-person", name = "calls", lang = "en", kind = "blocker", shape = "block", triggers = ["video talks"], examples = [{ text = "A and B held video talks." }], counter_examples = ["A and B met."] },
]
"#;

    #[test]
    fn a_star_in_a_trigger_stands_for_one_to_four_words_the_caller_accepts() {
        let rs = RuleSet::from_sources(&[("rules/w.toml".into(), WILD.into())]).unwrap();
        let spans = |text: &str| rs.triggers_with(text, |g| !g.split(' ').any(|w| w == "no")).iter().map(|h| (h.start, h.end, h.rules.to_vec())).collect::<Vec<_>>();
        // The wildcard replaces the plain "talks" inside it.
        assert_eq!(spans("a and b held frank, candid and constructive talks."), vec![(8, 49, vec![0])]);
        assert_eq!(spans("a and b held 40-minute talks."), vec![(8, 28, vec![0])]);
        // No words, or more than four: the plain triggers only.
        assert_eq!(spans("a and b held talks."), vec![(8, 18, vec![0])]);
        assert_eq!(spans("a and b held one two three four five talks."), vec![(37, 42, vec![0])]);
        // A word the caller refuses, a capital word, a blocker inside: no wildcard.
        assert_eq!(spans("a and b held no substantive talks."), vec![(28, 33, vec![0])]);
        assert_eq!(spans("a and b held long video talks."), vec![(18, 29, vec![1])]);
        // The suffix ends on a word boundary.
        assert_eq!(spans("a held frank talkshows"), vec![]);
        // A star stands alone, once, between words.
        for bad in ["held *", "* talks", "held a* talks", "held * and * talks"] {
            let e = RuleSet::from_sources(&[("r.toml".into(), WILD.replace("\"held * talks\"", &format!("{bad:?}")))]).err().unwrap();
            assert!(e.to_string().starts_with("r.toml:3: rule \"en-pair\": trigger"), "{bad}: {e}");
        }
    }

    #[test]
    fn malformed_rules_name_file_and_line() {
        let e = RuleSet::from_sources(&[("r.toml".into(), GOOD.replace("shape = \"subject-object\"\nhost", "shape = \"circle\"\nhost"))])
            .err()
            .unwrap();
        assert_eq!(e.to_string(), "r.toml:2: rule \"zh-receive\": unknown shape \"circle\" (subject-object, with, pair, between, fronted, noun, abbreviation, attend, block, remarks)");
        let e = RuleSet::from_sources(&[("r.toml".into(), GOOD.replace("name = \"X met Y\"", "name = X met Y"))]).err().unwrap();
        assert!(e.to_string().starts_with("r.toml:16: invalid string"), "{e}");
        let e = RuleSet::from_sources(&[("r.toml".into(), GOOD.replace("counter_examples = [\"A metered B.\"]", ""))]).err().unwrap();
        assert!(e.to_string().contains("counter-example"), "{e}");
        let e = RuleSet::from_sources(&[("r.toml".into(), GOOD.replace("en-met", "zh-receive"))]).err().unwrap();
        assert!(e.to_string().contains("duplicate rule id (first defined at r.toml:2)"), "{e}");
        // Markers belong to the shape "with" only.
        let e = RuleSet::from_sources(&[("r.toml".into(), GOOD.replace("priority = 10", "markers = [\"受到\"]\npriority = 10"))]).err().unwrap();
        assert!(e.to_string().contains("markers belong to shapes \"with\" and \"noun\" only"), "{e}");
    }
}
