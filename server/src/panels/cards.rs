//! An event's card and a deployment's card: the same DOM as the app's
//! `EventCard` and `DeploymentCardPanel` drew, every word from the
//! catalogue, record text in the link's names convention. The list of
//! changes while comparing (`changes.rs`) draws each change as the
//! deployment card does ([`change`]).

use super::html::Ctx;
use model::api::DeploymentDetail;
use model::events::{Event, HistoryEntry, PartialDate, Period};
use model::i18n::Lang;
use model::names::place_label_in;
use model::og::escape;

/// The card of `event=id`, over whatever panel is open below it (closing
/// it returns there).
pub fn event_card(ctx: &Ctx, id: &str) -> String {
    let close = ctx.href(|s| s.event = None);
    let Some(e) = ctx.data.event(id) else {
        return ctx.unknown("panel-unknown-event", id, &close);
    };
    let lang = ctx.record_lang(&e.text_lang);
    format!(
        "<aside class=\"panel event-card\" id=\"panel\" aria-labelledby=\"event-title\" data-key=\"event {key}\">\
         {close}\
         <p class=\"when\">{kind} · {date}</p>\
         <h2 id=\"event-title\" tabindex=\"-1\"{lang}>{title}</h2>\
         <p{lang}>{summary}</p>\
         {translation}{location}{confidence}\
         <p class=\"event-page\"><a href=\"{page}\">{page_link}</a></p>\
         {sources}{quotes}\
         </aside>",
        key = escape(&e.id),
        close = ctx.close_button("panel-close-event", &close),
        kind = escape(&e.kind.label(ctx.c)),
        date = ctx.date_label(&e.date),
        title = ctx.named(&e.title, &e.title_template),
        summary = ctx.named(&e.summary, &e.summary_template),
        translation = ctx.translation_note(&e.text_lang),
        location = location(ctx, e),
        confidence = event_confidence(ctx, e),
        page = event_page(ctx, &e.id),
        page_link = ctx.t("event-page-link"),
        sources = ctx.sources(&e.sources),
        quotes = excerpts(ctx, &e.excerpts, true),
    )
}

/// "Where: Tokyo", for an event off the map; nothing without a location.
fn location(ctx: &Ctx, e: &Event) -> String {
    let Some(place) = &e.location else {
        return String::new();
    };
    format!(
        "<p class=\"location\">{}<span{}>{}</span></p>",
        ctx.tf("panel-where", &[("place", "".into())]),
        ctx.record_lang(&e.text_lang),
        ctx.named(place, &e.location_template),
    )
}

/// "Confidence: medium — why", the note in the record's language.
fn event_confidence(ctx: &Ctx, e: &Event) -> String {
    let level = e.confidence.label(ctx.c);
    let note = e
        .confidence_note
        .as_ref()
        .map(|n| {
            format!(
                " — <span{}>{}</span>",
                ctx.record_lang(&e.text_lang),
                ctx.named(n, &e.confidence_note_template)
            )
        })
        .unwrap_or_default();
    format!(
        "<p class=\"confidence\">{}{note}</p>",
        ctx.tf("panel-confidence", &[("level", level.into())])
    )
}

/// The event's own page, drawn by the server (readable without the app),
/// in the link's language. Escaped.
fn event_page(ctx: &Ctx, id: &str) -> String {
    let id = escape(id);
    match ctx.lang {
        Lang::En => format!("/events/{id}"),
        lang => format!("/events/{id}?lang={}", lang.code()),
    }
}

/// Quotes of `ids`, each with the link that opens it in the reader; the
/// event card puts "Quotes" over them when there are any (`heading`).
fn excerpts(ctx: &Ctx, ids: &[String], heading: bool) -> String {
    let items: String = ids
        .iter()
        .map(|x| {
            format!(
                "<li>{}{}</li>",
                ctx.excerpt_quote(x),
                ctx.read_in_article(x)
            )
        })
        .collect();
    let title = match heading && !ids.is_empty() {
        true => format!("<h3>{}</h3>", ctx.t("panel-quotes")),
        false => String::new(),
    };
    format!("{title}<ul class=\"excerpts\">{items}</ul>")
}

/// The card of `deployment=id`: what, where, when, its status over time
/// with the evidence of each change, its confidence, and the way to its
/// island's whole story.
pub fn deployment_card(ctx: &Ctx, id: &str) -> String {
    let close = ctx.href(|s| s.deployment = None);
    let Some(card) = DeploymentDetail::of(id, ctx.data) else {
        return ctx.unknown("card-unknown", id, &close);
    };
    let d = &card.deployment;
    let island = island_name(ctx, &d.island);
    let lang = ctx.record_lang(&d.text_lang);
    // The category, and the weapon system when the record names one.
    let category = d.category.label(ctx.c);
    let what = match &d.system {
        Some(system) => format!("{category} · {system}"),
        None => category,
    };
    let note = d
        .confidence_note
        .as_ref()
        .map(|n| {
            let note = ctx.named(n, &d.confidence_note_template);
            format!(" — <span{lang}>{note}</span>")
        })
        .unwrap_or_default();
    let changes: String = card.history.iter().map(|h| change(ctx, h)).collect();
    let story = ctx.href(|s| s.open_island(Some(d.island.clone())));
    format!(
        "<aside class=\"panel deployment-card\" id=\"panel\" aria-labelledby=\"deployment-title\" data-key=\"deployment {key}\">\
         {close}\
         <p class=\"when\"><span class=\"badge {class}\" aria-hidden=\"true\">{letter}</span> {what}</p>\
         <h2 id=\"deployment-title\" tabindex=\"-1\"{lang}>{unit}</h2>\
         <p{lang}>{summary}</p>\
         {translation}\
         <dl class=\"names\">\
         <dt>{where_term}</dt><dd>{place}</dd>\
         <dt>{when_term}</dt><dd>{period}</dd>\
         <dt>{confidence_term}</dt><dd>{confidence}{note}</dd>\
         </dl>\
         <h3>{over_time}</h3>\
         <ol class=\"history\">{changes}</ol>\
         <button type=\"button\" class=\"link\" data-href=\"{story}\">{whole_story}</button>\
         </aside>",
        key = escape(&d.id),
        close = ctx.close_button("card-close", &close),
        class = d.category.class(),
        letter = d.category.letter(),
        what = escape(&what),
        unit = ctx.named(&d.unit, &d.unit_template),
        summary = ctx.named(&d.summary, &d.summary_template),
        translation = ctx.translation_note(&d.text_lang),
        where_term = ctx.t("card-where"),
        place = escape(&site(ctx, d.place.as_deref(), &island)),
        when_term = ctx.t("card-when"),
        period = escape(&period_words(ctx, &d.period)),
        confidence_term = ctx.t("card-confidence"),
        confidence = escape(&d.confidence.label(ctx.c)),
        over_time = ctx.t("card-status-over-time"),
        whole_story = ctx.tf("card-whole-story", &[("island", island.as_str().into())]),
    )
}

/// The class of a category's symbol colour in `assets/style.css` (the
/// map's symbols, drawn by the app, use the same classes).
/// An island's or group's name in the link's convention; its id if the
/// data has no such island. Not escaped.
pub(super) fn island_name(ctx: &Ctx, id: &str) -> String {
    ctx.islands
        .find(id)
        .map_or_else(|| id.to_owned(), |i| ctx.naming.label(&i.forms()))
}

/// Where a deployment is: its place and island when the sources publish
/// the site (an island's centroid stands for an unpublished one), else the
/// island with "the exact site is not published". Not escaped.
fn site(ctx: &Ctx, place: Option<&str>, island: &str) -> String {
    let published = place
        .and_then(|p| ctx.marks.find_place(p))
        .filter(|p| !p.centroid);
    match published {
        Some(mark) => {
            let separator = if ctx.lang == Lang::Ja { "、" } else { ", " };
            format!("{}{separator}{island}", place_label_in(mark, ctx.naming))
        }
        None => ctx
            .c
            .format("card-site-unpublished", &[("island", island.into())]),
    }
}

/// A date as a label, not escaped (for a message's placeable; see
/// [`Ctx::date_label`]).
fn date_text(ctx: &Ctx, date: &PartialDate) -> String {
    match date.by {
        true => ctx.c.date_in_words(date),
        false => ctx.c.date_words(date),
    }
}

/// A period as precisely as the data gives it: "since November 2016",
/// "1978 – 1993", "there by December 2020". Not escaped.
fn period_words(ctx: &Ctx, period: &Period) -> String {
    let from = date_text(ctx, &period.from);
    match &period.until {
        None if period.from.by => ctx.c.format("card-there-by", &[("from", from.into())]),
        None => ctx.c.format("card-since", &[("from", from.into())]),
        Some(until) => ctx.c.format(
            "card-range",
            &[
                ("from", from.into()),
                ("until", date_text(ctx, until).into()),
            ],
        ),
    }
}

/// One change of a deployment: when, the status it brought, its note, and
/// its evidence: the events (each opening its card over this panel), the
/// sources and the quotes.
pub(super) fn change(ctx: &Ctx, h: &HistoryEntry) -> String {
    let note = h
        .note
        .as_ref()
        .map(|n| format!("<p class=\"note\">{}</p>", ctx.named(n, &h.note_template)))
        .unwrap_or_default();
    let events: String = h
        .events
        .iter()
        .map(|e| {
            format!(
                "<li><a class=\"link\" href=\"{}\" data-nav>{} · {}</a></li>",
                ctx.href(|s| s.open_event(e.id.clone())),
                ctx.date_label(&e.date),
                ctx.named(&e.title, &e.title_template),
            )
        })
        .collect();
    let quotes: Vec<String> = h.excerpts.iter().map(|x| x.id.clone()).collect();
    format!(
        "<li class=\"history-entry\">\
         <p class=\"when\"><strong>{date}</strong> · {status}</p>\
         {note}\
         <ul class=\"evidence\" aria-label=\"{events_label}\">{events}</ul>\
         {sources}{quotes}\
         </li>",
        date = ctx.date_label(&h.date),
        status = escape(&h.status.label(ctx.c)),
        events_label = ctx.t("card-events"),
        sources = ctx.sources(&h.sources),
        quotes = excerpts(ctx, &quotes, false),
    )
}
