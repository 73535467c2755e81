//! `[article]`: the article's facts and, for a shipped article, its text
//! file, found relative to the TOML file that names it. An article without
//! `text_file` is quoted by excerpts only: it needs a `url` and a `kind`.

use std::collections::HashMap;

use super::fields::Check;
use super::raw::{Parsed, RawArticle};
use super::report::{DataError, Report};
use crate::events::date::Precision;
use crate::events::types::{Article, SourceKind};

/// The valid articles of all `files`, with their texts from `texts` (every
/// supplied file by name).
pub(super) fn validate(
    files: &[Parsed],
    texts: &HashMap<&str, &str>,
    errors: &mut Vec<DataError>,
) -> Vec<Article> {
    let mut articles = Vec::new();
    for file in files {
        let Some(spanned) = &file.raw.article else {
            continue;
        };
        let mut report = Report::new(&file.src, errors);
        let span = file.src.item(spanned.span());
        let mut check = Check::new(&mut report, span, "article".to_string());
        let raw = spanned.get_ref();
        // One page, one article: its quotes belong together in the reader.
        let url = raw.url.as_deref().unwrap_or_default();
        let twin = articles
            .iter()
            .find(|a: &&Article| a.url.as_deref() == Some(url));
        if let Some(twin) = twin.filter(|_| !url.is_empty()) {
            let message = format!(
                "article {:?} already quotes this page; add the excerpts there",
                twin.id
            );
            check.error("url", message);
            continue;
        }
        articles.extend(article(&mut check, raw, texts));
    }
    articles
}

fn article(check: &mut Check, r: &RawArticle, texts: &HashMap<&str, &str>) -> Option<Article> {
    check.non_empty("title", &r.title);
    check.non_empty("outlet", &r.outlet);
    let shipped = r.text_file.is_some();
    let published = match &r.published {
        Some(p) => Some(check.plain_date("published", p)?),
        None if shipped => {
            check.error("published", "a shipped article needs its date (YYYY-MM-DD)");
            None
        }
        None => None,
    };
    if shipped && published.is_some_and(|d| d.precision != Precision::Day) {
        check.error("published", "must be a full date (YYYY-MM-DD)");
    }
    let kind = match &r.kind {
        Some(k) => check.choice::<SourceKind>("kind", k),
        None if !shipped => {
            check.error(
                "kind",
                format!(
                    "a quoted article must say what kind of publisher it is ({})",
                    SourceKind::expected()
                ),
            );
            None
        }
        None => None,
    };
    match &r.url {
        Some(url) => check.url("url", url),
        None if !shipped => check.error(
            "url",
            "an article quoted by excerpts (no text_file) must link its page",
        ),
        None if r.provenance.as_deref().is_none_or(|p| p.trim().is_empty()) => check.error(
            "provenance",
            "an article without a url must say why in provenance",
        ),
        None => {}
    }
    check.language("language", &r.language);
    let text = match &r.text_file {
        Some(file) => Some(text(check, file, texts)?.to_string()),
        None => None,
    };
    Some(Article {
        id: r.id.clone(),
        title: r.title.clone(),
        outlet: r.outlet.clone(),
        kind,
        published,
        url: r.url.clone(),
        provenance: r.provenance.clone(),
        language: r.language.clone(),
        text,
    })
}

/// The article's text: `text_file` is relative to the TOML file's directory.
fn text<'t>(check: &mut Check, text_file: &str, texts: &HashMap<&str, &'t str>) -> Option<&'t str> {
    let dir = check.file().rsplit_once('/').map(|(d, _)| d);
    let text_name = match dir {
        Some(d) => format!("{d}/{text_file}"),
        None => text_file.to_string(),
    };
    let text = texts.get(text_name.as_str()).copied();
    if text.is_none() {
        check.error("text_file", format!("{text_name} was not supplied"));
    }
    text
}
