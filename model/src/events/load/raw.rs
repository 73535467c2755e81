//! The file format: what a `.toml` file of `geodata/events/` may hold, as
//! written, and parsing it.

use serde::Deserialize;
use toml::Spanned;

use super::report::DataError;
use super::source::SourceFile;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(default)]
    pub(super) events: Vec<Spanned<RawEvent>>,
    #[serde(default)]
    pub(super) deployments: Vec<Spanned<RawDeployment>>,
    #[serde(default)]
    pub(super) article: Option<Spanned<RawArticle>>,
    #[serde(default)]
    pub(super) excerpts: Vec<Spanned<RawExcerpt>>,
    #[serde(default)]
    pub(super) annotations: Vec<Spanned<RawAnnotation>>,
    #[serde(default)]
    pub(super) denied: Vec<Spanned<RawDenied>>,
}

/// A domain no source may cite (`denylist.toml`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDenied {
    pub(super) domain: String,
    pub(super) reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    pub(super) url: String,
    pub(super) outlet: String,
    pub(super) language: String,
    pub(super) kind: Option<String>,
    pub(super) title: Option<String>,
    pub(super) published: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    pub(super) id: String,
    pub(super) added: String,
    pub(super) updated: String,
    pub(super) date: String,
    pub(super) end: Option<String>,
    pub(super) kind: String,
    pub(super) title: String,
    pub(super) summary: String,
    #[serde(default)]
    pub(super) islands: Vec<String>,
    #[serde(default)]
    pub(super) places: Vec<String>,
    #[serde(default)]
    pub(super) points: Vec<Vec<f64>>,
    pub(super) location: Option<String>,
    #[serde(default)]
    pub(super) sources: Vec<Spanned<RawSource>>,
    pub(super) confidence: String,
    pub(super) confidence_note: Option<String>,
    #[serde(default)]
    pub(super) research: Vec<String>,
    pub(super) ja: Option<Spanned<RawEventText>>,
    pub(super) ru: Option<Spanned<RawEventText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChange {
    pub(super) date: String,
    pub(super) status: String,
    #[serde(default)]
    pub(super) events: Vec<String>,
    pub(super) note: Option<String>,
    pub(super) ja: Option<RawNoteText>,
    pub(super) ru: Option<RawNoteText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDeployment {
    pub(super) id: String,
    pub(super) island: String,
    pub(super) place: Option<String>,
    pub(super) unit: String,
    pub(super) system: Option<String>,
    pub(super) category: String,
    pub(super) from: String,
    pub(super) until: Option<String>,
    pub(super) status: String,
    #[serde(default)]
    pub(super) changes: Vec<Spanned<RawChange>>,
    pub(super) confidence: String,
    pub(super) confidence_note: Option<String>,
    pub(super) summary: String,
    pub(super) ja: Option<Spanned<RawDeploymentText>>,
    pub(super) ru: Option<Spanned<RawDeploymentText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawArticle {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) outlet: String,
    pub(super) kind: Option<String>,
    pub(super) published: Option<String>,
    pub(super) url: Option<String>,
    pub(super) provenance: Option<String>,
    pub(super) language: String,
    /// Path of the UTF-8 text, relative to this file: a shipped article.
    /// Without it the article is quoted by excerpts only.
    pub(super) text_file: Option<String>,
    pub(super) ja: Option<Spanned<RawArticleText>>,
    pub(super) ru: Option<Spanned<RawArticleText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExcerpt {
    pub(super) id: String,
    pub(super) article: String,
    pub(super) start: Option<usize>,
    pub(super) end: Option<usize>,
    pub(super) quote: String,
    pub(super) translation: Option<String>,
    #[serde(default)]
    pub(super) events: Vec<String>,
    #[serde(default)]
    pub(super) islands: Vec<String>,
    #[serde(default)]
    pub(super) places: Vec<String>,
    pub(super) ja: Option<Spanned<RawExcerptText>>,
    pub(super) ru: Option<Spanned<RawExcerptText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAnnotation {
    pub(super) id: String,
    pub(super) excerpt: String,
    pub(super) kind: String,
    pub(super) note: String,
    pub(super) rating: Option<String>,
    pub(super) reviewed: Option<String>,
    #[serde(default)]
    pub(super) sources: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub(super) events: Vec<String>,
    pub(super) ja: Option<Spanned<RawNoteText>>,
    pub(super) ru: Option<Spanned<RawNoteText>>,
}

// A record's text in Japanese or Russian (`[events.ja]`, `ja = { note =
// … }`): the project's translation of the English fields of the same name.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEventText {
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) location: Option<String>,
    pub(super) confidence_note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDeploymentText {
    pub(super) unit: String,
    pub(super) summary: String,
    pub(super) confidence_note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNoteText {
    pub(super) note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExcerptText {
    pub(super) translation: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawArticleText {
    pub(super) provenance: Option<String>,
    /// Only where `outlet` is our description rather than a name (the
    /// seed article: "Wire report (seed article)"); a name stays as it is.
    pub(super) outlet: Option<String>,
}

/// One TOML file, parsed.
pub(super) struct Parsed<'a> {
    pub(super) src: SourceFile<'a>,
    pub(super) raw: RawFile,
}

/// Parses the `.toml` files among `files`. A file that does not parse hides
/// its items, and cross-reference errors would only be noise, so any syntax
/// error stops here.
pub(super) fn parse<'a>(files: &[(&'a str, &'a str)]) -> Result<Vec<Parsed<'a>>, Vec<DataError>> {
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for &(name, text) in files.iter().filter(|(n, _)| n.ends_with(".toml")) {
        let src = SourceFile::new(name, text);
        match toml::from_str::<RawFile>(text) {
            Ok(raw) => parsed.push(Parsed { src, raw }),
            Err(e) => errors.push(syntax_error(&src, &e)),
        }
    }
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors)
    }
}

/// A TOML error on its line; the field is the one the message quotes, if any.
pub(super) fn syntax_error(src: &SourceFile, e: &toml::de::Error) -> DataError {
    let line = e.span().map(|s| src.line(s.start)).unwrap_or(1);
    let message = e.message().trim().to_string();
    let field = message
        .split('`')
        .nth(1)
        .filter(|_| message.contains("field"))
        .unwrap_or("(syntax)")
        .to_string();
    DataError {
        file: src.name.to_string(),
        line,
        field,
        message,
    }
}
