//! An island's story in its panel: the periods `model::story` builds, as
//! `<details>` with counts (the one holding the map's date open, and the one
//! holding the record the panel was left for), the map's date marked between
//! the entries around it, a filter by kind, and each entry opening its
//! record, its sources and excerpts folded under it.
//!
//! Only the open periods carry their entries: a folded period holds a link
//! to its entries as a fragment of their own (`GET /fragments/story?
//! <permalink>&period=N`, [`period_entries`]), marked `data-fill`, which the
//! app's host asks for when the reader opens the period (`panels/mod.rs`).
//! Etorofu's panel was 160 KB of HTML (2,082 elements) with every period's
//! entries, most of it their folded sources and quotes; with the open period
//! only it is 19 KB (258), inserted in a few ms instead of about 30
//! (bench/README "A lighter first answer").
//!
//! The filter is the page's state, not the link's: radios with
//! `data-filter="kind"` (see `panels/mod.rs`). Every entry is marked
//! `data-kind="all <strand>"`, so "All" (the value `all`) and its strand keep
//! it; each period's label is written once per choice, the others `hidden`,
//! so the count a reader sees is the count of what the filter shows.

use super::super::html::Ctx;
use model::events::DeploymentCategory;
use model::og::escape;
use model::permalink;
use model::story::{At, Story, StoryEntry, StoryGroup, Strand};

/// The filter's value that shows every entry.
const ALL: &str = "all";

/// The story of `island` (an island or a group) on the map's date; `from`
/// an event's or a deployment's id whose entry is marked and scrolled to.
pub fn story(ctx: &Ctx, island: &str, from: Option<&str>) -> String {
    let story = Story::build_in(island, ctx.islands, ctx.data, ctx.c);
    let marks = Marks::of(ctx, &story, from);
    let groups: String = story
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| period(ctx, group, g, &marks))
        .collect();
    // The records' text is the project's translation on a Japanese or
    // Russian page (where a record has none, its `lang` says so).
    let translated = match ctx.lang {
        model::i18n::Lang::En => String::new(),
        _ => format!(
            "<p class=\"translation-note\">{}</p>",
            ctx.t("record-translation-note")
        ),
    };
    format!(
        "<section class=\"story\" aria-labelledby=\"story-title\"><h3 id=\"story-title\">{}</h3>{translated}\
         <fieldset class=\"story-filter\"><legend>{}</legend>{}</fieldset>\
         <ol class=\"story-groups\">{groups}</ol></section>",
        ctx.t("story-title"),
        ctx.t("story-show"),
        filter(ctx),
    )
}

/// The entries of period `g` of `island`'s story, as its panel on the same
/// permalink would draw them open (the map's date marked); `None` for a
/// period the story does not have.
pub fn period_entries(ctx: &Ctx, island: &str, g: usize) -> Option<String> {
    let story = Story::build_in(island, ctx.islands, ctx.data, ctx.c);
    let marks = Marks::of(ctx, &story, None);
    let group = story.groups.get(g)?;
    Some(entries(ctx, group, g, &marks))
}

/// Where the story opens: the period holding the map's date, where that
/// date falls (before the entry at the index; the period's length: at its
/// end), and the entry of the record the panel was left for.
struct Marks {
    open: Option<usize>,
    marker: Option<At>,
    target: Option<At>,
}

impl Marks {
    fn of(ctx: &Ctx, story: &Story, from: Option<&str>) -> Marks {
        Marks {
            open: story.group_at(ctx.date),
            marker: story.marker(ctx.date, 0),
            target: from.and_then(|id| story.locate(Some(id), Some(id), ctx.date)),
        }
    }
}

/// A strand's value in the filter: its name in the API (`visit`, …).
fn value(strand: Strand) -> String {
    match serde_json::to_value(strand) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("s{}", strand.index()),
    }
}

/// "All", then one radio per kind.
fn filter(ctx: &Ctx) -> String {
    let radio = |value: &str, checked: &str, label: String| {
        format!(
            "<label><input type=\"radio\" name=\"story-kind\" value=\"{value}\" data-filter=\"kind\"{checked}> {}</label>",
            escape(&label)
        )
    };
    let all = radio(ALL, " checked", ctx.c.text("story-all"));
    Strand::ALL.iter().fold(all, |out, &strand| {
        out + &radio(&value(strand), "", strand.label(ctx.c))
    })
}

/// One period: open while it holds the map's date or the record; its
/// label with the count of each choice of the filter.
fn period(ctx: &Ctx, group: &StoryGroup, g: usize, marks: &Marks) -> String {
    let here = marks.marker.is_some_and(|m| m.0 == g);
    let label = |value: &str, count: usize, hidden: &str| {
        let count = ctx.c.format(
            "story-count",
            &[
                ("period", group.label.as_str().into()),
                ("count", count.into()),
            ],
        );
        let text = match here {
            true => format!("{count} · {}", ctx.c.text("story-map-date")),
            false => count,
        };
        format!(
            "<span data-kind=\"{value}\"{hidden}>{}</span>",
            escape(&text)
        )
    };
    let all = label(ALL, group.entries.len(), "");
    let labels = Strand::ALL.iter().fold(all, |out, &strand| {
        let n = group.entries.iter().filter(|e| e.strand == strand).count();
        out + &label(&value(strand), n, " hidden")
    });
    let open = marks.open == Some(g) || marks.target.is_some_and(|t| t.0 == g);
    // A folded period's entries come when it is opened.
    let (open, entries) = match open {
        true => (" open".to_owned(), entries(ctx, group, g, marks)),
        false => {
            let url = fill_url(ctx, g);
            let link = format!(
                "<p class=\"story-later\"><a href=\"{url}\">{}</a></p>",
                ctx.t("story-period-entries")
            );
            (format!(" data-fill=\"{url}\""), link)
        }
    };
    format!(
        "<li class=\"story-group\"><details{open}><summary class=\"story-toggle\">{labels}</summary>{entries}</details></li>"
    )
}

/// A period's entries (or the words for none), the map's date marked.
fn entries(ctx: &Ctx, group: &StoryGroup, g: usize, marks: &Marks) -> String {
    if group.entries.is_empty() {
        return format!("<p class=\"story-none\">{}</p>", ctx.t("story-none"));
    }
    let end = match marks.marker == Some((g, group.entries.len())) {
        true => " marked-end",
        false => "",
    };
    let items: String = group
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| entry(ctx, e, (g, i), marks))
        .collect();
    format!("<ol class=\"story-entries{end}\">{items}</ol>")
}

/// Where period `g`'s entries are on their own: this permalink without its
/// view, and the period; escaped for an attribute.
fn fill_url(ctx: &Ctx, g: usize) -> String {
    let mut state = ctx.state.clone();
    state.view = None;
    state.embed = false;
    let query = permalink::format(&state);
    let and = if query.is_empty() { "" } else { "&" };
    escape(&format!("/fragments/story?{query}{and}period={g}"))
}

/// One entry: a button that opens its record (an event's card; a
/// deployment's card on the day of the change, so its site is on the map),
/// and what it rests on, folded.
fn entry(ctx: &Ctx, e: &StoryEntry, at: At, marks: &Marks) -> String {
    let mut class = format!("story-entry s{}", e.strand.index());
    let mut scroll = "";
    if marks.target == Some(at) {
        class.push_str(" focused");
        scroll = " data-scroll";
    }
    if marks.marker == Some(at) {
        class.push_str(" marked");
    }
    let href = match (&e.event, &e.deployment) {
        (Some(id), _) => ctx.href(|s| s.open_event(id.clone())),
        (None, Some(id)) => {
            let day = e.date.last_day();
            ctx.href(|s| {
                s.deployment = Some(id.clone());
                s.date = Some(day);
            })
        }
        (None, None) => ctx.href(|_| {}),
    };
    // An event's title in English on a Japanese or Russian page says so.
    let title_lang = e
        .event
        .as_deref()
        .and_then(|id| ctx.data.event(id))
        .map_or("", |x| ctx.record_lang(&x.text_lang));
    let (badge, kind) = match (e.category, e.kind) {
        (Some(category), _) => (badge(category), category.label(ctx.c)),
        (None, Some(kind)) => (String::new(), kind.label(ctx.c)),
        (None, None) => (String::new(), String::new()),
    };
    format!(
        "<li class=\"{class}\" data-kind=\"{ALL} {}\"{scroll}>\
         <button type=\"button\" class=\"story-open\" data-href=\"{href}\">{badge}\
         <span class=\"when\">{}</span><span class=\"what\"{title_lang}>{}</span></button>\
         {}</li>",
        value(e.strand),
        ctx.date_label(&e.date),
        ctx.named(&e.title, &e.title_template),
        folded(ctx, e, &kind),
    )
}

/// A deployment change's category as on the map: a letter in its colour
/// (the name is beside it, so the symbol is hidden from screen readers).
pub(crate) fn badge(category: DeploymentCategory) -> String {
    let class = category.class();
    format!(
        "<span class=\"badge {class}\" aria-hidden=\"true\">{}</span>",
        category.letter()
    )
}

/// Under an entry: its kind and how many sources (and whether excerpts)
/// as the summary; the change's note, the events behind it, the sources
/// and the excerpts, each opening the reader at it.
fn folded(ctx: &Ctx, e: &StoryEntry, kind: &str) -> String {
    let sources = ctx
        .c
        .format("story-sources", &[("count", e.sources.len().into())]);
    let summary = match e.excerpts.is_empty() {
        true => format!("{kind} · {sources}"),
        false => format!("{kind} · {sources} · {}", ctx.c.text("story-excerpts")),
    };
    let note = e.note.as_deref().map_or_else(String::new, |n| {
        format!("<p class=\"note\">{}</p>", ctx.named(n, &e.note_template))
    });
    let evidence: String = e
        .events
        .iter()
        .map(|r| {
            let href = ctx.href(|s| s.open_event(r.id.clone()));
            format!(
                "<li><button type=\"button\" class=\"link\" data-href=\"{href}\">{} · {}</button></li>",
                ctx.date_label(&r.date),
                ctx.named(&r.title, &r.title_template),
            )
        })
        .collect();
    let excerpts: String = e
        .excerpts
        .iter()
        .map(|x| {
            format!(
                "<li>{}{}</li>",
                ctx.excerpt_quote(&x.id),
                ctx.read_in_article(&x.id)
            )
        })
        .collect();
    format!(
        "<details class=\"story-more\"><summary>{}</summary>{note}<ul class=\"evidence\">{evidence}</ul>{}<ul class=\"excerpts\">{excerpts}</ul></details>",
        escape(&summary),
        ctx.sources(&e.sources),
    )
}
