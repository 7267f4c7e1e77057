//! Documents: the unit summit reads, and the offset map back to the text as read.
//!
//! **Invariant**: every offset summit reports is a code-point offset into
//! `Document::original`, and `original[start..end]` (in code points) is the reported text.
//! For plain text `text == original`; for HTML `text` is the visible text and `map`
//! says where each of its characters came from in `original`.

use chrono::NaiveDate;

/// One article page (or one line of a JSONL stream).
#[derive(Debug, Clone)]
pub struct Document {
    /// File name without extension, or the JSONL `id` field.
    pub id: String,
    /// Where it came from, for messages: a path, `-`, or `path:line` for JSONL.
    pub source: String,
    /// The text as read, after decoding; offsets refer to it.
    pub original: String,
    /// The text the pipeline reads (visible text for HTML; else equal to `original`).
    pub text: String,
    /// For HTML: for each character of `text`, the code-point range `[start, end)` in
    /// `original` it came from. `None` means identity.
    pub map: Option<Vec<(u32, u32)>>,
    /// A date the document carries itself (JSONL `date` field).
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
}

impl Document {
    /// A plain-text document.
    pub fn plain(id: impl Into<String>, source: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        Document {
            id: id.into(),
            source: source.into(),
            original: text.clone(),
            text,
            map: None,
            date: None,
            url: None,
        }
    }

    /// Maps a code-point range of `text` to the code-point range of `original`.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.map {
            None => (start, end),
            Some(m) => {
                if m.is_empty() {
                    return (0, 0);
                }
                let s = m.get(start).map(|r| r.0 as usize).unwrap_or_else(|| m[m.len() - 1].1 as usize);
                let e = if end == 0 { s } else { m.get(end - 1).map(|r| r.1 as usize).unwrap_or(s) };
                (s, e.max(s))
            }
        }
    }

    /// The slice of `original` between two code-point offsets.
    pub fn original_slice(&self, start: usize, end: usize) -> String {
        self.original.chars().skip(start).take(end.saturating_sub(start)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_through_html_offsets() {
        let mut d = Document::plain("d", "d.html", "A&B");
        d.original = "<b>A</b>&amp;B".into();
        d.text = "A&B".into();
        d.map = Some(vec![(3, 4), (8, 13), (13, 14)]);
        assert_eq!(d.to_original(0, 1), (3, 4));
        assert_eq!(d.to_original(1, 3), (8, 14));
        assert_eq!(d.original_slice(8, 13), "&amp;");
    }
}
