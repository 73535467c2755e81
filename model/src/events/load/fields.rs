//! Checks shared by every kind of record: on one record's fields, reported
//! at the line of the key (or of the value, for an id in a list).

use std::ops::Range;

use toml::Spanned;

use super::ids::{Ids, Target};
use super::raw::RawSource;
use super::report::Report;
use crate::events::date::PartialDate;
use crate::events::types::{
    AnnotationKind, Confidence, DeploymentCategory, DeploymentStatus, EventKind, Source, SourceKind,
};

/// One record (or a part of one, such as a source) under check: its extent
/// in the file, its field path, and the report its problems go to.
pub(super) struct Check<'r, 'a, 'e> {
    report: &'r mut Report<'a, 'e>,
    span: Range<usize>,
    path: String,
}

impl<'r, 'a, 'e> Check<'r, 'a, 'e> {
    pub(super) fn new(report: &'r mut Report<'a, 'e>, span: Range<usize>, path: String) -> Self {
        Check { report, span, path }
    }

    /// A part of this record written at `span`, e.g. `events[3].sources[0]`.
    pub(super) fn part(&mut self, span: Range<usize>, path: String) -> Check<'_, 'a, 'e> {
        Check::new(self.report, span, path)
    }

    pub(super) fn path(&self) -> &str {
        &self.path
    }

    pub(super) fn file(&self) -> &'a str {
        self.report.src().name
    }

    /// The line of `key` in this record (of its id, or its first line, if absent).
    pub(super) fn line_of(&self, key: &str) -> usize {
        self.report.src().key_line(&self.span, key)
    }

    /// A problem with the field `key`.
    pub(super) fn error(&mut self, key: &str, message: impl Into<String>) {
        self.report.key(&self.span, &self.path, key, message);
    }

    pub(super) fn non_empty(&mut self, key: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(key, "must not be empty");
        }
    }

    pub(super) fn date(&mut self, key: &str, value: &str) -> Option<PartialDate> {
        match value.parse::<PartialDate>() {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(key, e.to_string());
                None
            }
        }
    }

    /// One of the spellings of a [`Choice`].
    pub(super) fn choice<T: Choice>(&mut self, key: &str, value: &str) -> Option<T> {
        let parsed = T::parse(value);
        if parsed.is_none() {
            let expected = T::expected();
            self.error(key, format!("{value:?} is not one of: {expected}"));
        }
        parsed
    }

    pub(super) fn url(&mut self, key: &str, url: &str) {
        if let Err(e) = check_url(url) {
            self.error(key, e.to_string());
        }
    }

    pub(super) fn language(&mut self, key: &str, language: &str) {
        if let Err(e) = check_language(language) {
            self.error(key, e.to_string());
        }
    }

    /// The record's `sources`, each checked; `required`: at least one.
    pub(super) fn sources(
        &mut self,
        sources: &[Spanned<RawSource>],
        required: bool,
    ) -> Vec<Source> {
        if required && sources.is_empty() {
            self.error("sources", "at least one source is required");
        }
        let mut out = Vec::new();
        for (j, s) in sources.iter().enumerate() {
            let path = format!("{}.sources[{j}]", self.path);
            let mut check = self.part(s.span(), path);
            let raw = s.get_ref();
            check.url("url", &raw.url);
            check.non_empty("outlet", &raw.outlet);
            check.language("language", &raw.language);
            let kind = match raw.kind.as_deref() {
                Some(k) => check.choice::<SourceKind>("kind", k),
                None => {
                    let expected = SourceKind::expected();
                    check.error("kind", format!("is required: one of {expected}"));
                    None
                }
            };
            if let Some(title) = &raw.title {
                check.non_empty("title", title);
            }
            let published = raw
                .published
                .as_deref()
                .and_then(|d| check.date("published", d));
            if let Some(kind) = kind {
                out.push(Source {
                    url: raw.url.clone(),
                    outlet: raw.outlet.clone(),
                    language: raw.language.clone(),
                    kind,
                    title: raw.title.clone(),
                    published,
                });
            }
        }
        out
    }

    /// `confidence`, and the note that medium confidence needs.
    pub(super) fn confidence(&mut self, confidence: &str, note: &Option<String>) -> Confidence {
        let c = self
            .choice("confidence", confidence)
            .unwrap_or(Confidence::Medium);
        if c == Confidence::Medium && note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            self.error(
                "confidence",
                "medium confidence needs a confidence_note saying why",
            );
        }
        c
    }

    /// The id in `key` must name a `target`.
    pub(super) fn refer(&mut self, ids: &Ids, target: Target, key: &str, id: &str) {
        if !ids.knows(target, id) {
            let what = target.name();
            self.error(key, format!("unknown {what} id {id:?}"));
        }
    }

    /// Every id in the list `key` must name a `target`; an unknown one is
    /// reported on its own line.
    pub(super) fn refer_all(&mut self, ids: &Ids, target: Target, key: &str, list: &[String]) {
        for (j, id) in list.iter().enumerate() {
            if !ids.knows(target, id) {
                let line = self.report.src().value_line(&self.span, key, id);
                let field = format!("{}.{key}[{j}]", self.path);
                let what = target.name();
                self.report
                    .at(line, field, format!("unknown {what} id {id:?}"));
            }
        }
    }
}

/// A field with a fixed set of spellings.
pub(super) trait Choice: Sized {
    fn parse(s: &str) -> Option<Self>;
    /// The spellings, for the error message.
    fn expected() -> String;
}

macro_rules! choice {
    ($($t:ty),+) => {$(
        impl Choice for $t {
            fn parse(s: &str) -> Option<Self> {
                <$t>::parse(s)
            }
            fn expected() -> String {
                <$t>::expected()
            }
        }
    )+};
}

choice!(
    EventKind,
    DeploymentCategory,
    DeploymentStatus,
    AnnotationKind,
    Confidence,
    SourceKind
);

/// A source link that is not http(s): the site links it.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
enum UrlError {
    #[error("{0:?} is not an http(s) URL")]
    NotHttp(String),
    #[error("{0:?} is not a valid http(s) URL")]
    Invalid(String),
}

fn check_url(url: &str) -> Result<(), UrlError> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| UrlError::NotHttp(url.to_string()))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty()
        || !host.contains('.')
        || host.ends_with('.')
        || url.chars().any(char::is_whitespace)
    {
        return Err(UrlError::Invalid(url.to_string()));
    }
    Ok(())
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an ISO 639 language code (e.g. en, ja, ru)")]
struct LanguageError(String);

fn check_language(s: &str) -> Result<(), LanguageError> {
    if (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(LanguageError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_languages_say_why_they_are_refused() {
        assert_eq!(check_url("https://example.org/a"), Ok(()));
        let why = |url: &str| check_url(url).unwrap_err().to_string();
        assert_eq!(
            why("ftp://example.org"),
            "\"ftp://example.org\" is not an http(s) URL"
        );
        assert_eq!(
            why("https://localhost/"),
            "\"https://localhost/\" is not a valid http(s) URL"
        );
        assert_eq!(
            why("https://a.org/b c"),
            "\"https://a.org/b c\" is not a valid http(s) URL"
        );
        assert_eq!(check_language("ja"), Ok(()));
        assert_eq!(
            check_language("EN").unwrap_err().to_string(),
            "\"EN\" is not an ISO 639 language code (e.g. en, ja, ru)"
        );
    }
}
