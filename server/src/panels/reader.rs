//! The article reader: the text with its excerpts marked (a quoted
//! article: its quotes), the chosen excerpt's notes, and every source's
//! quotes with their filters.
//!
//! The DOM is the one the app's Leptos reader drew (`style.css` and the
//! browser tests rely on it): an excerpt is a `<mark role="button">` in the
//! running text, its notes right after it; what a click did is now the
//! contract of `panels/mod.rs` (`data-href`, `data-fit`, `data-scroll`,
//! `data-filter`).
//!
//! Beyond the contract, the reader needs of the host: an excerpt is a
//! `<mark role="button" tabindex="0" data-href>`, so Enter and Space on a
//! focused `[data-href]` that is not a `<button>` activate it as a click
//! does; its two filters combine (an item is shown when every filter shows
//! it); and the quote count, `<p role="status" data-count="KEY">`, is
//! reworded after a filter changes with the catalogue's `KEY` and `count` =
//! the `[data-counted]` items left shown.

mod quotes;

use super::html::Ctx;
use model::decimal::trimmed;
use model::events::{Article, ArticleView, Date, ExcerptView};
use model::og::escape;

/// The reader of `article`, at `excerpt` (1-based) when chosen; `None` for
/// an article the data does not have.
pub fn reader(ctx: &Ctx, article: &str, excerpt: Option<u32>) -> Option<String> {
    let view = ctx.data.article_view(article)?;
    let close = ctx.href(|s| {
        s.article = None;
        s.excerpt = None;
    });
    Some(format!(
        "<aside class=\"reader\" aria-label=\"{}\" data-key=\"reader {}\">{}{}{}</aside>",
        ctx.t("reader-label"),
        escape(&view.article.id),
        ctx.close_button("reader-close", &close),
        article_view(ctx, &view, excerpt),
        quotes::quote_list(ctx),
    ))
}

/// The article: title, byline with its source page, provenance, the hint,
/// and the text with its excerpts marked (the chosen one followed by its
/// notes).
fn article_view(ctx: &Ctx, view: &ArticleView, selected: Option<u32>) -> String {
    let a = &view.article;
    let lang = escape(&a.language);
    let source = a
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(|u| {
            format!(
                "<a href=\"{}\" rel=\"noopener\" target=\"_blank\">{}</a>",
                escape(u),
                ctx.t("reader-source-page")
            )
        })
        .unwrap_or_default();
    let provenance = a
        .provenance
        .as_deref()
        .map(|p| format!("<p class=\"provenance\">{}</p>", escape(p)))
        .unwrap_or_default();
    let text: String = segments(view)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => format!("<span>{}</span>", escape_text(&text)),
            Segment::Excerpt { number, text } => {
                excerpt_mark(ctx, view, number, &text, selected == Some(number))
            }
        })
        .collect();
    let quotes = if a.text.is_none() { " quotes" } else { "" };
    format!(
        "<article><h2 lang=\"{lang}\" tabindex=\"-1\">{}</h2>\
         <p class=\"byline\">{} {source}</p>{provenance}\
         <p class=\"hint\">{}</p>\
         <div class=\"article-text{quotes}\" lang=\"{lang}\">{text}</div></article>",
        escape(&a.title),
        byline(ctx, a),
        ctx.t("reader-hint"),
    )
}

/// Plain text and marked excerpts, in reading order.
enum Segment {
    Text(String),
    Excerpt { number: u32, text: String },
}

/// Cuts the text at the excerpts' character ranges; overlapping or invalid
/// ranges are skipped (the loader validates them, this only guards). A
/// quoted article (no text) is its quotes, one after another.
fn segments(view: &ArticleView) -> Vec<Segment> {
    let Some(text) = &view.article.text else {
        return (view.excerpts.iter().zip(1..))
            .map(|(e, number)| Segment::Excerpt {
                number,
                text: e.excerpt.quote.clone(),
            })
            .collect();
    };
    let chars: Vec<char> = text.chars().collect();
    let mut marks: Vec<(usize, usize, u32)> = (view.excerpts.iter().zip(1..))
        .filter_map(|(e, i)| Some((e.excerpt.start?, e.excerpt.end?, i)))
        .collect();
    marks.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, number) in marks {
        if start < at || end > chars.len() || start >= end {
            continue;
        }
        out.push(Segment::Text(chars[at..start].iter().collect()));
        out.push(Segment::Excerpt {
            number,
            text: chars[start..end].iter().collect(),
        });
        at = end;
    }
    out.push(Segment::Text(chars[at..].iter().collect()));
    out
}

/// An excerpt in the text: a `<mark>` acting as a button (it stays inline
/// in the running text) that chooses it: `excerpt=n`, the map's date moved
/// to what it reports and the map fitted to its places. The chosen one is
/// pressed, scrolled to, and followed by its notes.
fn excerpt_mark(ctx: &Ctx, view: &ArticleView, number: u32, text: &str, chosen: bool) -> String {
    let Some(e) = number
        .checked_sub(1)
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| view.excerpts.get(i))
    else {
        return String::new();
    };
    let date = excerpt_date(e).or(view.article.published.map(|p| p.last_day()));
    let href = ctx.href(|s| {
        s.excerpt = Some(number);
        if date.is_some() {
            s.date = date;
        }
    });
    let points = excerpt_points(ctx, e);
    let fit = if points.is_empty() {
        String::new()
    } else {
        let points: Vec<String> = points
            .iter()
            .map(|[lon, lat]| format!("{},{}", trimmed(*lon, 5), trimmed(*lat, 5)))
            .collect();
        format!(" data-fit=\"{}\"", points.join(" "))
    };
    let (class, extra) = match chosen {
        true => (" selected", " data-scroll"),
        false => ("", ""),
    };
    let notes = match chosen {
        true => excerpt_notes(ctx, view, e, number),
        false => String::new(),
    };
    format!(
        "<mark id=\"excerpt-{number}\" class=\"excerpt{class}\" tabindex=\"0\" role=\"button\" \
         aria-pressed=\"{chosen}\" data-href=\"{href}\"{fit}{extra}>{}</mark>{notes}",
        escape_text(text)
    )
}

/// Map points for an excerpt: its places, then its islands' centroids (an
/// islet's: its group's).
fn excerpt_points(ctx: &Ctx, e: &ExcerptView) -> Vec<[f64; 2]> {
    let islands = e
        .excerpt
        .islands
        .iter()
        .map(|i| format!("{}-centroid", ctx.islands.story_of(i)));
    e.excerpt
        .places
        .iter()
        .cloned()
        .chain(islands)
        .filter_map(|id| ctx.marks.find_place(&id).map(|p| p.at))
        .collect()
}

/// The latest day of the excerpt's events, so what they established is on the map.
fn excerpt_date(e: &ExcerptView) -> Option<Date> {
    e.events.iter().map(|r| r.date.last_day()).max()
}

/// The notes on excerpt `n` (1-based): the passage they are about, its
/// translation, its annotations with sources, and the events it reports
/// (each opens its card).
fn excerpt_notes(ctx: &Ctx, view: &ArticleView, e: &ExcerptView, n: u32) -> String {
    let annotations: String = e
        .annotations
        .iter()
        .map(|a| {
            format!(
                "<div class=\"annotation {}\"><p><strong>{}: </strong><span{}>{}</span></p>{}{}</div>",
                escape(a.kind.as_str()),
                escape(&a.kind.label(ctx.c)),
                ctx.record_lang(&a.text_lang),
                ctx.named(&a.note, &a.note_template),
                ctx.translation_note(&a.text_lang),
                ctx.sources(&a.sources),
            )
        })
        .collect();
    let events: String = e
        .events
        .iter()
        .map(|r| {
            let href = ctx.href(|s| s.event = Some(r.id.clone()));
            format!(
                "<li><button type=\"button\" class=\"link\" data-href=\"{href}\">{} · {}</button></li>",
                ctx.date_label(&r.date),
                ctx.named(&r.title, &r.title_template),
            )
        })
        .collect();
    let x = &e.excerpt;
    format!(
        "<section class=\"excerpt-notes\" lang=\"{}\" aria-labelledby=\"notes-{n}\">\
         <h3 id=\"notes-{n}\">{}</h3>{}{annotations}<h4>{}</h4><ul>{events}</ul></section>",
        ctx.lang.code(),
        ctx.tf(
            "reader-notes-title",
            &[("n", n.into()), ("total", view.excerpts.len().into())]
        ),
        ctx.quote(x, &view.article.language),
        ctx.t("reader-linked-events"),
    )
}

/// "Outlet · kind · date", escaped.
fn byline(ctx: &Ctx, a: &Article) -> String {
    let mut s = escape(&a.outlet);
    if let Some(kind) = a.kind {
        s = format!("{s} · {}", escape(&kind.label(ctx.c)));
    }
    if let Some(published) = &a.published {
        s = format!("{s} · {}", ctx.date_label(published));
    }
    s
}

/// Text escaped for HTML with its line breaks kept (the article's text is
/// shown with `white-space: pre-wrap`; `escape` drops control characters).
fn escape_text(text: &str) -> String {
    text.split('\n').map(escape).collect::<Vec<_>>().join("\n")
}
