//! The side panel (a bottom sheet on phones): an island's names, status and
//! story (`story.rs`), or one event with its sources.

use crate::api;
use crate::data::AtlasData;
use crate::deployment_card::DeploymentCardPanel;
use crate::focus::Focus;
use crate::story::IslandStory;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::events::Date;
use model::events::{Event, Source};
use model::islands::Administration;
use model::names::{self, NameStyle};
use model::scene::LandShapes;
use std::sync::Arc;
use std::time::Duration;

#[component]
pub fn IslandPanel(land: Arc<LandShapes>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let focus: Focus = expect_context();
    let close = move || {
        data.focus_site.set(None);
        url.push(|s| s.open_island(None));
        focus.restore();
    };
    // Only islands and groups the map has are asked for; an unknown id gets
    // a notice, not a 404. Islets of a group share the group's history;
    // unnamed islets their parent's.
    let known = land.clone();
    let island_id = Memo::new(move |_| Some(story_of(&known, &url.island.get()?)?.to_owned()));
    let detail = crate::fetched::Fetched::new(move || {
        let id = island_id.get();
        async move {
            match id {
                Some(id) => api::island(&id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    // The event last opened over an island's panel, with that island:
    // closing its card returns to the island's story at that event.
    let last_event = StoredValue::new(None::<(Option<String>, String)>);
    move || {
        if let Some(event_id) = url.event.get() {
            last_event.set_value(Some((url.island.get_untracked(), event_id.clone())));
            return Some(view! { <EventCard id=event_id/> }.into_any());
        }
        if let Some(deployment) = url.deployment.get() {
            return Some(view! { <DeploymentCardPanel id=deployment/> }.into_any());
        }
        let id = url.island.get()?;
        if story_of(&land, &id).is_none() {
            // A well-formed id this map does not have: say so, do not go blank.
            let shown: String = id.chars().take(64).collect();
            return Some(view! {
                <div class="notice" role="status">
                    <p>{format!("This link names an island the map does not have (“{shown}”).")}</p>
                    <button type="button" aria-label="Dismiss this notice" on:click=move |_| close()>"×"</button>
                </div>
            }.into_any());
        };
        let panel = NodeRef::new();
        focus.panel_shown(panel, format!("island {id}"));
        let from_event = last_event
            .get_value()
            .filter(|(island, _)| island.as_ref() == Some(&id))
            .map(|(_, event)| event);
        // Its own closure: a new date or names redraw the facts, not the story.
        let land = land.clone();
        let facts = move || island_facts(&land, &id, url.names.get(), data.date.get()).into_any();
        Some(view! {
            <aside class="panel" id="panel" node_ref=panel aria-labelledby="panel-title"
                on:keydown=move |e| if e.key() == "Escape" { close() }>
                <button type="button" class="close" aria-label="Close the island panel"
                    on:click=move |_| close()>"×"</button>
                {facts}
                {move || match detail.get() {
                    None => view! { <p role="status">"Loading the history…"</p> }.into_any(),
                    Some(Err(e)) => view! {
                        <div role="alert"><p>{format!("The history could not be loaded: {e}")}</p>
                        <button type="button" on:click=move |_| detail.refetch()>"Try again"</button></div>
                    }.into_any(),
                    Some(Ok(None)) => ().into_any(),
                    Some(Ok(Some(d))) => view! { <IslandStory story=d.story from_event=from_event.clone()/> }.into_any(),
                }}
            </aside>
        }.into_any())
    }
}

/// Links to sources: http(s) only, opened without passing a referrer.
#[component]
pub fn Sources(sources: Vec<Source>) -> impl IntoView {
    let items = sources
        .into_iter()
        .filter(|s| s.url.starts_with("https://") || s.url.starts_with("http://"))
        .map(|s| {
            // The kind says how far the page can be trusted on its own (see /methodology).
            let kind = s.kind.as_str();
            view! { <li><a href=s.url rel="noopener noreferrer" title=s.title>{s.outlet}</a>{format!(" ({kind}, {})", s.language)}</li> }
        })
        .collect_view();
    view! { <ul class="sources" aria-label="Sources">{items}</ul> }
}

/// Opens the article reader at an excerpt, of whichever article it is in;
/// named by outlet and number, so two excerpts of one record never read as
/// the same link twice.
#[component]
pub fn ReadInArticle(excerpt: String) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    data.want_articles();
    let found = Signal::derive(move || {
        let (all, a, n) = data.excerpt(&excerpt)?;
        let view = all.get(a)?;
        Some((view.article.id.clone(), view.article.outlet.clone(), n))
    });
    let label = move || match found.get() {
        Some((_, outlet, n)) => format!("Read in {outlet} (excerpt {n})"),
        None => "Read in the article".to_owned(),
    };
    view! {
        <button type="button" class="link" disabled=move || found.get().is_none() on:click=move |_| {
            if let Some((article, _, n)) = found.get_untracked() {
                url.push(move |s| {
                    s.article = Some(article);
                    s.excerpt = Some(n);
                })
            }
        }>{label}</button>
    }
}

/// An excerpt's words, once the article list is in.
fn excerpt_quote(data: AtlasData, excerpt: &str) -> Option<impl IntoView + use<>> {
    let (all, a, n) = data.excerpt(excerpt)?;
    let view = all.get(a)?;
    let excerpt = &view.excerpts.get(n as usize - 1)?.excerpt;
    let quote = format!("“{}”", excerpt.quote);
    let translation = excerpt
        .translation
        .clone()
        .map(|t| view! { <p class="translation">{format!("Our translation: {t}")}</p> });
    Some(view! { <blockquote lang=view.article.language.clone()>{quote}</blockquote>{translation} })
}

/// One event: date, summary in our words, confidence and sources.
#[component]
fn EventCard(id: String) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let focus: Focus = expect_context();
    // Back to the panel or card below it, else to where the reader was.
    let close = move || {
        let below =
            url.island.get_untracked().is_some() || url.deployment.get_untracked().is_some();
        url.push(|s| s.event = None);
        if below {
            focus.into_panel()
        } else {
            focus.restore()
        }
    };
    move || {
        let events = data.events.get()?.ok()?;
        let Some(e): Option<Event> = events.iter().find(|e| e.id == id).cloned() else {
            let shown: String = id.chars().take(64).collect();
            return Some(view! {
                <div class="notice" role="status"><p>{format!("This link names an event the map does not have (“{shown}”).")}</p>
                <button type="button" aria-label="Dismiss this notice" on:click=move |_| close()>"×"</button></div>
            }.into_any());
        };
        let style = url.names.get();
        let named = |text: &str, template| data.named(style, text, template);
        let confidence = match &e.confidence_note {
            Some(note) => format!("Confidence: {} — {note}", e.confidence),
            None => format!("Confidence: {}", e.confidence),
        };
        let excerpts = e
            .excerpts
            .iter()
            .map(|x| view! { <li>{excerpt_quote(data, x)}<ReadInArticle excerpt=x.clone()/></li> })
            .collect_view();
        let location = e
            .location
            .clone()
            .map(|l| view! { <p class="location">{format!("Where: {l}")}</p> });
        let panel = NodeRef::new();
        focus.panel_shown(panel, format!("event {id}"));
        Some(view! {
            <aside class="panel event-card" id="panel" node_ref=panel aria-labelledby="event-title"
                on:keydown=move |k| if k.key() == "Escape" { close() }>
                <button type="button" class="close" aria-label="Close the event" on:click=move |_| close()>"×"</button>
                <p class="when">{format!("{} · {}", e.kind, e.date.in_words())}</p>
                <h2 id="event-title" tabindex="-1">{named(&e.title, &e.title_template)}</h2>
                <p>{named(&e.summary, &e.summary_template)}</p>
                {location}
                <p class="confidence">{confidence}</p>
                <Sources sources=e.sources.clone()/>
                {(!e.excerpts.is_empty()).then(|| view! { <h3>"Quotes"</h3> })}
                <ul class="excerpts">{excerpts}</ul>
            </aside>
        }.into_any())
    }
}

/// Whose story an `island=` id opens: a group's for its islets and for the
/// group itself, the parent island's for unnamed islets; `None` for an id
/// the map does not have.
fn story_of<'a>(land: &'a LandShapes, id: &'a str) -> Option<&'a str> {
    match land.find(id) {
        Some(f) => {
            let island = f.properties.part_of.as_deref().unwrap_or(&f.id);
            Some(land.islands.story_of(island))
        }
        None => land.islands.group(id).map(|g| g.id.as_str()),
    }
}

/// An island's or a group's names, status, area and population: the top of its panel.
fn island_facts(
    land: &LandShapes,
    id: &str,
    style: NameStyle,
    date: Date,
) -> impl IntoView + use<> {
    let islands = &land.islands;
    let outline = land.find(id).map(|f| &f.properties);
    // Names of the outline (islet clusters have their own), else of the group.
    let (romaji, native) = match (outline, islands.find(id)) {
        (Some(p), _) => (
            [p.name_ja_romaji.as_str(), &p.name_ru_romaji],
            [p.name_ja.as_str(), &p.name_ru],
        ),
        (None, Some(entry)) => (entry.romaji(), entry.native()),
        (None, None) => (["", ""], ["", ""]),
    };
    let story = story_of(land, id).unwrap_or(id);
    let title = names::label_of(romaji, style);
    let full = names::label_of(romaji, NameStyle::Both);
    let subtitle = (title != full).then(|| view! { <p class="subtitle">{full}</p> });
    let administration = islands.administration(story, date);
    let admin = administration.map_or("", Administration::name);
    let area = outline.and_then(|p| Some((p.official_area_km2?, p.official_area_source.clone()?))).map(|(a, source)| {
        view! { <dt>"Area (official, Japan)"</dt><dd>{format!("{} km²", model::decimal::fixed(a, 1))}<span class="source">{source}</span></dd> }
    });
    let group = islands.group(story).filter(|g| g.id != id);
    let population = islands.population(story).map(|pop| {
        let scope = match (&pop.note, group) {
            (Some(note), Some(g)) => {
                format!(" ({}, {note})", names::bare_japanese(&g.name_ja_romaji))
            }
            (Some(note), None) => format!(" ({note})"),
            _ => String::new(),
        };
        // The publisher, then why the figure needs care, if it does.
        let publisher = match &pop.caveat {
            Some(caveat) => format!("{}: {caveat}", pop.publisher),
            None => pop.publisher.clone(),
        };
        view! { <dt>"Population"</dt><dd>{format!("{}{scope}, {}", pop.people, pop.as_of)}
        <a class="source" href=pop.source.clone() rel="noopener noreferrer">{publisher}</a></dd> }
    });
    // A claim is only a claim while the other side administers the island.
    let claim = administration
        .filter(|a| !a.is_japan())
        .map(|_| view! { <dt>"Claimed by"</dt><dd>{Administration::Japan.name()}</dd> });
    let positions = land.positions.clone();
    let group = group.map(|g| {
        let name = format!(
            "{} ({} / {})",
            names::bare_japanese(&g.name_ja_romaji),
            g.name_ja,
            g.name_ru
        );
        view! { <dt>"Group"</dt><dd>{name}</dd> }
    });
    let members = islands.group(id).map(|g| {
        let list = g
            .members()
            .iter()
            .filter_map(|m| islands.island(m))
            .map(|m| names::label_of([&m.name_ja_romaji, &m.name_ru_romaji], style))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <dt>"Islands"</dt><dd>{list}</dd> }
    });
    let outline_source =
        outline.map(|p| view! { <dt>"Outline"</dt><dd class="source">{p.source.clone()}</dd> });
    view! {
        <h2 id="panel-title" tabindex="-1">{title}</h2>
        {subtitle}
        <dl class="names">
            <dt>"Japanese"</dt>
            <dd><span lang="ja">{native[0].to_owned()}</span>" · "{romaji[0].to_owned()}</dd>
            <dt>"Russian"</dt>
            <dd><span lang="ru">{native[1].to_owned()}</span>" · "{romaji[1].to_owned()}</dd>
            {group}
            {members}
            <dt>{format!("Administered by (on {date})")}</dt>
            <dd>{admin}</dd>
            {claim}
            <dt>"Positions"</dt>
            <dd>{positions}<a class="source" href="/about">"Both positions, sourced"</a></dd>
            {area}
            {population}
            {outline_source}
        </dl>
    }
}

/// Builds and lays out an island's facts once, unseen, after the rest of the
/// page has mounted, then removes them. The first panel otherwise pays, on
/// the click, for what only a first time costs: compiling the WebAssembly
/// that builds it (browsers compile each function on its first call) and
/// finding fonts for Japanese and Cyrillic text. Measured in Chromium: 10 to
/// 30 ms of the first click. A `div`, not an `aside`: nothing that looks for
/// the panel may find it.
#[component]
pub fn PanelWarmup(land: Arc<LandShapes>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    // With a panel open there is nothing left to warm.
    let done = RwSignal::new(url.island.get_untracked().is_some());
    // Laid out in the next frame, unseen, and removed once it is painted.
    request_animation_frame(move || set_timeout(move || done.set(true), Duration::ZERO));
    move || {
        if done.get() {
            return None;
        }
        let island = land.disputed().next()?;
        let facts = island_facts(
            &land,
            &island.id,
            url.names.get_untracked(),
            data.date.get_untracked(),
        );
        Some(view! {
            <div class="panel warmup" aria-hidden="true">{facts}</div>
        })
    }
}
