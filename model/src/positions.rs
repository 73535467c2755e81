//! Both governments' positions on the islands (`geodata/positions.toml`):
//! each in our own neutral words, with its arguments (`points`), the
//! sources behind each, and short verbatim statements.
//!
//! The server parses the file once ([`Positions::parse`], feature `loader`)
//! and serves it as `/api/positions` and the `/about` page; the island
//! panel shows each position's one [`Position::line`].
//!
//! Every position is also in Japanese and Russian, the project's
//! translation ([`Position::translations`], required by the loader);
//! [`Positions::in_language`] makes each language's view and
//! [`Positions::panel_line_in`] the panel's line in a catalogue's language.
//! Statements stay verbatim; their translation is into the reader's
//! language, and none when the statement is already in it.

use crate::events::{PartialDate, Source};
use crate::i18n::{Catalogue, Lang};
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// The governments whose positions the file states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Government {
    Japan,
    Russia,
}

impl Government {
    pub const ALL: [Government; 2] = [Government::Japan, Government::Russia];

    pub fn as_str(self) -> &'static str {
        match self {
            Government::Japan => "japan",
            Government::Russia => "russia",
        }
    }

    /// The country as a sentence names it.
    pub fn country(self) -> &'static str {
        match self {
            Government::Japan => "Japan",
            Government::Russia => "Russia",
        }
    }

    pub fn parse(s: &str) -> Option<Government> {
        Government::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

/// Every position, Japan's first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Positions {
    pub positions: Vec<Position>,
}

/// One government's position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Position {
    pub government: Government,
    /// The government as the page names it, e.g. "Government of Japan".
    pub name: String,
    /// A short paragraph in our words; islands by reference, `{etorofu}`.
    pub summary: String,
    /// One line for the island panel, without island names.
    pub line: String,
    pub points: Vec<PositionPoint>,
    pub statements: Vec<Statement>,
    /// The position's words in Japanese and in Russian (not served as
    /// such: [`Positions::in_language`] puts them in place).
    #[serde(skip)]
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub translations: Vec<PositionText>,
}

/// A position's words in one language other than English, field by field
/// as the English: our translation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PositionText {
    pub lang: Lang,
    pub name: String,
    pub summary: String,
    pub line: String,
    /// Each point's text, in the points' order.
    pub points: Vec<String>,
    /// Each statement's speaker and its translation into `lang` (none for
    /// a statement in `lang`), in the statements' order.
    pub statements: Vec<StatementText>,
}

/// A statement's words in one language: who said it, and what it says when
/// it is in another language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatementText {
    pub speaker: String,
    pub translation: Option<String>,
}

/// One argument of a position, in our words, with where it is stated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PositionPoint {
    pub text: String,
    pub sources: Vec<Source>,
}

/// A short verbatim statement for the position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Statement {
    /// Verbatim, at most about 60 words.
    pub quote: String,
    /// Our translation into the text's language (English as loaded), for
    /// a statement in another language.
    pub translation: Option<String>,
    /// Who said or wrote it.
    pub speaker: String,
    /// When, as precisely as the page dates it.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub said: Option<PartialDate>,
    pub source: Source,
}

impl Positions {
    pub fn of(&self, government: Government) -> Option<&Position> {
        self.positions.iter().find(|p| p.government == government)
    }

    /// The one line the island panel shows: "Japan: … · Russia: …".
    pub fn panel_line(&self) -> String {
        let parts: Vec<String> = self
            .positions
            .iter()
            .map(|p| format!("{}: {}", p.government.country(), p.line))
            .collect();
        parts.join(" · ")
    }

    /// The positions in `lang`: our words in that language, statements
    /// verbatim with their translation into `lang` (none when a statement
    /// is in `lang`). English is the data as loaded; a language the data
    /// lacks (the loader refuses that) stays English.
    pub fn in_language(&self, lang: Lang) -> Positions {
        let mut out = self.clone();
        for p in &mut out.positions {
            let Some(t) = p.translations.iter().find(|t| t.lang == lang).cloned() else {
                continue;
            };
            p.name = t.name;
            p.summary = t.summary;
            p.line = t.line;
            for (point, text) in p.points.iter_mut().zip(t.points) {
                point.text = text;
            }
            for (st, text) in p.statements.iter_mut().zip(t.statements) {
                st.speaker = text.speaker;
                st.translation = text.translation;
            }
        }
        for p in &mut out.positions {
            for st in &mut p.statements {
                if st.source.language == lang.code() {
                    st.translation = None;
                }
            }
        }
        out
    }

    /// The island panel's one line of both positions in `c`'s language,
    /// e.g. "日本：固有の領土であり… · ロシア：…" (`panel-positions-line`).
    pub fn panel_line_in(&self, c: &Catalogue) -> String {
        let view = self.in_language(c.lang());
        let line = |g: Government| view.of(g).map(|p| p.line.clone()).unwrap_or_default();
        c.format(
            "panel-positions-line",
            &[
                ("japan", line(Government::Japan).into()),
                ("russia", line(Government::Russia).into()),
            ],
        )
    }

    /// Parses and checks `text` (the file `name`); islands, groups and
    /// places named in braces must be among `known`, and no source may be on
    /// the events data's `denylist`. Every problem names
    /// its line and field.
    #[cfg(feature = "loader")]
    pub fn parse(
        name: &str,
        text: &str,
        known: &crate::events::Known,
        denylist: &crate::events::Denylist,
    ) -> Result<Positions, Vec<crate::events::DataError>> {
        crate::events::parse_positions(name, text, known, denylist)
    }
}

/// Splits `text` into plain runs and `{id}` references, in order:
/// `(text, false)` for plain text, `(id, true)` for a reference.
pub fn references(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if open > 0 {
            out.push((&rest[..open], false));
        }
        out.push((&rest[open + 1..close], true));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push((rest, false));
    }
    out
}

#[cfg(all(test, feature = "loader"))]
mod tests;
