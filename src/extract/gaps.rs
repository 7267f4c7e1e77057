//! Gaps: what stands between two people, and whether it joins them in one list.
//!
//! Input: the page's mentions, times and items. Output: the gap text between two
//! offsets (`gap`: mentions other than people, times, short parentheticals and Latin
//! glosses removed), whether a gap is a list gap (`is_list_gap`, `list-joins`,
//! `title-modifiers`), whether two people are joined (`joined`), and the Chinese
//! titled-people list in one place: the unlisted part of a title after a country or a
//! list mark (`zh_title_qualifier_end`), and the clause of a trigger stretched over
//! commas that close one titled person each (`zh_clause_over_titles`).
//!
//! **Invariant**: the gap between two people is read without mentions (other than
//! people), times, short parentheticals and the unlisted part of a title after a country
//! (英国贸工大臣); a clause is stretched over a comma only where a title stands on both
//! sides and no meeting verb between.

use super::*;

impl<'a> Page<'a> {
    pub(super) fn covered(&self, pos: usize) -> bool {
        let in_mention = self.mentions.covering(pos).is_some_and(|m| !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun));
        // Times are disjoint and sorted: only the last one starting at or before `pos` can hold it.
        let k = self.times.partition_point(|t| t.start <= pos);
        in_mention || (k > 0 && pos < self.times[k - 1].end)
    }

    /// The text between two offsets with mentions (other than people), times and short
    /// parentheticals removed, whitespace squeezed.
    pub(super) fn gap(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        let mut orig = String::new();
        let mut i = a;
        // The title right before the person who ends the gap, looked up once.
        let title_at_end = self.mentions.ending(b).filter(|r| self.is_role(r)).map(|r| r.start);
        while i < b {
            let c = self.norm[i];
            // A short parenthetical ("(PRC)") or an editor's insert in brackets
            // ("[Prime Minister Abe]") stands for nothing.
            // So does a gloss in Latin script after a Chinese name (黄英贤(Penny Wong)).
            if let Some(close) = self.latin_gloss_close(i, b) {
                i = close + 1;
                continue;
            }
            let span = match c {
                '(' => 10,
                '[' => 40,
                _ => 0,
            };
            let close = if c == '(' { ')' } else { ']' };
            if let Some(end) = (span > 0).then(|| (i + 1..b.min(i + span)).find(|&j| self.norm[j] == close)).flatten() {
                i = end + 1;
                continue;
            }
            // 和英国贸工大臣: a word no list knows between a country and a title
            // qualifies the title (`zh_title_qualifier_end`).
            if is_han(c)
                && let Some(end) = self.zh_title_qualifier_end(i, b, title_at_end)
            {
                i = end;
                continue;
            }
            // 省委副书记、省长赵龙: a list mark between two titles of the next person joins
            // nothing.
            let between_titles = c == '、' && self.mentions.ending(i).is_some_and(|m| self.is_role(m)) && self.mentions.starting(i + 1).is_some_and(|m| self.is_role(m));
            if !self.covered(i) && !between_titles {
                out.push(c);
                orig.push(self.chars[i]);
            }
            i += 1;
        }
        // In English, capitalised words between people are titles and bodies
        // ("and U.S. Treasury Secretary"): transparent like a matched role.
        let latin = (a..b).any(|i| self.chars[i].is_ascii_alphabetic());
        if latin {
            // Brackets around words are no words ("[Prime Minister Abe]" cut by a person).
            let kept: Vec<String> = orig
                .split_whitespace()
                .map(|w| w.trim_matches(|c| matches!(c, '[' | ']')))
                .filter(|w| !w.is_empty() && !w.chars().next().is_some_and(char::is_uppercase))
                .map(|w| w.to_lowercase())
                .collect();
            return kept.join(" ");
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Where a title begins when Han characters at `i` (one to three, no mention, before
    /// `limit`) stand between a country (or demonym) mention and a title mention
    /// (英国|贸工|大臣): the unlisted part of the title.
    /// Also, after a list mark, the unlisted body before the title (starting at
    /// `title_at_end`) of the person that ends the gap (、诺兰议会财政委员会投资小组委员会主席|
    /// 克兰): up to 16 Han characters, no meeting verb among them.
    pub(super) fn zh_title_qualifier_end(&self, i: usize, limit: usize, title_at_end: Option<usize>) -> Option<usize> {
        if i == 0 {
            return None;
        }
        // After a comma too (省委副书记林文达,省政协副主席、民革省委主委陈志明; ,上海船舶协会会长
        // 王建国), titles and bodies joined by 、: when a place or body starts right after the
        // comma, or a title is the first mention within three characters, or the words
        // before the title end as a body's name does (`zh-body-ends`: …居士会副理事长), so
        // that no verb and its object (出席加拿大总督…) is passed over.
        let body_end_before_title = || {
            title_at_end.is_some_and(|t| {
                let before = self.ns(i, t);
                let before = self.p.lists.title_modifiers.iter().find_map(|m| before.strip_suffix(m.as_str())).unwrap_or(before);
                self.p.lists.joins.zh_body_ends.iter().any(|b| before.ends_with(b.as_str()))
            })
        };
        let comma_body = || {
            self.norm[i - 1] == ','
                && is_han(self.norm[i])
                && (self.mentions.starting(i).is_some_and(|m| !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun))
                    || self.mentions.next_start(i.saturating_sub(1), i + 4).and_then(|k| self.mentions.starting(k)).is_some_and(|m| m.start >= i && self.is_role(m))
                    || body_end_before_title())
        };
        if (self.p.lists.zh_list_marks.contains(self.norm[i - 1]) || comma_body())
            && let Some(t) = title_at_end.filter(|&t| t > i && t - i <= 16)
            && self.norm[i..t].iter().all(|&c| is_han(c) || c == '、')
            && !self.triggers.get(self.triggers.partition_point(|tr| tr.end <= i)).is_some_and(|tr| tr.start < t)
        {
            return Some(t);
        }
        if !self.mentions.ending(i).is_some_and(|m| matches!(m.kind, Mk::Demonym(_) | Mk::Ent(_, EntityType::Place))) {
            return None;
        }
        let j = (i + 1..limit.min(i + 4)).find(|&j| self.mentions.starting(j).is_some() || !is_han(self.norm[j]))?;
        (self.mentions.starting(j).is_some_and(|m| self.is_role(m)) && !self.mentions.overlaps(i, j)).then_some(j)
    }

    /// Where a bracket opening at `open` right after a Han character and holding Latin
    /// script only closes, before `limit`: a gloss of the name before it (黄英贤(Penny
    /// Wong)), which stands for nothing between people.
    pub(super) fn latin_gloss_close(&self, open: usize, limit: usize) -> Option<usize> {
        if open == 0 || self.norm.get(open) != Some(&'(') || !is_han(self.norm[open - 1]) {
            return None;
        }
        let close = (open + 1..limit.min(open + 40)).find(|&j| self.norm[j] == ')')?;
        self.norm[open + 1..close].iter().all(|&c| c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | ',')).then_some(close)
    }

    /// Nothing, or a word of `list-joins` ("、", "and", "和夫人", "and his counterpart").
    pub(super) fn is_list_gap(&self, g: &str) -> bool {
        // "Prime Minister A of Australia, Prime Minister B of India, and …": the country
        // after a name (a mention, already out of the gap) leaves its "of" behind.
        let g = if g == "of" { "" } else { g.strip_prefix("of ").unwrap_or(g) };
        // "Andrzej Duda and his Czech counterpart, Petr Pavel": the comma before an
        // apposition changes nothing.
        let g = g.strip_suffix(" ,").or_else(|| g.strip_suffix(',')).map(str::trim_end).unwrap_or(g);
        // "Donald Trump and Russia's President Vladimir Putin": the possessive of a place
        // (a mention, already out of the gap) changes nothing either.
        let mut g = g.strip_suffix(" 's").or_else(|| g.strip_suffix(" ’s")).unwrap_or(g);
        // "and Minister for Defence Per Holm": a title's own "for" / "of" (its capitalised
        // words are out of the gap already) changes nothing.
        // "Foreign Minister A, Chief of the General Staff B": so does "of the".
        while let Some(rest) = g.strip_suffix(" for").or_else(|| g.strip_suffix(" of")).or_else(|| g.strip_suffix(" of the")) {
            g = rest;
        }
        // "King Hussein in Amman and President Hosni Mubarak": a place of the person before
        // (a mention, out of the gap already) leaves its locative.
        let mut g = g.strip_prefix("in ").or_else(|| g.strip_prefix("at ")).filter(|r| self.p.lists.joins.list.contains(*r) || r.starts_with("and ")).unwrap_or(g);
        // "Putin and former President Lula", 普京和巴西前总统卢拉: a modifier of the next
        // person's title (`title-modifiers`) joins nothing less.
        while let Some(rest) = self.p.lists.title_modifiers.iter().find_map(|w| g.strip_suffix(w.as_str())) {
            if rest.len() == g.len() {
                break;
            }
            g = rest.trim_end();
        }
        g.is_empty() || self.p.lists.joins.list.contains(g)
    }

    /// Whether the person ending at `end` and the one starting at `next` are of one list:
    /// a list gap, "and" before the next one's title, or an apposition or a relative
    /// clause of the first and then either ("Ilse Marr, the foreign minister, and Anders
    /// Vik"; "Ilse Marr, who leads the party, and Anders Vik").
    pub(super) fn joined(&self, end: usize, next: usize) -> bool {
        let join = |e: usize| self.is_list_gap(&self.gap(e, next)) || self.en_and_titled(e, next);
        let aside = || self.en_apposition_close(end, next).or_else(|| self.en_relative_close(end, next));
        join(end) || aside().is_some_and(|c| join(c) && self.gap(c, next).trim_start_matches(',').trim() != "")
    }

    /// The Chinese clause of the trigger at `pos`, going on past commas that close one of
    /// its object's titles (会见上海电气集团副总裁,新能源公司董事长金孝龙): a title mention
    /// before the comma, and after it a title right before a person with no meeting verb
    /// between; and back over clauses of one titled person each before it, when its own
    /// opens with a title (市委书记李洪慈,市长杨大勇会见…).
    pub(super) fn zh_clause_over_titles(&self, pos: usize, sent: (usize, usize)) -> (usize, usize) {
        let (mut lo, mut hi) = self.clause(pos, sent);
        // 市委书记李洪慈,市长杨大勇会见…: titled people before, one clause each.
        let titled_person_ends = |e: usize| {
            let k = self.items.partition_point(|it| it.end < e);
            self.items.get(k).is_some_and(|it| it.end == e && self.mentions.ending(it.start).is_some_and(|m| self.is_role(m)))
        };
        // The clause opens with a title, or with a body no list holds before it (省政协副主席).
        // Or with a body a list holds (中国足协主席宋凯): a place or organisation mention
        // before the title, eight characters at most.
        let body = |k: usize| self.mentions.covering(k).is_none_or(|m| matches!(m.kind, Mk::Ent(_, EntityType::Place | EntityType::Organization) | Mk::Demonym(_)));
        let opens_titled = |lo: usize| {
            (lo..(lo + 8).min(sent.1))
                .take_while(|&k| k == lo || (is_han(self.norm[k - 1]) && body(k - 1)))
                .any(|k| self.mentions.starting(k).is_some_and(|m| self.is_role(m)))
        };
        while lo > sent.0 + 1 && self.norm[lo - 1] == ',' && opens_titled(lo) && titled_person_ends(lo - 1) {
            lo = self.clause(lo - 2, sent).0;
        }
        // 会见了…主席陈志明,上海船舶协会会长王建国,…: titled people, one clause each.
        let object_goes_on = |hi: usize| self.mentions.ending(hi).is_some_and(|m| self.is_role(m)) || titled_person_ends(hi);
        while hi < sent.1 && self.norm[hi] == ',' && object_goes_on(hi) {
            let (_, next_hi) = self.clause(hi + 1, sent);
            let Some(&first) = self.items_in(hi + 1, next_hi).first() else { break };
            let start = self.items[first].start;
            let titled = self.mentions.ending(start).is_some_and(|m| self.is_role(m));
            let verb = self.triggers.get(self.triggers.partition_point(|tr| tr.start <= hi)).is_some_and(|tr| tr.start < start);
            // After a person, the next one only as an item of a list: nothing after it in
            // its clause but 等 / 一行 or a list mark going on with the list (…理事长李明辉等
            // 宾客; …理事长萧万长、副理事长江炳坤; not …副市长王建国陪同).
            let tail = self.ns(self.items[first].end, next_hi);
            // An honorific after the name first (…副理事长林文达教授一行, `zh-name-honorifics`).
            let tail = self.p.lists.joins.zh_name_honorifics.iter().find_map(|h| tail.strip_prefix(h.as_str())).unwrap_or(tail);
            let listed = !titled_person_ends(hi)
                || tail.is_empty()
                || self.p.lists.zh_list_ends.iter().any(|w| tail.starts_with(w.as_str()))
                || tail.chars().next().is_some_and(|c| self.p.lists.zh_list_marks.contains(c));
            if !titled || verb || start - hi > 40 || !listed {
                break;
            }
            hi = next_hi;
        }
        (lo, hi)
    }
}
