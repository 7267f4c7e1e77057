//! Work per document grows linearly with its size (issue 19).
//!
//! Each shape below is written to hit a stage that once compared every mention, item,
//! time or meeting of a document with every other: one 4 MB document of it is extracted
//! in process. Linear, each takes a few seconds at most (`cargo test --release`); the
//! quadratic stages they were written against took minutes to hours at this size (a
//! single-sentence document of 0.4 MB took 34 s, 1.6 MB of short dated articles in one
//! file 4.5 s and growing with the square). Each shape is timed whole and cut into 64 KB
//! documents in the same run: linear, the two take about as long; quadratic, the whole
//! takes tens to thousands of times longer. This is not a speed test (benches/ measures
//! speed): it fails only when the work per document stops being linear. Each shape also checks what was read, so that
//! a stage that silently gave up would not pass for a fast one.

mod common;

use std::sync::mpsc;
use std::time::Duration;
use summit::document::Document;
use summit::extract::{Extraction, MAX_SENTENCE};

const SIZE: usize = 4 << 20;
const DEADLINE: Duration = Duration::from_secs(300);
const RATIO: f64 = 4.0;

/// Deterministic names no list knows (a linear congruential generator).
struct Names(u64);

impl Names {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn en(&mut self) -> String {
        const FIRST: [&str; 8] = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo"];
        const LAST: [&str; 8] = ["Novak", "Lindqvist", "Okafor", "Duarte", "Varga", "Nielsen", "Moreau", "Haddad"];
        let (a, b, c) = (self.next() as usize % 8, self.next() as usize % 8, self.next() % 50);
        format!("{} {}{}", FIRST[a], LAST[b], ["", "son", "ova", "ini", "ez"][c as usize % 5])
    }
    fn zh(&mut self) -> String {
        const SUR: [char; 8] = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
        const GIVEN: [&str; 8] = ["建国", "海峰", "丽华", "志强", "晓明", "国华", "文静", "永刚"];
        format!("{}{}", SUR[self.next() as usize % 8], GIVEN[self.next() as usize % 8])
    }
}

/// A document of `SIZE` bytes, a dateline then `unit` repeated, and the same text cut
/// into documents of about 64 KB (each with the dateline).
fn document(id: &str, mut unit: impl FnMut(&mut Names) -> String) -> (Document, Vec<Document>) {
    const HEAD: &str = "Published: 2024-12-04\n\n";
    let mut names = Names(7);
    let mut text = String::from(HEAD);
    let mut pieces = Vec::new();
    let mut piece = String::from(HEAD);
    while text.len() < SIZE {
        let u = unit(&mut names);
        text.push_str(&u);
        piece.push_str(&u);
        if piece.len() >= 64 << 10 {
            pieces.push(Document::plain(format!("{id}-{}", pieces.len()), id, std::mem::replace(&mut piece, String::from(HEAD))));
        }
    }
    pieces.push(Document::plain(format!("{id}-{}", pieces.len()), id, piece));
    (Document::plain(id, id, text), pieces)
}

/// Extracts `doc` on a thread of its own, and the same text cut into pieces of about
/// 64 KB (at the units it was made of) as documents of their own; fails when the whole
/// takes more than `RATIO` times the CPU time of its pieces (linear work: about the same; the
/// quadratic stages this guards against: 20 to 1,000 times as long at this size), or
/// longer than `DEADLINE` (a hang).
/// CPU time of the calling thread: what the extraction costs, whatever the other tests
/// running beside it do to the wall clock.
fn thread_cpu() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a plain syscall writing into `t`, a valid timespec.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(r, 0, "clock_gettime");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn extract_linearly(doc: Document, pieces: Vec<Document>) -> Extraction {
    let (tx, rx) = mpsc::channel();
    let id = doc.id.clone();
    std::thread::spawn(move || {
        let p = common::pipeline();
        let o = common::options();
        let start = thread_cpu();
        for piece in &pieces {
            p.extract(piece, &o);
        }
        let cut = thread_cpu() - start;
        let start = thread_cpu();
        let x = p.extract(&doc, &o);
        let _ = tx.send((x, thread_cpu() - start, cut));
    });
    match rx.recv_timeout(DEADLINE) {
        Ok((x, whole, cut)) => {
            eprintln!("{id}: 4 MB in {whole:?} of CPU, in 64 KB pieces {cut:?}");
            assert!(
                whole.as_secs_f64() <= RATIO * cut.as_secs_f64() + 0.5,
                "{id}: 4 MB in one document took {whole:?}, in 64 KB pieces {cut:?}: work no longer grows linearly with the document"
            );
            x
        }
        Err(_) => panic!("{id}: 4 MB not extracted within {DEADLINE:?}: work no longer grows linearly with the document"),
    }
}

#[test]
fn one_sentence_of_four_megabytes_is_read_in_pieces_and_noted() {
    let doc = document("one-sentence", |n| format!("Foreign Minister {} met Prime Minister {} and ", n.en(), n.en()));
    let x = extract_linearly(doc.0, doc.1);
    assert_eq!(x.notes.len(), 1, "{:?}", x.notes);
    assert!(x.notes[0].contains(&format!("longer than {MAX_SENTENCE}")), "{}", x.notes[0]);
    assert!(x.events.len() > 100, "the pieces are still read: {} meetings", x.events.len());
}

#[test]
fn a_chinese_paragraph_without_a_full_stop() {
    let doc = document("zh-no-stop", |n| format!("外交部长{}会见了俄罗斯外长拉夫罗夫，", n.zh()));
    let x = extract_linearly(doc.0, doc.1);
    assert_eq!(x.notes.len(), 1, "{:?}", x.notes);
    assert!(x.events.len() >= 60, "{} meetings (64 names, one each)", x.events.len());
}

#[test]
fn many_distinct_meetings_merge_by_key() {
    let doc = document("distinct", |n| format!("Foreign Minister {} met Prime Minister {} in Berlin on Monday. ", n.en(), n.en()));
    let x = extract_linearly(doc.0, doc.1);
    assert!(x.notes.is_empty(), "{:?}", x.notes);
    assert!(x.events.len() > 1000, "{} meetings", x.events.len());
}

#[test]
fn lists_of_attendees_and_pronouns() {
    let doc = document("lists", |n| {
        let list: Vec<String> = (0..5).map(|_| format!("Minister {}", n.en())).collect();
        format!(
            "{} attended talks with President {}. President {} said he met Minister {} and the couple. He said they talked. ",
            list.join(", "),
            n.en(),
            n.en(),
            n.en()
        )
    });
    let x = extract_linearly(doc.0, doc.1);
    assert!(x.events.len() > 100, "{} meetings", x.events.len());
}

#[test]
fn many_short_dated_articles_in_one_file() {
    let doc = document("sections", |n| {
        let day = n.next() % 28 + 1;
        // The meeting sentence names no day: the article's first time expression dates it.
        format!("Published: 2024-03-{day:02}\nTalks in Beijing\n{} met Wang Yi in Beijing. They spoke on Tuesday.\n", n.en())
    });
    let x = extract_linearly(doc.0, doc.1);
    // 320 names, each meeting Wang Yi on a few Tuesdays: merged by pair and day.
    assert!(x.events.len() > 250 && x.events.iter().all(|e| e.date.is_some()), "{} meetings, {} dated", x.events.len(), x.events.iter().filter(|e| e.date.is_some()).count());
}

#[test]
fn chinese_delegations_and_plans() {
    let doc =
        document("delegations", |n| format!("国家主席习近平会见了美国国会议员代表团和{}一行，双方将于下周会晤。", n.zh()));
    let x = extract_linearly(doc.0, doc.1);
    assert!(!x.events.is_empty());
}

#[test]
fn dense_triggers_and_names() {
    let doc = document("dense", |_| "会见会谈会晤 met talks with 习近平 拜登 普京 Lavrov Wang Yi, ".to_string());
    let x = extract_linearly(doc.0, doc.1);
    assert!(!x.entities.is_empty());
}
