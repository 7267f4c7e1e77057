//! Ids: the IRIs and file-stem names summit mints from data.
//!
//! Input: names, gazetteer ids, file paths. Output: IRI path segments ([`slug`]), a
//! participant's part of a meeting IRI ([`meeting_key`]), a gazetteer file's rule name.
//!
//! **Invariant**: ids depend only on data, so shards and reruns agree.

use super::*;

pub(super) fn file_stem(origin: &str) -> String {
    let path = origin.rsplit_once(':').map(|(p, _)| p).unwrap_or(origin);
    Path::new(path).file_stem().and_then(|s| s.to_str()).unwrap_or(path).to_string()
}

/// A participant's part of a meeting IRI: a gazetteer person's id as it is (`wang-yi`),
/// anything else its path with `/` as `.` (`person.name.zhao-wei`, `org.un`). Gazetteer
/// ids have no `.` and [`slug`] writes none, so two participants never share a key.
pub fn meeting_key(iri: &str) -> String {
    let path = iri.strip_prefix(BASE_IRI).unwrap_or(iri);
    match path.strip_prefix("person/") {
        Some(id) if !id.contains('/') => id.to_string(),
        _ => path.replace('/', "."),
    }
}

/// An IRI-safe path segment: ASCII letters and digits kept (lower-cased), spaces to
/// hyphens, everything else percent-encoded.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    slug_into(&mut out, s);
    out
}

/// Appends `s`'s slug to `out` (see [`slug`]).
pub(super) fn slug_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let start = out.len();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == ' ' || c == '-' || c == '_' {
            if out.len() == start || !out.ends_with('-') {
                out.push('-');
            }
        } else {
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_keys_keep_known_and_unknown_people_apart() {
        let known = meeting_key(&format!("{BASE_IRI}person/zhao-wei"));
        let open = meeting_key(&format!("{BASE_IRI}person/name/zhao-wei"));
        let org = meeting_key(&format!("{BASE_IRI}org/zhao-wei"));
        assert_eq!(known, "zhao-wei");
        assert_eq!(open, "person.name.zhao-wei");
        assert_eq!(org, "org.zhao-wei");
        assert_eq!(meeting_key(&format!("{BASE_IRI}person/name/{}", slug("A.B"))), "person.name.a%2Eb");
    }

    #[test]
    fn slugs_are_iri_safe() {
        assert_eq!(slug("Olaf Scholz"), "olaf-scholz");
        assert_eq!(slug("戈利科娃"), "%E6%88%88%E5%88%A9%E7%A7%91%E5%A8%83");
        assert_eq!(slug("a<b>\"c"), "a%3Cb%3E%22c");
    }
}
