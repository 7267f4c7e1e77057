//! HTML to visible text, with a map from every character of the text back to the source.
//!
//! **Input**: any string (well-formed HTML, tag soup, truncated pages, plain text).
//! **Output**: [`to_text`] returns the text a reader sees (tags, comments, doctype, CDATA,
//! processing instructions and the content of `script`, `style`, `noscript`, `template`
//! dropped; `title` kept; character references decoded; block-level elements turned
//! into line breaks) and, for each `char` of that text, the code-point range
//! `[start, end)` of `src` it came from.
//!
//! **Invariant** (tested, including on generated and mutated inputs): the map has one
//! entry per char of the text; every entry lies inside `src`; entries are in source
//! order (each entry either repeats the previous range, for the chars of one multi-char
//! reference, or starts at or after the previous entry's end); and every char that is
//! neither a decoded character reference (its range is the whole `&...;`) nor an
//! inserted line break (its range is the block tag's `<...>`) is exactly the source
//! char at its range.
//!
//! The scanner is a single forward pass over the bytes (linear time, no recursion, no
//! backtracking) and never panics. It follows the HTML tokenizer closely where that is
//! cheap, and is more forgiving where browsers would hide the rest of a page:
//!
//! * a `<` with no `>` anywhere after it is text (`a < b`, `x<y` at the end);
//! * an attribute quote that is never closed ends the tag at the first `>` after it;
//! * an unclosed comment or CDATA section ends at the next `>`.
//!
//! Whitespace: runs of whitespace inside text are kept as they are, except that
//! whitespace at the start of a line of output is dropped (HTML indentation and the
//! newlines between tags carry no meaning), and block elements never produce more than
//! one blank line in a row.

use std::borrow::Cow;

/// The visible text of an HTML page and, for each char of it, the code-point range in
/// `src` it came from. See the module documentation for the exact rules.
pub fn to_text(src: &str) -> (String, Vec<(u32, u32)>) {
    let mut scanner = Scanner::new(src);
    scanner.run();
    (scanner.out.text, scanner.out.map)
}

/// Whether `text` is an HTML page (or fragment) rather than plain text.
///
/// True when, after whitespace and a byte-order mark, the text starts with
/// `<!doctype html` or `<html`; or when its first KiB holds a `<html`, `<head>` or
/// `<body>` tag; or at least two common tags such as `<p>`, `</p>`, `<div class=..>`,
/// `<br/>`. Conservative: a plain article that merely mentions `a < b` or a single
/// `<p>` stays plain text.
pub fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head = prefix_bytes(text, 1024).as_bytes();
    if starts_with_ignore_case(head, b"<!doctype html") || is_tag_at(head, 0, b"html") {
        return true;
    }
    const STRONG: &[&[u8]] = &[b"html", b"head", b"body"];
    const WEAK: &[&[u8]] = &[
        b"p", b"div", b"br", b"span", b"a", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"li",
        b"ul", b"ol", b"table", b"tr", b"td", b"article", b"section", b"strong", b"em", b"b",
        b"i", b"img", b"meta", b"title", b"script", b"style", b"link", b"header", b"footer",
        b"nav", b"main", b"blockquote", b"figure",
    ];
    let mut weak = 0;
    for (i, &b) in head.iter().enumerate() {
        if b != b'<' {
            continue;
        }
        if STRONG.iter().any(|name| is_tag_at(head, i, name)) {
            return true;
        }
        if WEAK.iter().any(|name| is_tag_at(head, i, name)) {
            weak += 1;
            if weak >= 2 {
                return true;
            }
        }
    }
    false
}

/// Whether `s[i..]` is `<name` or `</name` followed by `>`, `/>` or whitespace, with a
/// `>` closing it within 256 bytes.
fn is_tag_at(s: &[u8], i: usize, name: &[u8]) -> bool {
    if s.get(i) != Some(&b'<') {
        return false;
    }
    let mut j = i + 1;
    if s.get(j) == Some(&b'/') {
        j += 1;
    }
    if !starts_with_ignore_case(&s[j.min(s.len())..], name) {
        return false;
    }
    j += name.len();
    match s.get(j) {
        Some(b'>') => true,
        Some(b'/') => s.get(j + 1) == Some(&b'>'),
        Some(&c) if is_space(c) => s[j..].iter().take(256).any(|&c| c == b'>'),
        _ => false,
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn prefix_bytes(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// HTML whitespace (the tokenizer's definition).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Elements whose start and end tags break the line.
const BLOCK: &[&str] = &[
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "section", "article", "header", "footer", "nav", "title", "blockquote",
    "figcaption", "figure", "hr", "dd", "dt", "dl", "main", "aside", "pre", "address",
    "caption", "details", "summary", "form", "fieldset", "legend", "center", "thead", "tbody",
    "tfoot",
];

/// Elements whose content is raw text, dropped up to the matching end tag.
const RAW_DROPPED: &[&str] =
    &["script", "style", "noscript", "xmp", "iframe", "noembed", "noframes"];

/// Elements whose content is text with character references but no tags (kept).
const RCDATA_KEPT: &[&str] = &["title", "textarea"];

/// The text being built, with its map.
struct Out {
    text: String,
    map: Vec<(u32, u32)>,
    /// How many `\n` end `text`.
    trailing_newlines: usize,
}

impl Out {
    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.trailing_newlines > 0
    }

    /// A char that came from the source (literally or through a reference).
    fn push(&mut self, c: char, range: (u32, u32)) {
        if self.at_line_start() && c.is_ascii() && is_space(c as u8) {
            return;
        }
        self.text.push(c);
        self.map.push(range);
        if c == '\n' {
            self.trailing_newlines += 1;
        } else {
            self.trailing_newlines = 0;
        }
    }

    /// A line break for a block tag, unless the text is empty or already ends with a
    /// blank line.
    fn block_break(&mut self, range: (u32, u32)) {
        if self.text.is_empty() || self.trailing_newlines >= 2 {
            return;
        }
        self.text.push('\n');
        self.map.push(range);
        self.trailing_newlines += 1;
    }
}

/// Converts byte offsets to code-point offsets, for offsets asked in increasing order.
struct CodePoints<'a> {
    bytes: &'a [u8],
    byte: usize,
    cp: usize,
}

impl CodePoints<'_> {
    fn at(&mut self, byte: usize) -> u32 {
        let byte = byte.min(self.bytes.len());
        if byte > self.byte {
            // Count the bytes that start a char (everything but continuation bytes).
            self.cp += self.bytes[self.byte..byte].iter().filter(|&&b| (b as i8) >= -0x40).count();
            self.byte = byte;
        }
        u32::try_from(self.cp).unwrap_or(u32::MAX)
    }
}

struct Scanner<'a> {
    src: &'a str,
    s: &'a [u8],
    out: Out,
    cps: CodePoints<'a>,
    /// Byte offsets of the last `>`, `"` and `'` in the input: a scan knows in O(1)
    /// whether a closing one exists ahead of it.
    last_gt: Option<usize>,
    last_dquote: Option<usize>,
    last_squote: Option<usize>,
    /// Searches for `-->` / `]]>` that failed from this offset on need not be repeated.
    no_comment_close_from: usize,
    no_cdata_close_from: usize,
    /// Depth of `<template>` elements, whose content is dropped.
    template_depth: usize,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Scanner<'a> {
        let s = src.as_bytes();
        Scanner {
            src,
            s,
            out: Out {
                text: String::with_capacity(src.len() / 2),
                map: Vec::with_capacity(src.len() / 2),
                trailing_newlines: 0,
            },
            cps: CodePoints { bytes: s, byte: 0, cp: 0 },
            last_gt: s.iter().rposition(|&b| b == b'>'),
            last_dquote: s.iter().rposition(|&b| b == b'"'),
            last_squote: s.iter().rposition(|&b| b == b'\''),
            no_comment_close_from: usize::MAX,
            no_cdata_close_from: usize::MAX,
            template_depth: 0,
        }
    }

    fn run(&mut self) {
        let mut i = 0;
        let mut text_start = 0;
        while i < self.s.len() {
            match self.s[i] {
                b'<' => {
                    // Text before markup goes out first: output and code-point offsets
                    // advance strictly in source order.
                    self.emit_text(text_start, i);
                    text_start = i;
                    match self.markup(i) {
                        Some(next) => {
                            i = next;
                            text_start = next;
                        }
                        None => i += 1, // The `<` is text, part of the current run.
                    }
                }
                b'&' => {
                    self.emit_text(text_start, i);
                    i = self.reference(i);
                    text_start = i;
                }
                _ => i += 1,
            }
        }
        self.emit_text(text_start, self.s.len());
        // Line breaks and whitespace at the very end carry nothing.
        while self.out.text.ends_with(|c: char| c.is_ascii() && is_space(c as u8)) {
            self.out.text.pop();
            self.out.map.pop();
        }
    }

    /// Emits the source chars of `s[start..end]` (on char boundaries) as text.
    fn emit_text(&mut self, start: usize, end: usize) {
        if start >= end || self.template_depth > 0 {
            return;
        }
        let mut cp = self.cps.at(start);
        for c in self.src[start..end].chars() {
            self.out.push(c, (cp, cp.saturating_add(1)));
            cp = cp.saturating_add(1);
        }
        self.cps.byte = end;
        self.cps.cp = cp as usize;
    }

    /// Decodes the character reference at `s[i] == '&'`, emitting its chars, or emits
    /// the `&` as text when it does not start a well-formed reference. Returns where
    /// scanning continues.
    fn reference(&mut self, i: usize) -> usize {
        match parse_reference(self.src, i) {
            Some((end, decoded)) => {
                if self.template_depth == 0 {
                    let range = (self.cps.at(i), self.cps.at(end));
                    for c in decoded.chars() {
                        self.out.push(c, range);
                    }
                }
                end
            }
            None => {
                self.emit_text(i, i + 1);
                i + 1
            }
        }
    }

    /// Handles the markup starting at `s[i] == '<'`: returns the offset after it, or
    /// `None` when the `<` is text.
    fn markup(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        if self.last_gt.is_none_or(|g| g < i) {
            return None; // No `>` ahead: cannot be markup.
        }
        let rest = &s[i + 1..];
        match rest.first() {
            Some(b'!') if rest.starts_with(b"!--") => Some(self.comment(i)),
            Some(b'!') if rest.starts_with(b"![CDATA[") => Some(self.cdata(i)),
            Some(b'!') | Some(b'?') => Some(self.gt_after(i + 1)),
            Some(b'/') => match rest.get(1) {
                Some(c) if c.is_ascii_alphabetic() => Some(self.tag(i, true)),
                Some(b'>') => Some(i + 3),
                _ => Some(self.gt_after(i + 1)), // `</3...>`: a bogus comment.
            },
            Some(c) if c.is_ascii_alphabetic() => Some(self.tag(i, false)),
            _ => None,
        }
    }

    /// The offset after the first `>` at or after `from`, or the end of the input.
    fn gt_after(&self, from: usize) -> usize {
        match self.last_gt {
            Some(g) if g >= from => from + find(&self.s[from..], b">").map_or(0, |k| k + 1),
            _ => self.s.len(),
        }
    }

    /// `<!-- ... -->` (also `<!-->` and `<!--->`); an unclosed comment ends at the next `>`.
    fn comment(&mut self, i: usize) -> usize {
        let body = i + 4;
        if self.s[body..].starts_with(b">") {
            return body + 1;
        }
        if self.s[body..].starts_with(b"->") {
            return body + 2;
        }
        if body < self.no_comment_close_from {
            if let Some(k) = find(&self.s[body..], b"-->") {
                return body + k + 3;
            }
            self.no_comment_close_from = body;
        }
        self.gt_after(body)
    }

    /// `<![CDATA[ ... ]]>`; an unclosed section ends at the next `>`.
    fn cdata(&mut self, i: usize) -> usize {
        let body = i + 9;
        if body < self.no_cdata_close_from {
            if let Some(k) = find(&self.s[body..], b"]]>") {
                return body + k + 3;
            }
            self.no_cdata_close_from = body;
        }
        self.gt_after(body)
    }

    /// A start or end tag at `s[i] == '<'`: skips its attributes, applies its effect
    /// (line break, dropped or raw content) and returns the offset after it.
    fn tag(&mut self, i: usize, end_tag: bool) -> usize {
        let name_start = if end_tag { i + 2 } else { i + 1 };
        let mut j = name_start;
        while j < self.s.len() && !is_space(self.s[j]) && self.s[j] != b'/' && self.s[j] != b'>' {
            j += 1;
        }
        let mut buf = [0u8; 12];
        let name = lower_name(&self.s[name_start..j], &mut buf);
        let end = self.attributes(j);

        if name == "template" {
            if end_tag {
                self.template_depth = self.template_depth.saturating_sub(1);
            } else {
                self.template_depth += 1;
            }
            return end;
        }
        if BLOCK.contains(&name) && self.template_depth == 0 {
            let range = (self.cps.at(i), self.cps.at(end));
            self.out.block_break(range);
        }
        if end_tag {
            return end;
        }
        if RAW_DROPPED.contains(&name) {
            return match self.find_end_tag(end, name) {
                Some(close) => self.tag(close, true),
                None => self.s.len(),
            };
        }
        if RCDATA_KEPT.contains(&name) {
            let close = self.find_end_tag(end, name).unwrap_or(self.s.len());
            self.rcdata(end, close);
            return if close < self.s.len() { self.tag(close, true) } else { close };
        }
        end
    }

    /// Skips a tag's attributes from `j` (just after the name); returns the offset
    /// after the closing `>`, or the end of the input.
    fn attributes(&self, mut j: usize) -> usize {
        let s = self.s;
        loop {
            while j < s.len() && (is_space(s[j]) || s[j] == b'/') {
                j += 1;
            }
            if j >= s.len() {
                return s.len();
            }
            if s[j] == b'>' {
                return j + 1;
            }
            // Attribute name: its first char may be `=`; quotes are part of it.
            j += 1;
            while j < s.len() && !is_space(s[j]) && !matches!(s[j], b'/' | b'>' | b'=') {
                j += 1;
            }
            while j < s.len() && is_space(s[j]) {
                j += 1;
            }
            if j >= s.len() || s[j] != b'=' {
                continue;
            }
            j += 1;
            while j < s.len() && is_space(s[j]) {
                j += 1;
            }
            match s.get(j) {
                None => return s.len(),
                Some(&q @ (b'"' | b'\'')) => {
                    let last = if q == b'"' { self.last_dquote } else { self.last_squote };
                    if last.is_some_and(|l| l > j) {
                        // The closing quote exists: `find` stops at it.
                        j += 1 + find(&s[j + 1..], &[q]).unwrap_or(0) + 1;
                    } else {
                        // Never closed: end the tag at the next `>` instead of at the
                        // end of the input.
                        return self.gt_after(j);
                    }
                }
                Some(_) => {
                    while j < s.len() && !is_space(s[j]) && s[j] != b'>' {
                        j += 1;
                    }
                }
            }
        }
    }

    /// The offset of the `<` of the first `</name` (any case) followed by whitespace,
    /// `/` or `>` at or after `from`.
    fn find_end_tag(&self, from: usize, name: &str) -> Option<usize> {
        let s = self.s;
        let mut k = from;
        while let Some(off) = find(&s[k..], b"</") {
            let at = k + off;
            let after = at + 2 + name.len();
            if starts_with_ignore_case(&s[at + 2..], name.as_bytes())
                && s.get(after).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
            {
                return Some(at);
            }
            k = at + 2;
        }
        None
    }

    /// Emits `s[start..end]` as text with character references decoded but no tags.
    fn rcdata(&mut self, start: usize, end: usize) {
        let mut i = start;
        let mut text_start = start;
        while i < end {
            if self.s[i] == b'&' {
                self.emit_text(text_start, i);
                i = self.reference(i);
                text_start = i;
            } else {
                i += 1;
            }
        }
        self.emit_text(text_start, end);
    }
}

/// The tag name in lowercase, written into `buf`; empty if it is too long or not ASCII
/// (no element we act on has such a name).
fn lower_name<'b>(name: &[u8], buf: &'b mut [u8; 12]) -> &'b str {
    if name.len() > buf.len() || !name.is_ascii() {
        return "";
    }
    let buf = &mut buf[..name.len()];
    buf.copy_from_slice(name);
    buf.make_ascii_lowercase();
    std::str::from_utf8(buf).unwrap_or("")
}

/// The offset of the first occurrence of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut k = 0;
    while k + needle.len() <= hay.len() {
        match hay[k..].iter().position(|&b| b == first) {
            Some(p) => {
                k += p;
                if hay[k..].starts_with(needle) {
                    return Some(k);
                }
                k += 1;
            }
            None => return None,
        }
    }
    None
}

/// Parses the character reference at `src[i] == '&'`: `&name;`, `&#123;` or `&#x7B;`.
/// Returns the offset after it and the decoded text, or `None` when malformed
/// (no `;`, unknown name), in which case it stays literal text.
fn parse_reference(src: &str, i: usize) -> Option<(usize, Cow<'static, str>)> {
    let s = src.as_bytes();
    let mut j = i + 1;
    if s.get(j) == Some(&b'#') {
        j += 1;
        let hex = matches!(s.get(j), Some(b'x' | b'X'));
        if hex {
            j += 1;
        }
        let digits_start = j;
        let mut value: u32 = 0;
        while let Some(d) = s.get(j).and_then(|&b| (b as char).to_digit(if hex { 16 } else { 10 })) {
            value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            j += 1;
        }
        if j == digits_start || s.get(j) != Some(&b';') {
            return None;
        }
        return Some((j + 1, Cow::Owned(numeric_char(value).to_string())));
    }
    // Named: a letter, then letters and digits; the longest name has 31 chars.
    if !s.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while j < s.len() && j - i <= 32 && s[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if s.get(j) != Some(&b';') {
        return None;
    }
    let reference = &src[i..=j];
    match html_escape::decode_html_entities(reference) {
        Cow::Owned(decoded) if decoded != reference => Some((j + 1, Cow::Owned(decoded))),
        _ => None,
    }
}

/// The char a numeric reference stands for, as browsers decode it: code points
/// 0x80–0x9F are read as Windows-1252 (`&#146;` is `’`); zero, surrogates and values
/// beyond Unicode become U+FFFD.
fn numeric_char(value: u32) -> char {
    const CP1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0x80..=0x9F => CP1252[(value - 0x80) as usize] as u32,
        v => v,
    };
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source slice (in code points) a map entry points at.
    fn slice(src: &str, (s, e): (u32, u32)) -> String {
        src.chars().skip(s as usize).take((e - s) as usize).collect()
    }

    /// Checks the module invariant; panics with the offending input on failure.
    fn check_invariant(src: &str) {
        let (text, map) = to_text(src);
        let n = src.chars().count() as u32;
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars.len(), map.len(), "one map entry per char, input {src:?}");
        let src_chars: Vec<char> = src.chars().collect();
        let mut prev: Option<(u32, u32)> = None;
        for (k, (&c, &(s, e))) in chars.iter().zip(&map).enumerate() {
            assert!(s < e && e <= n, "entry {k} {:?} outside source, input {src:?}", (s, e));
            if let Some(p) = prev {
                assert!(p == (s, e) || s >= p.1, "entry {k} {:?} before {p:?}, input {src:?}", (s, e));
            }
            prev = Some((s, e));
            let first = src_chars[s as usize];
            let last = src_chars[e as usize - 1];
            let literal = e - s == 1 && first == c;
            let reference = first == '&' && last == ';';
            let line_break = c == '\n' && first == '<';
            assert!(
                literal || reference || line_break,
                "char {k} {c:?} maps to {:?} = {:?}, input {src:?}",
                (s, e),
                slice(src, (s, e))
            );
        }
    }

    #[test]
    fn drops_tags_and_keeps_text() {
        let (t, _) = to_text("<span class=\"x\">Hello</span> <b>world</b>");
        assert_eq!(t, "Hello world");
        // Inline tags between words glue them, as in a browser.
        assert_eq!(to_text("foo<span>bar</span>").0, "foobar");
    }

    #[test]
    fn block_tags_break_lines_without_piling_up_blank_lines() {
        let src = "<html><body>\n  <div><div><p>One</p>\n\n\n  <p>Two<br>three</p></div></div>\n<ul><li>a</li><li>b</li></ul>";
        assert_eq!(to_text(src).0, "One\n\nTwo\nthree\n\na\n\nb");
        assert_eq!(to_text("word<p>next").0, "word\nnext");
        assert_eq!(to_text("cell<td>cell2").0, "cell\ncell2");
        assert_eq!(to_text("a<hr/>b<H1>c</H1>").0, "a\nb\nc");
    }

    #[test]
    fn block_break_maps_to_the_tag() {
        let src = "a<br class='x'>b";
        let (t, m) = to_text(src);
        assert_eq!(t, "a\nb");
        assert_eq!(m, vec![(0, 1), (1, 15), (15, 16)]);
        assert_eq!(slice(src, m[1]), "<br class='x'>");
    }

    #[test]
    fn drops_script_style_noscript_template_comments_doctype() {
        let src = "<!DOCTYPE html><html><head><meta charset=utf-8><title>The &amp; Title</title>\
            <style>p { color: red } </p></style><script>if (a < b && c > d) { x = '</div>'; }</script>\
            <link rel=x></head><body><!-- a <p>comment</p> --><noscript><p>Enable JS</p></noscript>\
            <template><p>hidden<template>nested</template>still hidden</p></template>\
            <p>Body<?php echo 1 ?> text<![CDATA[ raw ]]></p></body></html>";
        assert_eq!(to_text(src).0, "The & Title\n\nBody text");
    }

    #[test]
    fn script_end_tag_is_case_insensitive_and_needs_a_delimiter() {
        let src = "a<SCRIPT type=x>var s = '</scripts>'; </Script >b";
        assert_eq!(to_text(src).0, "ab");
        // An unclosed script drops the rest, as browsers do.
        assert_eq!(to_text("a<script>b c d").0, "a");
    }

    #[test]
    fn decodes_references_and_maps_them_to_the_whole_reference() {
        let src = "A&amp;B &#20013;&#x4E2D;&nbsp;&ldquo;x&rdquo; &#146;";
        let (t, m) = to_text(src);
        assert_eq!(t, "A&B 中中\u{a0}“x” ’");
        assert_eq!(m[1], (1, 6));
        assert_eq!(slice(src, m[1]), "&amp;");
        assert_eq!(slice(src, m[4]), "&#20013;");
        assert_eq!(slice(src, m[5]), "&#x4E2D;");
        assert_eq!(slice(src, m[6]), "&nbsp;");
    }

    #[test]
    fn malformed_references_stay_literal() {
        for src in ["AT&T", "a & b", "&bogus;", "&#;", "&#x;", "&amp", "&#12", "&;", "&#xZZ;", "&"] {
            let (t, m) = to_text(src);
            assert_eq!(t, src, "input {src:?}");
            assert_eq!(m.len(), src.chars().count());
        }
        // Invalid code points decode to U+FFFD, as in browsers.
        assert_eq!(to_text("&#0;&#xD800;&#99999999999;").0, "\u{FFFD}\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn reference_names_are_case_sensitive_and_may_be_long() {
        let src = "&AMP;&Amp;&CounterClockwiseContourIntegral;";
        let (t, m) = to_text(src);
        assert_eq!(t, "&&Amp;\u{2233}");
        assert_eq!(m[0], (0, 5));
        assert_eq!(m[6], (10, 43));
    }

    #[test]
    fn less_than_in_text_and_broken_markup() {
        assert_eq!(to_text("a < b and c<d").0, "a < b and c<d");
        assert_eq!(to_text("1 <2 and x<3>y").0, "1 <2 and x<3>y");
        // With no `>` ahead, a `<` is text, even where it started a tag cut short.
        assert_eq!(to_text("<p>Truncated <a href=\"x").0, "Truncated <a href=\"x");
        // `>` inside a quoted attribute value does not end the tag.
        assert_eq!(to_text("<a title=\"a > b\" href='c>d'>link</a>").0, "link");
        // A quote never closed: the tag ends at the next `>`.
        assert_eq!(to_text("<p class=\"x>Hello</p>").0, "Hello");
        // An unclosed comment ends at the next `>`.
        assert_eq!(to_text("a<!-- b > c").0, "a c");
        assert_eq!(to_text("a<!-->b<!--->c").0, "abc");
        assert_eq!(to_text("x</>y</ 3>z").0, "xyz");
        assert_eq!(to_text("<p><b><i>unclosed").0, "unclosed");
    }

    #[test]
    fn literal_chars_map_to_themselves() {
        let src = "<p>中文 text</p>\n<div>é&amp;</div>";
        let (t, m) = to_text(src);
        assert_eq!(t, "中文 text\n\né&");
        assert_eq!(m[0], (3, 4));
        assert_eq!(slice(src, m[1]), "文");
        assert_eq!(slice(src, m[7]), "</p>");
        check_invariant(src);
    }

    #[test]
    fn empty_and_plain_inputs() {
        assert_eq!(to_text(""), (String::new(), vec![]));
        assert_eq!(to_text("   \n").0, "");
        let (t, m) = to_text("plain text");
        assert_eq!(t, "plain text");
        assert_eq!(m[9], (9, 10));
    }

    #[test]
    fn deep_nesting_is_fine() {
        let src = format!("{}deep{}", "<div><span>".repeat(100_000), "</span></div>".repeat(100_000));
        assert_eq!(to_text(&src).0, "deep");
    }

    /// A small deterministic pseudo-random generator for the property tests.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn invariant_holds_on_generated_inputs() {
        const PIECES: &[&str] = &[
            "<", ">", "</", "/>", "p", "div", "br", "script", "style", "title", "template",
            "noscript", "&", "#", "x", "4E2D", "20013", ";", "amp", "nbsp", "NotEqualTilde", "\"",
            "'", "=", " ", "\n", "\t", "!--", "-->", "--", "<![CDATA[", "]]>", "<?", "!DOCTYPE",
            "中", "é", "😀", "a", "word", "<p>", "</p>", "<br>", "<script>", "</script>", "&amp;",
            "&#x4E2D;", "&#0;", "\u{feff}", "\r\n", "\0",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let len = rng.below(40);
            let src: String = (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            check_invariant(&src);
        }
    }

    #[test]
    fn invariant_holds_on_mutated_pages() {
        let page = "<!DOCTYPE html><html><head><title>Xi meets Biden &amp; aides</title>\
            <script>var a = '<p>';</script></head><body><article><h1>Leaders meet</h1>\
            <p class=\"lead\" data-x='a>b'>President Xi Jinping met &ldquo;Joe Biden&rdquo; in \
            San Francisco.<br/>They talked.</p><!-- ad --><p>习近平会见拜登&#12290;</p>\
            <table><tr><td>1</td><td>2</td></tr></table></article></body></html>";
        let chars: Vec<char> = page.chars().collect();
        let inserts = ['<', '>', '"', '\'', '&', ';', '/', '!', '-', ' ', '中'];
        let mut rng = Rng(42);
        for _ in 0..5_000 {
            let mut m = chars.clone();
            for _ in 0..1 + rng.below(6) {
                let at = rng.below(m.len() + 1);
                match rng.below(3) {
                    0 if at < m.len() => {
                        m.remove(at);
                    }
                    1 if at < m.len() => m[at] = inserts[rng.below(inserts.len())],
                    _ => m.insert(at, inserts[rng.below(inserts.len())]),
                }
            }
            // Truncate sometimes, as a download cut short would.
            if rng.below(4) == 0 {
                m.truncate(rng.below(m.len() + 1));
            }
            check_invariant(&m.into_iter().collect::<String>());
        }
    }

    #[test]
    fn large_single_line_inputs_are_linear() {
        // Patterns that would make a backtracking scanner quadratic, at 50 MB.
        const SIZE: usize = 50 << 20;
        let patterns = [
            "<div class=\"a>b\">word</div> ",
            "<a <a <a x=",
            "<a x=\">\" ",
            "<!-- a ",
            "&amp &#12 x<y ",
            "<script>",
            "</",
        ];
        for p in patterns {
            let mut src = p.repeat(SIZE / p.len());
            src.push_str("\"'>end");
            let start = std::time::Instant::now();
            let (text, map) = to_text(&src);
            assert_eq!(text.chars().count(), map.len());
            assert!(start.elapsed().as_secs() < 20, "pattern {p:?} took {:?}", start.elapsed());
        }
    }

    #[test]
    fn detects_html_conservatively() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<HTML lang=en>"));
        assert!(looks_like_html("Some text\n<body>\n<p>x</p>"));
        assert!(looks_like_html("<p>First paragraph.</p>\n<p>Second.</p>"));
        assert!(looks_like_html("Title\n<div class=\"story\">text<br/>more</div>"));
        assert!(!looks_like_html("Stocks rose as a < b, and x<y held."));
        assert!(!looks_like_html("Use the <p> tag for paragraphs."));
        assert!(!looks_like_html(""));
        assert!(!looks_like_html("a<b>"));
        // Markup beyond the first KiB does not count.
        let late = format!("{}<html><body><p>x</p>", "plain ".repeat(200));
        assert!(!looks_like_html(&late));
    }
}
