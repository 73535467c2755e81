//! The page: map, island panel, and the URL that holds their state.

use crate::api;
use crate::map::MapView;
use crate::panel::IslandPanel;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use model::permalink::{self, MapState};

#[component]
pub fn Atlas() -> impl IntoView {
    let land = LocalResource::new(|| api::land(0));
    let location = use_location();
    // The URL is the single source of truth for what a permalink restores.
    let parsed = Memo::new(move |_| permalink::parse(&location.search.get()));
    let state = Memo::new(move |_| parsed.get().0);
    let selected = Signal::derive(move || state.get().island);

    let navigate = use_navigate();
    let select = Callback::new(move |island: Option<String>| {
        let mut next: MapState = state.get_untracked();
        if next.island == island {
            return;
        }
        next.island = island;
        let query = permalink::format(&next);
        let url = if query.is_empty() { "/".to_owned() } else { format!("/?{query}") };
        navigate(
            &url,
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    });

    view! {
        <div class="atlas">
            <header class="masthead">
                <h1>"Kuril Atlas"</h1>
                <p class="convention">
                    "Names shown as Japanese / Russian. The islands are administered by Russia and claimed by Japan."
                </p>
            </header>
            {move || match land.get() {
                None => view! { <p class="status" role="status">"Loading the map…"</p> }.into_any(),
                Some(Err(message)) => view! {
                    <div class="status error" role="alert">
                        <p>{format!("The map could not be loaded: {message}")}</p>
                        <button type="button" on:click=move |_| land.refetch()>"Try again"</button>
                    </div>
                }.into_any(),
                Some(Ok(collection)) => {
                    let for_panel = collection.clone();
                    view! {
                        <MapView land=collection selected=selected on_select=select initial_view=state.get_untracked().view/>
                        <IslandPanel land=for_panel selected=selected on_close=Callback::new(move |()| select.run(None))/>
                    }.into_any()
                }
            }}
        </div>
    }
}
