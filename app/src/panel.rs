//! The side panel (a bottom sheet on phones): an island's names, status and
//! story (`story.rs`), or one event with its sources.

use crate::api;
use crate::compare::ChangesPanel;
use crate::data::AtlasData;
use crate::deployment_card::DeploymentCardPanel;
use crate::focus::Focus;
use crate::i18n::{catalogue, lang, t, tf};
use crate::story::IslandStory;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::events::{Date, PartialDate};
use model::events::{Event, Source};
use model::i18n::Lang;
use model::islands::Administration;
use model::names::{Forms, NameStyle, Naming};
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
        if url.island.get().is_none() && url.compare.get().is_some() {
            return Some(view! { <ChangesPanel/> }.into_any());
        }
        let id = url.island.get()?;
        if story_of(&land, &id).is_none() {
            // A well-formed id this map does not have: say so, do not go blank.
            let shown: String = id.chars().take(64).collect();
            return Some(view! {
                <div class="notice" role="status">
                    <p>{tf("panel-unknown-island", &[("id", shown.into())])}</p>
                    <button type="button" aria-label=t("panel-dismiss") on:click=move |_| close()>"×"</button>
                </div>
            }.into_any());
        };
        let panel = NodeRef::new();
        focus.panel_shown(panel, format!("island {id}"));
        let from_event = last_event
            .get_value()
            .filter(|(island, _)| island.as_ref() == Some(&id))
            .map(|(_, event)| event);
        let story_id = story_of(&land, &id).unwrap_or(&id).to_owned();
        // Its own closure: a new date or names redraw the facts, not the story.
        let land = land.clone();
        let facts = move || island_facts(&land, &id, url.naming.get(), data.date.get()).into_any();
        Some(view! {
            <aside class="panel" id="panel" node_ref=panel aria-labelledby="panel-title"
                on:keydown=move |e| if e.key() == "Escape" { close() }>
                <button type="button" class="close" aria-label=t("panel-close-island")
                    on:click=move |_| close()>"×"</button>
                {facts}
                {crate::downloads::data_links(Some(story_id.clone()))}
                {move || match detail.get() {
                    None => view! { <p role="status">{t("panel-loading-history")}</p> }.into_any(),
                    Some(Err(e)) => view! {
                        <div role="alert"><p>{tf("panel-history-failed", &[("error", e.into())])}</p>
                        <button type="button" on:click=move |_| detail.refetch()>{t("panel-try-again")}</button></div>
                    }.into_any(),
                    Some(Ok(None)) => ().into_any(),
                    Some(Ok(Some(d))) => view! { <IslandStory story=d.story island=story_id.clone() from_event=from_event.clone()/> }.into_any(),
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
            let kind = s.kind.label(catalogue());
            view! { <li><a href=s.url rel="noopener noreferrer" title=s.title>{s.outlet}</a>{format!(" ({kind}, {})", s.language)}</li> }
        })
        .collect_view();
    view! { <ul class="sources" aria-label=t("panel-sources")>{items}</ul> }
}

/// A date as a label in the page's language: "November 2016",
/// "2016年11月", "ноябрь 2016 г."; a bound with its "by".
pub fn date_label(date: &PartialDate) -> String {
    match date.by {
        true => catalogue().date_in_words(date),
        false => catalogue().date_words(date),
    }
}

/// The `lang` of record text: `en` where the record fell back to English
/// on a Japanese or Russian page (`text_lang`), else the page's own.
pub fn record_lang(text_lang: &str) -> Option<&'static str> {
    (text_lang == "en" && lang() != Lang::En).then_some("en")
}

/// "Translation: Kuril Atlas" under record text the project translated
/// into the page's language (`text_lang` ja or ru).
pub fn translation_note(text_lang: &str) -> Option<impl IntoView + use<>> {
    (text_lang != "en" && text_lang == lang().code())
        .then(|| view! { <p class="translation-note">{t("record-translation-note")}</p> })
}

/// A quote's translation beside it (`excerpt.translation`, into
/// `translation_lang`), marked as the project's.
pub fn quote_translation(
    translation: &Option<String>,
    translation_lang: &Option<String>,
) -> Option<impl IntoView + use<>> {
    let text = translation.clone()?;
    let language = translation_lang.clone();
    Some(view! {
        <p class="translation"><strong>{t("record-quote-translation")}": "</strong>
            <span lang=language>{text}</span></p>
    })
}

/// Record text in the reader's names and script: its template (the API's
/// `*_template`) with each `{id}` named by `naming`, else the text as
/// served. English pages name places as the map does ([`AtlasData::named`]).
pub fn named(data: AtlasData, naming: Naming, text: &str, template: &Option<String>) -> String {
    if naming.lang == Lang::En {
        return data.named(naming.style, text, template);
    }
    let Some(template) = template else {
        return text.to_owned();
    };
    let land = data.land.get_value();
    let overlays = data.overlays.get().and_then(Result::ok);
    // The forms of the ids the text names (a few), then the text.
    let forms: Vec<(String, Forms)> = crate::data::references(template)
        .filter_map(|id| {
            let found = match land.as_ref().and_then(|l| l.islands.find(id)) {
                Some(i) => i.forms(),
                None => overlays.as_ref()?.find_place(id)?.forms(),
            };
            Some((id.to_owned(), found))
        })
        .collect();
    naming.render(template, |id| {
        forms.iter().find(|(i, _)| i == id).map(|(_, f)| f)
    })
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
        Some((_, outlet, n)) => tf(
            "panel-read-in",
            &[("outlet", outlet.into()), ("n", n.into())],
        ),
        None => t("panel-read-in-article"),
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

/// A quote with its translation, in its article's language (known once
/// the article list is in).
pub fn quote_view(data: AtlasData, x: &model::events::Excerpt) -> impl IntoView + use<> {
    let id = x.id.clone();
    let language = move || {
        let (all, a, _) = data.excerpt(&id)?;
        Some(all.get(a)?.article.language.clone())
    };
    let translation = quote_translation(&x.translation, &x.translation_lang);
    view! { <blockquote lang=language>{format!("“{}”", x.quote)}</blockquote>{translation} }
}

/// An excerpt's words, once the article list is in.
fn excerpt_quote(data: AtlasData, excerpt: &str) -> Option<impl IntoView + use<>> {
    let (all, a, n) = data.excerpt(excerpt)?;
    let view = all.get(a)?;
    let excerpt = &view.excerpts.get(n as usize - 1)?.excerpt;
    let quote = format!("“{}”", excerpt.quote);
    let translation = quote_translation(&excerpt.translation, &excerpt.translation_lang);
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
                <div class="notice" role="status"><p>{tf("panel-unknown-event", &[("id", shown.into())])}</p>
                <button type="button" aria-label=t("panel-dismiss") on:click=move |_| close()>"×"</button></div>
            }.into_any());
        };
        let naming = url.naming.get();
        let named = |text: &str, template| named(data, naming, text, template);
        let level = e.confidence.label(catalogue());
        let confidence = tf("panel-confidence", &[("level", level.into())]);
        let note = e.confidence_note.as_ref().map(|n| {
            view! { " — "<span lang=record_lang(&e.text_lang)>{n.clone()}</span> }
        });
        let excerpts = e
            .excerpts
            .iter()
            .map(|x| view! { <li>{excerpt_quote(data, x)}<ReadInArticle excerpt=x.clone()/></li> })
            .collect_view();
        let text_lang = record_lang(&e.text_lang);
        let location = e.location.as_ref().map(|l| {
            let l = l.clone();
            view! { <p class="location">{tf("panel-where", &[("place", "".into())])}<span lang=text_lang>{l}</span></p> }
        });
        // The event's own page, drawn by the server (readable without the app).
        let page = match naming.lang {
            Lang::En => format!("/events/{id}"),
            lang => format!("/events/{id}?lang={}", lang.code()),
        };
        let panel = NodeRef::new();
        focus.panel_shown(panel, format!("event {id}"));
        Some(view! {
            <aside class="panel event-card" id="panel" node_ref=panel aria-labelledby="event-title"
                on:keydown=move |k| if k.key() == "Escape" { close() }>
                <button type="button" class="close" aria-label=t("panel-close-event") on:click=move |_| close()>"×"</button>
                <p class="when">{format!("{} · {}", e.kind.label(catalogue()), date_label(&e.date))}</p>
                <h2 id="event-title" tabindex="-1" lang=text_lang>{named(&e.title, &e.title_template)}</h2>
                <p lang=text_lang>{named(&e.summary, &e.summary_template)}</p>
                {translation_note(&e.text_lang)}
                {location}
                <p class="confidence">{confidence}{note}</p>
                <p class="event-page"><a href=page>{t("event-page-link")}</a></p>
                <Sources sources=e.sources.clone()/>
                {(!e.excerpts.is_empty()).then(|| view! { <h3>{t("panel-quotes")}</h3> })}
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
fn island_facts(land: &LandShapes, id: &str, naming: Naming, date: Date) -> impl IntoView + use<> {
    let islands = &land.islands;
    let cat = catalogue();
    let page = naming.lang;
    let outline = land.find(id).map(|f| &f.properties);
    // Names of the outline (islet clusters have their own), else of the group.
    let forms = match (islands.find(id), outline) {
        (Some(entry), _) => entry.forms(),
        (None, Some(p)) => Forms::of_land(p),
        (None, None) => Forms::default(),
    };
    let story = story_of(land, id).unwrap_or(id);
    let title = naming.label(&forms);
    let full = Naming::new(page, NameStyle::Both).label(&forms);
    let subtitle = (title != full).then(|| view! { <p class="subtitle">{full}</p> });
    let administration = islands.administration(story, date);
    let admin = administration.map(|a| a.label(cat));
    let area = outline.and_then(|p| Some((p.official_area_km2?, p.official_area_source.clone()?))).map(|(a, source)| {
        let value = tf("panel-area-value", &[("area", page.number(a, 1).into())]);
        view! { <dt>{t("panel-area")}</dt><dd>{value}<span class="source" lang=(page != Lang::En).then_some("en")>{source}</span></dd> }
    });
    let group = islands.group(story).filter(|g| g.id != id);
    let population = islands.population(story).map(|pop| {
        // The count's words in the page's language, where the data has them.
        let words = match page {
            Lang::En => None,
            Lang::Ja => pop.ja.as_ref(),
            Lang::Ru => pop.ru.as_ref(),
        };
        let english = (page != Lang::En && words.is_none()).then_some("en");
        let publisher = words.map_or(&pop.publisher, |w| &w.publisher);
        let caveat = words.map_or(&pop.caveat, |w| &w.caveat);
        let note = words.and_then(|w| w.note.as_ref()).or(pop.note.as_ref());
        let scope = match (note, group) {
            (Some(note), Some(g)) => format!(" ({}, {note})", naming.label(&g.forms())),
            (Some(note), None) => format!(" ({note})"),
            _ => String::new(),
        };
        // The publisher, then why the figure needs care, if it does.
        let publisher = match caveat {
            Some(caveat) => format!("{publisher}: {caveat}"),
            None => publisher.clone(),
        };
        let as_of = tf("panel-population-as-of", &[("date", cat.day_words(pop.as_of).into())]);
        let people = page.number(f64::from(pop.people), 0);
        view! { <dt>{t("panel-population")}</dt><dd>{format!("{people}{scope}, {as_of}")}
        <a class="source" href=pop.source.clone() rel="noopener noreferrer" lang=english>{publisher}</a></dd> }
    });
    // A claim is only a claim while the other side administers the island.
    let claim = administration.filter(|a| !a.is_japan()).map(
        |_| view! { <dt>{t("panel-claimed-by")}</dt><dd>{Administration::Japan.label(cat)}</dd> },
    );
    // The positions' line is English until the server words it.
    let positions = land.positions.clone();
    let positions_lang = (page != Lang::En).then_some("en");
    let group = group.map(|g| {
        let name = naming.label(&g.forms());
        view! { <dt>{t("panel-group")}</dt><dd>{name}</dd> }
    });
    let members = islands.group(id).map(|g| {
        let list = g
            .members()
            .iter()
            .filter_map(|m| islands.island(m))
            .map(|m| naming.label(&m.forms()))
            .collect::<Vec<_>>()
            .join(if page == Lang::Ja { "、" } else { ", " });
        view! { <dt>{t("panel-islands")}</dt><dd>{list}</dd> }
    });
    let outline_source = outline.map(|p| {
        view! { <dt>{t("panel-outline")}</dt><dd class="source" lang=(page != Lang::En).then_some("en")>{p.source.clone()}</dd> }
    });
    let on = tf(
        "panel-administered-on",
        &[("date", cat.day_words(date).into())],
    );
    view! {
        <h2 id="panel-title" tabindex="-1">{title}</h2>
        {subtitle}
        <dl class="names">
            <dt>{t("panel-japanese")}</dt>
            <dd><span lang="ja">{forms.ja.clone()}</span>" · "<span lang="ja-Latn">{forms.ja_romaji.clone()}</span></dd>
            <dt>{t("panel-russian")}</dt>
            <dd><span lang="ru">{forms.ru.clone()}</span>" · "<span lang="ru-Latn">{forms.ru_latin.clone()}</span></dd>
            {group}
            {members}
            <dt>{on}</dt>
            <dd>{admin}</dd>
            {claim}
            <dt>{t("panel-positions")}</dt>
            <dd><span lang=positions_lang>{positions}</span><a class="source" href="/about">{t("panel-positions-link")}</a></dd>
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
            url.naming.get_untracked(),
            data.date.get_untracked(),
        );
        Some(view! {
            <div class="panel warmup" aria-hidden="true">{facts}</div>
        })
    }
}
