//! The page: map, controls, the server's panels, all driven by the URL.

use crate::api;
use crate::controls::{Controls, IgnoredNotice, IslandList};
use crate::data::{AtlasData, DEFAULT_ARTICLE};
use crate::i18n::{self, t, tf};
use crate::map::MapView;
use crate::panel_host::{FragmentHost, Place};
use crate::timeline::Timeline;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::i18n::Lang;
use model::permalink;
use model::scene::LandShapes;
use std::sync::Arc;

/// Zoom levels from which the finer land outlines are used.
pub const LEVEL_ZOOMS: [f64; 2] = [9.0, 11.0];

#[component]
pub fn Atlas() -> impl IntoView {
    let url = UrlState::new();
    provide_context(url);
    let data = AtlasData::new(url);
    provide_context(data);
    provide_context(crate::focus::Focus::new());
    let overview = crate::fetched::Fetched::new(|| api::land(0));
    // Finer levels load on demand when the reader zooms in.
    let wanted_level = RwSignal::new(0usize);
    let detail = crate::fetched::Fetched::new(move || {
        let level = wanted_level.get();
        async move {
            if level == 0 {
                Ok(None)
            } else {
                api::land(level).await.map(Some)
            }
        }
    });
    let on_zoom = Callback::new(move |zoom: f64| {
        let level = LEVEL_ZOOMS.iter().filter(|z| zoom >= **z).count();
        if wanted_level.get_untracked() != level {
            wanted_level.set(level);
        }
    });
    // The most detailed outline loaded so far for the current zoom.
    let detail_land = Signal::derive(move || match detail.get() {
        Some(Ok(Some(land))) => Some(land),
        _ => None,
    });

    let embed = move || url.embed.get();
    translate_static_markup();
    // After the first render, when the masthead exists (none in embeds).
    Effect::new(|_| gather_into_masthead());
    let c = i18n::catalogue();
    view! {
        <main class="atlas" class:embed=embed>
            <Show when=move || !embed() fallback=|| view! { <h1 class="sr-only">{t("shell-title")}</h1> }>
                <header class="masthead">
                    <div class="title-row">
                        <h1>{t("shell-title")}</h1>
                        <LanguageSwitch/>
                    </div>
                    <p class="convention">{move || {
                        let style = url.names.get();
                        let date = data.date.get();
                        match overview.get().and_then(Result::ok) {
                            Some(land) => land.islands.masthead_note(style, Some(date), c),
                            None => style.convention_note(c),
                        }
                    }}</p>
                    <button type="button" class="open-article"
                        on:click=move |_| url.push(|s| s.article = Some(DEFAULT_ARTICLE.to_owned()))>
                        {t("shell-read-article")}
                    </button>
                </header>
            </Show>
            <IgnoredNotice/>
            {move || match overview.get() {
                None => view! { <p class="status" role="status">{t("shell-loading-map")}</p> }.into_any(),
                Some(Err(message)) => view! {
                    <div class="status error" role="alert">
                        <p>{tf("shell-map-failed", &[("error", message.into())])}</p>
                        <button type="button" on:click=move |_| overview.refetch()>{t("shell-try-again")}</button>
                    </div>
                }.into_any(),
                Some(Ok(land)) => loaded(land, detail_land, on_zoom).into_any(),
            }}
        </main>
    }
}

/// The language switch: the three languages by their own names, each a
/// link to this view in that language (so it can be opened elsewhere or
/// copied); choosing one records `lang=` and reloads the page in it
/// (`i18n::follow`), and remembers the choice for links without `lang=`.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let url: UrlState = expect_context();
    let current = i18n::lang();
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            let href = move || {
                let mut s = url.state.get();
                s.lang = Some(lang);
                permalink::href(&s)
            };
            let choose = move |e: leptos::ev::MouseEvent| {
                if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                    return;
                }
                e.prevent_default();
                i18n::remember(lang);
                if lang != current {
                    url.push(|s| s.lang = Some(lang));
                }
            };
            view! {
                <li><a href=href lang=lang.code() hreflang=lang.code()
                    aria-current=(lang == current).then_some("true")
                    on:click=choose>{lang.autonym()}</a></li>
            }
        })
        .collect_view();
    view! {
        <nav class="languages" aria-label=t("shell-language")><ul>{links}</ul></nav>
    }
}

/// The page's static markup (`app/index.html`: skip links, the links to
/// `/about` and `/methodology`, which open them in the page's language)
/// in the page's language.
fn translate_static_markup() {
    let set = |selector: &str, key: &str, attribute: Option<&str>| {
        if let Ok(Some(el)) = document().query_selector(selector) {
            match attribute {
                Some(name) => {
                    let _ = el.set_attribute(name, &t(key));
                }
                None => el.set_text_content(Some(&t(key))),
            }
        }
    };
    set(".skip-links", "shell-skip-links", Some("aria-label"));
    set(".skip-links a[href='#map']", "shell-skip-map", None);
    set(
        ".skip-links a[href='#timeline']",
        "shell-skip-timeline",
        None,
    );
    set(".skip-links .skip-panel", "shell-skip-panel", None);
    set(".skip-links .skip-list", "shell-skip-list", None);
    set(".site-links", "shell-site-links", Some("aria-label"));
    set(".site-links a[href^='/about']", "shell-about", None);
    set(
        ".site-links a[href^='/methodology']",
        "shell-methodology",
        None,
    );
    // The pages are in the page's language too (English without `lang=`).
    let lang = i18n::lang();
    if lang != Lang::En {
        for path in ["/about", "/methodology"] {
            let selector = format!(".site-links a[href^='{path}']");
            if let Ok(Some(el)) = document().query_selector(&selector) {
                let _ = el.set_attribute("href", &format!("{path}?lang={}", lang.code()));
            }
        }
    }
}

/// The page's static links to `/about` and `/methodology` (app/index.html)
/// and the server's data revision (server/src/linked.rs) join the
/// masthead's flow, so its flex rows lay them out beside the title and the
/// convention line in any language: placed over it at fixed offsets, the
/// Russian revision covered the end of the convention line at 1024 px. The
/// links go before "Read the article" and the revision last, so Tab follows
/// the rows as they read.
fn gather_into_masthead() {
    let doc = document();
    let find = |selector: &str| doc.query_selector(selector).ok().flatten();
    if let (Some(links), Some(button)) =
        (find("body > .site-links"), find(".masthead .open-article"))
    {
        let _ = button.before_with_node_1(&links);
    }
    if let (Some(revision), Some(header)) =
        (find("body > .data-revision"), find(".atlas .masthead"))
    {
        let _ = header.append_child(&revision);
    }
}

fn loaded(
    land: Arc<LandShapes>,
    detail: Signal<Option<Arc<LandShapes>>>,
    on_zoom: Callback<f64>,
) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    data.land.set_value(Some(land.clone()));
    crate::panel_host::prefetch_islands(url, data);
    // The map first, in its own task, with the panel hosts (they answer
    // clicks on the map, and cost little: a click as the map appears must
    // find them); then the rest of the page, one part per task, so that no
    // task keeps a click waiting for long (one task for all of it took
    // 60-90 ms in Chromium here).
    let stage = RwSignal::new(Stage::Map);
    mount_in_stages(stage);
    let from = move |part: Stage| move || stage.get() >= part;
    view! {
        <MapView land=land detail=detail on_zoom=on_zoom/>
        <Show when=move || !url.embed.get() fallback=Controls>
            <Show when=from(Stage::Controls)><Controls/></Show>
            <Show when=from(Stage::Timeline)><Timeline/></Show>
            <Show when=from(Stage::IslandList)><IslandList/></Show>
        </Show>
        <FragmentHost place=Place::Panel/>
        <FragmentHost place=Place::Reader/>
    }
}

/// The parts of the page after the map, in the order they are mounted.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Map,
    Timeline,
    Controls,
    IslandList,
}

/// Mounts the next part of the page in a task of its own, until the last;
/// each after whatever is more urgent (a click, its panel, a frame:
/// `api::next_task`).
fn mount_in_stages(stage: RwSignal<Stage>) {
    leptos::task::spawn_local(async move {
        api::next_task().await;
        let next = match stage.get_untracked() {
            Stage::Map => Stage::Timeline,
            Stage::Timeline => Stage::Controls,
            Stage::Controls => Stage::IslandList,
            Stage::IslandList => return,
        };
        stage.set(next);
        mount_in_stages(stage);
    });
}
