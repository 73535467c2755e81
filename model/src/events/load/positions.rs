//! `geodata/positions.toml`: both governments' positions, strictly parsed
//! and checked, every problem on its line and field.

use serde::Deserialize;
use toml::Spanned;

use super::denylist::Denylist;
use super::fields::{Check, text_problems};
use super::known::Known;
use super::raw::{RawSource, syntax_error};
use super::report::{DataError, Report};
use super::source::SourceFile;
use crate::events::types::Source;
use crate::i18n::Lang;
use crate::positions::{
    Government, Position, PositionPoint, PositionText, Positions, Statement, StatementText,
    references,
};

/// Longest statement, in words (or, for text without spaces, characters / 2).
const MAX_QUOTE_WORDS: usize = 70;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPositions {
    positions: Vec<Spanned<RawPosition>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPosition {
    government: String,
    name: String,
    summary: String,
    line: String,
    #[serde(default)]
    points: Vec<Spanned<RawPoint>>,
    #[serde(default)]
    statements: Vec<Spanned<RawStatement>>,
    ja: Option<Spanned<RawPositionText>>,
    ru: Option<Spanned<RawPositionText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    text: String,
    #[serde(default)]
    sources: Vec<Spanned<RawSource>>,
    ja: Option<Spanned<RawPointText>>,
    ru: Option<Spanned<RawPointText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatement {
    quote: String,
    translation: Option<String>,
    speaker: String,
    said: Option<String>,
    source: Spanned<RawSource>,
    ja: Option<Spanned<RawStatementText>>,
    ru: Option<Spanned<RawStatementText>>,
}

// A position's words in Japanese or Russian (`[positions.ja]`,
// `[positions.points.ja]`, `[positions.statements.ja]`): the project's
// translation of the English fields of the same name.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPositionText {
    name: String,
    summary: String,
    line: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPointText {
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatementText {
    speaker: String,
    /// Into this language; none for a statement already in it.
    translation: Option<String>,
}

/// Parses and checks the positions file `name`.
pub fn parse(
    name: &str,
    text: &str,
    known: &Known,
    denylist: &Denylist,
) -> Result<Positions, Vec<DataError>> {
    let src = SourceFile::new(name, text);
    let raw: RawPositions = toml::from_str(text).map_err(|e| vec![syntax_error(&src, &e)])?;
    let mut errors = Vec::new();
    let mut report = Report::new(&src, &mut errors);
    let mut positions = Vec::new();
    for (i, spanned) in raw.positions.iter().enumerate() {
        let span = src.item(spanned.span());
        let mut check = Check::new(&mut report, span, format!("positions[{i}]"));
        positions.extend(position(&mut check, spanned.get_ref(), known, denylist));
    }
    for government in Government::ALL {
        let count = raw
            .positions
            .iter()
            .filter(|p| p.get_ref().government == government.as_str())
            .count();
        if count != 1 {
            let message = format!(
                "{:?} is stated {count} times, not once",
                government.as_str()
            );
            report.at(1, "positions", message);
        }
    }
    if errors.is_empty() {
        positions.sort_by_key(|p| p.government);
        Ok(Positions { positions })
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

fn position(
    check: &mut Check,
    r: &RawPosition,
    known: &Known,
    denylist: &Denylist,
) -> Option<Position> {
    let government = Government::parse(&r.government);
    if government.is_none() {
        check.error(
            "government",
            format!("{:?} is not one of: japan, russia", r.government),
        );
    }
    check.non_empty("name", &r.name);
    check.non_empty("summary", &r.summary);
    check.non_empty("line", &r.line);
    named(check, "summary", &r.summary, known);
    if r.line.contains(['{', '}']) {
        check.error("line", "the panel's line names no island");
    }
    if r.points.is_empty() {
        check.error("points", "a position needs at least one point");
    }
    if r.statements.is_empty() {
        check.error("statements", "a position needs at least one statement");
    }
    let path = check.path().to_owned();
    let mut points = Vec::new();
    for (j, p) in r.points.iter().enumerate() {
        let mut part = check.part(p.span(), format!("{path}.points[{j}]"));
        let raw = p.get_ref();
        part.non_empty("text", &raw.text);
        named(&mut part, "text", &raw.text, known);
        let sources = part.sources(&raw.sources, true);
        weighed(&mut part, &raw.sources, &sources, denylist);
        points.push(PositionPoint {
            text: raw.text.clone(),
            sources,
        });
    }
    let mut statements = Vec::new();
    for (j, s) in r.statements.iter().enumerate() {
        let mut part = check.part(s.span(), format!("{path}.statements[{j}]"));
        statements.extend(statement(&mut part, s.get_ref(), denylist));
    }
    let translations = [Lang::Ja, Lang::Ru]
        .into_iter()
        .filter_map(|lang| translation(check, r, lang, known))
        .collect();
    Some(Position {
        government: government?,
        name: r.name.clone(),
        summary: r.summary.clone(),
        line: r.line.clone(),
        points,
        statements,
        translations,
    })
}

/// The position's words in `lang`, checked like the English (nothing
/// empty, only known `{id}`, no disputed name spelt out, a line naming no
/// island); every part of it without them is refused by line and field.
fn translation(
    check: &mut Check,
    r: &RawPosition,
    lang: Lang,
    known: &Known,
) -> Option<PositionText> {
    let code = lang.code();
    let path = check.path().to_owned();
    let Some(own) = pick(lang, &r.ja, &r.ru) else {
        check.error(code, format!("no {code} text"));
        return None;
    };
    let mut here = check.part(own.span(), path.clone());
    let own = own.get_ref();
    for (field, text) in [
        ("name", &own.name),
        ("summary", &own.summary),
        ("line", &own.line),
    ] {
        translated(&mut here, &format!("{code}.{field}"), text, known);
    }
    if own.line.contains(['{', '}']) {
        here.error(&format!("{code}.line"), "the panel's line names no island");
    }
    let mut points = Vec::new();
    for (j, p) in r.points.iter().enumerate() {
        let at = format!("{path}.points[{j}]");
        match pick(lang, &p.get_ref().ja, &p.get_ref().ru) {
            Some(t) => {
                let mut part = check.part(t.span(), at);
                translated(&mut part, &format!("{code}.text"), &t.get_ref().text, known);
                points.push(t.get_ref().text.clone());
            }
            None => check
                .part(p.span(), at)
                .error(code, format!("no {code} text")),
        }
    }
    let mut statements = Vec::new();
    for (j, s) in r.statements.iter().enumerate() {
        let at = format!("{path}.statements[{j}]");
        let raw = s.get_ref();
        let Some(t) = pick(lang, &raw.ja, &raw.ru) else {
            check
                .part(s.span(), at)
                .error(code, format!("no {code} text"));
            continue;
        };
        let mut part = check.part(t.span(), at);
        let t = t.get_ref();
        translated(&mut part, &format!("{code}.speaker"), &t.speaker, known);
        let key = format!("{code}.translation");
        match (&t.translation, raw.source.get_ref().language == code) {
            (None, false) => part.error(&key, format!("missing: the statement is not in {code}")),
            (Some(_), true) => part.error(&key, format!("a statement in {code} needs none")),
            (Some(text), false) => translated(&mut part, &key, text, known),
            (None, true) => {}
        }
        statements.push(StatementText {
            speaker: t.speaker.clone(),
            translation: t.translation.clone(),
        });
    }
    let complete = points.len() == r.points.len() && statements.len() == r.statements.len();
    complete.then(|| PositionText {
        lang,
        name: own.name.clone(),
        summary: own.summary.clone(),
        line: own.line.clone(),
        points,
        statements,
    })
}

/// The `ja` or the `ru` of a record.
fn pick<T>(lang: Lang, ja: T, ru: T) -> T {
    if lang == Lang::Ja { ja } else { ru }
}

/// Translated text (`key`): not empty, and named as the English must be.
fn translated(check: &mut Check, key: &str, text: &str, known: &Known) {
    check.non_empty(key, text);
    for problem in text_problems(known, text) {
        check.error(key, problem);
    }
}

fn statement(check: &mut Check, r: &RawStatement, denylist: &Denylist) -> Option<Statement> {
    check.non_empty("quote", &r.quote);
    check.non_empty("speaker", &r.speaker);
    let words = r.quote.split_whitespace().count();
    // Text without spaces (Japanese) counts two characters a word.
    let size = if words > 1 {
        words
    } else {
        r.quote.chars().count() / 2
    };
    if size > MAX_QUOTE_WORDS {
        check.error(
            "quote",
            format!("longer than {MAX_QUOTE_WORDS} words: quote less"),
        );
    }
    let said = r.said.as_deref().and_then(|d| check.date("said", d));
    let raw = std::slice::from_ref(&r.source);
    let source = check.sources(raw, true).pop();
    weighed(check, raw, source.as_slice(), denylist);
    let source = source?;
    match (&r.translation, source.language == "en") {
        (None, false) => check.error("translation", "missing: the statement is not in English"),
        (Some(_), true) => check.error("translation", "an English statement needs none"),
        (Some(t), false) => check.non_empty("translation", t),
        (None, true) => {}
    }
    Some(Statement {
        quote: r.quote.clone(),
        translation: r.translation.clone(),
        speaker: r.speaker.clone(),
        said,
        source,
    })
}

/// Every source has a kind and an allowed host; at least one is a primary
/// or professional publisher (not a blog, an encyclopedia or a mirror).
fn weighed(check: &mut Check, raw: &[Spanned<RawSource>], sources: &[Source], denylist: &Denylist) {
    let path = check.path().to_owned();
    for (j, s) in raw.iter().enumerate() {
        let mut part = check.part(s.span(), format!("{path}.sources[{j}]"));
        if s.get_ref().kind.is_none() {
            part.error("kind", "missing: what kind of publisher is it?");
        }
        if let Some((domain, reason)) = denylist.denying(&s.get_ref().url) {
            part.error(
                "url",
                format!("{domain} is on the denylist ({reason}); cite the original outlet"),
            );
        }
    }
    let strong = sources.iter().any(|s| s.kind.is_strong());
    if !sources.is_empty() && !strong {
        check.error(
            "sources",
            "needs an official, intergovernmental, wire, newspaper, broadcaster or research source",
        );
    }
}

/// Islands, groups and places named in braces in `key` must be known; a
/// brace left open is a typo.
fn named(check: &mut Check, key: &str, text: &str, known: &Known) {
    if text.matches('{').count() != text.matches('}').count() {
        check.error(key, "a brace is not closed: name islands as {id}");
    }
    for (id, is_ref) in references(text) {
        if is_ref && !known.islands.contains(id) && !known.places.contains_key(id) {
            check.error(key, format!("{{{id}}} is not an island, group or place id"));
        }
    }
}
