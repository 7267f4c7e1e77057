//! Reading inputs into [`Document`]s.
//!
//! **Input**: command-line paths. [`expand`] turns them into [`Input`]s: a file as
//! given (any extension); a directory, walked recursively in path order, taking only
//! `.txt`, `.html`, `.htm` and `.jsonl` files (hidden entries skipped); `-` for stdin.
//!
//! **Output**: [`read_input`] hands each document, or each error about one document,
//! to a sink, in input order, and carries on after errors:
//!
//! * a `.jsonl` file (or stdin starting with `{`) is streamed line by line with bounded
//!   memory, one document per non-blank line:
//!   `{"id": "...", "text": "...", "date": "YYYY-MM-DD", "url": "..."}` (`id`, `date`,
//!   `url` optional; a missing or empty `id` becomes `<file stem>-<line>`); `source` is
//!   `path:line`; a bad line is an error `path:LINE: message` and reading goes on;
//! * any other file is one document whose id is the file name without extension
//!   (stdin: id `stdin`, source `-`);
//! * bytes are decoded as UTF-8 (a BOM is dropped) or, with a BOM, UTF-16 LE/BE. Empty,
//!   binary and invalid UTF-8 inputs are reported and skipped (invalid bytes become
//!   U+FFFD with [`ReadOptions::lossy`]);
//! * HTML (`.html`/`.htm` files, or text for which [`html::looks_like_html`] holds,
//!   including JSONL `text` fields) keeps the decoded source in `original` and gets its
//!   visible text and offset map from [`html::to_text`].
//!
//! **Invariant**: every [`Error`] names its file (`path`, `-` for stdin) and, where they
//! apply, the 1-based `line` and `column` (in chars) and the byte `offset` in the file,
//! so it displays as `dir/a.txt:3:7: byte 41: ...`. Every document has
//! `original == text` and no map, or (HTML) a map satisfying the [`html`] invariant.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use serde_json::Value;

use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::html;

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// The name errors and documents use for it: the path, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// How to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Replace invalid UTF-8 (or UTF-16) with U+FFFD instead of skipping the document.
    pub lossy: bool,
}

/// The file extensions taken from directories (compared case-insensitively).
const EXTENSIONS: &[&str] = &["txt", "html", "htm", "jsonl"];

/// How much of a file the binary check looks at.
const SNIFF_LEN: usize = 8 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Turns command-line paths into inputs, in order: `-` is stdin, a file is taken as
/// given, a directory is walked recursively (entries sorted by path; only `.txt`,
/// `.html`, `.htm`, `.jsonl` files; hidden files and directories skipped; symbolic links
/// followed once). A path that does not exist or cannot be listed is an [`ErrorKind::Io`]
/// error naming it.
pub fn expand(paths: &[String]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut visited = HashSet::new();
    let wanted = |p: &Path| p.extension().is_some_and(|e| EXTENSIONS.iter().any(|w| e.eq_ignore_ascii_case(w)));
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(p);
        match fs::metadata(&path) {
            Err(e) => errors.push(Error::io(p.as_str(), &e)),
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                walk(&path, &wanted, &mut files, &mut errors, &mut visited);
                inputs.extend(files.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path)),
        }
    }
    (inputs, errors)
}

/// The files under `dir` that `wanted` takes, walked as [`expand`] walks a directory
/// (recursively, in path order, hidden entries skipped, links followed once), with an
/// error for each entry that cannot be read.
pub fn files_under(dir: &Path, wanted: &dyn Fn(&Path) -> bool) -> (Vec<PathBuf>, Vec<Error>) {
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    walk(dir, wanted, &mut files, &mut errors, &mut HashSet::new());
    (files, errors)
}

/// Adds the wanted files under `dir` to `out`, depth first, in name order (which is
/// path order).
fn walk(dir: &Path, wanted: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>, errors: &mut Vec<Error>, visited: &mut HashSet<PathBuf>) {
    // A directory reached twice (through a symbolic link) is walked once.
    if let Ok(canonical) = fs::canonicalize(dir)
        && !visited.insert(canonical)
    {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(Error::io(dir.display().to_string(), &e)),
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => errors.push(Error::io(dir.display().to_string(), &e)),
        }
    }
    paths.sort();
    for path in paths {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let take = wanted(&path);
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, wanted, out, errors, visited),
            Ok(_) if take => out.push(path),
            Ok(_) => {}
            // A dangling link with a wanted name: say so rather than skip silently.
            Err(e) if take => errors.push(Error::io(path.display().to_string(), &e)),
            Err(_) => {}
        }
    }
}

/// Reads one input, calling `sink` once per document or per error about a document,
/// in input order. See the module documentation for the formats.
pub fn read_input(input: &Input, opts: ReadOptions, sink: &mut dyn FnMut(Result<Document, Error>)) {
    read_input_counted(input, opts, &AtomicU64::new(0), sink);
}

/// As [`read_input`], adding to `read` the bytes read from the input as they are read
/// (the numerator of a progress display whose total is the files' sizes).
pub fn read_input_counted(input: &Input, opts: ReadOptions, read: &AtomicU64, sink: &mut dyn FnMut(Result<Document, Error>)) {
    match input {
        Input::File(path) => read_file(path, opts, read, sink),
        Input::Stdin => read_stream(Counted { inner: io::stdin().lock(), read }, opts, sink),
    }
}

/// A reader that adds the bytes it reads to a counter.
struct Counted<'a, R> {
    inner: R,
    read: &'a AtomicU64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn read_file(path: &Path, opts: ReadOptions, read: &AtomicU64, sink: &mut dyn FnMut(Result<Document, Error>)) {
    let name = path.display().to_string();
    let stem = path.file_stem().map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    let ext = ext.as_deref().unwrap_or("");
    if ext == "jsonl" {
        match fs::File::open(path) {
            Ok(file) => read_jsonl(BufReader::with_capacity(64 * 1024, Counted { inner: file, read }), &name, &stem, opts, sink),
            Err(e) => sink(Err(Error::io(name, &e))),
        }
        return;
    }
    let result = fs::read(path)
        .inspect(|bytes| {
            read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        })
        .map_err(|e| Error::io(name.as_str(), &e))
        .and_then(|bytes| decode(&bytes, &name, opts))
        .map(|text| make_document(stem, name.clone(), text, None, None, ext == "html" || ext == "htm"));
    sink(result);
}

/// Reads a stream (stdin): JSONL when its first byte other than whitespace (and a
/// UTF-8 BOM) is `{`, else one document with id `stdin`, source `-`.
pub fn read_stream(mut reader: impl Read, opts: ReadOptions, sink: &mut dyn FnMut(Result<Document, Error>)) {
    const NAME: &str = "-";
    // Read just enough to see the first significant byte, keeping what was read.
    let mut head = Vec::new();
    let mut chunk = [0u8; 8192];
    let first = loop {
        let partial_bom = head.len() < UTF8_BOM.len() && UTF8_BOM.starts_with(&head) && !head.is_empty();
        let body = head.strip_prefix(UTF8_BOM).unwrap_or(&head);
        if !partial_bom && let Some(&b) = body.iter().find(|b| !b.is_ascii_whitespace()) {
            break Some(b);
        }
        match reader.read(&mut chunk) {
            Ok(0) => break None,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return sink(Err(Error::io(NAME, &e))),
        }
    };
    let mut rest = io::Cursor::new(head).chain(reader);
    if first == Some(b'{') {
        return read_jsonl(BufReader::with_capacity(64 * 1024, rest), NAME, "stdin", opts, sink);
    }
    let mut bytes = Vec::new();
    let result = match rest.read_to_end(&mut bytes) {
        Ok(_) => decode(&bytes, NAME, opts).map(|text| make_document("stdin".into(), NAME.into(), text, None, None, false)),
        Err(e) => Err(Error::io(NAME, &e)),
    };
    sink(result);
}

/// A document from decoded text: HTML when `html` is set or the text looks like HTML.
fn make_document(
    id: String,
    source: String,
    original: String,
    date: Option<NaiveDate>,
    url: Option<String>,
    html: bool,
) -> Document {
    if html || html::looks_like_html(&original) {
        let (text, map) = html::to_text(&original);
        Document { id, source, original, text, map: Some(map), date, url }
    } else {
        let mut doc = Document::plain(id, source, original);
        doc.date = date;
        doc.url = url;
        doc
    }
}

fn encoding_error(path: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Encoding, message).at_path(path)
}

fn empty_error(path: &str) -> Error {
    encoding_error(path, "empty file, skipped")
}

/// The message for invalid UTF-8 (or UTF-16); the error carries the offset.
fn invalid_message() -> String {
    "invalid UTF-8; document skipped (use --lossy to replace invalid bytes)".to_string()
}

/// The 1-based line and column (in chars) just after `before`, the text preceding a
/// position.
fn line_column(before: &str) -> (usize, usize) {
    let line = 1 + before.matches('\n').count();
    let last_line = before.rsplit('\n').next().unwrap_or("");
    (line, 1 + last_line.chars().count())
}

/// Checks the first [`SNIFF_LEN`] bytes for signs of a binary file: a NUL byte, or more
/// than a quarter control bytes (other than tab, newline, carriage return, form feed
/// and escape). Returns the error, with the offset of the first such byte.
fn binary_check(body: &[u8], base: usize, path: &str) -> Result<(), Error> {
    let sample = &body[..body.len().min(SNIFF_LEN)];
    let binary = |k: usize| encoding_error(path, "binary file, skipped").at_offset(base + k);
    if let Some(k) = sample.iter().position(|&b| b == 0) {
        return Err(binary(k));
    }
    let is_control = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0c' | b'\x1b')) || b == 0x7f;
    let controls = sample.iter().filter(|&&b| is_control(b)).count();
    if controls * 4 > sample.len() {
        let first = sample.iter().position(|&b| is_control(b)).unwrap_or(0);
        return Err(binary(first));
    }
    Ok(())
}

/// Decodes a whole file: UTF-16 with a BOM, else UTF-8 (BOM dropped). Rejects empty,
/// binary and (unless lossy) invalid input.
fn decode(bytes: &[u8], path: &str, opts: ReadOptions) -> Result<String, Error> {
    let text = if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(body, 2, false, path, opts)?
    } else if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(body, 2, true, path, opts)?
    } else {
        let (body, base) = match bytes.strip_prefix(UTF8_BOM) {
            Some(body) => (body, UTF8_BOM.len()),
            None => (bytes, 0),
        };
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err(empty_error(path));
        }
        binary_check(body, base, path)?;
        match std::str::from_utf8(body) {
            Ok(s) => s.to_owned(),
            Err(_) if opts.lossy => String::from_utf8_lossy(body).into_owned(),
            Err(e) => {
                let at = e.valid_up_to();
                let (line, column) = line_column(std::str::from_utf8(&body[..at]).unwrap_or(""));
                return Err(encoding_error(path, invalid_message())
                    .at_line(line)
                    .at_column(column)
                    .at_offset(base + at));
            }
        }
    };
    if text.trim().is_empty() {
        return Err(empty_error(path));
    }
    Ok(text)
}

/// Decodes UTF-16 code units (after the BOM, which is `base` bytes). An unpaired
/// surrogate or an odd trailing byte is an error at its byte offset, or U+FFFD if lossy.
fn decode_utf16(body: &[u8], base: usize, big_endian: bool, path: &str, opts: ReadOptions) -> Result<String, Error> {
    let units = body.chunks_exact(2).map(|p| {
        if big_endian { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) }
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut unit_index = 0;
    let invalid = |text: &str, byte: usize| {
        let (line, column) = line_column(text);
        encoding_error(path, invalid_message().replace("UTF-8", "UTF-16"))
            .at_line(line)
            .at_column(column)
            .at_offset(byte)
    };
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                unit_index += c.len_utf16();
            }
            Err(_) if opts.lossy => {
                text.push('\u{FFFD}');
                unit_index += 1;
            }
            Err(_) => return Err(invalid(&text, base + 2 * unit_index)),
        }
    }
    if body.len() % 2 == 1 {
        if !opts.lossy {
            return Err(invalid(&text, base + body.len() - 1));
        }
        text.push('\u{FFFD}');
    }
    Ok(text)
}

/// Streams JSONL: one document (or error) per non-blank line, read with `reader`
/// a line at a time.
fn read_jsonl(
    mut reader: impl BufRead,
    path: &str,
    stem: &str,
    opts: ReadOptions,
    sink: &mut dyn FnMut(Result<Document, Error>),
) {
    // The start of the stream says whether it is text at all.
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(e) => return sink(Err(Error::io(path, &e))),
    };
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return sink(Err(encoding_error(path, "UTF-16 JSONL is not supported (convert it to UTF-8), skipped")));
    }
    if let Some(k) = head[..head.len().min(SNIFF_LEN)].iter().position(|&b| b == 0) {
        return sink(Err(encoding_error(path, "binary file, skipped").at_offset(k)));
    }
    let mut offset = 0;
    if head.starts_with(UTF8_BOM) {
        reader.consume(UTF8_BOM.len());
        offset = UTF8_BOM.len();
    }

    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut any = false;
    loop {
        buf.clear();
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => return sink(Err(Error::io(path, &e).at_line(line_no + 1))),
        };
        line_no += 1;
        let line_start = offset;
        offset += n;
        let mut line = &buf[..];
        line = line.strip_suffix(b"\n").unwrap_or(line);
        line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        any = true;
        sink(parse_line(line, path, stem, line_no, line_start, opts));
        // Keep memory bounded after an exceptionally long line.
        buf.shrink_to(1 << 20);
    }
    if !any {
        sink(Err(empty_error(path)));
    }
}

/// One JSONL line (without its newline) to a document. `line_start` is the line's byte
/// offset in the stream.
fn parse_line(
    line: &[u8],
    path: &str,
    stem: &str,
    line_no: usize,
    line_start: usize,
    opts: ReadOptions,
) -> Result<Document, Error> {
    let err = |message: String| Error::parse(path, line_no, message);
    let text: Cow<str> = match std::str::from_utf8(line) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) if opts.lossy => String::from_utf8_lossy(line),
        Err(e) => {
            let at = e.valid_up_to();
            let (_, column) = line_column(std::str::from_utf8(&line[..at]).unwrap_or(""));
            return Err(encoding_error(path, invalid_message())
                .at_line(line_no)
                .at_column(column)
                .at_offset(line_start + at));
        }
    };
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line 1 column N"; the column goes in the error instead.
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        let column = char_column(&text, e.column());
        err(format!("invalid JSON: {message}")).at_column(column)
    })?;
    let Value::Object(obj) = value else {
        return Err(err("expected a JSON object like {\"id\": ..., \"text\": ...}".into()));
    };
    let field = |name: &str| obj.get(name).filter(|v| !v.is_null());
    let doc_text = match field("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(err("field `text` must be a string".into())),
        None => return Err(err("missing field `text`".into())),
    };
    let id = match field("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(_)) | None => format!("{stem}-{line_no}"),
        Some(_) => return Err(err("field `id` must be a string".into())),
    };
    let date = match field("date") {
        None => None,
        Some(v) => {
            let s = v.as_str().unwrap_or("");
            match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => return Err(err(format!("bad `date` {v}: expected \"YYYY-MM-DD\""))),
            }
        }
    };
    let url = match field("url") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(err("field `url` must be a string".into())),
    };
    if doc_text.trim().is_empty() {
        return Err(encoding_error(path, "empty `text`, skipped").at_line(line_no));
    }
    Ok(make_document(id, format!("{path}:{line_no}"), doc_text, date, url, false))
}

/// The 1-based char column of a 1-based byte column in `line`.
fn char_column(line: &str, byte_column: usize) -> usize {
    let mut end = byte_column.saturating_sub(1).min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    1 + line[..end].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap();
        path
    }

    /// Reads one input, collecting what the sink gets.
    fn read_all(input: &Input, opts: ReadOptions) -> Vec<Result<Document, Error>> {
        let mut out = Vec::new();
        read_input(input, opts, &mut |r| out.push(r));
        out
    }

    fn read_path(path: &Path) -> Vec<Result<Document, Error>> {
        read_all(&Input::File(path.to_path_buf()), ReadOptions::default())
    }

    fn one_doc(path: &Path) -> Document {
        let mut out = read_path(path);
        assert_eq!(out.len(), 1, "{out:?}");
        out.remove(0).unwrap()
    }

    fn one_err(path: &Path) -> Error {
        let mut out = read_path(path);
        assert_eq!(out.len(), 1, "{out:?}");
        out.remove(0).unwrap_err()
    }

    fn read_stdin_bytes(bytes: &[u8], opts: ReadOptions) -> Vec<Result<Document, Error>> {
        let mut out = Vec::new();
        read_stream(bytes, opts, &mut |r| out.push(r));
        out
    }

    fn s(p: &Path) -> String {
        p.display().to_string()
    }

    #[test]
    fn expand_takes_files_directories_and_stdin() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        let notes = write(d, "notes.md", b"x");
        let corpus = d.join("corpus");
        write(&corpus, "b.txt", b"x");
        write(&corpus, "a.html", b"x");
        write(&corpus, "sub/c.jsonl", b"x");
        write(&corpus, "sub/d.HTM", b"x");
        write(&corpus, "z.htm", b"x");
        write(&corpus, "skip.md", b"x");
        write(&corpus, "noext", b"x");
        write(&corpus, ".hidden.txt", b"x");
        write(&corpus, ".git/e.txt", b"x");
        let missing = d.join("missing.txt");
        let args = [s(&notes), "-".to_string(), s(&missing), s(&corpus)];
        let (inputs, errors) = expand(&args);
        let expected: Vec<Input> = vec![
            Input::File(notes.clone()),
            Input::Stdin,
            Input::File(corpus.join("a.html")),
            Input::File(corpus.join("b.txt")),
            Input::File(corpus.join("sub/c.jsonl")),
            Input::File(corpus.join("sub/d.HTM")),
            Input::File(corpus.join("z.htm")),
        ];
        assert_eq!(inputs, expected);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, ErrorKind::Io);
        assert_eq!(errors[0].path.as_deref(), Some(s(&missing).as_str()));
        assert!(errors[0].to_string().starts_with(&format!("{}: ", s(&missing))), "{}", errors[0]);
    }

    #[test]
    fn expand_follows_a_directory_link_loop_once() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path().join("d");
        write(&d, "a.txt", b"x");
        std::os::unix::fs::symlink(&d, d.join("loop")).unwrap();
        let (inputs, errors) = expand(&[s(&d)]);
        assert_eq!(inputs, vec![Input::File(d.join("a.txt"))]);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn plain_text_file_is_one_document() {
        let tmp = tempfile::tempdir().unwrap();
        let p = write(tmp.path(), "story.v2.txt", "Xi met Biden.\n习近平会见拜登。\n".as_bytes());
        let doc = one_doc(&p);
        assert_eq!(doc.id, "story.v2");
        assert_eq!(doc.source, s(&p));
        assert_eq!(doc.text, "Xi met Biden.\n习近平会见拜登。\n");
        assert_eq!(doc.original, doc.text);
        assert!(doc.map.is_none());
        assert!(doc.date.is_none() && doc.url.is_none());
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let tmp = tempfile::tempdir().unwrap();
        let p = write(tmp.path(), "bom.txt", b"\xEF\xBB\xBFHello");
        assert_eq!(one_doc(&p).original, "Hello");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let tmp = tempfile::tempdir().unwrap();
        let text = "Hello 中文 😀\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(one_doc(&write(tmp.path(), "le.txt", &le)).text, text);
        assert_eq!(one_doc(&write(tmp.path(), "be.txt", &be)).text, text);
    }

    #[test]
    fn utf16_unpaired_surrogate_is_an_error_or_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        // "a\nb" then a lone high surrogate, then "c".
        let mut le = vec![0xFF, 0xFE];
        for u in [0x61u16, 0x0A, 0x62, 0xD800, 0x63] {
            le.extend(u.to_le_bytes());
        }
        let p = write(tmp.path(), "bad16.txt", &le);
        let e = one_err(&p);
        assert_eq!(e.kind, ErrorKind::Encoding);
        assert_eq!((e.line, e.column, e.offset), (Some(2), Some(2), Some(8)));
        assert!(e.message.starts_with("invalid UTF-16;"), "{}", e.message);
        let out = read_all(&Input::File(p), ReadOptions { lossy: true });
        assert_eq!(out[0].as_ref().unwrap().text, "a\nb\u{FFFD}c");
    }

    #[test]
    fn empty_and_whitespace_only_files_are_errors() {
        let tmp = tempfile::tempdir().unwrap();
        for (name, bytes) in [("e.txt", &b""[..]), ("w.txt", b" \n\t\r\n"), ("b.txt", b"\xEF\xBB\xBF"), ("u.txt", "\u{3000}\n".as_bytes())] {
            let p = write(tmp.path(), name, bytes);
            let e = one_err(&p);
            assert_eq!(e.kind, ErrorKind::Encoding, "{name}");
            assert_eq!(e.to_string(), format!("{}: empty file, skipped", s(&p)));
        }
    }

    #[test]
    fn binary_file_is_reported_with_first_nul_offset() {
        let tmp = tempfile::tempdir().unwrap();
        let p = write(tmp.path(), "img.txt", b"GIF89a\x01\x00\x02\x00");
        let e = one_err(&p);
        assert_eq!(e.kind, ErrorKind::Encoding);
        assert_eq!(e.offset, Some(7));
        assert_eq!(e.to_string(), format!("{}: byte 7: binary file, skipped", s(&p)));
        // Mostly control bytes, no NUL.
        let p = write(tmp.path(), "ctl.txt", b"ab\x01\x02\x03\x04\x05\x06");
        let e = one_err(&p);
        assert_eq!((e.kind, e.offset), (ErrorKind::Encoding, Some(2)));
        assert_eq!(e.message, "binary file, skipped");
        // A few control bytes in real text are fine.
        let p = write(tmp.path(), "ok.txt", b"Some text\x07 with a bell and \x1b[1mbold\x1b[0m.");
        assert_eq!(one_doc(&p).id, "ok");
    }

    #[test]
    fn invalid_utf8_names_line_column_and_byte() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("dir");
        // Line 3, after "ab中" (3 chars): column 4; byte 4 + 3 + 5 = 12.
        let p = write(&dir, "a.txt", b"one\nxyz\nab\xE4\xB8\xAD\xFF rest");
        let e = one_err(&p);
        assert_eq!(e.kind, ErrorKind::Encoding);
        assert_eq!((e.line, e.column, e.offset), (Some(3), Some(4), Some(13)));
        assert_eq!(
            e.to_string(),
            format!(
                "{}:3:4: byte 13: invalid UTF-8; document skipped (use --lossy to replace invalid bytes)",
                s(&p)
            )
        );
        // The offset counts the BOM: it is a byte offset into the file.
        let p = write(&dir, "b.txt", b"\xEF\xBB\xBFa\xC3");
        let e = one_err(&p);
        assert_eq!((e.line, e.column, e.offset), (Some(1), Some(2), Some(4)));
    }

    #[test]
    fn lossy_replaces_invalid_bytes() {
        let tmp = tempfile::tempdir().unwrap();
        let p = write(tmp.path(), "a.txt", b"caf\xE9 ok");
        let out = read_all(&Input::File(p), ReadOptions { lossy: true });
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].as_ref().unwrap().text, "caf\u{FFFD} ok");
    }

    #[test]
    fn html_by_extension_or_content() {
        let tmp = tempfile::tempdir().unwrap();
        let src = "<p>Xi &amp; Biden</p>";
        let doc = one_doc(&write(tmp.path(), "page.htm", src.as_bytes()));
        assert_eq!(doc.id, "page");
        assert_eq!(doc.original, src);
        assert_eq!(doc.text, "Xi & Biden");
        assert_eq!(doc.map.as_ref().unwrap()[3], (6, 11));
        // A .txt file holding a page is HTML too.
        let page = "<!DOCTYPE html><html><body><h1>Title</h1><p>Body</p></body></html>";
        let doc = one_doc(&write(tmp.path(), "saved.txt", page.as_bytes()));
        assert_eq!(doc.text, "Title\n\nBody");
        assert!(doc.map.is_some());
        // ... but a plain article with a `<` is not.
        let doc = one_doc(&write(tmp.path(), "plain.txt", b"Inflation < 2% and <b> once."));
        assert_eq!(doc.text, "Inflation < 2% and <b> once.");
        assert!(doc.map.is_none());
    }

    #[test]
    fn html_fixture_reads_to_visible_text() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/read/article.html");
        let doc = one_doc(&path);
        assert_eq!(doc.id, "article");
        assert!(doc.text.starts_with("Xi and Biden meet in Woodside\n"), "{:?}", doc.text);
        // Source line breaks inside a paragraph stay; indentation after them goes.
        assert!(doc.text.contains("President Xi Jinping met U.S. President\nJoe Biden on Nov.\u{a0}15, 2023"), "{:?}", doc.text);
        assert!(doc.text.contains("“We’re going to talk,” Biden said."));
        assert!(doc.text.contains("习近平同美国总统拜登举行会晤。"));
        assert!(!doc.text.contains("analytics") && !doc.text.contains("color") && !doc.text.contains("Subscribe"));
        // Every reported range points back into the page.
        let at = doc.text.chars().position(|c| c == '习').unwrap();
        let (start, end) = doc.to_original(at, at + 3);
        assert_eq!(doc.original_slice(start, end), "习近平");
    }

    #[test]
    fn jsonl_lines_become_documents_and_bad_lines_errors_in_order() {
        let tmp = tempfile::tempdir().unwrap();
        let lines = [
            r#"{"id": "a1", "text": "First.", "date": "2024-03-05", "url": "https://x.test/a"}"#,
            "",
            r#"{"text": "No id here."}"#,
            r#"{"id": "bad", "text": "oops"#,
            r#"{"id": "nt"}"#,
            r#"{"id": "bd", "text": "x", "date": "5 March 2024"}"#,
            "   ",
            r#"{"id": "h", "text": "<p>One</p><p>Two &amp; three</p>"}"#,
            r#"["not", "an", "object"]"#,
            r#"{"id": 7, "text": "numbered", "date": null}"#,
        ];
        let p = write(tmp.path(), "feed.jsonl", lines.join("\r\n").as_bytes());
        let out = read_path(&p);
        let ps = s(&p);
        assert_eq!(out.len(), 8, "{out:?}");

        let d = out[0].as_ref().unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("a1", "First."));
        assert_eq!(d.source, format!("{ps}:1"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(d.url.as_deref(), Some("https://x.test/a"));

        let d = out[1].as_ref().unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("feed-3", "No id here."));

        let e = out[2].as_ref().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Parse);
        assert_eq!(e.to_string(), format!("{ps}:4:27: invalid JSON: EOF while parsing a string"));

        let e = out[3].as_ref().unwrap_err();
        assert_eq!(e.to_string(), format!("{ps}:5: missing field `text`"));

        let e = out[4].as_ref().unwrap_err();
        assert_eq!(e.to_string(), format!("{ps}:6: bad `date` \"5 March 2024\": expected \"YYYY-MM-DD\""));

        let d = out[5].as_ref().unwrap();
        assert_eq!(d.id, "h");
        assert_eq!(d.text, "One\n\nTwo & three");
        assert_eq!(d.original, "<p>One</p><p>Two &amp; three</p>");
        assert!(d.map.is_some());

        let e = out[6].as_ref().unwrap_err();
        assert_eq!(e.to_string(), format!("{ps}:9: expected a JSON object like {{\"id\": ..., \"text\": ...}}"));

        let d = out[7].as_ref().unwrap();
        assert_eq!((d.id.as_str(), d.date), ("7", None));
    }

    #[test]
    fn jsonl_invalid_utf8_spoils_only_its_line() {
        let tmp = tempfile::tempdir().unwrap();
        let mut bytes = b"{\"text\": \"good one\"}\n".to_vec(); // 21 bytes
        bytes.extend(b"{\"text\": \"b\xFFd\"}\n");
        bytes.extend(b"{\"text\": \"good two\"}\n");
        let p = write(tmp.path(), "x.jsonl", &bytes);
        let out = read_path(&p);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().text, "good one");
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Encoding);
        assert_eq!((e.line, e.column, e.offset), (Some(2), Some(12), Some(32)));
        assert_eq!(
            e.to_string(),
            format!("{}:2:12: byte 32: invalid UTF-8; document skipped (use --lossy to replace invalid bytes)", s(&p))
        );
        assert_eq!(out[2].as_ref().unwrap().id, "x-3");
        let out = read_all(&Input::File(p), ReadOptions { lossy: true });
        assert_eq!(out[1].as_ref().unwrap().text, "b\u{FFFD}d");
    }

    #[test]
    fn jsonl_empty_binary_utf16_and_empty_text() {
        let tmp = tempfile::tempdir().unwrap();
        let p = write(tmp.path(), "e.jsonl", b"\n  \n");
        assert_eq!(one_err(&p).to_string(), format!("{}: empty file, skipped", s(&p)));
        let p = write(tmp.path(), "b.jsonl", b"{\"text\": \"a\0\"}");
        assert_eq!(one_err(&p).to_string(), format!("{}: byte 11: binary file, skipped", s(&p)));
        let p = write(tmp.path(), "u.jsonl", b"\xFF\xFE{\0");
        assert_eq!(one_err(&p).kind, ErrorKind::Encoding);
        let p = write(tmp.path(), "t.jsonl", b"\xEF\xBB\xBF{\"id\": \"k\", \"text\": \"  \"}\n{\"text\": \"ok\"}");
        let out = read_path(&p);
        assert_eq!(out[0].as_ref().unwrap_err().to_string(), format!("{}:1: empty `text`, skipped", s(&p)));
        assert_eq!(out[1].as_ref().unwrap().id, "t-2");
    }

    /// A reader producing JSONL lines on demand, counting the bytes it has handed out.
    struct LazyLines {
        next: usize,
        total: usize,
        pending: Vec<u8>,
        served: Rc<Cell<usize>>,
    }

    impl Read for LazyLines {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            if self.pending.is_empty() && self.next < self.total {
                self.next += 1;
                self.pending = format!("{{\"text\": \"document number {}\"}}\n", self.next).into_bytes();
            }
            let n = out.len().min(self.pending.len());
            out[..n].copy_from_slice(&self.pending[..n]);
            self.pending.drain(..n);
            self.served.set(self.served.get() + n);
            Ok(n)
        }
    }

    #[test]
    fn jsonl_is_streamed_not_slurped() {
        let served = Rc::new(Cell::new(0));
        let reader = LazyLines { next: 0, total: 100_000, pending: Vec::new(), served: served.clone() };
        let mut count = 0;
        let mut served_at_first = 0;
        read_stream(reader, ReadOptions::default(), &mut |r| {
            let d = r.unwrap();
            count += 1;
            if count == 1 {
                served_at_first = served.get();
                assert_eq!((d.id.as_str(), d.source.as_str(), d.text.as_str()), ("stdin-1", "-:1", "document number 1"));
            }
        });
        assert_eq!(count, 100_000);
        // About 3.7 MB in all; the first document came after at most one buffer.
        assert!(served.get() > 3_000_000);
        assert!(served_at_first <= 64 * 1024 + 8192, "read {served_at_first} bytes before the first document");
    }

    #[test]
    fn stdin_plain_jsonl_and_empty() {
        let out = read_stdin_bytes(b"  \nPlain { text }", ReadOptions::default());
        let d = out[0].as_ref().unwrap();
        assert_eq!((d.id.as_str(), d.source.as_str(), d.text.as_str()), ("stdin", "-", "  \nPlain { text }"));
        let out = read_stdin_bytes(b"\xEF\xBB\xBF\n {\"id\": \"q\", \"text\": \"T\"}\n{\"text\": \"U\"}", ReadOptions::default());
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].as_ref().unwrap().id, "q");
        assert_eq!(out[1].as_ref().unwrap().source, "-:3");
        let out = read_stdin_bytes(b" \n", ReadOptions::default());
        assert_eq!(out[0].as_ref().unwrap_err().to_string(), "-: empty file, skipped");
        let out = read_stdin_bytes(b"ab\xFF", ReadOptions::default());
        assert_eq!(out[0].as_ref().unwrap_err().offset, Some(2));
        assert_eq!(out[0].as_ref().unwrap_err().path.as_deref(), Some("-"));
    }

    #[test]
    fn unreadable_or_vanished_file_is_an_io_error() {
        let tmp = tempfile::tempdir().unwrap();
        let p = write(tmp.path(), "gone.txt", b"x");
        let q = write(tmp.path(), "gone.jsonl", b"{}");
        let (inputs, errors) = expand(&[s(&p), s(&q)]);
        assert!(errors.is_empty());
        fs::remove_file(&p).unwrap();
        fs::remove_file(&q).unwrap();
        for (input, path) in inputs.iter().zip([&p, &q]) {
            let out = read_all(input, ReadOptions::default());
            assert_eq!(out.len(), 1);
            let e = out[0].as_ref().unwrap_err();
            assert_eq!(e.kind, ErrorKind::Io);
            assert_eq!(e.path.as_deref(), Some(s(path).as_str()));
        }
        // A directory named as a file cannot be read either.
        let e = one_err(tmp.path());
        assert_eq!((e.kind, e.path.clone()), (ErrorKind::Io, Some(s(tmp.path()))));
    }

    #[test]
    fn directory_with_bad_files_yields_good_document_and_three_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path().join("in");
        write(&d, "a_good.txt", b"Good article.");
        write(&d, "b_empty.txt", b"");
        write(&d, "c_binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        write(&d, "d_invalid.txt", b"ok\n\xC3\x28");
        let (inputs, errors) = expand(&[s(&d)]);
        assert!(errors.is_empty());
        let mut docs = Vec::new();
        let mut errs = Vec::new();
        for input in &inputs {
            read_input(input, ReadOptions::default(), &mut |r| match r {
                Ok(doc) => docs.push(doc),
                Err(e) => errs.push(e),
            });
        }
        assert_eq!(docs.len(), 1);
        assert_eq!((docs[0].id.as_str(), docs[0].text.as_str()), ("a_good", "Good article."));
        let got: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        let dir = s(&d);
        assert_eq!(
            got,
            vec![
                format!("{dir}/b_empty.txt: empty file, skipped"),
                format!("{dir}/c_binary.txt: byte 8: binary file, skipped"),
                format!("{dir}/d_invalid.txt:2:1: byte 3: invalid UTF-8; document skipped (use --lossy to replace invalid bytes)"),
            ]
        );
        assert!(errs.iter().all(|e| e.kind == ErrorKind::Encoding));
    }

    #[test]
    fn char_column_converts_serde_byte_columns() {
        assert_eq!(char_column("中x", 4), 2);
        assert_eq!(char_column("abc", 1), 1);
        assert_eq!(char_column("中", 99), 2);
    }
}
