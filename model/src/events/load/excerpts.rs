//! `[[excerpts]]`: a character range of an article's text that must be its
//! quote, and what the quote supports.

use std::collections::HashMap;

use super::fields::Check;
use super::ids::{Ids, Target};
use super::raw::{Parsed, RawExcerpt};
use super::report::{DataError, Report};
use crate::events::types::{Article, Excerpt};

/// The excerpts of all `files`; `articles` are the valid articles.
pub(super) fn validate(
    files: &[Parsed],
    ids: &Ids,
    articles: &[Article],
    errors: &mut Vec<DataError>,
) -> Vec<Excerpt> {
    let article_text: HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let mut excerpts = Vec::new();
    for file in files {
        let mut report = Report::new(&file.src, errors);
        for (i, spanned) in file.raw.excerpts.iter().enumerate() {
            let span = file.src.item(spanned.span());
            let mut check = Check::new(&mut report, span, format!("excerpts[{i}]"));
            let r = spanned.get_ref();
            let text = article_text.get(r.article.as_str()).copied();
            excerpts.push(excerpt(&mut check, r, ids, text));
        }
    }
    excerpts
}

/// `text`: the article's, if it is valid.
fn excerpt(check: &mut Check, r: &RawExcerpt, ids: &Ids, text: Option<&str>) -> Excerpt {
    check.refer(ids, Target::ARTICLE, "article", &r.article);
    if let Some(text) = text {
        is_the_quote(check, r, text);
    }
    if r.events.is_empty() && r.places.is_empty() && r.islands.is_empty() {
        check.error(
            "events",
            "an excerpt must support at least one event or place",
        );
    }
    check.refer_all(ids, Target::EVENT, "events", &r.events);
    check.refer_all(ids, Target::Island, "islands", &r.islands);
    check.refer_all(ids, Target::Place, "places", &r.places);
    Excerpt {
        id: r.id.clone(),
        article: r.article.clone(),
        start: r.start,
        end: r.end,
        quote: r.quote.clone(),
        events: r.events.clone(),
        islands: r.islands.clone(),
        places: r.places.clone(),
    }
}

/// Characters `start..end` of the text are the quote; if not, says where
/// the quote is, if anywhere.
fn is_the_quote(check: &mut Check, r: &RawExcerpt, text: &str) {
    let len = text.chars().count();
    if r.start >= r.end {
        check.error(
            "end",
            format!("{} must be after start ({})", r.end, r.start),
        );
    } else if r.end > len {
        check.error(
            "end",
            format!(
                "{} is past the end of the article text ({len} characters)",
                r.end
            ),
        );
    } else {
        let actual: String = text.chars().skip(r.start).take(r.end - r.start).collect();
        if actual != r.quote {
            let hint = text
                .find(&r.quote)
                .filter(|_| !r.quote.is_empty())
                .map(|b| {
                    let s = text[..b].chars().count();
                    format!(" (the quote is at {s}..{})", s + r.quote.chars().count())
                })
                .unwrap_or_else(|| " (the quote is not in the text)".to_string());
            check.error(
                "start",
                format!(
                    "characters {}..{} are {actual:?}, not the quote{hint}",
                    r.start, r.end
                ),
            );
        }
    }
}
