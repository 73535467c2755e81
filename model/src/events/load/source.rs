//! The data files' text: byte offsets to lines, and where a key or value is
//! written, so every problem can name its line.

use std::ops::Range;

pub(super) struct SourceFile<'a> {
    pub(super) name: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceFile<'a> {
    pub(super) fn new(name: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            name,
            text,
            line_starts,
        }
    }

    /// 1-based line of a byte offset.
    pub(super) fn line(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= byte).max(1)
    }

    /// The extent of a parsed item. `toml` spans a `[[table]]` item by its
    /// header only; such an item runs to the next header (or the end).
    pub(super) fn item(&self, span: Range<usize>) -> Range<usize> {
        if !self
            .text
            .get(span.start..)
            .is_some_and(|s| s.starts_with('['))
        {
            return span;
        }
        let mut at = span.end.min(self.text.len());
        for line in self.text[at..].split_inclusive('\n') {
            if is_header(line) {
                return span.start..at;
            }
            at += line.len();
        }
        span.start..self.text.len()
    }

    /// Byte offset of `key = ` inside `span`, if written there.
    fn find_key(&self, span: &Range<usize>, key: &str) -> Option<usize> {
        let end = span.end.min(self.text.len());
        let slice = self.text.get(span.start..end)?;
        let bytes = slice.as_bytes();
        let mut from = 0;
        while let Some(i) = slice.get(from..).and_then(|s| s.find(key)) {
            let at = from + i;
            let before_ok =
                at == 0 || matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | b'\r' | b'{' | b',');
            let after = slice[at + key.len()..].trim_start_matches([' ', '\t']);
            if before_ok && after.starts_with('=') {
                return Some(span.start + at);
            }
            from = at + key.len();
        }
        None
    }

    /// Line of `key = ...` inside `span`; if the key is absent, the line of
    /// the item's `id`, or else its first line.
    pub(super) fn key_line(&self, span: &Range<usize>, key: &str) -> usize {
        let at = self
            .find_key(span, key)
            .or_else(|| self.find_key(span, "id"))
            .unwrap_or(span.start);
        self.line(at)
    }

    /// Line of the string `"value"` written after `key` inside `span`, for
    /// one element of a (possibly multi-line) array.
    pub(super) fn value_line(&self, span: &Range<usize>, key: &str, value: &str) -> usize {
        let Some(key_at) = self.find_key(span, key) else {
            return self.line(span.start);
        };
        let end = span.end.min(self.text.len());
        let needle = format!("\"{value}\"");
        self.text
            .get(key_at..end)
            .and_then(|s| s.find(&needle))
            .map(|i| self.line(key_at + i))
            .unwrap_or_else(|| self.line(key_at))
    }
}

/// A `[table]` or `[[array.of.tables]]` header line.
fn is_header(line: &str) -> bool {
    let line = line.split('#').next().unwrap_or("").trim();
    let inner = line
        .strip_prefix("[[")
        .and_then(|l| l.strip_suffix("]]"))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
    inner.is_some_and(|k| {
        !k.trim().is_empty()
            && k.trim()
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' '))
    })
}
