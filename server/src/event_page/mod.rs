//! `/events/{id}`: each event's own page, citable and readable without
//! JavaScript, drawn on the server once at start-up in every language
//! (`render`), in the link's language (`lang=`, else `Accept-Language`,
//! then `Vary`: `page::ServedLang`); an unknown id gets a 404 page in the same style. No script,
//! no inline style: `/pages.css`, as `/about`. And `/feed.atom`, the events
//! as an Atom feed (`model::feed`), per island with `island=`.

mod render;

use std::collections::HashMap;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use model::events::Dataset;
use model::feed::{ATOM, FeedSource, check_island};
use model::i18n::{Catalogue, Lang};

use crate::api::{QueryPairs, pairs};
use crate::error::ApiError;
use crate::http_cache::{Served, cached};
use crate::i18n::PerLang;
use crate::page::ServedLang;
use crate::state::AppState;

const HTML: &str = "text/html; charset=utf-8";
/// Where the request's origin goes in a page drawn before any request.
const ORIGIN: &str = "\u{e000}origin\u{e000}";

/// Every event's page in every language, drawn once, with `ORIGIN` for the
/// origin each request supplies.
pub struct EventPages {
    /// Per language: event id → page.
    langs: PerLang<HashMap<String, String>>,
}

impl EventPages {
    /// `data(lang)`: the events in `lang`; `catalogue(lang)` its words.
    pub fn new<'a>(
        data: impl Fn(Lang) -> &'a Dataset,
        catalogue: impl Fn(Lang) -> &'a Catalogue,
    ) -> EventPages {
        let langs = PerLang::new(|lang| {
            let (d, c) = (data(lang), catalogue(lang));
            d.events
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), render::page(d, c, i, ORIGIN)))
                .collect()
        });
        EventPages { langs }
    }

    fn get(&self, lang: Lang, id: &str) -> Option<&String> {
        self.langs.get(lang).get(id)
    }
}

/// `GET /events/{id}`: the event's page, or a 404 page.
pub async fn event_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let served = ServedLang::of_page(query.as_deref(), &headers);
    let lang = served.lang;
    let origin = crate::page::origin(&headers);
    let response = match state.event_pages().get(lang, &id) {
        Some(page) => cached(&Served::new(page.replace(ORIGIN, &origin)), HTML, &headers),
        None => {
            let c = state.catalogues().get(lang);
            let body = render::not_found(c, &id);
            (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, HTML)], body).into_response()
        }
    };
    served.label(response)
}

/// `GET /feed.atom`: the events as an Atom feed, `island=` an island's or
/// group's, `lang=` in a language (English by default). A parameter that
/// is not understood is the API's 400.
pub async fn feed(
    State(state): State<AppState>,
    query: QueryPairs,
    headers: HeaderMap,
) -> Response {
    let (island, lang) = match feed_params(query, &state) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let origin = crate::page::origin(&headers);
    let atom = FeedSource {
        origin: &origin,
        dataset: &state.api().in_language(lang).data,
        catalogue: state.catalogues().get(lang),
        island: island.as_deref(),
    }
    .atom();
    ServedLang::named(lang).label(cached(&Served::new(atom), ATOM, &headers))
}

/// The feed's `island` (checked against the API's islands and groups) and
/// `lang`; unknown or repeated names are refused as by the API.
fn feed_params(query: QueryPairs, state: &AppState) -> Result<(Option<String>, Lang), ApiError> {
    let mut island = None;
    let mut lang = Lang::En;
    for (name, value) in pairs(query, &["island", "lang"])? {
        if name == "island" {
            let known = |i: &str| state.api().islands().iter().any(|s| s.id == i);
            check_island(Some(&value), known).map_err(|e| ApiError::bad_parameter("island", e))?;
            island = Some(value);
        } else {
            lang = value.parse::<Lang>().map_err(|_| {
                let shown: String = value.chars().take(40).collect();
                ApiError::bad_parameter("lang", format!("`{shown}` is not one of: en, ja, ru"))
            })?;
        }
    }
    Ok((island, lang))
}
