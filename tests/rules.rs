//! Every rule's examples and counter-examples run as tests, reported by rule id, every
//! failure listed at once; and the suite is shown able to fail.

mod common;

use summit::extract::Pipeline;
use summit::gazetteer::Gazetteer;
use summit::rules::RuleSet;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

#[test]
fn every_rule_example_and_counter_example_holds() {
    let p = common::pipeline();
    let (n, failures) = summit::check::check_rules(&p, today());
    assert!(n >= 40, "only {n} rule examples");
    let report: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
    assert!(failures.is_empty(), "{} of {n} rule examples failed:\n{}", failures.len(), report.join("\n"));
}

#[test]
fn removing_a_trigger_makes_its_examples_fail() {
    let text = std::fs::read_to_string(common::repo().join("rules/meetings.toml")).unwrap();
    let broken = text.replacen("triggers = [\"会见\", ", "triggers = [", 1);
    assert_ne!(broken, text, "the zh-receive rule lists 会见 first");
    let rules = RuleSet::from_sources(&[("meetings.toml".into(), broken)]).unwrap();
    let g = Gazetteer::load_dir(&common::repo().join("gazetteers")).unwrap();
    let (_, failures) = summit::check::check_rules(&Pipeline::new(g, rules), today());
    assert!(failures.iter().any(|f| f.rule == "zh-receive"), "{failures:?}");
    // Only examples that rely on 会见 are affected.
    assert!(failures.iter().all(|f| f.text.contains("会见") || f.text.contains("會見")), "{failures:?}");
}

#[test]
fn every_lexicon_example_and_counter_example_holds() {
    let p = common::pipeline();
    let (n, failures) = summit::check::check_lexicon(&p, today());
    assert!(n >= 10, "only {n} lexicon examples");
    let report: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
    assert!(failures.is_empty(), "{} of {n} lexicon examples failed:\n{}", failures.len(), report.join("\n"));
}

#[test]
fn emptying_a_lexicon_list_makes_its_examples_fail() {
    // Without the transliteration characters, 拉夫罗夫 is no longer read after a title.
    let sources: Vec<(String, String)> = summit::pack::lexicon_sources()
        .into_iter()
        .map(|(p, t)| {
            if p.ends_with("zh/names.toml") {
                let start = t.find("name = \"zh-translit\"").unwrap();
                let open = start + t[start..].find("entries = [").unwrap();
                let close = open + t[open..].find("\n]").unwrap();
                (p, format!("{}entries = [\"歪\"{}", &t[..open], &t[close..]))
            } else {
                (p, t)
            }
        })
        .collect();
    let lx = summit::lexicon::Lexicon::from_sources(&sources).unwrap();
    let g = Gazetteer::load_dir(&common::repo().join("gazetteers")).unwrap();
    let rules = RuleSet::load_dir(&common::repo().join("rules")).unwrap();
    let (_, failures) = summit::check::check_lexicon(&Pipeline::with_lexicon(g, rules, lx), today());
    assert!(failures.iter().any(|f| f.rule == "lexicon:zh-translit"), "{failures:?}");
}

#[test]
fn a_date_table_drives_its_examples() {
    // 前天 read as three days back: the zh-relative-days example (2024-04-08) fails,
    // and only examples of date lists are affected.
    let sources: Vec<(String, String)> = summit::pack::lexicon_sources()
        .into_iter()
        .map(|(p, t)| if p.ends_with("zh/dates.toml") { let t = t.replacen("\"前天 = -2\"", "\"前天 = -3\"", 1); (p, t) } else { (p, t) })
        .collect();
    let lx = summit::lexicon::Lexicon::from_sources(&sources).unwrap();
    let g = Gazetteer::load_dir(&common::repo().join("gazetteers")).unwrap();
    let rules = RuleSet::load_dir(&common::repo().join("rules")).unwrap();
    let (_, failures) = summit::check::check_lexicon(&Pipeline::with_lexicon(g, rules, lx), today());
    assert!(failures.iter().any(|f| f.rule == "lexicon:zh-relative-days" && f.problem.contains("2024-04-07")), "{failures:?}");
    assert!(failures.iter().all(|f| f.text.contains("前天")), "{failures:?}");
}
