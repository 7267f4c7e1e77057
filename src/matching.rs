//! Matching: gazetteer names and open-world names in normalised text.
//!
//! Input: the normalised text (see [`crate::normalise`]) as chars, and the text as read
//! (for case-sensitive acronyms and English capitalisation). Output: [`Hit`]s with
//! char offsets.
//!
//! One Aho-Corasick automaton holds every gazetteer name (leftmost-longest). A hit
//! must stand on word boundaries in Latin script, and a Chinese hit must not sit inside
//! a longer `·`-joined name (拜登 inside 亨特·拜登). All-capitals names (SCO, UN, G20)
//! match only in capitals.
//!
//! **Invariant**: hits never overlap and are sorted by start.

use crate::gazetteer::{EntityType, Gazetteer};
use crate::normalise::{is_han, normalise};
use aho_corasick::{AhoCorasick, Input, MatchKind};
use std::collections::HashMap;

/// What a matched name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A full name of the entry (index into `Gazetteer::entries`).
    Name(usize),
    /// A short form, to be confirmed against the document.
    Short(usize),
    /// An English demonym of a country ("Russian"); not a place mention by itself.
    Demonym(usize),
}

impl Target {
    pub fn entry(self) -> usize {
        match self {
            Target::Name(i) | Target::Short(i) | Target::Demonym(i) => i,
        }
    }
}

/// A name found in the text: char offsets and every entry the name may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'m> {
    pub start: usize,
    pub end: usize,
    /// Borrowed from the automaton's pattern table: no copy per hit.
    pub targets: &'m [Target],
}

struct Pattern {
    targets: Vec<Target>,
    /// For all-capitals names: the exact form (width-folded) the text must show.
    exact: Option<Vec<char>>,
}

/// The compiled gazetteer automaton.
pub struct Matcher {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) && letters.len() <= 6
}

impl Matcher {
    /// Builds the automaton over every name of every entry.
    pub fn new(g: &Gazetteer) -> Matcher {
        let mut by_name: HashMap<(String, Option<String>), Vec<Target>> = HashMap::new();
        let mut order: Vec<(String, Option<String>)> = Vec::new();
        let mut add = |name: &str, t: Target| {
            let norm = normalise(name.trim());
            if norm.is_empty() {
                return;
            }
            let exact = is_acronym(name).then(|| name.trim().chars().map(crate::normalise::fold_width).collect::<String>());
            let key = (norm, exact);
            let v = by_name.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                Vec::new()
            });
            if !v.contains(&t) {
                v.push(t);
            }
        };
        for (i, e) in g.entries.iter().enumerate() {
            for n in e.full_names() {
                add(n, Target::Name(i));
            }
            for n in &e.short {
                add(n, Target::Short(i));
            }
            for n in &e.demonyms {
                add(n, Target::Demonym(i));
            }
        }
        let mut patterns = Vec::with_capacity(order.len());
        let mut strings = Vec::with_capacity(order.len());
        for key in order {
            let mut targets = by_name.remove(&key).unwrap_or_default();
            // Full names before short forms before demonyms; then by file order.
            targets.sort_by_key(|t| match t {
                Target::Name(i) => (0, *i),
                Target::Short(i) => (1, *i),
                Target::Demonym(i) => (2, *i),
            });
            strings.push(key.0);
            patterns.push(Pattern { targets, exact: key.1.map(|s| s.chars().collect()) });
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&strings)
            .expect("gazetteer automaton");
        Matcher { ac, patterns }
    }

    /// Finds every gazetteer name in `norm` (the normalised text); `orig` is the text
    /// as read, char for char, for the capitals check; `chars` is `norm`'s chars.
    pub fn find(&self, norm: &str, chars: &[char], orig: &[char]) -> Vec<Hit<'_>> {
        // Char offsets counted forward from the previous match (matches come in order).
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        let mut hits = Vec::new();
        let mut pos = 0;
        while pos < norm.len() {
            let Some(m) = self.ac.find(Input::new(norm).span(pos..norm.len())) else { break };
            at_char += norm[at_byte..m.start()].chars().count();
            at_byte = m.start();
            let (s, e) = (at_char, at_char + norm[m.start()..m.end()].chars().count());
            let pat = &self.patterns[m.pattern().as_usize()];
            let exact_ok = pat.exact.as_ref().is_none_or(|x| {
                orig.get(s..e).is_some_and(|o| o.iter().map(|&c| crate::normalise::fold_width(c)).eq(x.iter().copied()))
            });
            if exact_ok && boundaries_ok(chars, s, e) {
                hits.push(Hit { start: s, end: e, targets: &pat.targets });
                pos = m.end();
            } else {
                // Retry one character further on: a shorter name may start here.
                pos = m.start() + chars[s].len_utf8();
            }
        }
        hits
    }
}

/// Latin-script word characters: a name must not start or end inside a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

fn boundaries_ok(chars: &[char], s: usize, e: usize) -> bool {
    let first = chars[s];
    let last = chars[e - 1];
    if is_word_char(first) && s > 0 && is_word_char(chars[s - 1]) {
        return false;
    }
    if is_word_char(last) && e < chars.len() && is_word_char(chars[e]) {
        return false;
    }
    // Inside a longer ·-joined name: 亨特·拜登 is not 拜登.
    if is_han(first) && s >= 2 && chars[s - 1] == '·' && is_han(chars[s - 2]) {
        return false;
    }
    if is_han(last) && e + 1 < chars.len() && chars[e] == '·' && is_han(chars[e + 1]) {
        return false;
    }
    true
}

/// Characters Chinese uses to transliterate foreign names (Xinhua's table, the common part).
const TRANSLIT: &str = "历大廉翰松卜欣哲萨玛琪璐露塞娜蕾姬谢辛缇珀帕舍什莫埃尔兰纳维特弗洛克阿埃艾爱安昂奥敖巴拜班邦保宝鲍贝本比彼毕宾滨波伯勃博布查柴达戴丹道德登邓迪笛蒂丁东董杜多厄恩尔法凡范菲斐费芬丰冯弗伏福夫盖甘冈高戈哥格根古瓜圭哈海罕汉航豪郝合赫黑亨洪侯胡华怀霍基吉济加佳贾杰捷金京久居卡开凯坎康考柯科可克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾黎里理利莉丽连良列林琳凌刘留隆卢鲁陆路伦罗洛吕马玛迈麦曼芒梅门蒙孟米密敏明摩莫默姆穆纳娜奈南内妮尼涅宁纽努诺欧帕潘庞佩彭皮平珀普齐奇恰乔切钦琴丘屈让热瑞若萨塞赛桑瑟森沙莎山尚绍舍申什施史舒斯松苏索塔泰坦汤唐陶特提廷图托瓦万旺威韦维温文沃乌伍武西希锡夏谢辛欣休许雅亚扬耶叶伊因英尤于约泽扎詹兹佐娃娅茨贡易嘉蓬";

/// Common Chinese surnames, compound ones first.
const COMPOUND_SURNAMES: [&str; 14] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯",
];
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝栗狄宣晁郜訾仝蔺冼";

/// Characters that always end a Chinese name: function words, particles and punctuation.
const NAME_STOP: &str = "会在说与和同跟及并的是于对向将已也就率称为被把从到又还曾再所都均即则以给让由自各其这那了着过来去等、,。;:!?()\"'“”‘’《》「」 ·";

/// Characters that end a name only when they begin one of these words (明 in 赵伟明 is
/// a name, in 明天 a time; 强 in 罗强 a name, in 强调 a verb).
const NAME_STOP_WORDS: [&str; 104] = [
    "会见", "会谈", "会晤", "会面", "会上", "会后", "会议", "表示", "表达", "指出", "强调", "出席", "出访", "参加", "参观",
    "一行", "一同", "一起", "一道", "等人", "主持", "主张", "今天", "今年", "今日", "今晚", "今后", "昨天", "昨日", "昨晚",
    "明天", "明年", "明日", "前天", "前往", "前夕", "前来", "后来", "上午", "下午", "中午", "晚上", "晚间", "时间", "时任",
    "日前", "日电", "先后", "先生", "女士", "夫妇", "夫人", "亲切", "总统", "总理", "主席", "举行", "进行", "访问", "访华",
    "签署", "介绍", "通报", "视察", "考察", "共同", "欢迎", "宴请", "举办", "致辞", "致电", "致函", "抵达", "离开", "到访",
    "应邀", "应约", "率领", "率团", "带领", "分别", "当天", "当日", "近日", "日在", "日上", "日下", "日晚", "月在", "年在",
    "和夫", "中方", "发表", "希望", "认为", "同意", "代表", "因涉", "因病", "因为", "受贿", "受到", "受邀", "涉嫌",
];

fn stops_name(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if in_set(NAME_STOP, c) || c.is_ascii_digit() || !is_han(c) {
        return true;
    }
    let Some(&d) = chars.get(i + 1) else { return false };
    // 赵伟明日前: 日前 is the time word, 明 ends the name.
    if c == '明' && d == '日' && chars.get(i + 2) == Some(&'前') {
        return false;
    }
    NAME_STOP_WORDS.iter().any(|w| {
        let mut it = w.chars();
        it.next() == Some(c) && it.next() == Some(d)
    })
}

fn in_set(set: &str, c: char) -> bool {
    set.contains(c)
}

/// Whether `c` is used to transliterate foreign names (拉, 夫, 斯...).
pub fn is_translit(c: char) -> bool {
    in_set(TRANSLIT, c)
}

/// Whether a Chinese name cannot go on at `i` (a function word, punctuation, a verb
/// such as 会见 or a time word such as 明天 starts there).
pub fn ends_name_at(chars: &[char], i: usize) -> bool {
    i >= chars.len() || stops_name(chars, i)
}

/// An open-world Chinese person name starting at `pos` (after a title such as 外长):
/// a transliteration (拉夫罗夫, 安东尼·布林肯), a native name (王毅, 马朝旭), or, right
/// after a title, any short run of Han characters that ends where names end (十仓雅和
/// 一行, 小池百合子，). Returns the end offset.
pub fn zh_name_at(chars: &[char], pos: usize) -> Option<usize> {
    let n = chars.len();
    if pos >= n || stops_name(chars, pos) {
        return None;
    }
    // Transliteration run, dots allowed between parts.
    let mut e = pos;
    while e < n
        && (in_set(TRANSLIT, chars[e])
            || (matches!(chars[e], '·' | '-') && e > pos && e + 1 < n && in_set(TRANSLIT, chars[e + 1])))
    {
        if e > pos && !matches!(chars[e], '·' | '-') && stops_name(chars, e) && !in_set(TRANSLIT, chars.get(e + 1).copied().unwrap_or(' ')) {
            break;
        }
        e += 1;
    }
    // A dotted name goes on after the dot even with characters the table lacks
    // (努尔·白克力).
    while e > pos && e + 1 < n && chars[e] == '·' && is_han(chars[e + 1]) && !stops_name(chars, e + 1) {
        let mut k = e + 1;
        while k < n && k - e <= 3 && is_han(chars[k]) && !stops_name(chars, k) {
            k += 1;
        }
        e = k;
    }
    // 夫妇 (a couple) and 夫人 (Madame) follow names: their 夫 is not part of the name.
    if e > pos + 2 && chars[e - 1] == '夫' && matches!(chars.get(e), Some('妇' | '人')) {
        e -= 1;
    }
    let translit_len = e - pos;
    let has_dot = chars[pos..e].iter().any(|c| matches!(c, '·' | '-'));
    if has_dot || translit_len >= 3 {
        // A native name that covers more is preferred only when the run is short.
        return Some(e.min(pos + 12));
    }
    let native = native_name_at(chars, pos);
    // A native name must not swallow the first character of the word after a
    // transliterated one (罗萨举行: 罗萨, not 罗萨举).
    if let Some(ne) = native {
        if translit_len == 2 && ne == pos + 3 && stops_name(chars, pos + 2) {
            return Some(e);
        }
        // A four-character name that ends where names end (吉村洋文一行).
        if ne == pos + 3 && ne + 1 < n && !stops_name(chars, ne) && clear_end(chars, ne + 1) {
            return Some(ne + 1);
        }
        return Some(ne);
    }
    if translit_len >= 2 {
        return Some(e);
    }
    // Any other name (Japanese, Korean, rare surnames): two to five Han characters
    // followed by a clear end of a name.
    if in_set("国定期职各有无不没可能要应该此该本每全多高新内外间方面次届位名个双两三四五六七八九百千万亿第", chars[pos]) {
        return None;
    }
    let mut k = pos;
    while k < n && k - pos < 5 && !stops_name(chars, k) {
        k += 1;
    }
    let len = k - pos;
    (len >= 2 && len <= 5 && clear_end(chars, k)).then_some(k)
}

/// Where a name clearly ends: punctuation, a digit (a date), or a word that follows names
/// (在, 于, 一行, 夫妇, 表示...).
fn clear_end(chars: &[char], k: usize) -> bool {
    k >= chars.len()
        || matches!(chars[k], '、' | ',' | '。' | ';' | '(' | ')' | '在' | '于' | '和' | '与' | '及' | '率' | '等' | '一' | '夫' | '今' | '昨' | '日' | '将' | '也' | '说' | '表' | '会' | '出' | '同' | '的')
        || chars[k].is_ascii_digit()
}

fn native_name_at(chars: &[char], pos: usize) -> Option<usize> {
    let n = chars.len();
    let two: String = chars[pos..(pos + 2).min(n)].iter().collect();
    let given_from = if COMPOUND_SURNAMES.contains(&two.as_str()) {
        pos + 2
    } else if pos < n && in_set(SURNAMES, chars[pos]) {
        pos + 1
    } else {
        return None;
    };
    let ok = |i: usize| i < n && !stops_name(chars, i);
    if !ok(given_from) {
        return None;
    }
    if ok(given_from + 1) { Some(given_from + 2) } else { Some(given_from + 1) }
}

/// An English personal name starting at `pos` in the text as read: one to four
/// capitalised words ("Sergey Lavrov", "Olaf Scholz", "Ursula von der Leyen").
pub fn en_name_at(orig: &[char], pos: usize) -> Option<usize> {
    let n = orig.len();
    let mut i = pos;
    let mut words = 0;
    let mut end = None;
    while i < n && words < 5 {
        let ws = i;
        while i < n && (orig[i].is_alphabetic() || orig[i] == '\'' || orig[i] == '’' || orig[i] == '-' || orig[i] == '.') {
            i += 1;
        }
        if i == ws {
            break;
        }
        let word: String = orig[ws..i].iter().collect();
        let word = word.trim_end_matches('.');
        let cap = word.chars().next().is_some_and(|c| c.is_uppercase());
        let particle = matches!(word, "von" | "van" | "der" | "de" | "da" | "bin" | "al" | "la" | "le" | "du" | "del");
        if cap && word.chars().skip(1).any(|c| c.is_lowercase()) && !STOP_WORDS_EN.contains(&word) {
            // "Jr." / initials keep their dot; a trailing sentence dot does not belong.
            let keep_dot = orig[ws..i].last() == Some(&'.') && word.chars().count() <= 2;
            end = Some(if keep_dot { i } else { ws + word.chars().count() });
            words += 1;
        } else if words > 0 && !word.is_empty() && word.len() <= 4 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
            // A regnal number: King Frederik X, Queen Margrethe II.
            end = Some(ws + word.chars().count());
            break;
        } else if !(particle && words > 0) {
            break;
        }
        if i < n && orig[i] == ' ' && i + 1 < n && orig[i + 1] != ' ' {
            i += 1;
        } else {
            break;
        }
    }
    end
}

const STOP_WORDS_EN: [&str; 24] = [
    "The", "On", "In", "At", "And", "Of", "For", "With", "Said", "Says", "Met", "Meets", "Has", "Had", "Was", "Is",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Xinhua",
];

/// Whether a Gazetteer entry is of a type.
pub fn is_type(g: &Gazetteer, t: Target, ty: EntityType) -> bool {
    g.entry(t.entry()).etype == ty
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        let mut g = Gazetteer::default();
        g.add_file(
            "people.jsonl",
            r#"{"id":"joe-biden","en":"Joe Biden","zh-Hans":"拜登","short":["Biden"]}
{"id":"xi-jinping","en":"Xi Jinping","zh-Hans":"习近平","zh-Hant":"習近平","short":["Xi"]}"#,
        )
        .unwrap();
        g.add_file(
            "organizations.jsonl",
            r#"{"id":"sco","en":"Shanghai Cooperation Organization","zh-Hans":"上海合作组织","aliases":["SCO","上合组织"]}
{"id":"un","en":"United Nations","zh-Hans":"联合国","aliases":["UN"]}"#,
        )
        .unwrap();
        g.add_file("places.jsonl", r#"{"id":"russia","kind":"country","en":"Russia","zh-Hans":"俄罗斯","demonyms":["Russian"]}"#).unwrap();
        g
    }

    fn find(text: &str) -> Vec<(String, Vec<Target>)> {
        let g = gaz();
        let m = Matcher::new(&g);
        let chars: Vec<char> = text.chars().collect();
        let norm = normalise(text);
        let norm_chars: Vec<char> = norm.chars().collect();
        m.find(&norm, &norm_chars, &chars)
            .into_iter()
            .map(|h| (chars[h.start..h.end].iter().collect(), h.targets.to_vec()))
            .collect()
    }

    #[test]
    fn finds_names_in_both_scripts_and_cases() {
        let got = find("習近平會見俄羅斯外長, XI JINPING met Russian officials at the SCO");
        let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["習近平", "俄羅斯", "XI JINPING", "Russian", "SCO"]);
        assert_eq!(got[3].1, vec![Target::Demonym(2 + 2)]);
    }

    #[test]
    fn latin_names_need_word_boundaries() {
        assert!(find("Xinjiang and Xiamen").is_empty());
        assert_eq!(find("Xi, Biden's guest").len(), 2);
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        assert!(find("the un-American sco").is_empty());
        assert_eq!(find("the UN and ＳＣＯ").len(), 2);
    }

    #[test]
    fn no_match_inside_a_longer_dotted_name() {
        assert!(find("亨特·拜登").is_empty());
        assert_eq!(find("拜登·").len(), 1);
        assert_eq!(find("总统拜登和").len(), 1);
    }

    #[test]
    fn open_world_chinese_names() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        let name = |s: &str| {
            let ch = c(s);
            zh_name_at(&ch, 0).map(|e| ch[..e].iter().collect::<String>())
        };
        assert_eq!(name("拉夫罗夫表示").as_deref(), Some("拉夫罗夫"));
        assert_eq!(name("王毅在南非").as_deref(), Some("王毅"));
        assert_eq!(name("马朝旭说").as_deref(), Some("马朝旭"));
        assert_eq!(name("安东尼·布林肯会见").as_deref(), Some("安东尼·布林肯"));
        assert_eq!(name("戈利科娃(左二)").as_deref(), Some("戈利科娃"));
        assert_eq!(name("威廉-亚历山大和").as_deref(), Some("威廉-亚历山大"));
        assert_eq!(name("阿吉亚尔-布兰科夫妇").as_deref(), Some("阿吉亚尔-布兰科"));
        assert_eq!(name("拉夫罗夫表示").as_deref(), Some("拉夫罗夫"));
        assert_eq!(name("在北京").as_deref(), None);
    }

    #[test]
    fn open_world_english_names() {
        let name = |s: &str| {
            let ch: Vec<char> = s.chars().collect();
            en_name_at(&ch, 0).map(|e| ch[..e].iter().collect::<String>())
        };
        assert_eq!(name("Sergey Lavrov in Beijing.").as_deref(), Some("Sergey Lavrov"));
        assert_eq!(name("Olaf Scholz.").as_deref(), Some("Olaf Scholz"));
        assert_eq!(name("Ursula von der Leyen said").as_deref(), Some("Ursula von der Leyen"));
        assert_eq!(name("Margrethe on Tuesday").as_deref(), Some("Margrethe"));
        assert_eq!(name("said on Tuesday").as_deref(), None);
        assert_eq!(name("The talks").as_deref(), None);
    }
}
