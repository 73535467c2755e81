//! Query-string parsing: every malformed or unknown parameter is a 400 that
//! names it.

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use model::events::{Date, EventKind, EventQuery, PartialDate};
use model::i18n::Lang;
use utoipa::IntoParams;

use crate::error::ApiError;

/// Most events one page may hold.
pub const MAX_LIMIT: usize = 1000;

pub type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The parameters, refusing unknown and repeated names.
pub fn pairs(query: RawQuery, allowed: &[&str]) -> Result<Vec<(String, String)>, ApiError> {
    let Query(pairs) = query.map_err(|e| ApiError::bad_parameter("query", e.body_text()))?;
    for (i, (name, _)) in pairs.iter().enumerate() {
        if !allowed.contains(&name.as_str()) {
            let shown: String = name.chars().take(40).collect();
            return Err(ApiError::bad_parameter(
                &shown,
                format!("unknown parameter (expected {})", allowed.join(", ")),
            ));
        }
        if pairs[..i].iter().any(|(n, _)| n == name) {
            return Err(ApiError::bad_parameter(name, "given more than once"));
        }
    }
    Ok(pairs)
}

fn shown(value: &str) -> String {
    value.chars().take(40).collect()
}

pub fn date(name: &str, value: &str) -> Result<Date, ApiError> {
    value.parse::<Date>().map_err(|_| {
        ApiError::bad_parameter(
            name,
            format!("`{}` is not a valid date (YYYY-MM-DD)", shown(value)),
        )
    })
}

fn partial_date(name: &str, value: &str) -> Result<PartialDate, ApiError> {
    // A query period is a plain date: a `by` bound (data only) is refused.
    let parsed = value.parse::<PartialDate>().ok().filter(|d| !d.by);
    parsed.ok_or_else(|| {
        ApiError::bad_parameter(
            name,
            format!(
                "`{}` is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)",
                shown(value)
            ),
        )
    })
}

fn number(
    name: &str,
    value: &str,
    range: std::ops::RangeInclusive<usize>,
) -> Result<usize, ApiError> {
    value
        .parse::<usize>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            ApiError::bad_parameter(
                name,
                format!(
                    "`{}` is not a whole number from {} to {}",
                    shown(value),
                    range.start(),
                    range.end()
                ),
            )
        })
}

/// A day's pattern: four-digit years from 1000 (the data's range,
/// `model::events::Date`), months and days of two digits.
const DAY: &str = r"^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// A day as the parser takes it: `format: date` (RFC 3339 full-date), so a
/// client or a test generator knows `2017-02-30` is no day, and [`DAY`]'s
/// years. Every value this schema admits parses.
pub(crate) fn day() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{KnownFormat, SchemaFormat, Type};
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .pattern(Some(DAY))
        .build()
}

/// A period of a query: a year, a month or a [`day`].
fn period() -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::ObjectBuilder;
    use utoipa::openapi::schema::{AnyOfBuilder, Type};
    let pattern = |p: &str| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(p))
            .build()
    };
    AnyOfBuilder::new()
        .item(pattern(r"^[1-9][0-9]{3}$"))
        .item(pattern(r"^[1-9][0-9]{3}-(0[1-9]|1[0-2])$"))
        .item(day())
        .build()
        .into()
}

/// The island filter's schema: a string whose values the document lists
/// from the data files when the API starts (`api::openapi_document`).
fn island_ids() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .build()
}

/// The `lang` parameter's schema: one of the languages, as a string.
fn languages() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(Lang::ALL.map(Lang::code)))
        .build()
}

fn lang(value: &str) -> Result<Lang, ApiError> {
    value.parse::<Lang>().map_err(|_| {
        ApiError::bad_parameter(
            "lang",
            format!("`{}` is not one of: en, ja, ru", shown(value)),
        )
    })
}

/// The language of an answer's record text (`GET /api/…/{id}`,
/// `/api/articles`), as parsed by [`lang_params`].
#[derive(Debug, Default, PartialEq, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangParams {
    /// The language of the records' text: `en` (the default), `ja` or `ru`.
    /// A record not yet translated keeps its English text, and says so by
    /// its `text_lang`; names follow the language's script.
    #[param(schema_with = languages)]
    pub lang: Option<Lang>,
}

/// The names [`LangParams`] has.
const LANG_PARAMS: [&str; 1] = ["lang"];

/// Parses `lang`, the only parameter of the endpoints without filters.
pub fn lang_params(query: RawQuery) -> Result<LangParams, ApiError> {
    let pairs = pairs(query, &LANG_PARAMS)?;
    let lang = pairs.first().map(|(_, value)| lang(value)).transpose()?;
    Ok(LangParams { lang })
}

/// Filters of `GET /api/events`, as parsed by [`event_params`]; the OpenAPI
/// document describes the parameters from this type.
#[derive(Debug, Default, PartialEq, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventParams {
    /// Island or group id (as `/api/islands` lists them); a group includes its islands.
    #[param(schema_with = island_ids)]
    pub island: Option<String>,
    /// Event kind.
    #[param(value_type = Option<model::events::EventKind>)]
    pub kind: Option<EventKind>,
    /// Events ending on or after this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[param(schema_with = period)]
    pub from: Option<PartialDate>,
    /// Events starting on or before this date (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`). A `to` before `from` is an empty period: no events.
    #[param(schema_with = period)]
    pub to: Option<PartialDate>,
    /// Words that must all occur in the id, title, summary, location or places.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Page size, 1–1000 (default 1000).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<usize>,
    /// Matches to skip.
    #[param(minimum = 0, maximum = 9223372036854775807_u64)]
    pub offset: Option<usize>,
    /// The language of the events' text: `en` (the default), `ja` or `ru`
    /// (`q` searches that text).
    #[param(schema_with = languages)]
    pub lang: Option<Lang>,
}

/// The names [`EventParams`] has, in its order.
const EVENT_PARAMS: [&str; 8] = [
    "island", "kind", "from", "to", "q", "limit", "offset", "lang",
];

impl EventParams {
    /// The model's query: a page of at most [`MAX_LIMIT`] from the start unless asked otherwise.
    pub fn into_query(self) -> EventQuery {
        EventQuery {
            island: self.island,
            kind: self.kind,
            from: self.from,
            to: self.to,
            q: self.q,
            limit: Some(self.limit.unwrap_or(MAX_LIMIT)),
            offset: self.offset.unwrap_or(0),
        }
    }
}

/// Parses the `/api/events` filters; `island_known` says whether an island id exists.
pub fn event_params(
    query: RawQuery,
    island_known: impl Fn(&str) -> bool,
) -> Result<EventParams, ApiError> {
    let mut q = EventParams::default();
    for (name, value) in pairs(query, &EVENT_PARAMS)? {
        match name.as_str() {
            "island" => {
                if !island_known(&value) {
                    return Err(ApiError::bad_parameter(
                        "island",
                        format!("unknown island id `{}`", shown(&value)),
                    ));
                }
                q.island = Some(value);
            }
            "kind" => {
                q.kind = Some(EventKind::parse(&value).ok_or_else(|| {
                    ApiError::bad_parameter(
                        "kind",
                        format!(
                            "`{}` is not one of: {}",
                            shown(&value),
                            EventKind::expected()
                        ),
                    )
                })?);
            }
            "from" => q.from = Some(partial_date("from", &value)?),
            "to" => q.to = Some(partial_date("to", &value)?),
            "q" => {
                if value.chars().count() > 200 {
                    return Err(ApiError::bad_parameter("q", "longer than 200 characters"));
                }
                q.q = Some(value);
            }
            "limit" => q.limit = Some(number("limit", &value, 1..=MAX_LIMIT)?),
            "offset" => q.offset = Some(number("offset", &value, 0..=usize::MAX / 2)?),
            "lang" => q.lang = Some(lang(&value)?),
            _ => {}
        }
    }
    Ok(q)
}

/// [`event_params`] over a raw query string (without `?`), exactly as the
/// `/api/events` handler parses it; pure, for fuzzing (`fuzz/`) and tests.
pub fn parse_event_query(
    query: &str,
    island_known: impl Fn(&str) -> bool,
) -> Result<EventQuery, ApiError> {
    let uri: axum::http::Uri = format!("/?{query}")
        .parse()
        .map_err(|_| ApiError::bad_parameter("query", "not a valid URI query"))?;
    event_params(Query::try_from_uri(&uri), island_known).map(EventParams::into_query)
}

/// The filters of the deployment endpoints (`/api/deployments`,
/// `.geojson`, `.csv`), as parsed by [`at_params`].
#[derive(Debug, Default, PartialEq, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AtParams {
    /// Island or group id (as `/api/islands` lists them); a group includes its islands.
    #[param(schema_with = island_ids)]
    pub island: Option<String>,
    /// Only deployments in place on this day (`YYYY-MM-DD`); all when absent.
    #[param(schema_with = day)]
    pub at: Option<Date>,
    /// The language of the deployments' text: `en` (the default), `ja` or `ru`.
    #[param(schema_with = languages)]
    pub lang: Option<Lang>,
}

/// The names [`AtParams`] has.
const AT_PARAMS: [&str; 3] = ["island", "at", "lang"];

/// Parses the deployment endpoints' `island`, `at` and `lang`;
/// `island_known` says whether an island id exists.
pub fn at_params(
    query: RawQuery,
    island_known: impl Fn(&str) -> bool,
) -> Result<AtParams, ApiError> {
    let mut params = AtParams::default();
    for (name, value) in pairs(query, &AT_PARAMS)? {
        match name.as_str() {
            "island" if !island_known(&value) => {
                return Err(ApiError::bad_parameter(
                    "island",
                    format!("unknown island id `{}`", shown(&value)),
                ));
            }
            "island" => params.island = Some(value),
            "at" => params.at = Some(date("at", &value)?),
            "lang" => params.lang = Some(lang(&value)?),
            _ => {}
        }
    }
    Ok(params)
}

/// The two days of `GET /api/deployments/changes`, as parsed by
/// [`changes_params`]; both are required.
#[derive(Debug, PartialEq, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesParams {
    /// The day to compare from (`YYYY-MM-DD`).
    #[param(value_type = String, format = Date, pattern = r"^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
    pub from: Date,
    /// The day to compare with it (`YYYY-MM-DD`); it may come before
    /// `from`: the lists then read backwards.
    #[param(value_type = String, format = Date, pattern = r"^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
    pub to: Date,
    /// The language of the deployments' text: `en` (the default), `ja` or `ru`.
    #[param(schema_with = languages)]
    pub lang: Option<Lang>,
}

/// The names [`ChangesParams`] has.
const CHANGES_PARAMS: [&str; 3] = ["from", "to", "lang"];

/// Parses `from`, `to` (both required) and `lang`.
pub fn changes_params(query: RawQuery) -> Result<ChangesParams, ApiError> {
    let (mut from, mut to, mut lang_) = (None, None, None);
    for (name, value) in pairs(query, &CHANGES_PARAMS)? {
        match name.as_str() {
            "from" => from = Some(date("from", &value)?),
            "to" => to = Some(date("to", &value)?),
            "lang" => lang_ = Some(lang(&value)?),
            _ => {}
        }
    }
    let missing = |name: &str| ApiError::bad_parameter(name, "required (YYYY-MM-DD)");
    Ok(ChangesParams {
        from: from.ok_or_else(|| missing("from"))?,
        to: to.ok_or_else(|| missing("to"))?,
        lang: lang_,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn documented<P: IntoParams>() -> Vec<String> {
        P::into_params(|| None)
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn the_parser_accepts_exactly_the_documented_names() {
        assert_eq!(documented::<EventParams>(), EVENT_PARAMS);
        assert_eq!(documented::<AtParams>(), AT_PARAMS);
        assert_eq!(documented::<LangParams>(), LANG_PARAMS);
        assert_eq!(documented::<ChangesParams>(), CHANGES_PARAMS);
    }

    #[test]
    fn the_parsed_filters_become_the_models_query() {
        let all = |_: &str| true;
        let q =
            parse_event_query("island=etorofu&kind=treaty&from=2016&limit=5", all).expect("valid");
        assert_eq!(q.island.as_deref(), Some("etorofu"));
        assert_eq!(q.limit, Some(5));
        assert_eq!(q.offset, 0);
        assert!(q.kind.is_some() && q.from.is_some() && q.to.is_none());
        assert_eq!(
            parse_event_query("", all).expect("empty").limit,
            Some(MAX_LIMIT)
        );
        assert!(parse_event_query("island=atlantis", |_| false).is_err());
    }
}
