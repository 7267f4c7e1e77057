//! The lexicon's lists in the form the stages read them (sets, character sets, words
//! split into characters), built once per `Pipeline`.

use super::*;

/// Lists of the lexicon the stages read, in the form they read them.
pub(super) struct Lists {
    /// Related-articles headings squeezed ([`squeeze`]), with their lengths in chars.
    pub(super) related: Vec<(String, usize)>,
    /// `nav-line-openings`: an opening and the longest line it marks, in chars.
    pub(super) nav_openings: Vec<(String, usize)>,
    /// `pinyin-tone-vowels`: ā, á … (a bracketed syllable holding one after a Han
    /// character is a reading aid, [`super::aids`]).
    pub(super) pinyin_vowels: CharSet,
    /// `en-line-wrap-words`: between, the (a line ending in one goes on in the next).
    pub(super) en_wrap_words: std::collections::HashSet<String>,
    /// `zh-list-ends`: 等, 一行 (after the last person of a list of titled people).
    pub(super) zh_list_ends: Vec<String>,
    /// `zh-regnal-numbers`: 五世 (after a name read after a title: part of it).
    pub(super) zh_regnal: Vec<String>,
    /// `en-noun-gap-phrases`: for the first time, for two hours (between a meeting noun
    /// and its "with" despite the stop word they open with).
    pub(super) en_noun_gap_phrases: Vec<String>,
    pub(super) building_after_title: Vec<String>,
    /// `zh-title-body-words`: 委员会 (委员 running on into it is no title).
    pub(super) title_body_words: Vec<String>,
    /// `zh-title-body-breaks`: 会见 (委员会见: the title 委员, then 会见).
    pub(super) title_body_breaks: Vec<String>,
    pub(super) pronouns: Pronouns,
    pub(super) joins: Joins,
    pub(super) en_body: Vec<String>,
    pub(super) byline_keys: Vec<String>,
    /// zh-byline-ends: 报道, 编译 (a byline's name ends before one).
    pub(super) byline_ends: Vec<String>,
    /// zh-person-nouns: 农民, 儿子 (a Han name right after one is a person).
    pub(super) person_nouns: aho_corasick::AhoCorasick,
    /// zh-kin-nouns after 的 (的父亲, 的妻子: X的父亲, X is a person), one automaton.
    pub(super) kin_nouns: aho_corasick::AhoCorasick,
    /// zh-list-sibling-marks: 、 (a Han name next to a person across one is a person).
    pub(super) list_sibling_marks: CharSet,
    /// zh-list-join-marks: 和, 与 (a Han name right after a person across one is a person).
    pub(super) list_join_marks: CharSet,
    /// `zh-hall-suffixes`: 厅 (a hall named after a place: 河北厅).
    pub(super) zh_hall_suffixes: CharSet,
    /// `en-titles-not-held` (elect, designate, nominee): after a title and a hyphen or
    /// space, the title is not held yet (President-elect Petr Pavel).
    pub(super) en_titles_not_held: Vec<String>,
    /// zh-speaker-leads: 据 (may stand right before a speaker's name).
    pub(super) speaker_leads: CharSet,
    pub(super) byline_function: CharSet,
    pub(super) place_ends_before_title: CharSet,
    pub(super) photo_marks: CharSet,
    pub(super) delegation_suffixes: Vec<String>,
    /// zh-guest-nouns: 客人, 外宾 (a party's name ends so; alone after a meeting verb).
    pub(super) guest_nouns: Vec<String>,
    /// `zh-delegation-stops`, and the words holding one that do not stop (共和国).
    pub(super) delegation_stops: (CharSet, Vec<Vec<char>>),
    pub(super) zh_locatives: Vec<String>,
    pub(super) en_locatives: Vec<String>,
    /// en-list-joins: " and ", ", " (between names of one list).
    pub(super) en_list_joins: Vec<String>,
    /// en-place-name-leads: san, fort (a given name right after one starts no person's name).
    pub(super) en_place_leads: std::collections::HashSet<String>,
    /// zh-number-name-marks: 号, - (a shirt number's mark before a name).
    pub(super) zh_number_name_marks: CharSet,
    /// zh-abbreviation-breaks: 长, 员 (会长, 会员: no pair abbreviation's 会).
    pub(super) zh_abbreviation_breaks: CharSet,
    /// en-apposition-prepositions: from, at, of (the head of an apposition is the word before).
    pub(super) en_apposition_preps: Vec<String>,
    /// en-side-prepositions: for, against (no one-word speaker right after one).
    pub(super) en_side_prepositions: Vec<String>,
    /// Words around a meeting's clause that bear on it.
    pub(super) context: Context,
    pub(super) zh_clause_lead: Vec<String>,
    pub(super) zh_object_modifiers: Vec<String>,
    pub(super) zh_with: CharSet,
    /// `zh-person-prepositions` (为, 向): bring in a person before a meeting verb.
    pub(super) zh_person_prepositions: CharSet,
    pub(super) zh_weak_with: CharSet,
    pub(super) zh_list_marks: CharSet,
    pub(super) zh_after_name: Vec<String>,
    pub(super) en_not_single_names: Vec<String>,
    /// en-inclusion-words: including (", including with X" after a meeting noun).
    pub(super) en_inclusion_words: Vec<String>,
    /// `en-talk-triggers`: exchanged views (a meeting only where no call is told of).
    pub(super) en_talk_triggers: Vec<String>,
    /// `en-call-words`: phone, call, video (words that tell of a call).
    pub(super) en_call_words: std::collections::HashSet<String>,
    /// en-address-verbs: told, assured ("X told Y during a meeting").
    pub(super) en_address_verbs: Vec<String>,
    pub(super) en_title_words: std::collections::HashSet<String>,
    pub(super) en_ranks: Vec<String>,
    pub(super) holder_roles: Vec<String>,
    pub(super) zh_fronted_ends: Vec<String>,
    pub(super) en_aside_openers: Vec<String>,
    pub(super) title_modifiers: Vec<String>,
    pub(super) attend_openers: Vec<String>,
    pub(super) en_verb_adverbs: Vec<String>,
    pub(super) zh_separately: Vec<String>,
    /// `en-separately-markers`: separately, individually (A and B separately called on C).
    pub(super) en_separately: Vec<String>,
    pub(super) counterpart_words: Vec<String>,
    pub(super) counterpart_possessives: Vec<String>,
    pub(super) zh_not_names: Vec<String>,
    pub(super) place_suffixes: CharSet,
    pub(super) place_nouns: Vec<String>,
    pub(super) en_common: std::collections::HashSet<String>,
    pub(super) en_given: std::collections::HashSet<String>,
    pub(super) en_not_person_nouns: Vec<String>,
    /// en-person-nouns: captain, lawyer (a name right after one is a person).
    pub(super) en_person_nouns: std::collections::HashSet<String>,
    /// en-press-nouns: correspondent, reporter (an object introduced by one is no participant).
    pub(super) en_press_nouns: Vec<String>,
    pub(super) en_function: std::collections::HashSet<String>,
    pub(super) en_determiners: Vec<String>,
    /// `en-apposition-words`: of, for, 's (the glue of an apposition between commas).
    pub(super) en_apposition_words: std::collections::HashSet<String>,
    /// `en-relative-pronouns`: who, whose (a relative clause between a pair and its verb).
    pub(super) en_relative_pronouns: Vec<String>,
    /// The cues of `zh-speech-verbs`, `en-speech-cues` (" said", ", who") and
    /// `en-honorifics` ("mr. "), as matched, and one automaton over them.
    pub(super) speech_pats: Vec<(Cue, String)>,
    /// `en-honorifics` ("datuk seri"): after a title, the name starts after them.
    pub(super) en_honorifics: Vec<String>,
    pub(super) speech_ac: aho_corasick::AhoCorasick,
    /// What says a meeting is held, to come, or neither (src/extract/status.rs).
    pub(super) status: StatusMarks,
}

/// Markers of a meeting's status: uncertain, denied, cancelled, to come, or told of as
/// past (src/extract/status.rs, src/extract/status_en.rs).
pub(super) struct StatusMarks {
    pub(super) zh_uncertain: Vec<String>,
    /// `zh-topic-markers` (就, 围绕) and `zh-light-verbs` (进行, 举行): 就…进行交流 names what
    /// the talks were about, which marks nothing of their status.
    pub(super) zh_topic: (Vec<String>, Vec<String>),
    pub(super) zh_denial: Vec<String>,
    /// `zh-cancel-words` (取消, 推迟) before a meeting noun after 的 in its clause, and
    /// `zh-cancelled-after` (被取消) in the clause it ends: called off.
    pub(super) zh_cancel: (Vec<String>, Vec<String>),
    pub(super) en_uncertain: WordList,
    /// `en-denial-verbs`: denied, refuted (right before a gerund trigger, a time aside).
    pub(super) en_denial_verbs: Vec<String>,
    /// `en-adjunct-leads`: during, at (a meeting phrase that takes its clause's tense).
    pub(super) en_adjunct_leads: Vec<String>,
    /// `en-adjunct-future`: will, is expected to (the clause's future, for those phrases).
    pub(super) en_adjunct_future: WordList,
    /// `en-appeal-triggers` (called on) and `en-call-purpose-verbs` (brief, discuss).
    pub(super) en_appeal_triggers: Vec<String>,
    pub(super) en_call_purpose: Vec<String>,
    pub(super) en_future: WordList,
    /// en-present-meeting-verbs (meets, hosts) and en-future-times (next week).
    pub(super) en_present_meeting: Vec<String>,
    /// en-past-auxiliaries: did ("did, however, meet": held).
    pub(super) en_past_auxiliaries: Vec<String>,
    pub(super) en_future_times: WordList,
    pub(super) en_past_purpose: WordList,
    /// en-purpose-words: for (a meeting as a journey's purpose).
    pub(super) en_purpose: Vec<String>,
    /// `zh-future-markers`, `zh-not-future-markers`.
    pub(super) zh_future: (Vec<Vec<char>>, Vec<Vec<char>>),
    pub(super) zh_uncertain_after: Vec<String>,
    /// zh-abbreviation-done: 后, 结束 (川习会后: a meeting named by initials took place).
    pub(super) zh_abbreviation_done: Vec<String>,
    /// zh-visit-invitations: 访华, 来访 (欢迎X访华: a visit to come).
    pub(super) zh_visit_invitations: Vec<String>,
}

/// Pronouns and the phrases that stand for a couple (stage "mentions").
pub(super) struct Pronouns {
    pub(super) zh: CharSet,
    pub(super) zh_not_before: CharSet,
    pub(super) zh_not_after: CharSet,
    /// `en-subject-pronouns` (he, she) and `en-object-pronouns` (him).
    pub(super) en_subject: Vec<String>,
    pub(super) en_object: Vec<String>,
    /// `en-speaker-pronouns` (i, we): the speaker of a transcript's turn or of a text
    /// headed by a name alone.
    pub(super) en_speaker: Vec<String>,
    /// `en-couple-phrases`, and their first characters.
    pub(super) couples: (Vec<String>, CharSet),
    /// `zh-object-pronouns` (他, 她): after a "with" marker or a meeting verb, someone
    /// named before the sentence.
    pub(super) zh_object: CharSet,
    /// `zh-pronoun-own-words` (率领, 的): after a person and a join (谢列兹尼奥夫和他率领的
    /// 代表团), the pronoun is that person again.
    pub(super) zh_own: Vec<String>,
    /// `pair-phrases` (the two leaders, 两国元首) and `trio-phrases` (the three leaders) in
    /// one automaton; pattern ids from `trios_from` on are the trios.
    pub(super) pairs: aho_corasick::AhoCorasick,
    pub(super) trios_from: usize,
}

/// Words around a meeting's clause that bear on it: clauses of contrast, arrivals,
/// meetings told of as earlier, parties and who leads them.
pub(super) struct Context {
    /// `en-contrast-words`: but, however (a blocker after one still counts).
    pub(super) en_contrast: Vec<String>,
    /// `en-sequence-words`: followed, after (a blocker across one is another event's).
    pub(super) en_sequence: Vec<String>,
    /// `en-verb-coordinators`: and, as well as, before (a second verb keeps the first's subject).
    pub(super) en_verb_coordinators: Vec<String>,
    /// `zh-contrast-words`: 却, 但是 (a blocker in the clause they open still counts).
    pub(super) zh_contrast: Vec<String>,
    /// `arrival-words`: arrived in, 抵达 (a meeting's place from the sentence before).
    pub(super) arrival: Vec<String>,
    /// The English words of `arrival-words` between spaces, one automaton (a name before one).
    pub(super) en_arrival_ac: aho_corasick::AhoCorasick,
    /// `earlier-words`: 此前, earlier (a meeting before the article's lead: not its time).
    pub(super) earlier: Vec<String>,
    /// `zh-led-by`: 率领的 before a delegation (its leader takes part).
    pub(super) led_by: Vec<String>,
    /// `zh-party-leader-verbs`: 率团 after a person (a later bare 代表团 is that person).
    pub(super) party_leaders: Vec<String>,
    /// `en-ahead`: ahead of, in preparation for (before a meeting: planned).
    pub(super) en_ahead: Vec<String>,
    /// `en-former-words` (former): "the former president" is a person named before who
    /// held the title.
    pub(super) en_former: Vec<String>,
    /// `en-anaphor-modifiers`: visiting (the visiting minister: the last holder named).
    pub(super) en_anaphor_modifiers: Vec<String>,
    /// `person-modifier-heads`: administration, 政府 (after a name: the name qualifies
    /// them, no participant).
    pub(super) person_modifier_heads: Vec<String>,
    /// `zh-former-words`: 前 (前总统: a past holder).
    pub(super) zh_former: Vec<String>,
    /// `en-body-heads`: head, governor ("the governor of Brazil's central bank").
    pub(super) body_heads: Vec<String>,
    /// `en-body-roles`: a body and the role id of its head (central bank =
    /// central-bank-governor).
    pub(super) body_roles: Vec<(String, String)>,
    /// `sole-offices`: a role id one person holds in the world and the body it is held
    /// in (pope = vatican).
    pub(super) sole_offices: Vec<(String, String)>,
    /// `en-delegation-led-by`: is led by, was headed by (after a delegation's name: its
    /// leader, for the delegation wherever the page names it).
    pub(super) en_led_by: Vec<String>,
    /// `en-delegation-lead-verbs`: led, headed (right before "a delegation": its leaders
    /// take part).
    pub(super) leads: Vec<String>,
    /// `en-noun-denials`: no (right before a meeting noun: none).
    pub(super) noun_denials: Vec<String>,
    /// `en-journeys-to-come`: heads to, arrives in (before "for talks": planned).
    pub(super) journeys_to_come: WordList,
    /// `zh-sequence-openers`: 然后, 随后 (a clause going on with the people before).
    pub(super) zh_sequence: Vec<String>,
    /// `leader-titles`: leaders, 领导人 (a country's head of state or government).
    pub(super) leader_titles: Vec<String>,
    /// `country-count-words`: 两国 (中美两国元首: the countries before it each have one).
    pub(super) country_counts: Vec<String>,
    /// `zh-capacity-words`: 身份 (以外长身份: 以 is no country before the title).
    pub(super) zh_capacity: Vec<String>,
    /// `zh-except-markers`: 除, 除了 (除岸田外: set aside, no subject).
    pub(super) zh_except: Vec<String>,
    /// `pair-phrases-before-triggers`: the two (right before a meeting trigger: the pair).
    pub(super) pair_before_triggers: Vec<String>,
    /// `leader-pair-words`: 元首, presidents (a pair phrase with one stands for no ministers).
    pub(super) leader_pair_words: Vec<String>,
    /// `pair-pronouns`: they (before a trigger with a word of `pair-pronoun-trigger-words`).
    pub(super) pair_pronouns: Vec<String>,
    /// `pair-pronoun-trigger-words`: met, talks (the words a trigger after "they" must hold).
    pub(super) pair_pronoun_triggers: std::collections::HashSet<String>,
    /// `zh-other-event-after-time`: 上任 (2022年5月就任后: the time is the taking office's).
    pub(super) zh_other_event: Vec<String>,
    /// `en-other-event-openers`: since, until (a time after one is another event's).
    pub(super) en_other_event: Vec<String>,
    /// `en-place-nouns`: city, port (in the Jordanian port city of X: X is the place).
    pub(super) en_place_nouns: Vec<String>,
    /// `en-report-clause-words`: that (a place before it is where something was said).
    pub(super) en_report_clause: Vec<String>,
    /// `en-past-meeting-verbs`: met, held (a month after the article's is last year's).
    pub(super) en_past_verbs: Vec<String>,
    /// `zh-escort-words`: 陪同 (after a person: accompanies, no subject).
    pub(super) zh_escort: Vec<String>,
    /// `zh-indefinite-quantifiers`: 一些 (一些成员国代表团: no party named).
    pub(super) zh_indefinite: Vec<String>,
    /// `en-relative-openers`: where, at which (a clause going on with the one before).
    pub(super) en_relative_openers: Vec<String>,
    /// `zh-inclusion-words`: 包括 (after a meeting with a group: its people).
    pub(super) zh_inclusion: Vec<String>,
    /// `zh-represented-after`, `zh-as-markers`: 作为X代表 (X is represented, no subject).
    pub(super) zh_represented: Vec<String>,
    pub(super) zh_as: Vec<String>,
    /// `titles-without-names`: 元首 (no name is read after it).
    pub(super) titles_without_names: Vec<String>,
    /// `en-progressive-be`: is, be (before "meeting": a verb, not a noun).
    pub(super) progressive_be: Vec<String>,
    /// `en-speculative-modifiers`: possible (before a meeting noun: none).
    pub(super) speculative: Vec<String>,
    /// `en-guest-phrases` ("the foreign guests") and `visit-verbs` (访问, visited): guests
    /// received as the visitor a sentence before names (src/extract/guests.rs).
    pub(super) en_guest_phrases: Vec<String>,
    pub(super) visit_verbs: Vec<String>,
    /// `en-adjunct-openers`: on, at, in (an adjunct before a comma and the object).
    pub(super) en_adjunct_openers: Vec<String>,
    /// `zh-address-honorifics`: 先生, 女士, 阁下 (总统先生: the president the page named).
    pub(super) zh_address: Vec<String>,
}

impl Context {
    /// The context lists of the lexicon `lx`.
    fn new(lx: &Lexicon) -> Context {
        Context {
            en_guest_phrases: words(lx, "en-guest-phrases"),
            visit_verbs: words(lx, "visit-verbs"),
            en_adjunct_openers: words(lx, "en-adjunct-openers"),
            zh_address: words(lx, "zh-address-honorifics"),
            en_contrast: words(lx, "en-contrast-words"),
            en_sequence: words(lx, "en-sequence-words"),
            en_verb_coordinators: words(lx, "en-verb-coordinators"),
            zh_contrast: words(lx, "zh-contrast-words"),
            en_arrival_ac: longest_first(lx.words("arrival-words").iter().filter(|w| w.is_ascii()).map(|w| format!(" {w} ")).collect(), "arrival words automaton"),
            arrival: words(lx, "arrival-words"),
            earlier: words(lx, "earlier-words"),
            led_by: words(lx, "zh-led-by"),
            party_leaders: words(lx, "zh-party-leader-verbs"),
            en_ahead: words(lx, "en-ahead"),
            en_former: words(lx, "en-former-words"),
            person_modifier_heads: words(lx, "person-modifier-heads"),
            en_anaphor_modifiers: words(lx, "en-anaphor-modifiers"),
            zh_former: words(lx, "zh-former-words"),
            body_heads: words(lx, "en-body-heads"),
            body_roles: lx.pairs("en-body-roles").map(|(a, b)| (a.to_string(), b.to_string())).collect(),
            sole_offices: lx.pairs("sole-offices").map(|(a, b)| (a.to_string(), b.to_string())).collect(),
            leads: words(lx, "en-delegation-lead-verbs"),
            en_led_by: words(lx, "en-delegation-led-by"),
            noun_denials: words(lx, "en-noun-denials"),
            journeys_to_come: WordList::new(words(lx, "en-journeys-to-come")),
            zh_sequence: words(lx, "zh-sequence-openers"),
            leader_titles: words(lx, "leader-titles"),
            country_counts: words(lx, "country-count-words"),
            zh_capacity: words(lx, "zh-capacity-words"),
            zh_except: words(lx, "zh-except-markers"),
            pair_before_triggers: words(lx, "pair-phrases-before-triggers"),
            leader_pair_words: words(lx, "leader-pair-words"),
            pair_pronouns: words(lx, "pair-pronouns"),
            pair_pronoun_triggers: words(lx, "pair-pronoun-trigger-words").into_iter().collect(),
            zh_other_event: words(lx, "zh-other-event-after-time"),
            en_other_event: words(lx, "en-other-event-openers"),
            en_place_nouns: words(lx, "en-place-nouns"),
            en_report_clause: words(lx, "en-report-clause-words"),
            en_past_verbs: words(lx, "en-past-meeting-verbs"),
            zh_escort: words(lx, "zh-escort-words"),
            zh_indefinite: words(lx, "zh-indefinite-quantifiers"),
            en_relative_openers: words(lx, "en-relative-openers"),
            zh_inclusion: words(lx, "zh-inclusion-words"),
            zh_represented: words(lx, "zh-represented-after"),
            zh_as: words(lx, "zh-as-markers"),
            titles_without_names: words(lx, "titles-without-names"),
            progressive_be: words(lx, "en-progressive-be"),
            speculative: words(lx, "en-speculative-modifiers"),
        }
    }
}

/// What may stand between people and between people and a trigger (stage "meetings").
pub(super) struct Joins {
    pub(super) list: std::collections::HashSet<String>,
    pub(super) couple: Vec<String>,
    pub(super) object_openers: std::collections::HashSet<String>,
    pub(super) attend: Vec<String>,
    pub(super) pair_before_trigger: Vec<String>,
    pub(super) noun_gap_stops: std::collections::HashSet<String>,
    pub(super) joint_possessives: Vec<String>,
    /// `en-fronted-nouns`: talks (a fronted trigger ending so names no one after it
    /// unless "with" follows).
    pub(super) fronted_nouns: Vec<String>,
    pub(super) noun_pair_leads: Vec<String>,
    /// `en-wildcard-stops`: words that may not stand in a wildcard trigger's `*`.
    pub(super) wildcard_stops: std::collections::HashSet<String>,
    /// `zh-name-honorifics`: 教授, 博士 (after a name, before 一行 / 等 in a list).
    pub(super) zh_name_honorifics: Vec<String>,
    /// `zh-body-ends`: 会, 协会, 大学 (a body's name before a title after a comma).
    pub(super) zh_body_ends: Vec<String>,
}

/// What a speech cue is ([`Lists::speech_pats`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    ZhVerb,
    EnCue,
    /// `en-action-verbs` (" scored", " beat"): a name before one must read as a name
    /// by its words alone ([`super::Page::en_open_name_ok`]).
    EnAction,
    /// `zh-action-verbs` (出战, 砍下): as `ZhVerb`, and a transliterated name of two to
    /// five characters after a clause mark.
    ZhAction,
    Honorific,
}

/// A list of words and phrases found as whole words in text of words joined by single
/// spaces with a space at each end (" will be meeting "): one automaton pass for the
/// whole list, not a substring search per entry.
pub(super) struct WordList {
    words: Vec<String>,
    ac: aho_corasick::AhoCorasick,
}

impl WordList {
    fn new(words: Vec<String>) -> WordList {
        let ac = aho_corasick::AhoCorasick::new(&words).expect("a word list builds an automaton");
        WordList { words, ac }
    }

    /// The entries standing in `hay` as whole words (each as often as it stands there).
    pub(super) fn found_in<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = &'h str> + 'h {
        self.ac
            .find_overlapping_iter(hay)
            .filter(move |m| hay[..m.start()].ends_with(' ') && hay[m.end()..].starts_with(' '))
            .map(move |m| self.words[m.pattern().as_usize()].as_str())
    }

    /// Whether an entry stands in `hay` as whole words.
    pub(super) fn any_in(&self, hay: &str) -> bool {
        self.found_in(hay).next().is_some()
    }
}

impl Lists {
    pub(super) fn new(lx: &Lexicon) -> Lists {
        let (speech_pats, speech_ac) = speech_cues(lx);
        Lists {
            related: lx.words("related-markers").iter().map(|m| page::squeeze(m)).map(|m| { let n = m.chars().count(); (m, n) }).collect(),
            nav_openings: lx.values("nav-line-openings").map(|(w, n)| (w.to_string(), n as usize)).collect(),
            pinyin_vowels: lx.chars("pinyin-tone-vowels").clone(),
            en_wrap_words: lx.words("en-line-wrap-words").iter().cloned().collect(),
            zh_list_ends: words(lx, "zh-list-ends"),
            zh_regnal: words(lx, "zh-regnal-numbers"),
            en_noun_gap_phrases: words(lx, "en-noun-gap-phrases"),
            building_after_title: words(lx, "zh-building-after-title"),
            title_body_words: words(lx, "zh-title-body-words"),
            title_body_breaks: words(lx, "zh-title-body-breaks"),
            place_ends_before_title: lx.chars("zh-place-ends-before-title").clone(),
            photo_marks: lx.chars("zh-photo-marks").clone(),
            delegation_stops: (lx.chars("zh-delegation-stops").clone(), char_words(lx, "zh-not-delegation-stops")),
            pronouns: Pronouns::new(lx),
            joins: Joins::new(lx),
            en_body: words(lx, "en-body-words"),
            byline_keys: words(lx, "zh-byline-keys"),
            byline_ends: words(lx, "zh-byline-ends"),
            kin_nouns: aho_corasick::AhoCorasick::new(lx.words("zh-kin-nouns").iter().map(|k| format!("的{k}"))).expect("kin nouns automaton"),
            list_sibling_marks: lx.chars("zh-list-sibling-marks").clone(),
            list_join_marks: lx.chars("zh-list-join-marks").clone(),
            zh_hall_suffixes: lx.chars("zh-hall-suffixes").clone(),
            en_titles_not_held: words(lx, "en-titles-not-held"),
            speaker_leads: lx.chars("zh-speaker-leads").clone(),
            person_nouns: longest_first(words(lx, "zh-person-nouns"), "person nouns automaton"),
            byline_function: lx.chars("zh-byline-function-chars").clone(),
            delegation_suffixes: words(lx, "zh-delegation-suffixes"),
            guest_nouns: words(lx, "zh-guest-nouns"),
            zh_locatives: words(lx, "zh-locatives"),
            en_locatives: words(lx, "en-locatives"),
            en_side_prepositions: words(lx, "en-side-prepositions"),
            en_apposition_preps: words(lx, "en-apposition-prepositions"),
            zh_number_name_marks: lx.chars("zh-number-name-marks").clone(),
            zh_abbreviation_breaks: lx.chars("zh-abbreviation-breaks").clone(),
            en_place_leads: lx.words("en-place-name-leads").iter().cloned().collect(),
            en_list_joins: lx.words("en-list-joins").iter().map(|j| format!(" {j} ")).collect(),
            context: Context::new(lx),
            zh_clause_lead: words(lx, "zh-clause-lead"),
            zh_object_modifiers: words(lx, "zh-object-modifiers"),
            zh_with: lx.chars("zh-with-markers").clone(),
            zh_person_prepositions: lx.chars("zh-person-prepositions").clone(),
            zh_weak_with: lx.chars("zh-weak-with-markers").clone(),
            zh_list_marks: lx.chars("zh-list-marks").clone(),
            zh_after_name: words(lx, "zh-after-name"),
            en_not_single_names: words(lx, "en-not-single-names"),
            en_inclusion_words: words(lx, "en-inclusion-words"),
            en_talk_triggers: words(lx, "en-talk-triggers"),
            en_call_words: words(lx, "en-call-words").into_iter().collect(),
            en_address_verbs: words(lx, "en-address-verbs"),
            en_title_words: lx.words("en-title-words").iter().cloned().collect(),
            en_ranks: words(lx, "en-ranks"),
            holder_roles: words(lx, "holder-roles"),
            zh_fronted_ends: words(lx, "zh-fronted-clause-ends"),
            en_aside_openers: words(lx, "en-aside-openers"),
            title_modifiers: words(lx, "title-modifiers"),
            attend_openers: words(lx, "attend-openers"),
            en_verb_adverbs: words(lx, "en-verb-adverbs"),
            zh_separately: words(lx, "zh-separately-markers"),
            en_separately: words(lx, "en-separately-markers"),
            counterpart_words: words(lx, "en-counterpart-words"),
            counterpart_possessives: words(lx, "en-counterpart-possessives"),
            zh_not_names: words(lx, "zh-not-names"),
            place_suffixes: lx.chars("zh-place-suffixes").clone(),
            place_nouns: words(lx, "zh-place-nouns"),
            en_common: lx.words("en-common-words").iter().cloned().collect(),
            en_given: lx.words("en-given-names").iter().chain(lx.words("en-common-given-names")).cloned().collect(),
            en_not_person_nouns: words(lx, "en-not-person-nouns"),
            en_person_nouns: lx.words("en-person-nouns").iter().cloned().collect(),
            en_press_nouns: words(lx, "en-press-nouns"),
            en_function: lx.words("en-function-words").iter().cloned().collect(),
            en_determiners: words(lx, "en-determiners"),
            en_apposition_words: lx.words("en-apposition-words").iter().cloned().collect(),
            en_relative_pronouns: words(lx, "en-relative-pronouns"),
            speech_ac,
            en_honorifics: words(lx, "en-honorifics"),
            speech_pats,
            status: StatusMarks::new(lx),
        }
    }
}

impl StatusMarks {
    fn new(lx: &Lexicon) -> StatusMarks {
        StatusMarks {
            zh_future: (char_words(lx, "zh-future-markers"), char_words(lx, "zh-not-future-markers")),
            zh_uncertain: words(lx, "zh-uncertain"),
            zh_topic: (words(lx, "zh-topic-markers"), words(lx, "zh-light-verbs")),
            zh_denial: words(lx, "zh-denial"),
            zh_cancel: (words(lx, "zh-cancel-words"), words(lx, "zh-cancelled-after")),
            en_uncertain: WordList::new(words(lx, "en-uncertain")),
            en_denial_verbs: words(lx, "en-denial-verbs"),
            en_appeal_triggers: words(lx, "en-appeal-triggers"),
            en_adjunct_leads: words(lx, "en-adjunct-leads"),
            en_adjunct_future: WordList::new(words(lx, "en-adjunct-future")),
            en_call_purpose: words(lx, "en-call-purpose-verbs"),
            en_future: WordList::new(words(lx, "en-future")),
            en_present_meeting: words(lx, "en-present-meeting-verbs"),
            en_past_auxiliaries: words(lx, "en-past-auxiliaries"),
            en_future_times: WordList::new(words(lx, "en-future-times")),
            en_past_purpose: WordList::new(words(lx, "en-past-purpose")),
            en_purpose: words(lx, "en-purpose-words"),
            zh_uncertain_after: words(lx, "zh-uncertain-after"),
            zh_abbreviation_done: words(lx, "zh-abbreviation-done"),
            zh_visit_invitations: words(lx, "zh-visit-invitations"),
        }
    }
}

impl Pronouns {
    /// The pronoun lists of the lexicon `lx`.
    fn new(lx: &Lexicon) -> Pronouns {
        Pronouns {
            zh: lx.chars("zh-pronouns").clone(),
            zh_not_before: lx.chars("zh-not-before-pronoun").clone(),
            zh_not_after: lx.chars("zh-not-after-pronoun").clone(),
            en_subject: words(lx, "en-subject-pronouns"),
            en_object: words(lx, "en-object-pronouns"),
            en_speaker: words(lx, "en-speaker-pronouns"),
            pairs: longest_first([words(lx, "pair-phrases"), words(lx, "trio-phrases")].concat(), "pair phrases automaton"),
            trios_from: words(lx, "pair-phrases").len(),
            zh_object: lx.chars("zh-object-pronouns").clone(),
            zh_own: words(lx, "zh-pronoun-own-words"),
            couples: (words(lx, "en-couple-phrases"), {
                let mut s = CharSet::default();
                lx.words("en-couple-phrases").iter().filter_map(|w| w.chars().next()).for_each(|c| s.insert(c));
                s
            }),
        }
    }
}

impl Joins {
    /// The join lists of the lexicon `lx`.
    fn new(lx: &Lexicon) -> Joins {
        Joins {
            list: lx.words("list-joins").iter().cloned().collect(),
            couple: words(lx, "couple-joins"),
            object_openers: lx.words("object-openers").iter().cloned().collect(),
            attend: words(lx, "attend-gap-words"),
            pair_before_trigger: words(lx, "pair-before-trigger"),
            noun_gap_stops: lx.words("en-noun-gap-stops").iter().cloned().collect(),
            joint_possessives: words(lx, "en-joint-possessives"),
            fronted_nouns: words(lx, "en-fronted-nouns"),
            noun_pair_leads: words(lx, "en-noun-pair-leads"),
            wildcard_stops: lx.words("en-wildcard-stops").iter().cloned().collect(),
            zh_name_honorifics: words(lx, "zh-name-honorifics"),
            zh_body_ends: words(lx, "zh-body-ends"),
        }
    }
}

/// The speech cues of the lexicon `lx` ([`Lists::speech_pats`]) and one automaton over
/// them ([`Lists::speech_ac`]).
fn speech_cues(lx: &Lexicon) -> (Vec<(Cue, String)>, aho_corasick::AhoCorasick) {
    let mut speech_pats: Vec<(Cue, String)> = Vec::new();
    for v in lx.words("zh-speech-verbs") {
        speech_pats.push((Cue::ZhVerb, v.clone()));
    }
    for v in lx.words("zh-action-verbs") {
        speech_pats.push((Cue::ZhAction, v.clone()));
    }
    for c in lx.words("en-speech-cues") {
        speech_pats.push((Cue::EnCue, if c.starts_with(',') { c.clone() } else { format!(" {c}") }));
    }
    for v in lx.words("en-action-verbs") {
        speech_pats.push((Cue::EnAction, format!(" {v}")));
    }
    for h in lx.words("en-honorifics") {
        speech_pats.push((Cue::Honorific, format!("{h} ")));
    }
    let speech_ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(speech_pats.iter().map(|(_, p)| p.as_str()))
        .expect("speech cues automaton");
    (speech_pats, speech_ac)
}

/// One automaton over `words`, the longest match first at a position (`what` names it
/// if it fails to build).
fn longest_first(words: Vec<String>, what: &str) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(words).expect(what)
}

/// The list `n` of the lexicon `lx`, copied.
fn words(lx: &Lexicon, n: &str) -> Vec<String> {
    lx.words(n).to_vec()
}

/// The list `n` of the lexicon `lx`, each word split into its characters.
fn char_words(lx: &Lexicon, n: &str) -> Vec<Vec<char>> {
    lx.words(n).iter().map(|w| w.chars().collect()).collect()
}
