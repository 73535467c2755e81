//! The validator's output: one [`DataError`] per problem, naming file, line
//! and field.

use std::ops::Range;

use super::source::SourceFile;

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {field}: {message}")]
pub struct DataError {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// Path of the offending field, e.g. `events[37].date`.
    pub field: String,
    pub message: String,
}

/// Collects errors for one file.
pub(super) struct Report<'a, 'e> {
    src: &'a SourceFile<'a>,
    errors: &'e mut Vec<DataError>,
}

impl<'a, 'e> Report<'a, 'e> {
    pub(super) fn new(src: &'a SourceFile<'a>, errors: &'e mut Vec<DataError>) -> Self {
        Report { src, errors }
    }

    pub(super) fn src(&self) -> &'a SourceFile<'a> {
        self.src
    }

    pub(super) fn at(&mut self, line: usize, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.src.name.to_string(),
            line,
            field: field.into(),
            message: message.into(),
        });
    }

    /// A problem with `key` of the item at `span`: on the key's line.
    pub(super) fn key(
        &mut self,
        span: &Range<usize>,
        path: &str,
        key: &str,
        message: impl Into<String>,
    ) {
        let line = self.src.key_line(span, key);
        self.at(line, format!("{path}.{key}"), message);
    }
}
