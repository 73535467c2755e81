//! An island's story in its panel: the periods `model::story` builds, as
//! `<details>` with counts (the one holding the map's date open, and the one
//! holding the record the panel was opened from), the map's date marked
//! between the entries around it, a filter by kind (component state, not in
//! the URL), and each entry opening its record, its sources and excerpts
//! folded under it.
//!
//! Drawn once per names convention: the filter, the open periods, the mark
//! and the highlight change classes and properties, not the list (each
//! reactive view costs the wasm more than a reactive attribute does).

use crate::data::AtlasData;
use crate::i18n::{catalogue, lang, t, tf};
use crate::overlays::category_symbol;
use crate::panel::{ReadInArticle, Sources, date_label, named, quote_view, record_lang};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::i18n::Lang;
use model::names::Naming;
use model::story::{At, Story, StoryEntry, Strand, Strands, period_label};
use std::sync::Arc;

#[component]
pub fn IslandStory(
    story: Story,
    /// The island or group whose story it is: who administered it when
    /// names the periods.
    island: String,
    from_event: Option<String>,
) -> impl IntoView {
    let data: AtlasData = expect_context();
    let url: UrlState = expect_context();
    let story = Arc::new(story);
    let hidden = RwSignal::new(0 as Strands);
    let s = story.clone();
    let marker = Memo::new(move |_| s.marker(data.date.get(), hidden.get()));
    let s = story.clone();
    let target = Memo::new(move |_| {
        let site = data.focus_site.get();
        let event = from_event.as_deref().filter(|_| site.is_none());
        s.locate(event, site.as_deref(), data.date.get())
    });
    // The periods open by themselves, the map date's and the record's
    // (`usize::MAX`: none), in a memo, so that they open and close only when
    // those periods change, not on every move of the mark (the reader's own
    // choices stay). Of the marks' type: a memo of a new type costs the wasm
    // about 0.3 KB more.
    let s = story.clone();
    let auto = Memo::new(move |_| {
        let date = s.group_at(data.date.get()).unwrap_or(usize::MAX);
        Some((date, target.get().map_or(usize::MAX, |t| t.0)))
    });
    // The record's entry, once drawn, is scrolled into view if it is not.
    Effect::new(move |_| {
        if target.get().is_some() {
            request_animation_frame(reveal_focused);
        }
    });
    let filter = Strand::ALL
        .iter()
        .map(|&strand| {
            view! { <label><input type="checkbox" prop:checked=move || hidden.get() & strand.bit() == 0
                on:change=move |_| hidden.update(|h| *h ^= strand.bit())/>" "{strand.label(catalogue())}</label> }
        })
        .collect_view();
    // The filter hides entries by class (`h<strand>` on the list, `s<strand>` on each entry).
    let class = move || {
        let h = hidden.get();
        Strand::ALL
            .iter()
            .filter(|s| h & s.bit() != 0)
            .fold("story-groups".to_owned(), |c, s| {
                format!("{c} h{}", s.index())
            })
    };
    let labels = period_labels(&story, &island, data);
    let groups = move || {
        let naming = url.naming.get();
        (0..story.groups.len())
            .map(|g| {
                group(
                    &story,
                    &labels[g],
                    g,
                    naming,
                    hidden,
                    auto,
                    (marker, target),
                )
            })
            .collect_view()
            .into_any()
    };
    // The records' text is the project's translation on a Japanese or
    // Russian page (where a record has none, it says so with `lang`).
    let translated = (lang() != Lang::En)
        .then(|| view! { <p class="translation-note">{t("record-translation-note")}</p> });
    view! {
        <section class="story" aria-labelledby="story-title">
            <h3 id="story-title">{t("story-title")}</h3>
            {translated}
            <fieldset class="story-filter"><legend>{t("story-show")}</legend>{filter}</fieldset>
            <ol class=class>{groups}</ol>
        </section>
    }
}

/// Each period's label in the page's language: its years and who
/// administered the island then (none before Soviet control).
fn period_labels(story: &Story, island: &str, data: AtlasData) -> Vec<String> {
    let land = data.land.get_value();
    let islands = land.as_ref().map(|l| &l.islands);
    let soviet = islands.and_then(|i| i.soviet_control(island));
    let n = story.groups.len();
    (0..n)
        .map(|g| {
            let from = story.groups[g].from;
            let until = story.groups.get(g + 1).and_then(|next| next.from);
            let held = from
                .filter(|f| soviet.is_some_and(|s| *f >= s))
                .and_then(|f| islands?.administration(island, f));
            period_label(catalogue(), from, until, held, g == 0, g + 1 == n)
        })
        .collect()
}

/// One period: open while it holds the map's date or the record (the
/// reader may open and close it in between), its count following the filter.
fn group(
    story: &Story,
    label: &str,
    g: usize,
    naming: Naming,
    hidden: RwSignal<Strands>,
    auto: Memo<Option<At>>,
    (marker, target): (Memo<Option<At>>, Memo<Option<At>>),
) -> AnyView {
    let data: AtlasData = expect_context();
    let url: UrlState = expect_context();
    let group = &story.groups[g];
    let len = group.entries.len();
    let label = label.to_owned();
    let strands: Vec<Strands> = group.entries.iter().map(|e| e.strand.bit()).collect();
    let count = move || {
        let h = hidden.get();
        let n = strands.iter().filter(|&&b| h & b == 0).count();
        let here = marker.get().is_some_and(|m| m.0 == g);
        let count = tf(
            "story-count",
            &[("period", label.clone().into()), ("count", n.into())],
        );
        match here {
            true => format!("{count} · {}", t("story-map-date")),
            false => count,
        }
    };
    let open = move || {
        auto.get()
            .is_some_and(|(date, record)| date == g || record == g)
    };
    let entries = if len == 0 {
        view! { <p class="story-none">{t("story-none")}</p> }.into_any()
    } else {
        let items = group
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| entry(e, (g, i), naming, data, url, marker, target))
            .collect_view();
        view! { <ol class="story-entries" class:marked-end=move || marker.get() == Some((g, len))>{items}</ol> }
            .into_any()
    };
    view! {
        <li class="story-group"><details prop:open=open>
            <summary class="story-toggle">{count}</summary>
            {entries}
        </details></li>
    }
    .into_any()
}

fn entry(
    e: &StoryEntry,
    at: At,
    naming: Naming,
    data: AtlasData,
    url: UrlState,
    marker: Memo<Option<At>>,
    target: Memo<Option<At>>,
) -> AnyView {
    let title = named(data, naming, &e.title, &e.title_template);
    // An event's title in English on a Japanese or Russian page says so.
    let title_lang = e.event.as_deref().and_then(|id| {
        let events = data.events.get_untracked()?.ok()?;
        record_lang(&events.iter().find(|x| x.id == id)?.text_lang)
    });
    let event = e.event.clone();
    let deployment = e.deployment.clone();
    let date = e.date.last_day();
    let choose = move |_| {
        if let Some(id) = event.clone() {
            url.push(move |s| s.event = Some(id));
        } else if let Some(id) = deployment.clone() {
            // Its card opens over the story (closing it comes back here,
            // to this entry), on the day of the change, so the site is on the map.
            data.focus_site.set(Some(id.clone()));
            url.push(move |s| {
                s.deployment = Some(id);
                s.date = Some(date);
            });
        }
    };
    let (badge, kind) = match (e.category, e.kind) {
        (Some(category), _) => {
            let (letter, class, _) = category_symbol(category);
            let badge =
                view! { <span class=format!("badge {class}") aria-hidden="true">{letter}</span> };
            (Some(badge), category.label(catalogue()))
        }
        (None, Some(kind)) => (None, kind.label(catalogue())),
        (None, None) => (None, String::new()),
    };
    let evidence = e.events.iter().map(|r| {
        let id = r.id.clone();
        view! { <li><button type="button" class="link" on:click=move |_| { let id = id.clone(); url.push(move |s| s.event = Some(id)) }>
            {format!("{} · {}", date_label(&r.date), named(data, naming, &r.title, &r.title_template))}</button></li> }
    }).collect_view();
    let excerpts = e
        .excerpts
        .iter()
        .map(|x| {
            view! { <li>{quote_view(data, x)}<ReadInArticle excerpt=x.id.clone()/></li> }
        })
        .collect_view();
    let sources = tf("story-sources", &[("count", e.sources.len().into())]);
    let folded = match e.excerpts.is_empty() {
        true => format!("{kind} · {sources}"),
        false => format!("{kind} · {sources} · {}", t("story-excerpts")),
    };
    view! {
        <li class=format!("story-entry s{}", e.strand.index())
            class:focused=move || target.get() == Some(at) class:marked=move || marker.get() == Some(at)>
            <button type="button" class="story-open" on:click=choose>
                {badge}
                <span class="when">{date_label(&e.date)}</span>
                <span class="what" lang=title_lang>{title}</span>
            </button>
            <details class="story-more">
                <summary>{folded}</summary>
                {e.note.as_deref().map(|n| view! { <p class="note">{named(data, naming, n, &e.note_template)}</p> })}
                <ul class="evidence">{evidence}</ul>
                <Sources sources=e.sources.clone()/>
                <ul class="excerpts">{excerpts}</ul>
            </details>
        </li>
    }
    .into_any()
}

/// Scrolls the highlighted entry into its panel's view if it is outside it.
fn reveal_focused() {
    let Some(entry) = document()
        .query_selector(".story-entry.focused")
        .ok()
        .flatten()
    else {
        return;
    };
    let Some(panel) = entry.closest(".panel").ok().flatten() else {
        return;
    };
    let (r, p) = (
        entry.get_bounding_client_rect(),
        panel.get_bounding_client_rect(),
    );
    if r.top() < p.top() || r.bottom() > p.bottom() {
        entry.scroll_into_view();
    }
}
