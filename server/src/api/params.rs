//! Query-string parsing: every malformed or unknown parameter is a 400 that
//! names it.

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use model::events::{Date, EventKind, EventQuery, PartialDate};
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
    value.parse::<PartialDate>().map_err(|_| {
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

/// Parses the `/api/events` filters; `island_known` says whether an island id exists.
pub fn event_query(
    query: RawQuery,
    island_known: impl Fn(&str) -> bool,
) -> Result<EventQuery, ApiError> {
    let mut q = EventQuery {
        limit: Some(MAX_LIMIT),
        ..Default::default()
    };
    let allowed = ["island", "kind", "from", "to", "q", "limit", "offset"];
    for (name, value) in pairs(query, &allowed)? {
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
            "offset" => q.offset = number("offset", &value, 0..=usize::MAX / 2)?,
            _ => {}
        }
    }
    if let (Some(from), Some(to)) = (q.from, q.to)
        && to.last_day() < from.first_day()
    {
        return Err(ApiError::bad_parameter(
            "to",
            format!("{to} is before from ({from})"),
        ));
    }
    Ok(q)
}

/// [`event_query`] over a raw query string (without `?`), exactly as the
/// `/api/events` handler parses it; pure, for fuzzing (`fuzz/`) and tests.
pub fn parse_event_query(
    query: &str,
    island_known: impl Fn(&str) -> bool,
) -> Result<EventQuery, ApiError> {
    let uri: axum::http::Uri = format!("/?{query}")
        .parse()
        .map_err(|_| ApiError::bad_parameter("query", "not a valid URI query"))?;
    event_query(Query::try_from_uri(&uri), island_known)
}

/// The island ids the filter accepts, as an enum in the OpenAPI document.
fn island_ids() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(model::events::ISLAND_IDS.iter().copied()))
        .build()
}

/// Filters of `GET /api/events` (for the OpenAPI document).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct EventParams {
    /// Island id, e.g. `etorofu`; `habomai` includes its islets.
    #[param(schema_with = island_ids)]
    island: Option<String>,
    /// Event kind.
    #[param(value_type = Option<model::events::EventKind>)]
    kind: Option<String>,
    /// Events ending on or after this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[param(pattern = r"^[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")]
    from: Option<String>,
    /// Events starting on or before this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[param(pattern = r"^[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")]
    to: Option<String>,
    /// Words that must all occur in the id, title, summary, location or places.
    #[param(max_length = 200)]
    q: Option<String>,
    /// Page size, 1–1000 (default 1000).
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<usize>,
    /// Matches to skip.
    #[param(minimum = 0, maximum = 9223372036854775807_u64)]
    offset: Option<usize>,
}

/// The date filter of the deployment endpoints.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct AtParams {
    /// Only deployments in place on this day (`YYYY-MM-DD`); all when absent.
    #[param(pattern = r"^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
    at: Option<String>,
}
