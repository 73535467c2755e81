//! The island panel: names in both languages and scripts, status, area.

use crate::url_state::UrlState;
use leptos::prelude::*;
use model::geodata::LandCollection;
use model::names::{self, NameStyle};
use std::sync::Arc;

#[component]
pub fn IslandPanel(land: Arc<LandCollection>) -> impl IntoView {
    let url: UrlState = expect_context();
    let close = move || url.push(|s| s.island = None);
    let selected = move || url.state.get().island;
    move || {
        let id = selected()?;
        let Some(feature) = land.find(&id) else {
            // A well-formed id this map does not have: say so, do not go blank.
            let shown: String = id.chars().take(64).collect();
            return Some(view! {
                <div class="notice" role="status">
                    <p>{format!("This link names an island the map does not have (“{shown}”).")}</p>
                    <button type="button" aria-label="Dismiss this notice" on:click=move |_| close()>"×"</button>
                </div>
            }.into_any());
        };
        let p = feature.properties.clone();
        let style = url.state.get().names;
        let title = names::label(&p, style);
        let full = names::label(&p, NameStyle::Both);
        let subtitle = (title != full).then(|| view! { <p class="subtitle">{full}</p> });
        let area = p.official_area_km2.map(|a| {
            let source = p.official_area_source.clone().unwrap_or_default();
            view! { <dt>"Area (official, Japan)"</dt><dd>{format!("{a:.1} km²")}<span class="source">{source}</span></dd> }
        });
        let claim = p
            .claimed_by
            .clone()
            .map(|c| view! { <dt>"Claimed by"</dt><dd>{c}</dd> });
        let group = p
            .group
            .clone()
            .map(|g| view! { <dt>"Group"</dt><dd>{group_name(&g)}</dd> });
        Some(view! {
            <aside class="panel" aria-labelledby="panel-title" aria-live="polite"
                on:keydown=move |e| if e.key() == "Escape" { close() }>
                <button type="button" class="close" aria-label="Close the island panel"
                    on:click=move |_| close()>"×"</button>
                <h2 id="panel-title">{title}</h2>
                {subtitle}
                <dl class="names">
                    <dt>"Japanese"</dt>
                    <dd><span lang="ja">{p.name_ja.clone()}</span>" · "{p.name_ja_romaji.clone()}</dd>
                    <dt>"Russian"</dt>
                    <dd><span lang="ru">{p.name_ru.clone()}</span>" · "{p.name_ru_romaji.clone()}</dd>
                    {group}
                    <dt>"Administered by"</dt>
                    <dd>{p.administered_by.clone()}</dd>
                    {claim}
                    {area}
                    <dt>"Outline"</dt>
                    <dd class="source">{p.source.clone()}</dd>
                </dl>
            </aside>
        }.into_any())
    }
}

fn group_name(id: &str) -> String {
    match id {
        "habomai" => "Habomai (歯舞群島 / Хабомаи)".into(),
        other => other.into(),
    }
}
