//! An island's story in its panel: the periods `model::story` builds, as
//! collapsible groups with counts (the one holding the map's date open, and
//! the one holding the record the panel was opened from), the map's date
//! marked between the entries around it, a filter by kind (component state,
//! not in the URL), and each entry opening its record, its sources and
//! excerpts folded under it.

use crate::data::AtlasData;
use crate::overlays::category_symbol;
use crate::panel::{ReadInArticle, Sources};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::story::{At, Story, StoryEntry, Strand};
use std::sync::Arc;

#[component]
pub fn IslandStory(story: Story, from_event: Option<String>) -> impl IntoView {
    let data: AtlasData = expect_context();
    let story = Arc::new(story);
    let hidden = RwSignal::new(Vec::<Strand>::new());
    // The reader's own opening and closing; until then a group is open if
    // it holds the map's date or the record.
    let toggled = RwSignal::new(Vec::<(usize, bool)>::new());
    let s = story.clone();
    let marker = Memo::new(move |_| s.marker(data.date.get()));
    let s = story.clone();
    let target = Memo::new(move |_| {
        let site = data.focus_site.get();
        let event = from_event.as_deref().filter(|_| site.is_none());
        s.locate(event, site.as_deref(), data.date.get())
    });
    let open = move |g: usize| {
        let mine = toggled.with(|t| t.iter().rev().find(|(i, _)| *i == g).map(|(_, o)| *o));
        mine.unwrap_or_else(|| {
            marker.with(|m| m.map(|m| m.0)) == Some(g) || target.with(|t| t.map(|t| t.0)) == Some(g)
        })
    };
    // The record's entry, once drawn, is scrolled into view if it is not.
    Effect::new(move |_| {
        if target.get().is_some() {
            request_animation_frame(reveal_focused);
        }
    });
    let filter = Strand::ALL
        .iter()
        .map(|&strand| {
            view! { <label><input type="checkbox" prop:checked=move || hidden.with(|h| !h.contains(&strand))
                on:change=move |_| hidden.update(|h| match h.iter().position(|s| *s == strand) {
                    Some(i) => { h.remove(i); }
                    None => h.push(strand),
                })/>" "{strand.label()}</label> }
        })
        .collect_view();
    let groups = (0..story.groups.len())
        .map(|g| {
            let label = story.groups[g].label.clone();
            let s = story.clone();
            let count = move || hidden.with(|h| s.groups[g].shown(h).count());
            let here =
                move || (marker.with(|m| m.map(|m| m.0)) == Some(g)).then_some(" · map date");
            let s = story.clone();
            view! {
                <li class="story-group">
                    <h4><button type="button" class="story-toggle" aria-expanded=move || open(g).to_string()
                        on:click=move |_| { let now = !open(g); toggled.update(|t| t.push((g, now))) }>
                        {label}{move || format!(" ({})", count())}{here}
                    </button></h4>
                    {move || open(g).then(|| entries(&s, g, hidden, marker, target).into_any())}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="story" aria-labelledby="story-title">
            <h3 id="story-title">"History"</h3>
            <fieldset class="story-filter"><legend>"Show"</legend>{filter}</fieldset>
            <ol class="story-groups">{groups}</ol>
        </section>
    }
}

/// A group's entries that the filter shows, with the map's date marked
/// where it falls among them.
fn entries(
    story: &Arc<Story>,
    g: usize,
    hidden: RwSignal<Vec<Strand>>,
    marker: Memo<Option<At>>,
    target: Memo<Option<At>>,
) -> impl IntoView + use<> {
    let data: AtlasData = expect_context();
    let url: UrlState = expect_context();
    let story = story.clone();
    move || {
        let group = &story.groups[g];
        let style = url.names.get();
        let hidden = hidden.get();
        if group.entries.is_empty() {
            return view! { <p class="story-none">"No record in this period in our sources."</p> }
                .into_any();
        }
        // The mark stands before the first shown entry at or after it.
        let mut from = 0;
        let mut items = Vec::new();
        for (i, e) in group.shown(&hidden) {
            items.push(mark(g, from..=i, marker).into_any());
            items.push(entry(e, (g, i), style, data, url, target).into_any());
            from = i + 1;
        }
        items.push(mark(g, from..=group.entries.len(), marker).into_any());
        view! { <ol class="story-entries">{items}</ol> }.into_any()
    }
}

/// "Map date: …", where the map's date falls in `range` of group `g`.
fn mark(
    g: usize,
    range: std::ops::RangeInclusive<usize>,
    marker: Memo<Option<At>>,
) -> impl IntoView {
    let data: AtlasData = expect_context();
    move || {
        marker
            .get()
            .filter(|(mg, i)| *mg == g && range.contains(i))
            .map(|_| {
                view! { <li class="map-date">{format!("Map date: {}", data.date.get())}</li> }
                    .into_any()
            })
    }
}

fn entry(
    e: &StoryEntry,
    at: At,
    style: model::names::NameStyle,
    data: AtlasData,
    url: UrlState,
    target: Memo<Option<At>>,
) -> impl IntoView + use<> {
    let title = data.named(style, &e.title, &e.title_template);
    let event = e.event.clone();
    let deployment = e.deployment.clone();
    let date = e.date.last_day();
    let choose = move |_| {
        if let Some(id) = event.clone() {
            url.push(move |s| s.event = Some(id));
        } else if let Some(id) = deployment.clone() {
            // TODO(links): a deployment change opens `deployment=<id>`.
            data.focus_site.set(Some(id));
            // Show the map on the day of the change, so the site is there.
            url.push(|s| s.date = Some(date));
        }
    };
    let (badge, kind) = match (e.category, e.kind) {
        (Some(category), _) => {
            let (letter, class, name) = category_symbol(category);
            let badge =
                view! { <span class=format!("badge {class}") aria-hidden="true">{letter}</span> };
            (Some(badge), name)
        }
        (None, Some(kind)) => (None, kind.as_str()),
        (None, None) => (None, ""),
    };
    let evidence = e.events.iter().map(|r| {
        let id = r.id.clone();
        view! { <li><button type="button" class="link" on:click=move |_| { let id = id.clone(); url.push(move |s| s.event = Some(id)) }>
            {format!("{} · {}", r.date, data.named(style, &r.title, &r.title_template))}</button></li> }
    }).collect_view();
    let excerpts = e.excerpts.iter().map(|x| {
        let quote = x.quote.clone();
        view! { <li><blockquote>{format!("“{quote}”")}</blockquote><ReadInArticle excerpt=x.id.clone()/></li> }
    }).collect_view();
    let n = e.sources.len();
    let plural = if n == 1 { "" } else { "s" };
    let quoted = if e.excerpts.is_empty() {
        ""
    } else {
        ", excerpts"
    };
    let folded = format!("{kind} · {n} source{plural}{quoted}");
    view! {
        <li class="story-entry" class:focused=move || target.get() == Some(at)>
            <button type="button" class="story-open" on:click=choose>
                {badge}
                <span class="when">{e.date.to_string()}</span>
                <span class="what">{title}</span>
            </button>
            <details class="story-more">
                <summary>{folded}</summary>
                {e.note.as_deref().map(|n| view! { <p class="note">{data.named(style, n, &e.note_template)}</p> })}
                <ul class="evidence">{evidence}</ul>
                <Sources sources=e.sources.clone()/>
                <ul class="excerpts">{excerpts}</ul>
            </details>
        </li>
    }
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
