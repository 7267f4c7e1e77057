//! The benchmark's correctness, without timings: the corpus generator and its answer
//! check at about 1 MB, and threads that never change the output.

mod common;
use common::summit;

use std::path::Path;
use summit::bench::{self, Corpus, Variant};

fn extract(corpus: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec!["extract", corpus.to_str().unwrap(), "-o", out.to_str().unwrap(), "--today", "2026-11-20"];
    args.extend_from_slice(extra);
    let o = summit(&args).output().expect("summit runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn corpus(dir: &Path, variant: Variant, bytes: usize) -> Corpus {
    let p = common::pipeline();
    let seeds = common::seeds_dir();
    let docs = bench::source_documents(&common::repo(), seeds.as_deref());
    let t = bench::templates(&p, &common::options(), &docs, dir).unwrap();
    bench::generate(&t, variant, bytes, &dir.join(format!("corpus-{}.jsonl", variant.name()))).unwrap()
}

#[test]
fn a_generated_corpus_gives_the_counts_its_articles_add_up_to() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path(), Variant::Mixed, 1_000_000);
    assert!(c.file_bytes >= 1_000_000 && c.docs > 1000, "{c:?}");
    assert!(c.events > 100 && c.entities > c.events, "{c:?}");
    // Reproducible: the same arguments give the same bytes.
    let again = bench::generate(&bench::templates(&common::pipeline(), &common::options(), &bench::source_documents(&common::repo(), common::seeds_dir().as_deref()), dir.path()).unwrap(), Variant::Mixed, 1_000_000, &dir.path().join("again.jsonl")).unwrap();
    assert_eq!(std::fs::read(&c.path).unwrap(), std::fs::read(&again.path).unwrap());
    let out = dir.path().join("out.jsonl");
    extract(&c.path, &out, &["-j", "2"]);
    let (events, entities) = bench::count_jsonl(&out).unwrap();
    bench::check(&c, events, entities).unwrap();
    // The check can fail.
    assert!(bench::check(&c, events + 1, entities).is_err());
    assert!(bench::check(&c, events, entities.saturating_sub(1)).is_err());
}

#[test]
fn the_chinese_and_english_variants_hold_their_own_articles() {
    let dir = tempfile::tempdir().unwrap();
    for v in [Variant::Zh, Variant::En] {
        let c = corpus(dir.path(), v, 200_000);
        let text = std::fs::read_to_string(&c.path).unwrap();
        let han = text.chars().filter(|&ch| summit::normalise::is_han(ch)).count();
        let latin = text.chars().filter(|ch| ch.is_ascii_alphabetic()).count();
        match v {
            Variant::Zh => assert!(han * 3 > latin, "zh corpus: {han} han, {latin} latin"),
            _ => assert!(han * 3 < latin, "en corpus: {han} han, {latin} latin"),
        }
        let out = dir.path().join("out.jsonl");
        extract(&c.path, &out, &[]);
        let (events, entities) = bench::count_jsonl(&out).unwrap();
        bench::check(&c, events, entities).unwrap();
    }
}

#[test]
fn one_thread_and_two_threads_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // More documents than one chunk, so chunks and their order are exercised.
    let c = corpus(dir.path(), Variant::Mixed, 1_000_000);
    for format in ["jsonl", "nq", "ttl"] {
        let (one, two) = (dir.path().join(format!("j1.{format}")), dir.path().join(format!("j2.{format}")));
        extract(&c.path, &one, &["-j", "1", "--format", format]);
        extract(&c.path, &two, &["--jobs", "2", "--format", format]);
        let (a, b) = (std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());
        assert!(a.len() > 100_000, "{format}: {} bytes", a.len());
        assert!(a == b, "{format}: -j 1 and -j 2 differ");
    }
}
