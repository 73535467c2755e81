//! A deployment's card (`?deployment=<id>`): what, where and when, its
//! status over time with the events, sources and excerpts behind each
//! change, its confidence, and a link to its island's whole story. The
//! server answers with all of it (`/api/deployments/{id}`); the card only
//! renders, in the reader's names.

use crate::api;
use crate::data::AtlasData;
use crate::fetched::Fetched;
use crate::focus::Focus;
use crate::overlays::category_symbol;
use crate::panel::{ReadInArticle, Sources};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::api::DeploymentCard;
use model::events::HistoryEntry;
use model::events::accessible::{date_words, period_words};
use model::names::{NameStyle, label_of};

#[component]
pub fn DeploymentCardPanel(id: String) -> impl IntoView {
    let url: UrlState = expect_context();
    let focus: Focus = expect_context();
    let close = move || {
        url.push(|s| s.deployment = None);
        focus.restore();
    };
    let asked = id.clone();
    let card = Fetched::new(move || {
        let id = asked.clone();
        async move { api::deployment(&id).await }
    });
    move || {
        let message = match card.get()? {
            Ok(Some(c)) => return Some(card_view(id.clone(), c, close).into_any()),
            Ok(None) => format!(
                "This link names a deployment the map does not have (“{}”).",
                id.chars().take(64).collect::<String>()
            ),
            Err(e) => format!("The deployment could not be loaded: {e}"),
        };
        Some(
            view! {
                <div class="notice" role="status">
                    <p>{message}</p>
                    <button type="button" aria-label="Dismiss this notice" on:click=move |_| close()>"×"</button>
                </div>
            }
            .into_any(),
        )
    }
}

fn card_view(id: String, card: DeploymentCard, close: impl Fn() + Copy + 'static) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let focus: Focus = expect_context();
    let style = url.names.get();
    let d = card.deployment;
    let island_id = d.island.clone();
    let island = data
        .land
        .get_value()
        .and_then(|land| {
            land.islands
                .find(&d.island)
                .map(|i| label_of(i.romaji(), style))
        })
        .unwrap_or_else(|| d.island.clone());
    let (letter, class, category) = category_symbol(d.category);
    let place = published_place(data, style, d.place.as_deref());
    let place = match place {
        Some(p) => format!("{p}, {island}"),
        None => format!("{island} (the exact site is not published)"),
    };
    let confidence = match &d.confidence_note {
        Some(note) => format!(
            "{} — {}",
            d.confidence,
            data.named(style, note, &d.confidence_note_template)
        ),
        None => d.confidence.to_string(),
    };
    // The category, and the weapon system when the record names one.
    let what = match &d.system {
        Some(system) => format!("{category} · {system}"),
        None => category.to_owned(),
    };
    let changes = card
        .history
        .iter()
        .map(|h| change_view(data, style, h))
        .collect_view();
    let key = format!("deployment {id}");
    let story = move |_| {
        let (island, site) = (island_id.clone(), id.clone());
        data.focus_site.set(Some(site));
        focus.into_panel();
        url.push(move |s| s.open_island(Some(island)));
    };
    let panel = NodeRef::new();
    focus.panel_shown(panel, key);
    view! {
        <aside class="panel deployment-card" id="panel" node_ref=panel aria-labelledby="deployment-title"
            on:keydown=move |k| if k.key() == "Escape" { close() }>
            <button type="button" class="close" aria-label="Close the deployment" on:click=move |_| close()>"×"</button>
            <p class="when"><span class=format!("badge {class}") aria-hidden="true">{letter}</span>" "{what}</p>
            <h2 id="deployment-title" tabindex="-1">{d.unit}</h2>
            <p>{data.named(style, &d.summary, &d.summary_template)}</p>
            <dl class="names">
                <dt>"Where"</dt><dd>{place}</dd>
                <dt>"When"</dt><dd>{period_words(&d.period)}</dd>
                <dt>"Confidence"</dt><dd>{confidence}</dd>
            </dl>
            <h3>"Status over time"</h3>
            <ol class="history">{changes}</ol>
            <button type="button" class="link" on:click=story>{format!("The whole story of {island}")}</button>
        </aside>
    }
}

/// A site's place in the reader's names, when the sources publish it
/// (an island's centroid stands for an unpublished site).
fn published_place(data: AtlasData, style: NameStyle, place: Option<&str>) -> Option<String> {
    let overlays = data.overlays.get().and_then(Result::ok)?;
    let mark = overlays.find_place(place?).filter(|p| !p.centroid)?;
    Some(model::names::place_label(mark, style))
}

/// One change: when, the status it brought, its note, and its evidence.
fn change_view(data: AtlasData, style: NameStyle, h: &HistoryEntry) -> impl IntoView + use<> {
    let url: UrlState = expect_context();
    let focus: Focus = expect_context();
    let events = h
        .events
        .iter()
        .map(|e| {
            let id = e.id.clone();
            let open = move |_| {
                let id = id.clone();
                focus.into_panel();
                url.push(move |s| s.open_event(id));
            };
            view! { <li><button type="button" class="link" on:click=open>
                {format!("{} · {}", date_words(&e.date), data.named(style, &e.title, &e.title_template))}</button></li> }
        })
        .collect_view();
    let excerpts = h
        .excerpts
        .iter()
        .map(|x| view! { <li><blockquote>{format!("“{}”", x.quote)}</blockquote><ReadInArticle excerpt=x.id.clone()/></li> })
        .collect_view();
    view! {
        <li class="history-entry">
            <p class="when"><strong>{date_words(&h.date)}</strong>{format!(" · {}", h.status)}</p>
            {h.note.as_deref().map(|n| view! { <p class="note">{data.named(style, n, &h.note_template)}</p> })}
            <ul class="evidence" aria-label="Events">{events}</ul>
            <Sources sources=h.sources.clone()/>
            <ul class="excerpts">{excerpts}</ul>
        </li>
    }
}
