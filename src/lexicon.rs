//! Lexicon: the word lists, character sets and phrase tables the extractor reads.
//!
//! Input: `lexicon/**/*.toml` (format and the index of lists in `lexicon/README.md`),
//! from a directory or from the default pack built into the binary ([`crate::pack`]).
//! Output: a validated [`Lexicon`]: every list [`LISTS`] names, by name, as normalised
//! words and as a character set; a `Values` list also gives each word's number.
//!
//! **Invariant**: every list the code reads is defined exactly once; an unknown list
//! name, a malformed table, a duplicate entry or a missing list is an error naming the
//! file and line. Entries are normalised as the text they are compared with
//! ([`crate::normalise`]: Simplified, half width, lower case), so a list may be written
//! in either script. What a list means is mechanism (Rust); what it holds is data.

use crate::error::{Error, ErrorKind, Result};
use crate::normalise::normalise;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// How a list's entries are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Each entry is a group of single characters; the list is a set of characters.
    Chars,
    /// Each entry is one word or phrase.
    Words,
    /// Each entry is a word and the number it stands for, `"前天 = -2"`; the number
    /// must lie in the range given (a weekday 1–7, a month 1–12, a day offset).
    Values(i32, i32),
    /// Each entry is a word and the word it maps to, `"secretary-of-state = foreign-minister"`.
    Pairs,
}

/// A list the extractor reads: its name, kind, the stage that reads it and what for.
#[derive(Debug, Clone, Copy)]
pub struct ListSpec {
    pub name: &'static str,
    pub kind: Kind,
    pub stage: &'static str,
    pub about: &'static str,
}

macro_rules! spec {
    ($name:literal, $kind:ident, $stage:literal, $about:literal) => {
        ListSpec { name: $name, kind: Kind::$kind, stage: $stage, about: $about }
    };
    ($name:literal, Values($lo:expr, $hi:expr), $stage:literal, $about:literal) => {
        ListSpec { name: $name, kind: Kind::Values($lo, $hi), stage: $stage, about: $about }
    };
}

/// Every list the code reads (the mechanism's side of `lexicon/README.md`).
pub const LISTS: &[ListSpec] = &[
    spec!("zh-translit", Chars, "matching", "characters of transliterated foreign names (克林顿, 拉夫罗夫)"),
    spec!("zh-surnames", Chars, "matching", "one-character Chinese surnames"),
    spec!("en-titles-not-held", Words, "mentions", "words after a title and a hyphen or space that say it is not held yet (President-elect): no title mention"),
    spec!("zh-hall-suffixes", Chars, "mentions", "characters after a listed place that make it a hall's name (河北厅): no mention of the place"),
    spec!("zh-compound-surnames", Words, "matching", "two-character Chinese surnames (欧阳)"),
    spec!("zh-name-stop-chars", Chars, "matching", "characters that end (or cannot start) a Chinese name"),
    spec!("zh-name-stop-words", Words, "matching", "two-character words that end a Chinese name where they begin"),
    spec!("zh-name-clear-end", Chars, "matching", "characters after which a name of no known form may end"),
    spec!("zh-not-name-initial", Chars, "matching", "characters that never begin a name of no known form"),
    spec!("ja-surnames", Words, "matching", "Japanese surnames of two or three characters: after a title, one name with up to three characters after it"),
    spec!("zh-regnal-numbers", Words, "mentions", "regnal numbers (五世, 十六世): after a name read after a title, part of the name (国王图普五世)"),
    spec!("ja-given-finals", Chars, "matching", "characters that end Chinese names yet go on or close a Japanese given name (正夫, 健一郎), unless a spouse word or a word after a list (一行) starts there"),
    spec!("ja-given-initials", Chars, "matching", "characters that end Chinese names yet open a Japanese given name (和夫)"),
    spec!("en-name-stop-words", Words, "matching", "capitalised words that are never part of an English name"),
    spec!("en-name-particles", Words, "matching", "lower-case particles inside English names (van, de, bin)"),
    spec!("zh-not-name-stop-words", Words, "matching", "words that begin with a name stop word yet end no name there"),
    spec!("zh-spouse-words", Words, "matching", "words after a name whose first character a transliterated name would swallow"),
    spec!("related-markers", Words, "page", "headings of 'related articles' lists: what follows is inactive"),
    spec!("pinyin-tone-vowels", Chars, "page", "vowels with a tone mark: a bracketed pinyin syllable holding one right after a Han character is a reading aid, read as absent (會(huì)見)"),
    spec!("nav-line-openings", Values(0, 200), "page", "openings of navigation and sharing lines, with the longest such line"),
    spec!("zh-building-after-title", Words, "mentions", "a title followed by one of these is part of a building's name (总统府)"),
    spec!("zh-title-body-words", Words, "mentions", "a title whose end begins one of these words (委员 + 会: 委员会) is part of a body's name"),
    spec!("zh-title-body-breaks", Words, "mentions", "words that, starting right after a title, keep it a title though its end and their start spell a body (委员 + 会见: no 委员会)"),
    spec!("zh-place-ends-before-title", Chars, "mentions", "last characters of a place's name that may open a title after it"),
    spec!("zh-photo-marks", Chars, "mentions", "what ends a photo credit after the photographer's name"),
    spec!("zh-delegation-stops", Chars, "mentions", "characters that end a delegation's name on the left"),
    spec!("zh-not-delegation-stops", Words, "mentions", "words holding a delegation stop that stay in its name"),
    spec!("zh-pronouns", Chars, "mentions", "pronouns that stand for the person named before them"),
    spec!("zh-object-pronouns", Chars, "mentions", "pronouns that, right after a 'with' marker or a meeting verb, stand for someone named before the sentence (李强同他举行会谈)"),
    spec!("zh-pronoun-own-words", Words, "people and roles", "words after a pronoun that, right after a person and a join (和, 与), make it that person again: 谢列兹尼奥夫和他率领的代表团 adds no one"),
    spec!("zh-not-before-pronoun", Chars, "mentions", "characters before a pronoun that make it part of a word"),
    spec!("zh-not-after-pronoun", Chars, "mentions", "characters after a pronoun that make it part of a word"),
    spec!("en-subject-pronouns", Words, "mentions", "English pronouns standing for a subject (he, she): the first person named earlier in the sentence, else the last before"),
    spec!("en-object-pronouns", Words, "mentions", "English pronouns standing for an object (him): the last person named before their sentence"),
    spec!("en-speaker-pronouns", Words, "mentions", "I, we: in a transcript turn (SECRETARY KERRY: …) its speaker; in a text headed by a name alone, outside quotes, that person"),
    spec!("en-couple-phrases", Words, "mentions", "phrases that stand for the two people last named together"),
    spec!("en-body-words", Words, "mentions", "words of bodies' names: a capitalised phrase holding one is no person"),
    spec!("zh-byline-keys", Words, "mentions", "words that introduce bylines and credits (记者, 责任编辑)"),
    spec!("zh-byline-ends", Words, "mentions", "words right after a byline's name (报道, 编译)"),
    spec!("earlier-words", Words, "resolve", "此前, earlier: a meeting told of as before the article's news takes no date from the article's lead"),
    spec!("arrival-words", Words, "meetings", "arrived in, 抵达: where a meeting with no place of its own happened, from the sentence before"),
    spec!("zh-guest-nouns", Words, "mentions", "visitors received as a party (日本客人, 会见了外宾)"),
    spec!("zh-kin-nouns", Words, "mentions", "父亲, 妻子: a Han name before 的 and one of these is a person (马玉林的父亲)"),
    spec!("zh-list-join-marks", Chars, "mentions", "words joining two people (和, 与): a Han name right after a person across one is a person"),
    spec!("zh-list-sibling-marks", Chars, "mentions", "、: a Han name next to a person across one is a person (王淑芬、李秀兰)"),
    spec!("zh-speaker-leads", Chars, "mentions", "据: may stand right before a speaker's name (据刘德明介绍)"),
    spec!("zh-person-nouns", Words, "mentions", "nouns of work, standing or kin before a Han name (农民王秀英, 儿子刘建军)"),
    spec!("zh-abbreviation-breaks", Chars, "mentions", "characters after 会 that make it another word (会长, 会员): no pair abbreviation (川习会) ends there"),
    spec!("zh-number-name-marks", Chars, "mentions", "marks between a shirt number and a name (10号朱尼奥, 1-侯森)"),
    spec!("zh-byline-function-chars", Chars, "mentions", "function characters: a byline 'name' holding one is no name"),
    spec!("zh-delegation-suffixes", Words, "mentions", "nouns that end a delegation's name (代表团, 考察团)"),
    spec!("zh-party-leader-verbs", Words, "mentions", "率团, 率领: right after a person (or their title), they lead a party that a later bare 代表团 after a meeting verb stands for"),
    spec!("zh-led-by", Words, "mentions", "'led by' before a delegation: its leader is the participant (率领的)"),
    spec!("zh-fronted-clause-ends", Words, "meetings", "ends of a clause set before its subject (在同X会谈时，Y…; 与X会谈后，Y…): the subject is the first person of the next clause"),
    spec!("en-separately-markers", Words, "meetings", "separately, individually: between the two sides of a meeting verb, one meeting each (A and B separately called on C)"),
    spec!("zh-list-ends", Words, "meetings", "等, 一行: after a titled person in the clause after a comma, that person is one more of the object's list (…会长王建国，…理事长李明辉等宾客)"),
    spec!("zh-separately-markers", Words, "meetings", "分别, 先后: before a 'with' marker, one meeting with each person after it (分别同A、B举行会谈)"),
    spec!("zh-clause-lead", Words, "slots", "words that open a clause before its subject (据悉, 随后)"),
    spec!("zh-object-modifiers", Words, "slots", "modifiers between a meeting verb and its object (来访的)"),
    spec!("zh-with-markers", Chars, "slots", "'with' markers: X 同/与/和/跟 Y"),
    spec!("zh-weak-with-markers", Chars, "slots", "'with' markers that also join lists (和): an earlier marker whose people run on over one wins"),
    spec!("zh-list-marks", Chars, "slots", "marks joining people in a list (、, 和)"),
    spec!("zh-after-name", Words, "slots", "words that may follow a name in a slot (一行, 同志)"),
    spec!("zh-not-names", Words, "slots", "words that begin with a surname or transliteration character but are no name (包括, 商界, 可能)"),
    spec!("zh-place-suffixes", Chars, "segmenter", "characters that end a place's name (市, 县, 岛): a segmenter 'name' ending in one is a place"),
    spec!("zh-place-nouns", Words, "segmenter", "nouns that end a place's or building's name (广场, 大厦): a segmenter 'name' before one is part of a place"),
    spec!("zh-speech-verbs", Words, "slots", "verbs of saying: the Han name before one is a person (表示, 说)"),
    spec!("zh-action-verbs", Words, "slots", "verbs of a person's own acts in sport (出战, 砍下, 攻入): a name right before one is a person"),
    spec!("en-not-single-names", Words, "slots", "capitalised words that are no one-word name (months, titles)"),
    spec!("en-verb-adverbs", Words, "slots", "adverbs between a one-word name and its meeting verb (Vik also met, Vik later met)"),
    spec!("en-determiners", Words, "slots", "determiners that may open a title's modifiers (his security adviser X)"),
    spec!("en-function-words", Words, "slots", "function words: the words between a meeting verb and a title are its modifiers only when none is one (met rebel leader X)"),
    spec!("en-common-words", Words, "slots", "common English words (SCOWL): a capitalised one is no one-word name by its capital alone"),
    spec!("en-person-nouns", Words, "mentions", "lower-case nouns of work or standing before a name (captain Wasim Akram)"),
    spec!("en-common-given-names", Words, "mentions", "given names that are also common words (Matt, Rob, Lance), read as given names all the same"),
    spec!("en-given-names", Words, "mentions", "given names in Latin script (Faker's lists): one followed by a capitalised surname is a person"),
    spec!("en-not-person-nouns", Words, "mentions", "nouns that end the name of a place, a building or an event (Street, Memorial, Olympics): a phrase holding one is no person"),
    spec!("en-noun-gap-phrases", Words, "meetings", "phrases that may stand between a meeting noun or verb and its 'with' though they open with a stop word (held talks for the second time with)"),
    spec!("en-line-wrap-words", Words, "page", "words that end no English line but a hard-wrapped one: the line goes on in the next (a summit between / Yeltsin and Clinton)"),
    spec!("en-abbreviations", Words, "sentences", "abbreviations whose full stop ends no sentence (Mr., Maj., Sept.)"),
    spec!("en-press-nouns", Words, "slots", "nouns of the press (correspondent, reporter): a meeting's object introduced by one is interviewed, not met"),
    spec!("en-speech-cues", Words, "slots", "words after a speaker's name (said, told, who)"),
    spec!("en-action-verbs", Words, "slots", "verbs of a person's acts after a name (scored, beat, hit)"),
    spec!("en-list-joins", Words, "mentions", "words between two names of one list (and, or, with)"),
    spec!("en-place-name-leads", Words, "mentions", "words that start places' names (San, Fort): a given name after one starts no person's name"),
    spec!("en-apposition-prepositions", Words, "mentions", "prepositions that end an apposition's head (a qualifier from Poland)"),
    spec!("en-side-prepositions", Words, "slots", "prepositions after which one capitalised word is no speaker (for England, who)"),
    spec!("en-honorifics", Words, "slots", "honorifics before a name (Mr., Mrs., Dr.)"),
    spec!("en-title-words", Words, "mentions", "words that continue a title after its head (of State, for Defence): the name follows them"),
    spec!("en-ranks", Words, "mentions", "ranks and honorifics between a title and a name (Gen., Dr.)"),
    spec!("holder-roles", Words, "people and roles", "offices one person holds at a time: a title alone takes part"),
    spec!("counterpart-roles", Pairs, "people and roles", "a role and the role its holder's counterpart abroad holds (secretary-of-state = foreign-minister), beside the same role"),
    spec!("en-body-heads", Words, "people and roles", "head words of an office named by its body (the governor of Brazil's central bank)"),
    spec!("en-body-roles", Pairs, "people and roles", "a body and the role id of its head (central bank = central-bank-governor)"),
    spec!("en-delegation-led-by", Words, "people and roles", "words after a delegation's name that bring in its leader in a sentence of its own (is led by, was headed by): the delegation met elsewhere on the page is that person"),
    spec!("en-delegation-lead-verbs", Words, "people and roles", "verbs right before 'a delegation' whose subjects lead it (led, headed): they take part, not the delegation"),
    spec!("sole-offices", Pairs, "people and roles", "a role id one person holds in the world and the body it is held in (pope = vatican): 'the Pope' alone is that holder"),
    spec!("en-counterpart-words", Words, "people and roles", "nouns for the holder of the same office in another country ('his Iranian counterpart')"),
    spec!("en-counterpart-possessives", Words, "people and roles", "possessives before a nationality and a counterpart noun that make it the sentence subject's counterpart (his, her)"),
    spec!("pair-phrases", Words, "people and roles", "phrases that stand for the last two people of the last sentence that named two or more (the two leaders, 两国元首, 两人)"),
    spec!("trio-phrases", Words, "people and roles", "phrases that stand for the last three people of the last sentence that named three or more (the three foreign ministers, 三国外长)"),
    spec!("leader-titles", Words, "people and roles", "titles that name a country's leader, whichever office it is (leaders, 领导人): its one head of state or government on the date, or the one of them the page names"),
    spec!("country-count-words", Words, "people and roles", "words between country abbreviations and a title that count the countries (中美两国元首)"),
    spec!("zh-capacity-words", Words, "people and roles", "words after a title that make it a capacity (以外长身份): the character before the title is no country's abbreviation"),
    spec!("zh-escort-words", Words, "meetings", "words right after a person who accompanies the subject (在秘书长龚明鑫陪同下): no subject"),
    spec!("en-past-meeting-verbs", Words, "resolve", "met, held: a meeting told so in a month after the article's, with no year, was held that month a year before (the two met in Geneva in June)"),
    spec!("en-other-event-openers", Words, "resolve", "since, until: between a meeting verb and a time after it, the time is another event's (met X on his first visit since the war began in February)"),
    spec!("zh-other-event-after-time", Words, "resolve", "words right after a time that make it another event's, not the meeting's (2022年5月就任后)"),
    spec!("zh-represented-after", Words, "meetings", "words right after a person whom the subject represents (作为习近平主席的特使): that person is no subject"),
    spec!("zh-as-markers", Words, "meetings", "words before a title and person that make the person represented when zh-represented-after follows (作为)"),
    spec!("zh-inclusion-words", Words, "meetings", "words opening the clause right after a meeting with a group that name its people (包括)"),
    spec!("en-relative-openers", Words, "meetings", "words opening a relative clause after a comma that goes on with the clause before, whose blocker counts (…called off a trip, where she was to meet X)"),
    spec!("zh-indefinite-quantifiers", Words, "people and roles", "words opening a delegation's name that leave it unnamed (一些成员国代表团): no party of its own"),
    spec!("zh-except-markers", Words, "people and roles", "words before a person that set them aside (除岸田外): no subject for a later 他"),
    spec!("titles-without-names", Words, "people and roles", "titles after which no name is read (元首: 中俄元首敞开心扉)"),
    spec!("pair-phrases-before-triggers", Words, "people and roles", "phrases that stand for the last two people named, as pair-phrases do, only right before a meeting trigger (the two met)"),
    spec!("leader-pair-words", Words, "people and roles", "words of heads of state or government in a pair or trio phrase (元首, presidents): as with leader-titles, the phrase stands for no one when everyone it would stand for is listed with no such office on the date"),
    spec!("pair-pronouns", Words, "people and roles", "pronouns that stand for the last two people named, as pair-phrases-before-triggers do, only before a trigger holding a word of pair-pronoun-trigger-words (they met)"),
    spec!("pair-pronoun-trigger-words", Words, "people and roles", "words a trigger after a pair pronoun must hold: met, talks (they met; not they exchanged views)"),
    spec!("couple-joins", Words, "people and roles", "what joins the two people a couple stands for"),
    spec!("list-joins", Words, "meetings", "what may join two people of one group"),
    spec!("object-openers", Words, "meetings", "words between a meeting verb and the people it names"),
    spec!("en-wildcard-stops", Words, "meetings", "words that may not stand in the `*` of a wildcard trigger (had a * meeting with)"),
    spec!("zh-contrast-words", Words, "meetings", "words opening a Chinese clause of contrast after the meeting's clause, whose blocker still counts (…，却临时取消)"),
    spec!("en-contrast-words", Words, "meetings", "words opening a clause of contrast after the meeting's clause, whose blocker still counts (…, but the trip was cancelled)"),
    spec!("en-sequence-words", Words, "meetings", "followed, after: a blocker on the other side of one from the meeting word, in its clause, is another event's"),
    spec!("en-verb-coordinators", Words, "meetings", "and, as well as, before: between an earlier meeting verb's object and a second meeting verb, the second keeps the first verb's subject"),
    spec!("en-apposition-words", Words, "meetings", "words besides titles, determiners, bodies' words and nouns of work in a title phrase set off by commas: after a person of a group (X, the foreign minister of Y, and Z met) or before the object (met the vice chairman of Y's ruling party, X)"),
    spec!("en-relative-pronouns", Words, "meetings", "who, whose: a relative clause set off by commas between a pair and its meeting verb (A and B, who last met in June, held talks)"),
    spec!("en-aside-openers", Words, "meetings", "words opening an aside between a subject and its meeting verb whose people are present, not the subject (X, accompanied by Y, met Z)"),
    spec!("title-modifiers", Words, "meetings", "modifiers of a title that may end the gap between two people of one list (and former, 和前)"),
    spec!("attend-openers", Words, "meetings", "ends of an attendance trigger after which the people present are named (参加会见的有A、B等)"),
    spec!("attend-gap-words", Words, "meetings", "words between the people present and an attendance verb"),
    spec!("pair-before-trigger", Words, "meetings", "words between two people named together and their meeting verb"),
    spec!("en-noun-gap-stops", Words, "meetings", "words that end the search for a meeting noun's partner ('meeting … with'): verbs and clause words (said, which, was)"),
    spec!("en-noun-pair-leads", Words, "meetings", "words before a meeting noun that make the two people or more named right before it its participants (X and Y discussed … during a meeting)"),
    spec!("en-inclusion-words", Words, "meetings", "words after a comma that go on to name a meeting noun's partners (including with X)"),
    spec!("en-talk-triggers", Words, "meetings", "triggers of talking (exchanged views): a meeting only where the page tells of no call (en-call-words) up to the end of its sentence"),
    spec!("en-call-words", Words, "meetings", "words that tell of a call (phone, call, video): around a talk trigger, the talk was the call's"),
    spec!("en-address-verbs", Words, "meetings", "verbs of telling someone to their face: X told Y during a meeting"),
    spec!("en-joint-possessives", Words, "meetings", "words before a meeting noun that make everyone named before it its participants (their talks)"),
    spec!("en-fronted-nouns", Words, "meetings", "talks: a fronted trigger ending in one ('after talks') names no one after it unless 'with' follows: the pair before it, or the group after its comma"),
    spec!("zh-sequence-openers", Words, "meetings", "words opening a clause that goes on with the people who open the clause before (然后, 随后)"),
    spec!("zh-future-markers", Words, "status", "markers of a meeting to come before the meeting verb"),
    spec!("zh-person-prepositions", Chars, "status", "prepositions that bring in a person before a meeting verb (为, 向): a future marker before one is the meeting's, not a relative clause's"),
    spec!("zh-not-future-markers", Words, "status", "words holding a future marker that are no future"),
    spec!("zh-uncertain", Words, "status", "markers of a meeting only wondered about or arranged (是否, 正在协调)"),
    spec!("zh-topic-markers", Words, "status", "就, 围绕: with a light verb before the meeting word (就…进行交流), what stands between is the talks' topic, whose words mark nothing of their status"),
    spec!("zh-light-verbs", Words, "status", "进行, 举行: a verb before a meeting noun that closes a topic opened by zh-topic-markers"),
    spec!("zh-uncertain-after", Words, "status", "markers after a meeting verb or noun, in its clause, of a meeting only deemed possible (会晤是有可能的, 会面能否成行)"),
    spec!("zh-abbreviation-done", Words, "status", "words after a meeting named by initials (川习会后, 习拜会结束) that say it took place: else it is planned"),
    spec!("zh-visit-invitations", Words, "status", "words after the person a meeting verb names that make it a welcome of a visit to come (欢迎X访华): none unless timed"),
    spec!("zh-denial", Words, "status", "markers of a denied meeting (不会与…会面)"),
    spec!("zh-cancel-words", Words, "status", "words before a meeting noun in its clause that call it off (取消习近平与希拉里的会面)"),
    spec!("zh-cancelled-after", Words, "status", "words in the clause after a meeting noun that say it was called off (原定举行的会晤，因故被取消)"),
    spec!("en-adjunct-leads", Words, "status", "prepositions opening a meeting phrase (during a meeting with): a future marker anywhere in its clause before makes the meeting planned"),
    spec!("en-adjunct-future", Words, "status", "future auxiliaries anywhere in the clause before a meeting phrase of en-adjunct-leads that make it planned (will, is expected to)"),
    spec!("en-appeal-triggers", Words, "status", "meeting triggers that also make an appeal (called on): with 'to' and a verb after the object that is no visit's purpose, no meeting"),
    spec!("en-call-purpose-verbs", Words, "status", "verbs after 'called on X to' that make the call a visit (brief, discuss), not an appeal"),
    spec!("zh-body-ends", Words, "meetings", "endings of a body's name (会, 协会, 大学): such a name between a comma and a title keeps a list of titled people going"),
    spec!("zh-address-honorifics", Words, "mentions", "honorifics of address after a bare title (总统先生): the last person named before who holds a title of its kind on the article's date"),
    spec!("zh-name-honorifics", Words, "meetings", "honorifics after a Chinese name (教授, 博士) that leave a titled list going on before 一行 or 等"),
    spec!("en-adjunct-openers", Words, "meetings", "words opening an adjunct of time or place between a meeting verb and a comma before its object (received on Friday in his office, X)"),
    spec!("en-guest-phrases", Words, "mentions", "phrases for guests right after a meeting verb (met with the foreign guests): the visitor a sentence before names"),
    spec!("visit-verbs", Words, "mentions", "verbs of a visit (访问, 到访, visited): the person before one in a sentence before is the visitor a guest noun stands for"),
    spec!("en-denial-verbs", Words, "status", "verbs that deny the meeting a gerund right after them names, a time aside (denied on Friday holding talks with)"),
    spec!("en-uncertain", Words, "status", "markers of a meeting only wondered about or arranged (could, whether)"),
    spec!("en-future", Words, "status", "markers of a planned meeting before the verb (will, is to, is scheduled)"),
    spec!("en-noun-denials", Words, "status", "words right before a meeting noun, names aside, that deny it (no Putin-Zelensky meeting)"),
    spec!("en-progressive-be", Words, "status", "forms of 'be' right before 'meeting' that make it a verb (is meeting with): the words after it set no status"),
    spec!("en-speculative-modifiers", Words, "status", "words right before a meeting noun that make it only speculated on (a possible meeting): none, even with a time"),
    spec!("en-journeys-to-come", Words, "status", "present-tense journeys before 'for talks' (heads to, arrives in): the meeting is planned"),
    spec!("en-ahead", Words, "status", "words before (not in) a meeting verb or noun that set it after the reported act (ahead of, in preparation for): planned"),
    spec!("en-former-words", Words, "people and roles", "words between 'the' and a title with no country or name that make it a past holder named before ('the former president'); with a country, the last who held it before the article's date ('the former Kazakh president')"),
    spec!("person-modifier-heads", Words, "people and roles", "administration, 政府: right after a person's name (or its 's), the name qualifies what follows (the Trump administration, 普京政府官员): no participant"),
    spec!("en-anaphor-modifiers", Words, "people and roles", "visiting: between 'the' and a title with no name, the title is still the last person named who holds one of its kind (the visiting minister)"),
    spec!("zh-former-words", Words, "people and roles", "前: before a title (and its country) with no name, a past holder: the last who held it before the article's date (哈萨克斯坦前总统)"),
    spec!("en-past-auxiliaries", Words, "status", "auxiliaries of the past before a base-form meeting verb (did meet): held"),
    spec!("en-present-meeting-verbs", Words, "status", "present-tense meeting verbs (meets): planned with a time to come after or a future marker before"),
    spec!("en-future-times", Words, "status", "times to come after a present-tense meeting verb (next week, tomorrow)"),
    spec!("en-purpose-words", Words, "status", "for: opens a meeting as a journey's purpose; the words before it say whether it is to come"),
    spec!("en-past-purpose", Words, "status", "past journeys whose purpose 'to meet' is a meeting held (was in X to meet, traveled to X to meet)"),
    spec!("zh-locatives", Words, "resolve", "words before the place where a meeting happened (在, 于, 前往)"),
    spec!("en-locatives", Words, "resolve", "words before the place where a meeting happened (in, at, near)"),
    spec!("en-place-nouns", Words, "resolve", "city, port: after a locative and 'the', a noun of these ending 'of' is followed by the meeting's place (in the Jordanian port city of Aqaba)"),
    spec!("en-report-clause-words", Words, "resolve", "that: a place before one of these and the meeting word is where something was said (said at the White House that talks with X would)"),
    // The date grammar's word tables (src/dates/; the grammar itself is code).
    spec!("zh-digits", Values(0, 10), "dates", "Chinese numerals and their values (ten joins tens)"),
    spec!("zh-number-chars", Chars, "dates", "other characters of Chinese numbers: a number next to one is longer"),
    spec!("zh-week-words", Words, "dates", "words for 'week': weekdays and relative weeks"),
    spec!("zh-weekday-numbers", Values(1, 7), "dates", "what follows a week word in a weekday, and the weekday (7 = Sunday)"),
    spec!("zh-not-weekdays", Words, "dates", "a week word and number that standing alone are no weekday"),
    spec!("zh-not-before-weekday", Chars, "dates", "characters before a weekday that make it a habit or another week's day"),
    spec!("zh-relative-days", Values(-9, 9), "dates", "days relative to the article's date, with their offset in days"),
    spec!("zh-not-before-relative-day", Chars, "dates", "characters before a relative day that make it part of another word"),
    spec!("zh-not-relative-days", Words, "dates", "words holding a relative day that are no date"),
    spec!("zh-relative-years", Values(-9, 9), "dates", "years relative to the article's date, with their offset in years"),
    spec!("zh-not-relative-years", Words, "dates", "words holding a relative year that are no date"),
    spec!("zh-not-after-year", Chars, "dates", "characters after a year that make it a span (a decade)"),
    spec!("zh-relative-periods", Values(-9, 9), "dates", "what makes a week or month relative, with its offset"),
    spec!("zh-not-before-this", Chars, "dates", "characters before a this-period word (offset 0) that make it part of another word"),
    spec!("zh-month-suffixes", Words, "dates", "what may follow a month and belongs to it"),
    spec!("zh-range-words", Words, "dates", "words joining the ends of a range of days or years"),
    spec!("zh-parts-of-day", Words, "dates", "parts of the day after a day"),
    spec!("zh-clock-parts-of-day", Words, "dates", "parts of the day that open a clock time standing alone"),
    spec!("zh-not-after-clock", Chars, "dates", "characters after a clock time that make it a count"),
    spec!("zh-time-notes", Words, "dates", "time-zone notes before or after a date"),
    spec!("zh-not-before-day", Chars, "dates", "characters before a bare day that make it a count or ordinal"),
    spec!("zh-not-after-day", Chars, "dates", "characters after a day that make it no date"),
    spec!("zh-not-after-hao", Chars, "dates", "characters after a day number that make it a number, not a date"),
    spec!("zh-dateline-marks", Words, "dates", "what ends a news dateline after its date"),
    spec!("zh-not-after-dateline", Chars, "dates", "characters after a dateline mark that make it a word, not a dateline's end"),
    spec!("zh-page-labels", Words, "dates", "labels of page metadata beside a publication date"),
    spec!("en-months", Values(1, 12), "dates", "month names and their numbers"),
    spec!("en-month-abbreviations", Values(1, 12), "dates", "abbreviated months (oct.); one written with its dot needs it (mar.)"),
    spec!("en-weekdays", Values(1, 7), "dates", "weekday names and their numbers (1 = Monday)"),
    spec!("en-weekday-abbreviations", Values(1, 7), "dates", "abbreviated weekdays, read with their dot (tues.)"),
    spec!("en-ambiguous-abbreviations", Words, "dates", "weekday abbreviations that are also words: a day only after 'on' (sat., sun.)"),
    spec!("en-relative-days", Values(-9, 9), "dates", "days relative to the article's date, with their offset (yesterday = -1)"),
    spec!("en-relative", Values(-9, 9), "dates", "what makes a year, month or week relative (last = -1)"),
    spec!("en-period-parts", Words, "dates", "parts of a month or year before it (early may, mid-2024)"),
    spec!("en-period-leads", Words, "dates", "words before a relative week or month (later this month)"),
    spec!("en-month-leads", Words, "dates", "prepositions that make a month alone a date (in may)"),
    spec!("en-year-leads", Words, "dates", "prepositions that make a number a year (in 2023)"),
    spec!("en-may-followers", Words, "dates", "words after 'last/this/next may' that make may a month"),
    spec!("en-future-weekday-leads", Words, "dates", "words that make the weekday after them a future one (next tuesday)"),
    spec!("en-day-leads", Words, "dates", "the preposition before a day (on tuesday)"),
    spec!("en-range-words", Words, "dates", "words joining the ends of a range of days (to, through)"),
    spec!("en-parts-of-day", Words, "dates", "parts of the day after a day (tuesday morning)"),
    spec!("en-time-notes", Words, "dates", "time-zone notes before or after a date (local time)"),
    spec!("en-units", Words, "dates", "units after 'may 2' that make the number a quantity (percent, miles)"),
    spec!("en-page-labels", Words, "dates", "labels of page metadata beside a publication date (published, source)"),
    spec!("page-zones", Words, "dates", "time zones beside a publication date (gmt)"),
];

/// One list as loaded.
#[derive(Debug, Clone)]
pub struct List {
    pub spec: ListSpec,
    /// What the file says the list is for.
    pub about: Option<String>,
    /// `file:line` of the list's table.
    pub origin: String,
    /// Normalised entries (for `Chars` lists, one entry per character), in file order.
    pub words: Vec<String>,
    /// For `Values` lists, the number of each entry of `words` (empty otherwise).
    pub values: Vec<i32>,
    /// For `Pairs` lists, the word each entry of `words` maps to (empty otherwise).
    pub targets: Vec<String>,
    pub chars: CharSet,
}

/// A set of characters with constant-time lookup (a bitmap over the Basic
/// Multilingual Plane, a sorted list beyond it).
#[derive(Clone)]
pub struct CharSet {
    bmp: Box<[u64; 1024]>,
    astral: Vec<char>,
}

impl std::fmt::Debug for CharSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CharSet({} chars)", self.bmp.iter().map(|w| w.count_ones() as usize).sum::<usize>() + self.astral.len())
    }
}

impl Default for CharSet {
    fn default() -> CharSet {
        CharSet { bmp: Box::new([0; 1024]), astral: Vec::new() }
    }
}

impl CharSet {
    pub fn insert(&mut self, c: char) {
        let u = c as u32;
        if u < 0x10000 {
            self.bmp[(u >> 6) as usize] |= 1 << (u & 63);
        } else if let Err(i) = self.astral.binary_search(&c) {
            self.astral.insert(i, c);
        }
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let u = c as u32;
        if u < 0x10000 { self.bmp[(u >> 6) as usize] & (1 << (u & 63)) != 0 } else { self.astral.binary_search(&c).is_ok() }
    }
}

/// An example a list must get right, run by `summit check-rules` and the tests: the
/// text is extracted as a document and each field given is checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    /// The date the text is read against.
    pub article_date: Option<String>,
    /// Texts that must come out as person mentions, exactly these spans.
    #[serde(default)]
    pub persons: Vec<String>,
    /// Texts that must not come out as a person mention.
    #[serde(default)]
    pub not_persons: Vec<String>,
    /// Texts that must not come out as a place mention.
    #[serde(default)]
    pub not_places: Vec<String>,
    /// A meeting these people (names as `summit` outputs them) must take part in.
    #[serde(default)]
    pub meeting: Vec<String>,
    /// The meeting has no participant beyond `meeting`.
    #[serde(default)]
    pub only: bool,
    /// How many meetings the text reports (one meeting told twice is one).
    pub meetings: Option<usize>,
    /// held | planned | none: what the text reports (none: no meeting at all).
    pub status: Option<String>,
    /// The place the meeting must have (its English name).
    pub place: Option<String>,
    /// The date the meeting must have (YYYY-MM-DD).
    pub date: Option<String>,
}

/// An example with the list it belongs to.
#[derive(Debug, Clone)]
pub struct ListExample {
    pub list: String,
    pub origin: String,
    pub example: Example,
    /// A counter-example: shows where the list must not fire (checked the same way).
    pub counter: bool,
}

/// Every list by name, validated.
#[derive(Debug, Clone)]
pub struct Lexicon {
    lists: Vec<List>,
    by_name: HashMap<&'static str, usize>,
    pub examples: Vec<ListExample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    list: Vec<toml::Spanned<RawList>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    name: String,
    #[serde(default)]
    about: Option<String>,
    entries: Vec<toml::Spanned<String>>,
    #[serde(default)]
    examples: Vec<Example>,
    #[serde(default)]
    counter_examples: Vec<Example>,
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

/// The byte offsets of a text's line ends, to find many lines in O(log n) each.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    /// The 1-based line of `byte` (as [`line_of`]).
    fn of(&self, byte: usize) -> usize {
        self.0.partition_point(|&nl| nl < byte) + 1
    }
}

impl Lexicon {
    /// Loads every `*.toml` file under a directory (sorted by path).
    pub fn load_dir(dir: &Path) -> Result<Lexicon> {
        let (files, errors) = crate::read::files_under(dir, &|p: &Path| p.extension().is_some_and(|x| x == "toml"));
        if let Some(e) = errors.into_iter().next() {
            return Err(e);
        }
        let mut sources = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).map_err(|e| Error::io(f.display().to_string(), &e))?;
            sources.push((f.display().to_string(), text));
        }
        if sources.is_empty() {
            return Err(Error::new(ErrorKind::Usage, "no lexicon files (*.toml) under this directory").at_path(dir.display().to_string()));
        }
        Lexicon::from_sources(&sources)
    }

    /// Builds the lexicon from `(path, text)` pairs.
    pub fn from_sources(sources: &[(String, String)]) -> Result<Lexicon> {
        let specs: HashMap<&str, &ListSpec> = LISTS.iter().map(|s| (s.name, s)).collect();
        let mut lists: Vec<List> = Vec::new();
        let mut by_name: HashMap<&'static str, usize> = HashMap::new();
        let mut examples = Vec::new();
        for (path, text) in sources {
            let raw: RawFile = toml::from_str(text).map_err(|e| {
                let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
                Error::parse(path.as_str(), line, e.message().trim().replace('\n', "; "))
            })?;
            let lines = Lines::new(text);
            for spanned in raw.list {
                let line = lines.of(spanned.span().start);
                let r = spanned.into_inner();
                let Some(spec) = specs.get(r.name.as_str()).copied() else {
                    let mut known: Vec<&str> = LISTS.iter().map(|s| s.name).collect();
                    known.sort();
                    return Err(Error::parse(path.as_str(), line, format!("unknown list {:?} (known: {})", r.name, known.join(", "))));
                };
                if let Some(&i) = by_name.get(spec.name) {
                    return Err(Error::parse(path.as_str(), line, format!("list {:?} defined twice (first at {})", r.name, lists[i].origin)));
                }
                let mut list = List { spec: *spec, about: r.about, origin: format!("{path}:{line}"), words: Vec::new(), values: Vec::new(), targets: Vec::new(), chars: CharSet::default() };
                let mut seen: HashMap<String, usize> = HashMap::new();
                for e in &r.entries {
                    let eline = lines.of(e.span().start);
                    let value = e.get_ref();
                    let err = |m: String| Error::parse(path.as_str(), eline, format!("list {:?}: {m}", r.name));
                    let items: Vec<String> = match spec.kind {
                        Kind::Chars => value.chars().filter(|c| !c.is_whitespace()).map(|c| normalise(&c.to_string())).collect(),
                        Kind::Words => {
                            let n = normalise(value.trim());
                            if n.is_empty() {
                                return Err(err("an empty entry".into()));
                            }
                            vec![n]
                        }
                        Kind::Pairs => {
                            let (word, target) = value.split_once('=').ok_or_else(|| err(format!("{value:?} is not \"word = word\"")))?;
                            let (n, t) = (normalise(word.trim()), normalise(target.trim()));
                            if n.is_empty() || t.is_empty() {
                                return Err(err(format!("{value:?}: an empty side")));
                            }
                            list.targets.push(t);
                            vec![n + " = " + &list.targets[list.targets.len() - 1]]
                        }
                        Kind::Values(lo, hi) => {
                            let (word, number) = value.rsplit_once('=').ok_or_else(|| err(format!("{value:?} is not \"word = number\"")))?;
                            let n = normalise(word.trim());
                            if n.is_empty() {
                                return Err(err("an empty entry".into()));
                            }
                            let v: i32 = number.trim().parse().map_err(|_| err(format!("{value:?}: {:?} is not a whole number", number.trim())))?;
                            if !(lo..=hi).contains(&v) {
                                return Err(err(format!("{value:?}: {v} is outside {lo}..={hi}")));
                            }
                            list.values.push(v);
                            vec![n]
                        }
                    };
                    if items.is_empty() {
                        return Err(err("an empty entry".into()));
                    }
                    for it in items {
                        if let Some(prev) = seen.get(&it) {
                            return Err(err(format!("duplicate entry {it:?} (first on line {prev})")));
                        }
                        seen.insert(it.clone(), eline);
                        if spec.kind == Kind::Chars {
                            it.chars().for_each(|c| list.chars.insert(c));
                        }
                        list.words.push(it);
                    }
                }
                for (counter, exs) in [(false, r.examples), (true, r.counter_examples)] {
                    for ex in exs {
                        examples.push(ListExample { list: r.name.clone(), origin: list.origin.clone(), example: ex, counter });
                    }
                }
                by_name.insert(spec.name, lists.len());
                lists.push(list);
            }
        }
        let missing: Vec<&str> = LISTS.iter().map(|s| s.name).filter(|n| !by_name.contains_key(n)).collect();
        if !missing.is_empty() {
            let at = sources.first().map(|s| s.0.clone()).unwrap_or_default();
            return Err(Error::new(ErrorKind::Parse, format!("lexicon lacks list(s): {} (see lexicon/README.md)", missing.join(", "))).at_path(at));
        }
        Ok(Lexicon { lists, by_name, examples })
    }

    fn list(&self, name: &str) -> &List {
        match self.by_name.get(name) {
            Some(&i) => &self.lists[i],
            // Every name in LISTS is present after `from_sources`; a name outside LISTS
            // is a bug in the code that asks.
            None => panic!("lexicon list {name:?} is not in lexicon::LISTS"),
        }
    }

    /// A list's entries, normalised, in file order.
    pub fn words(&self, name: &str) -> &[String] {
        &self.list(name).words
    }

    /// A `Values` list: each word with its number, in file order.
    pub fn values(&self, name: &str) -> impl Iterator<Item = (&str, i32)> {
        let l = self.list(name);
        l.words.iter().map(String::as_str).zip(l.values.iter().copied())
    }

    /// A `Pairs` list: each word with the word it maps to, in file order.
    pub fn pairs(&self, name: &str) -> impl Iterator<Item = (&str, &str)> {
        let l = self.list(name);
        l.words.iter().map(|w| w.split_once(" = ").map_or(w.as_str(), |(a, _)| a)).zip(l.targets.iter().map(String::as_str))
    }

    /// A `Chars` list as a set.
    pub fn chars(&self, name: &str) -> &CharSet {
        &self.list(name).chars
    }

    /// Every list, in load order.
    pub fn lists(&self) -> &[List] {
        &self.lists
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack_sources() -> Vec<(String, String)> {
        crate::pack::lexicon_sources()
    }

    fn with(extra: &str) -> Vec<(String, String)> {
        let mut s = pack_sources();
        s.push(("extra.toml".into(), extra.into()));
        s
    }

    #[test]
    fn the_default_pack_loads_every_list() {
        let lx = Lexicon::from_sources(&pack_sources()).expect("default lexicon loads");
        for spec in LISTS {
            assert!(!lx.words(spec.name).is_empty(), "{} is empty", spec.name);
        }
    }

    #[test]
    fn unknown_list_names_the_file_and_line() {
        let e = Lexicon::from_sources(&with("\n\n[[list]]\nname = \"zh-nonsense\"\nentries = [\"x\"]\n")).unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("extra.toml:3"), "{s}");
        assert!(s.contains("unknown list \"zh-nonsense\""), "{s}");
    }

    #[test]
    fn a_list_defined_twice_is_an_error() {
        let e = Lexicon::from_sources(&with("[[list]]\nname = \"zh-surnames\"\nentries = [\"王\"]\n")).unwrap_err();
        assert!(e.to_string().contains("defined twice"), "{e}");
        assert!(e.to_string().starts_with("extra.toml:1"), "{e}");
    }

    #[test]
    fn duplicate_entries_name_their_line() {
        let src = "[[list]]\nname = \"zh-surnames\"\nentries = [\n  \"王李\",\n  \"張\",\n  \"张\",\n]\n";
        // 張 and 张 are one entry once normalised.
        let mut s: Vec<(String, String)> = pack_sources().into_iter().filter(|(_, t)| !t.contains("name = \"zh-surnames\"")).collect();
        s.push(("x.toml".into(), src.into()));
        let e = Lexicon::from_sources(&s).unwrap_err();
        assert!(e.to_string().starts_with("x.toml:6"), "{e}");
        assert!(e.to_string().contains("duplicate entry \"张\""), "{e}");
    }

    #[test]
    fn malformed_rows_and_missing_lists_are_errors() {
        let e = Lexicon::from_sources(&with("[[list]]\nname = \"zh-surnames\"\nentries = [1, 2]\n")).unwrap_err();
        assert!(e.to_string().starts_with("extra.toml:3"), "{e}");
        let e = Lexicon::from_sources(&[("only.toml".into(), "[[list]]\nname = \"zh-surnames\"\nentries = [\"王\"]\n".into())]).unwrap_err();
        assert!(e.to_string().contains("lexicon lacks list(s)"), "{e}");
    }

    #[test]
    fn valued_entries_are_checked() {
        let only = |extra: &str| {
            // The pack without the list `extra` defines, and this one instead.
            let head = format!("[[list]]\nname = \"{}\"", extra.split('"').nth(1).expect("a list name"));
            let mut s: Vec<(String, String)> = pack_sources()
                .into_iter()
                .map(|(p, t)| match t.find(&head) {
                    Some(a) => {
                        let b = t[a + 1..].find("[[list]]").map_or(t.len(), |b| a + 1 + b);
                        (p, format!("{}{}", &t[..a], &t[b..]))
                    }
                    None => (p, t),
                })
                .collect();
            s.push(("v.toml".into(), extra.into()));
            Lexicon::from_sources(&s)
        };
        let lx = only("[[list]]\nname = \"zh-relative-days\"\nentries = [\"今天 = 0\", \"前天=-2\"]\n").expect("loads");
        assert_eq!(lx.values("zh-relative-days").collect::<Vec<_>>(), vec![("今天", 0), ("前天", -2)]);
        for (bad, says) in [("\"今天\"", "is not \"word = number\""), ("\"今天 = x\"", "is not a whole number"), ("\"今天 = 99\"", "outside"), ("\" = 1\"", "empty entry")] {
            let e = only(&format!("[[list]]\nname = \"zh-relative-days\"\nentries = [\n{bad}]\n")).err().expect("rejected").to_string();
            assert!(e.starts_with("v.toml:4") && e.contains(says), "{bad}: {e}");
        }
        let e = only("[[list]]\nname = \"zh-relative-days\"\nentries = [\"今天 = 0\",\n\"今天 = 1\"]\n").unwrap_err().to_string();
        assert!(e.starts_with("v.toml:4") && e.contains("duplicate entry \"今天\""), "{e}");
        // Pairs lists: "word = word".
        let lx = only("[[list]]\nname = \"counterpart-roles\"\nentries = [\"premier = prime-minister\", \"A=B\"]\n").expect("loads");
        assert_eq!(lx.pairs("counterpart-roles").collect::<Vec<_>>(), vec![("premier", "prime-minister"), ("a", "b")]);
        for (bad, says) in [("\"premier\"", "is not \"word = word\""), ("\"premier = \"", "an empty side"), ("\" = x\"", "an empty side")] {
            let e = only(&format!("[[list]]\nname = \"counterpart-roles\"\nentries = [\n{bad}]\n")).err().expect("rejected").to_string();
            assert!(e.starts_with("v.toml:4") && e.contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn every_list_is_in_the_readme_table() {
        let readme = include_str!("../lexicon/README.md");
        for spec in LISTS {
            assert!(readme.contains(&format!("| `{}` |", spec.name)), "{} is not in lexicon/README.md", spec.name);
        }
    }

    #[test]
    fn char_sets() {
        let mut c = CharSet::default();
        c.insert('王');
        c.insert('𠀋');
        assert!(c.contains('王') && c.contains('𠀋') && !c.contains('李'));
    }
}
