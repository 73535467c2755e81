//! A deployment's card (`?deployment=<id>`): what, where and when, its
//! status over time with the events, sources and excerpts behind each
//! change, its confidence, and a link to its island's whole story. The
//! server answers with all of it (`/api/deployments/{id}`); the card only
//! renders, in the reader's names.

use crate::api;
use crate::data::AtlasData;
use crate::fetched::Fetched;
use crate::focus::Focus;
use crate::i18n::{catalogue, t, tf};
use crate::overlays::category_symbol;
use crate::panel::{
    ReadInArticle, Sources, date_label, named, quote_view, record_lang, translation_note,
};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::api::DeploymentCard;
use model::events::{HistoryEntry, Period};
use model::names::{Naming, place_label_in};

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
            Ok(None) => tf(
                "card-unknown",
                &[("id", id.chars().take(64).collect::<String>().into())],
            ),
            Err(e) => tf("card-failed", &[("error", e.into())]),
        };
        Some(
            view! {
                <div class="notice" role="status">
                    <p>{message}</p>
                    <button type="button" aria-label=t("panel-dismiss") on:click=move |_| close()>"×"</button>
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
    let naming = url.naming.get();
    let d = card.deployment;
    let island_id = d.island.clone();
    let island = data
        .land
        .get_value()
        .and_then(|land| {
            land.islands
                .find(&d.island)
                .map(|i| naming.label(&i.forms()))
        })
        .unwrap_or_else(|| d.island.clone());
    let (letter, class, _) = category_symbol(d.category);
    let category = d.category.label(catalogue());
    let place = published_place(data, naming, d.place.as_deref());
    let separator = if naming.lang == model::i18n::Lang::Ja {
        "、"
    } else {
        ", "
    };
    let place = match place {
        Some(p) => format!("{p}{separator}{island}"),
        None => tf(
            "card-site-unpublished",
            &[("island", island.clone().into())],
        ),
    };
    let text_lang = record_lang(&d.text_lang);
    let note = d.confidence_note.as_ref().map(|note| {
        let note = named(data, naming, note, &d.confidence_note_template);
        view! { " — "<span lang=text_lang>{note}</span> }
    });
    // The category, and the weapon system when the record names one.
    let what = match &d.system {
        Some(system) => format!("{category} · {system}"),
        None => category,
    };
    let changes = card
        .history
        .iter()
        .map(|h| change_view(data, naming, h))
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
            <button type="button" class="close" aria-label=t("card-close") on:click=move |_| close()>"×"</button>
            <p class="when"><span class=format!("badge {class}") aria-hidden="true">{letter}</span>" "{what}</p>
            <h2 id="deployment-title" tabindex="-1" lang=text_lang>{named(data, naming, &d.unit, &d.unit_template)}</h2>
            <p lang=text_lang>{named(data, naming, &d.summary, &d.summary_template)}</p>
            {translation_note(&d.text_lang)}
            <dl class="names">
                <dt>{t("card-where")}</dt><dd>{place}</dd>
                <dt>{t("card-when")}</dt><dd>{period_label(&d.period)}</dd>
                <dt>{t("card-confidence")}</dt><dd>{d.confidence.label(catalogue())}{note}</dd>
            </dl>
            <h3>{t("card-status-over-time")}</h3>
            <ol class="history">{changes}</ol>
            <button type="button" class="link" on:click=story>{tf("card-whole-story", &[("island", island.into())])}</button>
        </aside>
    }
}

/// A site's place in the reader's names, when the sources publish it
/// (an island's centroid stands for an unpublished site).
fn published_place(data: AtlasData, naming: Naming, place: Option<&str>) -> Option<String> {
    let overlays = data.overlays.get().and_then(Result::ok)?;
    let mark = overlays.find_place(place?).filter(|p| !p.centroid)?;
    Some(place_label_in(mark, naming))
}

/// A period in the page's language, as precisely as the data gives it:
/// "since November 2016", "1978 – 1993", "there by December 2020".
fn period_label(period: &Period) -> String {
    let from = date_label(&period.from);
    match &period.until {
        None if period.from.by => tf("card-there-by", &[("from", from.into())]),
        None => tf("card-since", &[("from", from.into())]),
        Some(until) => tf(
            "card-range",
            &[("from", from.into()), ("until", date_label(until).into())],
        ),
    }
}

/// One change: when, the status it brought, its note, and its evidence.
pub(crate) fn change_view(
    data: AtlasData,
    naming: Naming,
    h: &HistoryEntry,
) -> impl IntoView + use<> {
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
                {format!("{} · {}", date_label(&e.date), named(data, naming, &e.title, &e.title_template))}</button></li> }
        })
        .collect_view();
    let excerpts = h
        .excerpts
        .iter()
        .map(|x| view! { <li>{quote_view(data, x)}<ReadInArticle excerpt=x.id.clone()/></li> })
        .collect_view();
    view! {
        <li class="history-entry">
            <p class="when"><strong>{date_label(&h.date)}</strong>{format!(" · {}", h.status.label(catalogue()))}</p>
            {h.note.as_deref().map(|n| view! { <p class="note">{named(data, naming, n, &h.note_template)}</p> })}
            <ul class="evidence" aria-label=t("card-events")>{events}</ul>
            <Sources sources=h.sources.clone()/>
            <ul class="excerpts">{excerpts}</ul>
        </li>
    }
}
