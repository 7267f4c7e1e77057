//! The `summit` binary end to end: inputs, bad inputs, exit codes, determinism.

mod common;
use common::{run, summit};

use std::io::Write;
use std::process::{Command, Stdio};

/// `summit extract ARGS... --today 2026-11-20`: a fixed "today", so that results never
/// depend on the clock.
fn extract(args: &[&str]) -> Command {
    let mut c = summit(&["extract"]);
    c.args(args).args(["--today", "2026-11-20"]);
    c
}

fn events(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("each line is JSON"))
        .filter(|v| v["kind"] == "event")
        .collect()
}

const ARTICLE: &str = "习近平会见法国总统马克龙\n\n2024年05月07日 来源:本网\n\n当地时间5月6日，国家主席习近平在巴黎爱丽舍宫同法国总统马克龙举行会谈。王毅参加会谈。\n";

#[test]
fn bad_files_are_reported_by_name_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a_good.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("b_empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("c_binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(dir.path().join("d_latin1.txt"), b"Xi met Macron in Paris \xe9t\xe9 2024.\n").unwrap();
    let (code, out, err) = run(&mut extract(&[dir.path().to_str().unwrap()]));
    assert_eq!(code, 2, "exit code 2 when some input was bad; stderr: {err}");
    let ev = events(&out);
    assert_eq!(ev.len(), 1, "{out}");
    assert_eq!(ev[0]["doc"], "a_good");
    assert!(err.contains("b_empty.txt") && err.contains("empty file"), "{err}");
    assert!(err.contains("c_binary.txt") && err.contains("binary file"), "{err}");
    assert!(err.contains("d_latin1.txt:1:") && err.contains("invalid UTF-8"), "{err}");

    // --lossy reads the Latin-1 file instead of skipping it.
    let (_, _, err) = run(&mut extract(&["--lossy", dir.path().join("d_latin1.txt").to_str().unwrap()]));
    assert!(!err.contains("invalid UTF-8"), "{err}");
}

#[test]
fn a_meeting_from_a_file_with_place_date_and_attendee() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("paris.txt");
    std::fs::write(&f, ARTICLE).unwrap();
    let (code, out, err) = run(&mut extract(&[f.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    let ev = events(&out);
    assert_eq!(ev.len(), 1, "{out}");
    let e = &ev[0];
    assert_eq!(e["participants"][0]["name"], "Xi Jinping");
    assert_eq!(e["participants"][1]["name"], "Emmanuel Macron");
    assert_eq!(e["attendees"][0]["name"], "Wang Yi");
    assert_eq!(e["place"]["name"], "Élysée Palace");
    assert_eq!(e["date"], "2024-05-06");
    assert_eq!(e["date_text"], "当地时间5月6日");
}

#[test]
fn jsonl_from_standard_input_with_dates_and_a_bad_line() {
    let input = concat!(
        "{\"id\": \"n1\", \"text\": \"Chinese President Xi Jinping met with French President Emmanuel Macron in Paris on Monday.\", \"date\": \"2024-05-07\"}\n",
        "{\"id\": \"broken\", \"text\": \n",
        "{\"id\": \"n2\", \"text\": \"Xi Jinping and Vladimir Putin held talks in Kazan on Tuesday.\"}\n",
    );
    let mut child = extract(&["-", "--date", "2024-10-23"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let (out, err) = (String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap());
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("-:2:"), "the bad line is named: {err}");
    let ev = events(&out);
    assert_eq!(ev.len(), 2, "{out}");
    assert_eq!(ev[0]["doc"], "n1");
    assert_eq!(ev[0]["date"], "2024-05-06", "the document's own date wins over --date");
    assert_eq!(ev[1]["doc"], "n2");
    assert_eq!(ev[1]["date"], "2024-10-22", "--date anchors a document without one");
}

#[test]
fn html_pages_are_read_as_text_with_offsets_into_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("page.html");
    let html = "<!DOCTYPE html><html><head><title>Xi meets Macron</title><script>var x = '习近平会见普京';</script></head>\n<body><nav>Home &gt; World</nav><p>Chinese President <b>Xi Jinping</b> met with French President Emmanuel Macron in Paris on Monday, May 6, 2024.</p></body></html>";
    std::fs::write(&f, html).unwrap();
    let (code, out, err) = run(&mut extract(&[f.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    let ev = events(&out);
    assert_eq!(ev.len(), 1, "nothing from the script: {out}");
    let chars: Vec<char> = html.chars().collect();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let spans = if v["kind"] == "event" { &v["evidence"] } else { &v["mentions"] };
        for s in spans.as_array().unwrap() {
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[a..b].iter().collect::<String>(), s["text"].as_str().unwrap());
        }
    }
}

#[test]
fn output_is_deterministic_and_written_whole_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let o1 = dir.path().join("1.jsonl");
    let o2 = dir.path().join("2.jsonl");
    let ex = common::repo().join("examples");
    assert_eq!(run(&mut extract(&[ex.to_str().unwrap(), "-o", o1.to_str().unwrap()])).0, 0);
    assert_eq!(run(&mut extract(&[ex.to_str().unwrap(), "-o", o2.to_str().unwrap()])).0, 0);
    let a = std::fs::read(&o1).unwrap();
    assert!(!a.is_empty());
    assert_eq!(a, std::fs::read(&o2).unwrap());
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in ["extract", "check-rules"] {
        let (_, s, _) = run(&mut summit(&[cmd, "--help"]));
        assert!(s.contains("Example"), "{cmd} --help: {s}");
    }
}

#[test]
fn usage_errors_and_malformed_data_exit_2_with_the_place() {
    let (code, _, err) = run(&mut extract(&["examples", "--date", "2024-13-01"]));
    assert_eq!(code, 2);
    assert!(err.contains("--date"), "{err}");
    let (code, _, err) = run(&mut extract(&["no/such/path.txt"]));
    assert_eq!(code, 2);
    assert!(err.contains("no/such/path.txt"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(common::repo().join("gazetteers")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let mut people = std::fs::OpenOptions::new().append(true).open(dir.path().join("people.jsonl")).unwrap();
    writeln!(people, "{{\"id\": \"broken\", \"en\": }}").unwrap();
    let lines = std::fs::read_to_string(dir.path().join("people.jsonl")).unwrap().lines().count();
    let (code, _, err) = run(&mut extract(&["examples", "--gazetteers", dir.path().to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(err.contains(&format!("people.jsonl:{lines}:")), "{err}");
}

#[test]
fn the_built_in_pack_works_in_any_folder_and_a_folder_of_ones_own_replaces_it() {
    // No gazetteers/, rules/ or lexicon/ here: the binary carries its own.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let (code, out, err) = run(extract(&["a.txt"]).current_dir(dir.path()).env_remove("SUMMIT_GAZETTEERS").env_remove("SUMMIT_RULES").env_remove("SUMMIT_LEXICON"));
    assert_eq!(code, 0, "{err}");
    assert_eq!(events(&out).len(), 1, "{out}");
    let (code, out, err) = run(summit(&["check-rules"]).current_dir(dir.path()));
    assert_eq!(code, 0, "{err}{out}");
    // A lexicon of one's own: a list missing is an error naming it.
    let lex = dir.path().join("lexicon");
    std::fs::create_dir(&lex).unwrap();
    std::fs::write(lex.join("only.toml"), "[[list]]\nname = \"zh-surnames\"\nentries = [\"王\"]\n").unwrap();
    let (code, _, err) = run(extract(&["a.txt", "--lexicon", "lexicon"]).current_dir(dir.path()));
    assert_ne!(code, 0);
    assert!(err.contains("lexicon lacks list(s)"), "{err}");
    let (code, _, err) = run(extract(&["a.txt"]).current_dir(dir.path()).env("SUMMIT_LEXICON", "lexicon"));
    assert_ne!(code, 0, "SUMMIT_LEXICON is read");
    assert!(err.contains("lexicon lacks list(s)"), "{err}");
}

#[test]
fn a_sentence_over_the_limit_is_read_in_pieces_and_said_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("list.txt");
    // A list of 3,000+ characters with no sentence end, a meeting at its far end.
    let list = "delegates from many provinces, ".repeat(100);
    std::fs::write(&p, format!("Published: 2024-12-04\n\n{list}and Foreign Minister Sergey Lavrov met Wang Yi in Beijing on Monday")).unwrap();
    let o = extract(&[p.to_str().unwrap()]).output().unwrap();
    let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{err}");
    assert!(err.contains("list.txt") && err.contains("longer than 1000") && err.contains("offset 23"), "{err}");
    assert_eq!(events(&out).len(), 1, "the meeting in the last piece is still read: {out}");
    // Under the limit: nothing said.
    let q = dir.path().join("short.txt");
    std::fs::write(&q, "Foreign Minister Sergey Lavrov met Wang Yi in Beijing on Monday.").unwrap();
    let o = extract(&[q.to_str().unwrap()]).output().unwrap();
    assert!(!String::from_utf8_lossy(&o.stderr).contains("longer than"), "{}", String::from_utf8_lossy(&o.stderr));
}
