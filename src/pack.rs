//! The default pack: the repository's gazetteers, rules and lexicon, built into the
//! binary so that `summit` works in any folder.
//!
//! Input: nothing at run time (the files are read at compile time), or directories
//! that replace a part of the pack (`--gazetteers`, `--rules`, `--lexicon`, or the
//! environment variables `SUMMIT_GAZETTEERS`, `SUMMIT_RULES`, `SUMMIT_LEXICON`).
//! Output: `(path, text)` sources, named as in the repository (`gazetteers/people.jsonl`),
//! so provenance (`gazetteer:people`) and error messages read the same either way.
//!
//! **Invariant**: the built-in sources are exactly the repository's files at build
//! time, in path order.

use include_dir::{Dir, include_dir};

static GAZETTEERS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/gazetteers");
static RULES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");
static LEXICON: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lexicon");

fn sources(dir: &Dir<'static>, root: &str, ext: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect(dir, root, ext, &mut out);
    out.sort();
    out
}

fn collect(dir: &Dir<'static>, root: &str, ext: &str, out: &mut Vec<(String, String)>) {
    for f in dir.files() {
        if f.path().extension().is_some_and(|x| x == ext) {
            // The repository's files are UTF-8 (checked when they load from disk too).
            let text = f.contents_utf8().unwrap_or_default().to_string();
            out.push((format!("{root}/{}", f.path().display()), text));
        }
    }
    for d in dir.dirs() {
        collect(d, root, ext, out);
    }
}

/// The files at the top level of a built-in folder (as `load_dir` reads it), sorted.
fn top_level(dir: &Dir<'static>, root: &str, ext: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = dir
        .files()
        .filter(|f| f.path().extension().is_some_and(|x| x == ext))
        .map(|f| (format!("{root}/{}", f.path().display()), f.contents_utf8().unwrap_or_default().to_string()))
        .collect();
    out.sort();
    out
}

/// The built-in gazetteer files (`gazetteers/*.jsonl`).
pub fn gazetteer_sources() -> Vec<(String, String)> {
    top_level(&GAZETTEERS, "gazetteers", "jsonl")
}

/// The built-in gazetteers, or those of a directory.
pub fn gazetteer(dir: Option<&std::path::Path>) -> crate::Result<crate::gazetteer::Gazetteer> {
    match dir {
        Some(d) => crate::gazetteer::Gazetteer::load_dir(d),
        None => crate::gazetteer::Gazetteer::from_sources(&gazetteer_sources()),
    }
}

/// The built-in rule files (`rules/*.toml`).
pub fn rule_sources() -> Vec<(String, String)> {
    top_level(&RULES, "rules", "toml")
}

/// The built-in lexicon (`lexicon/**/*.toml`).
pub fn lexicon_sources() -> Vec<(String, String)> {
    sources(&LEXICON, "lexicon", "toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_pack_is_the_repository_files() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for (path, text) in gazetteer_sources().into_iter().chain(rule_sources()).chain(lexicon_sources()) {
            let on_disk = std::fs::read_to_string(root.join(&path)).unwrap();
            assert_eq!(on_disk, text, "{path}");
        }
        assert!(gazetteer_sources().iter().any(|(p, _)| p == "gazetteers/people.jsonl"));
        assert!(rule_sources().iter().any(|(p, _)| p == "rules/meetings.toml"));
        assert!(lexicon_sources().iter().any(|(p, _)| p.starts_with("lexicon/zh/")));
    }
}
