//! An event's page as HTML, in one language: every word from the
//! catalogue, names in the language's convention, text escaped.

use std::fmt::Write;

use model::events::{Dataset, Event, PartialDate, Source};
use model::feed::page_href;
use model::i18n::{Catalogue, Lang};
use model::names::{NameStyle, Naming};
use model::og::escape as e;
use model::permalink::{self, MapState};

use crate::page_frame::{Frame, alternates, document, localised, source};

/// The longest meta description, in characters.
const DESCRIPTION_CHARS: usize = 200;

/// How one language's pages write names and text.
struct Words<'a> {
    d: &'a Dataset,
    c: &'a Catalogue,
    naming: Naming,
}

impl Words<'_> {
    /// A record's text in the language's convention, escaped.
    fn text(&self, value: &str, template: &Option<String>) -> String {
        e(&self.plain(value, template))
    }

    fn plain(&self, value: &str, template: &Option<String>) -> String {
        self.naming
            .text(value, template.as_deref(), |id| self.d.names.get(id))
    }

    /// An island's, group's or place's name (its id if it has none), escaped.
    fn name(&self, id: &str) -> String {
        e(&self
            .d
            .names
            .get(id)
            .map_or_else(|| id.to_owned(), |f| self.naming.label(f)))
    }

    fn lang(&self) -> Lang {
        self.c.lang()
    }
}

/// The page of `d.events[at]`; links start with `origin`.
pub fn page(d: &Dataset, c: &Catalogue, at: usize, origin: &str) -> String {
    let lang = c.lang();
    let w = Words {
        d,
        c,
        naming: Naming::new(lang, NameStyle::default_for(lang)),
    };
    let ev = &d.events[at];
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>{}</h1>\n<p class=\"lede\">{}</p>",
        w.text(&ev.title, &ev.title_template),
        e(&capitalised(&c.date_in_words(&ev.date))),
    );
    body.push_str(&facts(&w, ev));
    let _ = writeln!(body, "<p>{}</p>", w.text(&ev.summary, &ev.summary_template));
    let _ = writeln!(
        body,
        "<p><a class=\"button\" href=\"{}\">{}</a></p>",
        e(&map_href(&ev.id, lang)),
        e(&c.text("event-page-open-map"))
    );
    body.push_str(&sources(&w, &ev.sources));
    body.push_str(&excerpts(&w, ev));
    body.push_str(&deployments(&w, ev));
    body.push_str(&nearby(&w, at, origin));
    body.push_str(&record(&w, ev, origin));
    let head = head(&w, ev, origin);
    document(c, &head, &body, NARROW)
}

/// An event's page, and the 404's: one column.
const NARROW: Frame = Frame {
    current: None,
    narrow: true,
    footer: "",
};

/// "on 22 November 2016" → "On 22 November 2016" (a lede on its own).
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn map_href(id: &str, lang: Lang) -> String {
    permalink::href(&MapState {
        event: Some(id.to_owned()),
        lang: Some(lang),
        ..MapState::default()
    })
}

/// Title, description, canonical and language alternates, citation tags, feed.
fn head(w: &Words, ev: &Event, origin: &str) -> String {
    let c = w.c;
    let title = w.plain(&ev.title, &ev.title_template);
    let summary = w.plain(&ev.summary, &ev.summary_template);
    let mut description = c.format(
        "event-page-description",
        &[
            ("date", c.date_words(&ev.date).into()),
            ("summary", summary.into()),
        ],
    );
    if description.chars().count() > DESCRIPTION_CHARS {
        description = description.chars().take(DESCRIPTION_CHARS - 1).collect();
        description.push('…');
    }
    let mut h = format!(
        "<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n{}",
        e(&c.format("server-page-title", &[("headline", title.as_str().into())])),
        e(&description),
        alternates(origin, &format!("/events/{}", ev.id), w.lang()),
    );
    let feed = format!("{origin}{}", localised("/feed.atom", w.lang()));
    let _ = write!(
        h,
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\" title=\"{}\">\n\
         <meta name=\"citation_title\" content=\"{}\">\n\
         <meta name=\"citation_date\" content=\"{}\">\n\
         <meta name=\"citation_publisher\" content=\"{}\">\n\
         <meta name=\"citation_language\" content=\"{}\">\n",
        e(&feed),
        e(&c.text("feed-link")),
        e(&title),
        ev.added.to_string().replace('-', "/"),
        e(&c.text("server-site-name")),
        w.lang().code(),
    );
    h
}

/// Kind, when, where, islands, confidence.
fn facts(w: &Words, ev: &Event) -> String {
    let c = w.c;
    let mut rows = vec![("event-page-kind", e(&ev.kind.label(c)))];
    // The lede says the date; a span's whole period is said here.
    if let Some(end) = ev.end {
        let span = c.format(
            "event-page-span",
            &[
                ("from", c.date_words(&ev.date).into()),
                ("until", c.date_words(&end).into()),
            ],
        );
        rows.push(("event-page-when", e(&span)));
    }
    let separator = e(&c.text("event-page-list-separator"));
    // A place that stands for a whole island is said by the islands row.
    let mut places: Vec<String> = ev
        .places
        .iter()
        .filter(|p| !w.d.is_centroid(p))
        .map(|p| w.name(p))
        .collect();
    if let Some(location) = &ev.location {
        places.push(w.text(location, &ev.location_template));
    }
    if !places.is_empty() {
        rows.push(("event-page-where", places.join(&separator)));
    }
    if !ev.islands.is_empty() {
        let islands: Vec<String> = ev.islands.iter().map(|i| w.name(i)).collect();
        rows.push(("event-page-islands", islands.join(&separator)));
    }
    let mut confidence = e(&ev.confidence.label(c));
    if let Some(note) = &ev.confidence_note {
        let _ = write!(
            confidence,
            ": {}",
            w.text(note, &ev.confidence_note_template)
        );
    }
    rows.push(("event-page-confidence", confidence));
    let mut out = String::from("<dl class=\"terms\">\n");
    for (key, value) in rows {
        let _ = writeln!(out, "<dt>{}</dt><dd>{value}</dd>", e(&c.text(key)));
    }
    out.push_str("</dl>\n");
    out
}

fn sources(w: &Words, list: &[Source]) -> String {
    let c = w.c;
    let mut out = format!(
        "<h2>{}</h2>\n<ul class=\"source-list\">\n",
        e(&c.text("event-page-sources"))
    );
    for src in list {
        let (link, about) = source(c, src);
        let _ = writeln!(out, "<li>{link} <span class=\"cite\">({about})</span></li>");
    }
    out.push_str("</ul>\n");
    out
}

/// The quotes that report the event, each with its translation into the
/// page's language where it is in another, and where it is from.
fn excerpts(w: &Words, ev: &Event) -> String {
    let c = w.c;
    let quotes: Vec<_> =
        w.d.excerpts
            .iter()
            .filter(|x| x.events.contains(&ev.id) || ev.excerpts.contains(&x.id))
            .collect();
    if quotes.is_empty() {
        return String::new();
    }
    let mut out = format!("<h2>{}</h2>\n", e(&c.text("event-page-excerpts")));
    for x in quotes {
        let Some(article) = w.d.article(&x.article) else {
            continue;
        };
        let _ = writeln!(
            out,
            "<blockquote>\n<p lang=\"{}\">“{}”</p>",
            e(&article.language),
            e(&x.quote)
        );
        if let (Some(t), true) = (&x.translation, article.language != w.lang().code()) {
            let template = x.translation_template.as_deref();
            let text = w.naming.text(t, template, |id| w.d.names.get(id));
            let _ = writeln!(
                out,
                "<p class=\"translation\">{}</p>",
                e(&c.format("event-page-translation", &[("text", text.into())]))
            );
        }
        let from = match &article.url {
            Some(url) => format!(
                "<a href=\"{}\" rel=\"noopener\"><span lang=\"{}\">{}</span></a>",
                e(url),
                e(&article.language),
                e(&article.title)
            ),
            None => format!(
                "<span lang=\"{}\">{}</span>",
                e(&article.language),
                e(&article.title)
            ),
        };
        let source = format!("{from}, {}", e(&article.outlet));
        // The catalogue's pattern around markup: split at the placeholder.
        let pattern = c.format("event-page-quoted-from", &[("source", "\u{1}".into())]);
        let (before, after) = pattern.split_once('\u{1}').unwrap_or((&pattern, ""));
        let _ = writeln!(
            out,
            "<p class=\"cite\">{}{source}{}</p>\n</blockquote>",
            e(before),
            e(after)
        );
    }
    out
}

/// The deployment changes this event establishes.
fn deployments(w: &Words, ev: &Event) -> String {
    let c = w.c;
    let mut items = String::new();
    for dep in &w.d.deployments {
        for change in dep.changes.iter().filter(|ch| ch.events.contains(&ev.id)) {
            let line = c.format(
                "event-page-deployment",
                &[
                    ("unit", w.plain(&dep.unit, &dep.unit_template).into()),
                    ("island", plain_name(w, &dep.island).into()),
                    ("status", change.status.label(c).into()),
                ],
            );
            let href = permalink::href(&MapState {
                deployment: Some(dep.id.clone()),
                lang: Some(w.lang()),
                ..MapState::default()
            });
            let _ = writeln!(
                items,
                "<li><a href=\"{}\">{}</a> <span class=\"cite\">({})</span></li>",
                e(&href),
                e(&line),
                e(&c.date_words(&change.date))
            );
        }
    }
    if items.is_empty() {
        return items;
    }
    format!(
        "<h2>{}</h2>\n<ul>\n{items}</ul>\n",
        e(&c.text("event-page-deployments"))
    )
}

fn plain_name(w: &Words, id: &str) -> String {
    w.d.names
        .get(id)
        .map_or_else(|| id.to_owned(), |f| w.naming.label(f))
}

/// Links to the events before and after this one in time.
fn nearby(w: &Words, at: usize, origin: &str) -> String {
    let c = w.c;
    let events = &w.d.events;
    let mut links = String::new();
    let neighbours = [
        (at.checked_sub(1), "event-page-previous", "prev"),
        (
            Some(at + 1).filter(|&n| n < events.len()),
            "event-page-next",
            "next",
        ),
    ];
    for (index, key, rel) in neighbours {
        if let Some(other) = index.and_then(|i| events.get(i)) {
            let title = w.plain(&other.title, &other.title_template);
            let _ = write!(
                links,
                "<li><a rel=\"{rel}\" href=\"{}\">{}</a></li>",
                e(&page_href(origin, &other.id, w.lang())),
                e(&c.format(key, &[("title", title.into())]))
            );
        }
    }
    if links.is_empty() {
        return String::new();
    }
    format!(
        "<nav class=\"nearby\" aria-label=\"{}\"><ul>{links}</ul></nav>\n",
        e(&c.text("event-page-nearby"))
    )
}

/// When the record entered the data and last changed; the feed and JSON.
fn record(w: &Words, ev: &Event, origin: &str) -> String {
    let c = w.c;
    let day = |d| c.date_words(&PartialDate::day(d));
    let json = format!(
        "{origin}{}",
        localised(&format!("/api/events/{}", ev.id), w.lang())
    );
    let feed = format!("{origin}{}", localised("/feed.atom", w.lang()));
    format!(
        "<footer class=\"record\"><p>{}</p><p><a href=\"{}\" type=\"application/atom+xml\">{}</a> · <a href=\"{}\" type=\"application/json\">{}</a></p></footer>\n",
        e(&c.format(
            "event-page-record",
            &[
                ("added", day(ev.added).into()),
                ("updated", day(ev.updated).into())
            ]
        )),
        e(&feed),
        e(&c.text("event-page-feed")),
        e(&json),
        e(&c.text("event-page-json")),
    )
}

/// The page for an id the data does not have.
pub fn not_found(c: &Catalogue, id: &str) -> String {
    let title = c.text("event-page-not-found-title");
    let shown: String = id.chars().take(80).collect();
    let head = format!(
        "<title>{}</title>\n<meta name=\"robots\" content=\"noindex\">\n",
        e(&c.format("server-page-title", &[("headline", title.as_str().into())]))
    );
    let map = permalink::href(&MapState {
        lang: Some(c.lang()),
        ..MapState::default()
    });
    let body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"{}\">{}</a></p>\n",
        e(&title),
        e(&c.format("event-page-not-found", &[("id", shown.into())])),
        e(&map),
        e(&c.text("event-page-not-found-map")),
    );
    document(c, &head, &body, NARROW)
}
