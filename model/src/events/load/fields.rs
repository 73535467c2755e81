//! Checks shared by every kind of record: on one record's fields, reported
//! at the line of the key (or of the value, for an id in a list).

use std::ops::Range;

use toml::Spanned;

use super::ids::{Ids, Target};
use super::known::{Known, Spelling};
use super::raw::RawSource;
use super::report::Report;
use crate::events::date::{Date, PartialDate};
use crate::events::types::{
    AnnotationKind, ClaimRating, Confidence, DeploymentCategory, DeploymentStatus, EventKind,
    Source, SourceKind,
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

    /// A date that is a period, not a `by` bound: an event's `end`, a
    /// publication date.
    pub(super) fn plain_date(&mut self, key: &str, value: &str) -> Option<PartialDate> {
        let d = self.date(key, value)?;
        if d.by {
            self.error(
                key,
                format!("{d}: a \"by\" bound is for when something happened, not here"),
            );
            return None;
        }
        Some(d)
    }

    /// A full `YYYY-MM-DD` day.
    pub(super) fn day(&mut self, key: &str, value: &str) -> Option<Date> {
        match value.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(key, e.to_string());
                None
            }
        }
    }

    /// A record's `added` and `updated` days: real days, `updated` not
    /// before `added`, neither after `today` (when the caller knows it).
    pub(super) fn record_days(
        &mut self,
        added: &str,
        updated: &str,
        today: Option<Date>,
    ) -> Option<(Date, Date)> {
        let (added, updated) = (self.day("added", added), self.day("updated", updated));
        for (key, day) in [("added", added), ("updated", updated)] {
            if let (Some(d), Some(t)) = (day, today)
                && d > t
            {
                self.error(key, format!("{d} is after today ({t})"));
            }
        }
        let (added, updated) = (added?, updated?);
        if updated < added {
            self.error(
                "updated",
                format!("{updated} is before the day the record was added ({added})"),
            );
        }
        Some((added, updated))
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
                .and_then(|d| check.plain_date("published", d));
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

impl Check<'_, '_, '_> {
    /// Reader-visible text (`key`): every `{id}` names an island, group or
    /// place the map knows, and no disputed island's or group's name is
    /// spelt out (`{id}` is rendered in the reader's names convention).
    pub(super) fn text(&mut self, ids: &Ids, key: &str, value: &str) {
        for problem in text_problems(ids.known(), value) {
            self.error(key, problem);
        }
    }

    pub(super) fn text_opt(&mut self, ids: &Ids, key: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.text(ids, key, v);
        }
    }
}

/// What is wrong with `text` as a template: unknown or unclosed references,
/// and names spelt out.
pub(super) fn text_problems(known: &Known, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    // The text outside references, references blanked (ids are not names).
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('{') {
        plain.push_str(before);
        let Some((id, tail)) = after.split_once('}') else {
            problems.push(format!("an unclosed {{ before {after:?}"));
            rest = "";
            break;
        };
        if !known.names.contains_key(id) {
            problems.push(format!("{{{id}}} is not a known island, group or place id"));
        }
        plain.push(' ');
        rest = tail;
    }
    plain.push_str(rest);
    if plain.contains('}') {
        problems.push("a } without its {".to_owned());
    }
    let mut reported: Vec<&str> = Vec::new();
    for s in &known.spellings {
        if !reported.contains(&s.id.as_str()) && spelt_out(&plain, s) {
            reported.push(&s.id);
            problems.push(format!(
                "spells out {:?}: write {{{}}}, which the reader sees in the names convention they chose",
                s.text, s.id
            ));
        }
    }
    problems
}

/// Whether `text` spells `s` as a word of its own (or the start of one, for
/// names that are not [`Spelling::whole_word`]); Japanese script has no word
/// boundaries, so any occurrence counts.
fn spelt_out(text: &str, s: &Spelling) -> bool {
    let cjk = s.text.chars().next().is_some_and(crate::names::is_cjk);
    text.match_indices(s.text.as_str()).any(|(at, m)| {
        if cjk {
            return true;
        }
        let starts = !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after = &text[at + m.len()..];
        let ends = !after.chars().next().is_some_and(char::is_alphanumeric);
        let before_name = after
            .strip_prefix(' ')
            .and_then(|a| a.chars().next())
            .is_some_and(char::is_uppercase);
        starts && (!s.whole_word || (ends && !before_name))
    })
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
    ClaimRating,
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
