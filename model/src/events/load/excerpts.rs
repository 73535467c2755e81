//! `[[excerpts]]`: a character range of a shipped article's text that must
//! be its quote, or a short quote (at most [`MAX_QUOTE_WORDS`]) of a quoted
//! article's page, and what the quote supports.

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
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut excerpts = Vec::new();
    for file in files {
        let mut report = Report::new(&file.src, errors);
        for (i, spanned) in file.raw.excerpts.iter().enumerate() {
            let span = file.src.item(spanned.span());
            let mut check = Check::new(&mut report, span, format!("excerpts[{i}]"));
            let r = spanned.get_ref();
            let article = by_id.get(r.article.as_str()).copied();
            excerpts.push(excerpt(&mut check, r, ids, article));
        }
    }
    excerpts
}

/// The longest quote of a quoted article, in words ([`quote_words`]).
pub const MAX_QUOTE_WORDS: usize = 60;

/// A quote's length in words: its whitespace-separated words, where
/// Japanese script (written without spaces) counts one word per two
/// characters.
pub fn quote_words(quote: &str) -> usize {
    let cjk = quote.chars().filter(|&c| crate::names::is_cjk(c)).count();
    let latin = quote
        .split(|c: char| c.is_whitespace() || crate::names::is_cjk(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    latin + cjk.div_ceil(2)
}

/// `article`: the excerpt's, if it is valid.
fn excerpt(check: &mut Check, r: &RawExcerpt, ids: &Ids, article: Option<&Article>) -> Excerpt {
    check.refer(ids, Target::ARTICLE, "article", &r.article);
    match article.map(|a| (a.text.as_deref(), a.language.as_str())) {
        Some((Some(text), _)) => match (r.start, r.end) {
            (Some(start), Some(end)) => is_the_quote(check, r, text, start, end),
            _ => check.error(
                if r.start.is_none() { "start" } else { "end" },
                "an excerpt of a shipped article gives start and end (characters of its text)",
            ),
        },
        Some((None, language)) => is_a_short_quote(check, r, language),
        None => {}
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
        translation: r.translation.clone(),
        translation_template: None,
        translation_lang: r.translation.as_ref().map(|_| "en".into()),
        events: r.events.clone(),
        islands: r.islands.clone(),
        places: r.places.clone(),
    }
}

/// Characters `start..end` of the text are the quote; if not, says where
/// the quote is, if anywhere.
fn is_the_quote(check: &mut Check, r: &RawExcerpt, text: &str, start: usize, end: usize) {
    let len = text.chars().count();
    if start >= end {
        check.error("end", format!("{end} must be after start ({start})"));
    } else if end > len {
        check.error(
            "end",
            format!("{end} is past the end of the article text ({len} characters)"),
        );
    } else {
        let actual: String = text.chars().skip(start).take(end - start).collect();
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
                format!("characters {start}..{end} are {actual:?}, not the quote{hint}"),
            );
        }
    }
}

/// A quote of an article quoted by excerpts only: no character range, short,
/// and translated unless it is in English.
fn is_a_short_quote(check: &mut Check, r: &RawExcerpt, language: &str) {
    for (key, value) in [("start", r.start), ("end", r.end)] {
        if value.is_some() {
            check.error(
                key,
                "an article without text_file is quoted by excerpts only: give the quote, not a range",
            );
        }
    }
    check.non_empty("quote", &r.quote);
    let words = quote_words(&r.quote);
    if words > MAX_QUOTE_WORDS {
        check.error(
            "quote",
            format!(
                "{words} words is too long: quote at most {MAX_QUOTE_WORDS} words (Japanese: two characters a word), never whole articles"
            ),
        );
    }
    match &r.translation {
        Some(t) => check.non_empty("translation", t),
        None if language != "en" => check.error(
            "translation",
            format!("a quote in {language:?} needs our English translation"),
        ),
        None => {}
    }
}
