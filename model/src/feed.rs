//! The Atom feed (RFC 4287) of the events, newest change first: what a
//! newsroom's feed reader follows. Pure: the server passes the data in the
//! reader's language, the catalogue and the origin the links start with.
//!
//! Each entry is one event: its id and link are the event's page
//! (`/events/{id}`, with `lang=` unless English), `published` the day it
//! entered the data (`added`), `updated` the day its record last changed,
//! the title and summary as plain text in the language's names convention
//! ([`NameStyle::default_for`]), and a category per island it concerns.
//! The feed's own `updated` is its latest entry's.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::events::{Dataset, Date, Event};
use crate::i18n::{Catalogue, Lang};
use crate::names::{Forms, NameStyle, Naming};
use crate::og::escape;

/// The feed's media type.
pub const ATOM: &str = "application/atom+xml; charset=utf-8";

/// What a feed is made of.
pub struct FeedSource<'a> {
    /// `http://host`, without a trailing slash: links and ids start with it.
    pub origin: &'a str,
    /// The events in the feed's language ([`Dataset::in_language`]).
    pub dataset: &'a Dataset,
    /// The words of the feed's language (`feed-…` keys, dates).
    pub catalogue: &'a Catalogue,
    /// Only this island's or group's events (a group's include its
    /// members'); the caller has checked the id ([`FeedSource::knows`]).
    pub island: Option<&'a str>,
}

/// Why an island filter was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("unknown island id `{0}`: expected an island or group id of /api/islands")]
    UnknownIsland(String),
}

impl FeedSource<'_> {
    /// The feed's events: those of its island, newest `updated` first, ties
    /// by id.
    pub fn entries(&self) -> Vec<&Event> {
        let mut events: Vec<&Event> = self
            .dataset
            .events
            .iter()
            .filter(|e| {
                self.island
                    .is_none_or(|i| self.dataset.concerns(&e.islands, i))
            })
            .collect();
        events.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
        events
    }

    /// The feed as an Atom document.
    pub fn atom(&self) -> String {
        let c = self.catalogue;
        let lang = c.lang();
        let naming = Naming::new(lang, NameStyle::default_for(lang));
        let names = &self.dataset.names;
        let entries = self.entries();
        // An island without events still has a feed: it dates from the data's latest change.
        let updated = entries
            .first()
            .map(|e| e.updated)
            .or_else(|| self.dataset.events.iter().map(|e| e.updated).max());
        let title = match self.island {
            Some(i) => c.format(
                "feed-title-island",
                &[(
                    "island",
                    naming
                        .render(&format!("{{{i}}}"), |id| names.get(id))
                        .into(),
                )],
            ),
            None => c.text("feed-title"),
        };
        let o = self.origin;
        let mut query = Vec::new();
        if let Some(i) = self.island {
            query.push(format!("island={i}"));
        }
        if lang != Lang::En {
            query.push(format!("lang={}", lang.code()));
        }
        let joined = query.join("&");
        let q = if joined.is_empty() {
            String::new()
        } else {
            format!("?{joined}")
        };
        let self_href = format!("{o}/feed.atom{q}");
        let mut out = String::new();
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        let _ = writeln!(
            out,
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
            lang.code()
        );
        let _ = writeln!(out, "<id>{}</id>", escape(&self_href));
        let _ = writeln!(out, "<title type=\"text\">{}</title>", escape(&title));
        let _ = writeln!(
            out,
            "<subtitle type=\"text\">{}</subtitle>",
            escape(&c.text("feed-subtitle"))
        );
        if let Some(d) = updated {
            let _ = writeln!(out, "<updated>{}</updated>", timestamp(d));
        }
        let _ = writeln!(
            out,
            "<author><name>{}</name><uri>{}</uri></author>",
            escape(&c.text("server-site-name")),
            escape(&format!("{o}/about"))
        );
        let _ = writeln!(
            out,
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
            escape(&self_href)
        );
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&format!("{o}/{q}"))
        );
        for event in entries {
            out.push_str(&self.entry(event, naming, names));
        }
        out.push_str("</feed>\n");
        out
    }

    fn entry(&self, e: &Event, naming: Naming, names: &BTreeMap<String, Forms>) -> String {
        let c = self.catalogue;
        let text = |value: &str, template: &Option<String>| {
            naming.text(value, template.as_deref(), |id| names.get(id))
        };
        let href = page_href(self.origin, &e.id, c.lang());
        let summary = c.format(
            "feed-summary",
            &[
                ("date", c.date_words(&e.date).into()),
                ("summary", text(&e.summary, &e.summary_template).into()),
            ],
        );
        let mut out = String::from("<entry>\n");
        let _ = writeln!(out, "<id>{}</id>", escape(&href));
        let _ = writeln!(
            out,
            "<title type=\"text\">{}</title>",
            escape(&text(&e.title, &e.title_template))
        );
        let _ = writeln!(out, "<published>{}</published>", timestamp(e.added));
        let _ = writeln!(out, "<updated>{}</updated>", timestamp(e.updated));
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&href)
        );
        let _ = writeln!(out, "<summary type=\"text\">{}</summary>", escape(&summary));
        for island in &e.islands {
            let label = naming.render(&format!("{{{island}}}"), |id| names.get(id));
            let _ = writeln!(
                out,
                "<category term=\"{}\" label=\"{}\"/>",
                escape(island),
                escape(&label)
            );
        }
        out.push_str("</entry>\n");
        out
    }
}

/// Checks an island filter against the ids the API lists (`known`).
pub fn check_island(
    island: Option<&str>,
    known: impl Fn(&str) -> bool,
) -> Result<Option<&str>, FeedError> {
    match island {
        Some(i) if !known(i) => Err(FeedError::UnknownIsland(
            i.chars().take(60).collect::<String>(),
        )),
        other => Ok(other),
    }
}

/// The address of an event's page in `lang`: `/events/{id}`, with `lang=`
/// unless English.
pub fn page_href(origin: &str, id: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{origin}/events/{id}"),
        other => format!("{origin}/events/{id}?lang={}", other.code()),
    }
}

/// A day as an RFC 3339 timestamp, at midnight UTC.
fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

#[cfg(test)]
mod tests;
