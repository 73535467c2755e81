//! The island panel: names in both languages and scripts, status, area.

use leptos::prelude::*;
use model::geodata::LandCollection;
use std::sync::Arc;

#[component]
pub fn IslandPanel(
    land: Arc<LandCollection>,
    selected: Signal<Option<String>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let island = move || {
        selected
            .get()
            .and_then(|id| land.find(&id).map(|f| f.properties.clone()))
    };
    view! {
        {move || island().map(|p| {
            let title = model::names::label(&p, model::names::NameStyle::Both);
            let area = p.official_area_km2.map(|a| {
                let source = p.official_area_source.clone().unwrap_or_default();
                view! { <dt>"Area (official, Japan)"</dt><dd>{format!("{a:.1} km²")}<span class="source">{source}</span></dd> }
            });
            let claim = p.claimed_by.clone().map(|c| view! { <dt>"Claimed by"</dt><dd>{c}</dd> });
            view! {
                <aside class="panel" aria-labelledby="panel-title" aria-live="polite">
                    <button type="button" class="close" aria-label="Close the island panel"
                        on:click=move |_| on_close.run(())>"×"</button>
                    <h2 id="panel-title">{title}</h2>
                    <dl class="names">
                        <dt>"Japanese"</dt>
                        <dd><span lang="ja">{p.name_ja.clone()}</span>" · "{p.name_ja_romaji.clone()}</dd>
                        <dt>"Russian"</dt>
                        <dd><span lang="ru">{p.name_ru.clone()}</span>" · "{p.name_ru_romaji.clone()}</dd>
                        <dt>"Administered by"</dt>
                        <dd>{p.administered_by.clone()}</dd>
                        {claim}
                        {area}
                    </dl>
                </aside>
            }
        })}
    }
}
