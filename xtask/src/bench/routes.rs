//! What the server part of the bench asks for: the routes measured warm
//! with wrk (each beside nginx serving the same body as a file), and the
//! routes measured cold (`cold.rs`), each with the distinct URLs its
//! samples ask for. Ids come from the server's own API, so the list follows
//! the data.

use crate::http;
use crate::util::Error;
use serde_json::Value;
use std::net::SocketAddr;

/// Connection counts for the first three API routes (issue 7's figures).
const API_CONNECTIONS: &[u32] = &[64, 256];
/// The routes added since: at 64 connections, where issue 20's p99 budget
/// is set (256 as well would add 40 s of wrk per route for no budget).
const ADDED_CONNECTIONS: &[u32] = &[64];

/// A map state shown by the warm export rows (a date with deployments on
/// every island and the events of a busy year).
const EXPORT_STATE: &str = "date=2016-11-22";

/// One route asked for repeatedly by wrk.
#[derive(Debug, Clone, PartialEq)]
pub struct Warm {
    pub path: String,
    pub connections: &'static [u32],
}

/// One route's cold sample: the distinct URLs it asks for, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Cold {
    /// The route as the table names it.
    pub name: &'static str,
    pub urls: Vec<String>,
}

/// The ids the routes are built from, read from the running server.
pub struct Ids {
    pub islands: Vec<String>,
    pub events: Vec<String>,
}

impl Ids {
    /// `/api/islands` and `/api/events` of the server at `addr`.
    pub fn read(addr: SocketAddr) -> Result<Self, Error> {
        let ids = |path: &str| -> Result<Vec<String>, Error> {
            let r = http::get(addr, path, &[])?;
            let v: Value = serde_json::from_slice(&r.body)
                .map_err(|e| Error::msg(format!("GET {path}: not JSON ({e})")))?;
            let ids: Vec<String> = v["items"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|i| i["id"].as_str().map(str::to_owned))
                .collect();
            if ids.is_empty() {
                return Err(Error::msg(format!("GET {path}: no items with an id")));
            }
            Ok(ids)
        };
        Ok(Ids {
            islands: ids("/api/islands")?,
            events: ids("/api/events?limit=1000")?,
        })
    }
}

/// Every route wrk measures: issue 7's three API requests, then the routes
/// other work added (issue 20 item 3).
pub fn warm(ids: &Ids) -> Vec<Warm> {
    let api = [
        "/api/islands/etorofu",
        "/api/events?island=kunashiri&limit=20",
        "/api/geo/land/0",
    ];
    let added = [
        format!("/export.png?{EXPORT_STATE}"),
        format!("/export.svg?{EXPORT_STATE}"),
        "/api/events.csv".to_owned(),
        "/api/deployments.csv".to_owned(),
        // What the app asks for at start: the events as the map marks them.
        "/api/event-marks?lang=ja".to_owned(),
        "/feed.atom".to_owned(),
        format!("/events/{}", ids.events[ids.events.len() / 2]),
        "/fragments/panel?island=etorofu".to_owned(),
        "/about".to_owned(),
        "/deployments".to_owned(),
    ];
    api.into_iter()
        .map(|path| Warm {
            path: path.to_owned(),
            connections: API_CONNECTIONS,
        })
        .chain(added.into_iter().map(|path| Warm {
            path,
            connections: ADDED_CONNECTIONS,
        }))
        .collect()
}

/// Every route measured cold, `n` URLs each. The server keeps every
/// answer (the response cache, keyed by URL, host, day and, for a page,
/// the reader's language), so each sample also names a host of its own
/// (`cold::host`): a repeated URL is still drawn anew. The URLs walk
/// through the states a route has: distinct dates where it has many (each
/// date a new figure, CSV or panel), each island, event and language in
/// turn where it has few.
pub fn cold(ids: &Ids, n: usize) -> Vec<Cold> {
    let langs = ["en", "ja", "ru"];
    let nth = |list: &[String], i: usize| list[i % list.len()].clone();
    let route = |name: &'static str, url: &dyn Fn(usize) -> String| Cold {
        name,
        urls: (0..n).map(url).collect(),
    };
    vec![
        route("/export.png", &|i| {
            format!("/export.png?date={}", day(i, n))
        }),
        route("/export.svg", &|i| {
            format!("/export.svg?date={}", day(i, n))
        }),
        route("/api/events.csv", &|i| {
            format!("/api/events.csv?to={}", later_day(i))
        }),
        route("/api/deployments.csv", &|i| {
            format!("/api/deployments.csv?at={}", day(i, n))
        }),
        route("/feed.atom", &|i| {
            let island = nth(&ids.islands, i);
            format!("/feed.atom?island={island}&lang={}", langs[i % 3])
        }),
        route("/events/{id}", &|i| {
            format!("/events/{}?lang={}", nth(&ids.events, i), langs[i % 3])
        }),
        route("/fragments/panel", &|i| {
            let island = nth(&ids.islands, i);
            format!("/fragments/panel?island={island}&date={}", day(i, n))
        }),
        route("/deployments", &|i| {
            format!("/deployments?lang={}", langs[i % 3])
        }),
    ]
}

/// The `i`th of `n` days spread over 1946-2025, each a different day.
fn day(i: usize, n: usize) -> String {
    let months = 80 * 12;
    let m = i * months / n.max(1);
    let (year, month) = (1946 + m / 12, 1 + m % 12);
    // The day walks too, so two samples never share a date even if n > 960.
    format!("{year}-{month:02}-{:02}", 1 + i % 28)
}

/// Distinct `to=` days after every event, so each answer is the whole
/// events file (the warm row's body), drawn anew: 2030-01-01 onwards.
fn later_day(i: usize) -> String {
    let (year, day_of_year) = (2030 + i / 336, i % 336);
    format!(
        "{year}-{:02}-{:02}",
        1 + day_of_year / 28,
        1 + day_of_year % 28
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn ids() -> Ids {
        Ids {
            islands: vec!["a".into(), "b".into()],
            events: vec!["e1".into(), "e2".into(), "e3".into()],
        }
    }

    #[test]
    fn cold_urls_are_distinct_where_a_route_has_many_states() {
        let dated = [
            "/export.png",
            "/export.svg",
            "/api/events.csv",
            "/api/deployments.csv",
            "/fragments/panel",
        ];
        for route in cold(&ids(), 1200) {
            assert_eq!(route.urls.len(), 1200, "{}", route.name);
            if dated.contains(&route.name) {
                let distinct: HashSet<&String> = route.urls.iter().collect();
                assert_eq!(distinct.len(), 1200, "{} repeats a URL", route.name);
            }
        }
    }

    #[test]
    fn cold_dates_are_real_days_in_the_data_range() {
        for i in 0..2000 {
            for d in [day(i, 2000), later_day(i)] {
                let parts: Vec<u32> = d.split('-').filter_map(|p| p.parse().ok()).collect();
                let [y, m, dd] = parts[..] else {
                    panic!("{d} is not YYYY-MM-DD")
                };
                assert!(
                    (1946..2040).contains(&y) && (1..=12).contains(&m) && (1..=28).contains(&dd),
                    "{d}"
                );
            }
        }
        assert_eq!(day(0, 40), "1946-01-01");
        assert!(day(39, 40).starts_with("2024-"), "{}", day(39, 40));
    }

    #[test]
    fn the_first_three_routes_keep_both_connection_counts() {
        let warm = warm(&ids());
        assert_eq!(warm[0].path, "/api/islands/etorofu");
        assert!(warm[..3].iter().all(|w| w.connections == [64, 256]));
        assert!(warm.iter().any(|w| w.path == "/events/e2"));
        assert!(warm[3..].iter().all(|w| w.connections == [64]));
    }
}
