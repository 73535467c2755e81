//! `[article]`: the article's facts, and its text file, found relative to
//! the TOML file that names it.

use std::collections::HashMap;

use super::fields::Check;
use super::raw::{Parsed, RawArticle};
use super::report::{DataError, Report};
use crate::events::date::Precision;
use crate::events::types::Article;

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
        articles.extend(article(&mut check, spanned.get_ref(), texts));
    }
    articles
}

fn article(check: &mut Check, r: &RawArticle, texts: &HashMap<&str, &str>) -> Option<Article> {
    check.non_empty("title", &r.title);
    check.non_empty("outlet", &r.outlet);
    let published = check.plain_date("published", &r.published);
    if published.is_some_and(|d| d.precision != Precision::Day) {
        check.error("published", "must be a full date (YYYY-MM-DD)");
    }
    match &r.url {
        Some(url) => check.url("url", url),
        None if r.provenance.as_deref().is_none_or(|p| p.trim().is_empty()) => check.error(
            "provenance",
            "an article without a url must say why in provenance",
        ),
        None => {}
    }
    check.language("language", &r.language);
    let text = text(check, &r.text_file, texts);
    Some(Article {
        id: r.id.clone(),
        title: r.title.clone(),
        outlet: r.outlet.clone(),
        published: published?.first_day(),
        url: r.url.clone(),
        provenance: r.provenance.clone(),
        language: r.language.clone(),
        text: text?.to_string(),
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
