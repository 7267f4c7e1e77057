//! The library's one error type.
//!
//! Every error carries the context a user needs to find the problem: the file (or
//! document id), and where known the line, column or byte offset. Display renders it
//! the way compilers do: `path:line:column: message`.

use std::fmt;

/// What went wrong, coarsely; the binary maps kinds to exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Reading a file or stream failed (missing, unreadable, vanished).
    Io,
    /// The bytes are not text we can read: invalid UTF-8, binary, empty.
    Encoding,
    /// A data file (gazetteer, rule file, JSONL input) is malformed.
    Parse,
    /// A rule's own examples or counter-examples fail.
    Check,
    /// Bad arguments.
    Usage,
}

/// An error with its location.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    pub path: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Byte offset into the file, when a line is not meaningful (binary input).
    pub offset: Option<usize>,
    pub message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, path: None, line: None, column: None, offset: None, message: message.into() }
    }
    pub fn io(path: impl Into<String>, err: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io, err.to_string()).at_path(path)
    }
    pub fn parse(path: impl Into<String>, line: usize, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Parse, message).at_path(path).at_line(line)
    }
    pub fn at_path(mut self, path: impl Into<String>) -> Error {
        self.path = Some(path.into());
        self
    }
    pub fn at_line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }
    pub fn at_column(mut self, column: usize) -> Error {
        self.column = Some(column);
        self
    }
    pub fn at_offset(mut self, offset: usize) -> Error {
        self.offset = Some(offset);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.path {
            write!(f, "{p}:")?;
            if let Some(l) = self.line {
                write!(f, "{l}:")?;
                if let Some(c) = self.column {
                    write!(f, "{c}:")?;
                }
            }
            if let Some(o) = self.offset {
                write!(f, " byte {o}:")?;
            }
            write!(f, " ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_column() {
        let e = Error::parse("gazetteers/people.jsonl", 12, "missing field `id`").at_column(3);
        assert_eq!(e.to_string(), "gazetteers/people.jsonl:12:3: missing field `id`");
        let e = Error::new(ErrorKind::Encoding, "invalid UTF-8").at_path("a.txt").at_offset(17);
        assert_eq!(e.to_string(), "a.txt: byte 17: invalid UTF-8");
    }
}
