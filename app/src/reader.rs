//! The article reader: the text with its excerpts marked (a quoted article:
//! its quotes); choosing one shows its notes (the fact-check among them) and
//! moves the map to its places and date. Below, every source's quotes,
//! filtered by island and event.

use crate::data::AtlasData;
use crate::i18n::{catalogue, t, tf};
use crate::panel::{Sources, date_label, named, quote_translation, record_lang, translation_note};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::events::{ArticleView, Date, ExcerptView};
use model::islands::Islands;
use model::marks::Overlays;
use model::permalink::canonical_view;
use model::scene::LandShapes;
use model::viewport::View;
use std::sync::Arc;

/// Plain text and marked excerpts, in reading order.
enum Segment {
    Text(String),
    Excerpt { number: u32, text: String },
}

/// Cuts the text at the excerpts' character ranges; overlapping or invalid
/// ranges are skipped (the server validates them, this only guards). A
/// quoted article (no text) is its quotes, one after another.
fn segments(view: &ArticleView) -> Vec<Segment> {
    let Some(text) = &view.article.text else {
        return (view.excerpts.iter().zip(1..))
            .map(|(e, number)| Segment::Excerpt {
                number,
                text: e.excerpt.quote.clone(),
            })
            .collect();
    };
    let chars: Vec<char> = text.chars().collect();
    let mut marks: Vec<(usize, usize, u32)> = (view.excerpts.iter().zip(1..))
        .filter_map(|(e, i)| Some((e.excerpt.start?, e.excerpt.end?, i)))
        .collect();
    marks.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, number) in marks {
        if start < at || end > chars.len() || start >= end {
            continue;
        }
        out.push(Segment::Text(chars[at..start].iter().collect()));
        out.push(Segment::Excerpt {
            number,
            text: chars[start..end].iter().collect(),
        });
        at = end;
    }
    out.push(Segment::Text(chars[at..].iter().collect()));
    out
}

/// Map points for an excerpt: its places, then its islands' centroids, then its events'.
/// An islet's excerpt points at its group's centre.
fn excerpt_points(e: &ExcerptView, places: &Overlays, islands: &Islands) -> Vec<[f64; 2]> {
    let place_ids = e.excerpt.places.iter().cloned().chain(
        e.excerpt
            .islands
            .iter()
            .map(|i| format!("{}-centroid", islands.story_of(i))),
    );
    place_ids
        .filter_map(|id| places.find_place(&id).map(|p| p.at))
        .collect()
}

/// The latest day of the excerpt's events, so what they established is on the map.
fn excerpt_date(e: &ExcerptView) -> Option<Date> {
    e.events.iter().map(|r| r.date.last_day()).max()
}

#[component]
pub fn Reader(
    /// The land, for its islands' groups.
    land: Arc<LandShapes>,
) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let close = move || {
        url.push(|s| {
            s.article = None;
            s.excerpt = None;
        })
    };
    move || {
        url.article.get()?;
        let body = match data.article.get() {
            None => view! { <p role="status">{t("reader-loading")}</p> }.into_any(),
            Some(Err(e)) => {
                view! { <p role="alert">{tf("reader-failed", &[("error", e.into())])}</p> }
                    .into_any()
            }
            // No such article: the bad-link notice says so; no reader opens.
            Some(Ok(None)) => return None,
            Some(Ok(Some(article))) => article_view(article, land.clone()).into_any(),
        };
        Some(view! {
            <aside class="reader" aria-label=t("reader-label")
                on:keydown=move |e| if e.key() == "Escape" { close() }>
                <button type="button" class="close" aria-label=t("reader-close") on:click=move |_| close()>"×"</button>
                {body}
                {quote_list(land.clone())}
            </aside>
        })
    }
}

fn article_view(article: Arc<ArticleView>, land: Arc<LandShapes>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let selected = url.excerpt;
    let a = &article.article;
    let choose = {
        let article = article.clone();
        move |number: u32| {
            let Some(e) = article.excerpts.get(number as usize - 1) else {
                return;
            };
            let date = excerpt_date(e).or(article.article.published.map(|p| p.last_day()));
            let view = data
                .overlays
                .get_untracked()
                .and_then(Result::ok)
                .and_then(|places| {
                    let points = excerpt_points(e, &places, &land.islands);
                    fit(&points)
                });
            url.push(move |s| {
                s.excerpt = Some(number);
                if date.is_some() {
                    s.date = date;
                }
                if let Some(v) = view {
                    s.view = Some(v);
                }
            });
        }
    };
    let text = segments(&article)
        .into_iter()
        .map(|seg| match seg {
            Segment::Text(t) => view! { <span>{t}</span> }.into_any(),
            Segment::Excerpt { number, text } => {
                let choose = choose.clone();
                let choose_key = choose.clone();
                let article = article.clone();
                // The notes open right after their excerpt, so a link to an
                // excerpt shows both at once (they sat above the text).
                let notes = move || {
                    (selected.get() == Some(number)).then(|| excerpt_notes(&article, number))
                };
                // A <mark> that acts as a button keeps the excerpt inline in the running text.
                view! {
                    <mark id=format!("excerpt-{number}") class="excerpt" class:selected=move || selected.get() == Some(number)
                        tabindex="0" role="button" aria-pressed=move || (selected.get() == Some(number)).to_string()
                        on:click=move |_| choose(number)
                        on:keydown=move |e| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); choose_key(number) }>
                        {text}
                    </mark>
                    {notes}
                }
                .into_any()
            }
        })
        .collect_view();
    // Keep the chosen excerpt in view (links from events open the reader there).
    Effect::new(move |_| {
        if let Some(el) = selected
            .get()
            .and_then(|n| document().get_element_by_id(&format!("excerpt-{n}")))
        {
            el.scroll_into_view();
        }
    });
    view! {
        <article>
            <h2 lang=a.language.clone()>{a.title.clone()}</h2>
            <p class="byline">{byline(a)}" "{a.url.clone().map(|u| view! { <a href=u rel="noopener" target="_blank">{t("reader-source-page")}</a> })}</p>
            {a.provenance.clone().map(|p| view! { <p class="provenance">{p}</p> })}
            <p class="hint">{t("reader-hint")}</p>
            <div class="article-text" class:quotes=a.text.is_none() lang=a.language.clone()>{text}</div>
        </article>
    }
}

/// A view showing all points, at most zoom 10 so a single point keeps context.
fn fit(points: &[[f64; 2]]) -> Option<View> {
    let first = points.first()?;
    let (mut w, mut s, mut e, mut n) = (first[0], first[1], first[0], first[1]);
    for [lon, lat] in points {
        w = w.min(*lon);
        e = e.max(*lon);
        s = s.min(*lat);
        n = n.max(*lat);
    }
    let pad = 0.3;
    let mut view = View::fit([w - pad, s - pad, e + pad, n + pad], 800.0, 600.0);
    view.zoom = view.zoom.min(10.0);
    Some(canonical_view(view))
}

/// The notes on excerpt `n` (1-based): the passage they are about, its
/// translation, its annotations with sources, and the events it reports.
fn excerpt_notes(article: &ArticleView, n: u32) -> Option<AnyView> {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let naming = url.naming.get_untracked();
    let e = article.excerpts.get(n as usize - 1)?;
    let annotations = e
        .annotations
        .iter()
        .map(|a| {
            let kind = a.kind.label(catalogue());
            view! {
                <div class=format!("annotation {}", a.kind.as_str())>
                    <p><strong>{kind}": "</strong>
                    <span lang=record_lang(&a.text_lang)>{named(data, naming, &a.note, &a.note_template)}</span></p>
                    {translation_note(&a.text_lang)}
                    <Sources sources=a.sources.clone()/>
                </div>
            }
        })
        .collect_view();
    let events = e.events.iter().map(|r| {
        let id = r.id.clone();
        view! { <li><button type="button" class="link" on:click=move |_| { let id = id.clone(); url.push(move |s| s.event = Some(id)) }>
            {format!("{} · {}", date_label(&r.date), named(data, naming, &r.title, &r.title_template))}</button></li> }
    }).collect_view();
    let total = article.excerpts.len();
    Some(
        view! {
            <section class="excerpt-notes" aria-labelledby=format!("notes-{n}")>
                <h3 id=format!("notes-{n}")>{tf("reader-notes-title", &[("n", n.into()), ("total", total.into())])}</h3>
                <blockquote lang=article.article.language.clone()>{format!("“{}”", e.excerpt.quote)}</blockquote>
                {quote_translation(&e.excerpt.translation, &e.excerpt.translation_lang)}
                {annotations}
                <h4>{t("reader-linked-events")}</h4>
                <ul>{events}</ul>
            </section>
        }
        .into_any(),
    )
}

/// "Outlet · kind · date".
fn byline(a: &model::events::Article) -> String {
    let mut s = a.outlet.clone();
    for part in [
        a.kind.map(|k| k.label(catalogue())),
        a.published.map(|p| date_label(&p)),
    ]
    .into_iter()
    .flatten()
    {
        s = format!("{s} · {part}");
    }
    s
}

/// Every source's quotes, filtered by island and event (labelled selects);
/// a quote opens its article at that excerpt.
fn quote_list(land: Arc<LandShapes>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    data.want_articles();
    let list = data.articles;
    let island = RwSignal::new(String::new());
    let event = RwSignal::new(String::new());
    let pick = |label: String, signal: RwSignal<String>, options: Vec<(String, String)>| {
        view! {
            <label>{label}" "<select on:change=move |e| signal.set(event_target_value(&e))>
                <option value="">{t("reader-all")}</option>
                {options.into_iter().map(|(v, t)| view! { <option value=v>{t}</option> }).collect_view()}
            </select></label>
        }
    };
    move || {
        let items = list.get()?.ok()??;
        let islands = &land.islands;
        let naming = url.naming.get_untracked();
        let island_options = islands
            .ids()
            .filter_map(|id| Some((id.to_owned(), naming.label(&islands.find(id)?.forms()))))
            .collect();
        // The events some quote reports, in date order (the loaded events are).
        let all = data.events.get().and_then(Result::ok).unwrap_or_default();
        let event_options = all
            .iter()
            .filter(|e| {
                items
                    .iter()
                    .flat_map(|s| &s.excerpts)
                    .any(|x| x.excerpt.events.contains(&e.id))
            })
            .map(|e| {
                let title = named(data, naming, &e.title, &e.title_template);
                (e.id.clone(), format!("{} · {title}", date_label(&e.date)))
            })
            .collect();
        let land = land.clone();
        let rows = move || {
            let islands = &land.islands;
            let (i, ev) = (island.get(), event.get());
            let mut count = 0;
            let rows = items
                .iter()
                .filter_map(|s| {
                    let quotes: Vec<_> = (s.excerpts.iter().zip(1..))
                        .filter(|(x, _)| {
                            (i.is_empty() || x.excerpt.islands.iter().any(|id| islands.selects(&i, id, None)))
                                && (ev.is_empty() || x.excerpt.events.contains(&ev))
                        })
                        .map(|(x, n)| {
                            let id = s.article.id.clone();
                            view! { <li><button type="button" class="link" lang=s.article.language.clone()
                                on:click=move |_| { let id = id.clone(); url.push(move |st| { st.article = Some(id); st.excerpt = Some(n) }) }>
                                {format!("“{}”", x.excerpt.quote)}</button></li> }
                        })
                        .collect();
                    count += quotes.len();
                    (!quotes.is_empty()).then(|| view! { <li><p class="byline"><span lang=s.article.language.clone()>{s.article.title.clone()}</span>" — "{byline(&s.article)}</p><ul>{quotes}</ul></li> })
                })
                .collect_view();
            view! { <p role="status">{tf("reader-quote-count", &[("count", count.into())])}</p><ul class="sources">{rows}</ul> }
        };
        Some(view! {
            <section class="quote-list" aria-label=t("reader-quotes-title")>
                <h3>{t("reader-quotes-title")}</h3>
                {pick(t("reader-filter-island"), island, island_options)}
                {pick(t("reader-filter-event"), event, event_options)}
                {rows}
            </section>
        })
    }
}
