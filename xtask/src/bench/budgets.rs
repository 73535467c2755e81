//! The issues' budgets read from a run's results: each with its figure,
//! its target and whether it is met. A budget missed is a finding to act
//! on, not a failure of the run (bench/README.md, "Budgets").

use serde_json::{Value, json};

/// Budget for the wasm module as served with brotli, in bytes (180 KB).
pub const WASM_BUDGET_BR: u64 = 180_000;
/// One frame at 60 Hz.
const FRAME_BUDGET_MS: f64 = 16.7;
/// Chromium coarsens rAF timestamps to 100 µs, so a steady 60 Hz frame reads
/// 16.6 to 16.8 ms.
const TIMER_RESOLUTION_MS: f64 = 0.1;
/// Issue 20: an export PNG nobody asked for before, p95, in ms.
pub const EXPORT_PNG_COLD_P95_MS: f64 = 300.0;

pub fn num(v: &Value, pointer: &str) -> Option<f64> {
    v.pointer(pointer).and_then(Value::as_f64)
}

/// The budgets, each with its figure and whether it is met.
pub fn budgets(r: &Value) -> Vec<Value> {
    let app = |p: &str| num(r, &format!("/browser/targets/app/{p}"));
    let leaflet = |p: &str| num(r, &format!("/browser/targets/leaflet/{p}"));
    let mut out = Vec::new();
    let mut budget = |name: &str, target: String, value: Option<f64>, met: Option<bool>| {
        out.push(row(name, target, value, met));
    };
    let (paint, leaflet_paint) = (
        app("load/first_map_paint_ms"),
        leaflet("load/first_map_paint_ms"),
    );
    budget(
        "first map paint",
        format!(
            "<= 0.5 x Leaflet ({:.0} ms)",
            leaflet_paint.unwrap_or(f64::NAN) * 0.5
        ),
        paint,
        paint.zip(leaflet_paint).map(|(a, l)| a <= 0.5 * l),
    );
    let (p95, leaflet_p95) = (app("pan_zoom/p95_ms"), leaflet("pan_zoom/p95_ms"));
    budget(
        "pan/zoom frame p95",
        format!(
            "<= 16.7 ms and <= Leaflet ({:.2} ms), each +0.1 ms timer resolution",
            leaflet_p95.unwrap_or(f64::NAN)
        ),
        p95,
        // Both comparisons allow one timer tick: a steady 60 Hz reads 16.7 or
        // 16.8 ms per frame, so a median of 16.75 and one of 16.8 are the same.
        // Compared in hundredths: the figures are sums of 0.1 ms ticks, and a
        // p95 of 16.800000000000182 against a limit of 16.8 is float noise.
        p95.zip(leaflet_p95).map(|(a, l)| {
            let (a, l) = (hundredths(a), hundredths(l));
            a <= hundredths(FRAME_BUDGET_MS + TIMER_RESOLUTION_MS)
                && a <= l + hundredths(TIMER_RESOLUTION_MS)
        }),
    );
    let (drag, leaflet_drag) = (app("load/map_responds_ms"), leaflet("load/map_responds_ms"));
    // From navigation to the first frame moved by a drag begun as soon as
    // the page can take one: what a reader waits for, whatever the page
    // does first (run.mjs; bench/README.md "Reading the table").
    budget(
        "map responds to a drag",
        format!(
            "<= 1.2 x Leaflet ({:.0} ms), navigation -> moved frame",
            leaflet_drag.unwrap_or(f64::NAN) * 1.2
        ),
        drag,
        drag.zip(leaflet_drag).map(|(a, l)| a <= 1.2 * l),
    );
    let click = app("load/click_to_panel_ms");
    budget(
        "click -> panel",
        "< 50 ms".into(),
        click,
        click.map(|c| c < 50.0),
    );
    let wasm = num(r, "/dist/wasm_brotli_bytes");
    budget(
        "wasm, brotli",
        format!("<= {WASM_BUDGET_BR} B"),
        wasm,
        wasm.map(|w| w > 0.0 && w <= WASM_BUDGET_BR as f64),
    );
    for (name, key, min) in [
        ("Lighthouse performance", "performance", 0.95),
        ("Lighthouse accessibility", "accessibility", 1.0),
        ("Lighthouse best practices", "best_practices", 1.0),
    ] {
        let score = app(&format!("lighthouse/{key}"));
        budget(name, format!(">= {min}"), score, score.map(|s| s >= min));
    }
    out.extend(server_budgets(r));
    out
}

/// The server's budgets: the API's requests/s against nginx (issue 7), p99
/// at 64 connections on every route against nginx on the same body, and the
/// export PNG's p95 when nobody asked for that image before (issue 20).
pub fn server_budgets(r: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let server = r["server"].as_array().cloned().unwrap_or_default();
    let ratios: Vec<f64> = server
        .iter()
        .filter(|s| s["path"].as_str().is_some_and(|p| p.starts_with("/api/")))
        .filter_map(|s| s["ratio_rps_vs_nginx"].as_f64())
        .collect();
    let worst_ratio = ratios.iter().copied().reduce(f64::min);
    out.push(row(
        "API requests/s vs nginx static (worst /api route/conns)",
        ">= 0.8".into(),
        worst_ratio,
        worst_ratio.map(|w| w >= 0.8),
    ));
    let at_64: Vec<&Value> = server
        .iter()
        .filter(|s| s["connections"].as_u64() == Some(64))
        .collect();
    let worst_p99 = at_64
        .iter()
        .filter_map(|s| s["kuril"]["p99_ms"].as_f64())
        .reduce(f64::max);
    let short: Vec<&str> = at_64
        .iter()
        .filter(|s| p99_within_budget(s) != Some(true))
        .filter_map(|s| s["path"].as_str())
        .collect();
    let mut p99 = row(
        "p99 at 64 connections (worst route)",
        format!("<= nginx's p99 on the same body, or <= {P99_FLOOR_MS} ms where nginx's is"),
        worst_p99,
        (!at_64.is_empty()).then_some(short.is_empty()),
    );
    p99["short"] = json!(short);
    out.push(p99);
    let export = r["cold"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["route"] == "/export.png");
    let p95 = export.and_then(|c| c["p95_ms"].as_f64());
    let clean = export.is_some_and(|c| c["errors"].as_u64() == Some(0));
    out.push(row(
        "export PNG p95, cold",
        format!("< {EXPORT_PNG_COLD_P95_MS} ms"),
        p95,
        p95.map(|p| clean && p < EXPORT_PNG_COLD_P95_MS),
    ));
    out
}

/// `ms` in whole hundredths of a millisecond.
fn hundredths(ms: f64) -> i64 {
    (ms * 100.0).round() as i64
}

/// One budget's entry: no figure (the run did not measure it) is not met.
fn row(name: &str, target: String, value: Option<f64>, met: Option<bool>) -> Value {
    json!({ "budget": name, "target": target, "value": value, "met": met.unwrap_or(false) })
}

/// Below this, a p99 counts as met even when nginx's is lower still: both
/// are within what a reader or an API client can tell apart.
const P99_FLOOR_MS: f64 = 5.0;

/// One wrk row's p99 budget: at or below nginx's on the same body, or at
/// most [`P99_FLOOR_MS`] wherever nginx's is too.
pub fn p99_within_budget(row: &Value) -> Option<bool> {
    let ours = row["kuril"]["p99_ms"].as_f64()?;
    let nginx = row["nginx_static"]["p99_ms"].as_f64()?;
    Some(ours <= nginx || (nginx <= P99_FLOOR_MS && ours <= P99_FLOOR_MS))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the budget called `name` is met for these results.
    fn met(r: &Value, name: &str) -> Option<bool> {
        budgets(r)
            .into_iter()
            .find(|b| b["budget"] == name)
            .and_then(|b| b["met"].as_bool())
    }

    /// A whole run's results with the figures that matter here.
    fn results(app: Value, leaflet: Value, server: Value, cold: Value) -> Value {
        json!({
            "browser": { "targets": { "app": app, "leaflet": leaflet } },
            "dist": { "wasm_brotli_bytes": 150_000 },
            "server": server,
            "cold": cold,
        })
    }

    #[test]
    fn budgets_read_the_results() {
        let r = results(
            json!({ "load": { "first_map_paint_ms": 100.0, "click_to_panel_ms": 20.0, "map_responds_ms": 110.0 },
                    "pan_zoom": { "p95_ms": 16.7 },
                    "lighthouse": { "performance": 0.99, "accessibility": 1.0, "best_practices": 0.96 } }),
            json!({ "load": { "first_map_paint_ms": 150.0, "map_responds_ms": 100.0 },
                    "pan_zoom": { "p95_ms": 33.3 } }),
            json!([
                { "path": "/api/geo/land/0", "connections": 64, "ratio_rps_vs_nginx": 0.9,
                  "kuril": { "p99_ms": 3.0 }, "nginx_static": { "p99_ms": 2.0 } },
                { "path": "/api/geo/land/0", "connections": 256, "ratio_rps_vs_nginx": 0.7,
                  "kuril": { "p99_ms": 30.0 }, "nginx_static": { "p99_ms": 9.0 } }
            ]),
            json!([{ "route": "/export.png", "p95_ms": 120.0, "errors": 0 }]),
        );
        let met: Vec<(String, bool)> = budgets(&r)
            .iter()
            .map(|b| {
                (
                    b["budget"].as_str().unwrap_or("").to_owned(),
                    b["met"] == true,
                )
            })
            .collect();
        let names: Vec<&str> = met.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "first map paint",
                "pan/zoom frame p95",
                "map responds to a drag",
                "click -> panel",
                "wasm, brotli",
                "Lighthouse performance",
                "Lighthouse accessibility",
                "Lighthouse best practices",
                "API requests/s vs nginx static (worst /api route/conns)",
                "p99 at 64 connections (worst route)",
                "export PNG p95, cold",
            ]
        );
        let flags: Vec<bool> = met.iter().map(|(_, m)| *m).collect();
        assert_eq!(
            flags,
            [
                false, true, true, true, true, true, true, false, false, true, true
            ]
        );
    }

    #[test]
    fn first_paint_is_held_to_half_of_leaflets() {
        let paint = |ours: f64, leaflet: f64| {
            let r = results(
                json!({ "load": { "first_map_paint_ms": ours } }),
                json!({ "load": { "first_map_paint_ms": leaflet } }),
                json!([]),
                json!([]),
            );
            met(&r, "first map paint")
        };
        assert_eq!(paint(150.0, 300.0), Some(true));
        assert_eq!(paint(151.0, 300.0), Some(false));
        assert_eq!(paint(121.1, 333.6), Some(true));
    }

    #[test]
    fn a_drag_is_held_to_one_fifth_over_leaflets_time() {
        let drag = |ours: f64, leaflet: f64| {
            let r = results(
                json!({ "load": { "map_responds_ms": ours } }),
                json!({ "load": { "map_responds_ms": leaflet } }),
                json!([]),
                json!([]),
            );
            met(&r, "map responds to a drag")
        };
        assert_eq!(drag(480.0, 400.0), Some(true));
        assert_eq!(drag(481.0, 400.0), Some(false));
        // The run of 2026-11-26: 780 ms against Leaflet's 444 (1.76x).
        assert_eq!(drag(780.2, 444.1), Some(false));
        // No Leaflet figure: not met (nothing to compare with).
        let r = results(
            json!({ "load": { "map_responds_ms": 1.0 } }),
            json!({}),
            json!([]),
            json!([]),
        );
        assert_eq!(met(&r, "map responds to a drag"), Some(false));
    }

    #[test]
    fn lighthouse_performance_needs_095() {
        let score = |s: Value| {
            let r = results(
                json!({ "lighthouse": { "performance": s } }),
                json!({}),
                json!([]),
                json!([]),
            );
            met(&r, "Lighthouse performance")
        };
        assert_eq!(score(json!(0.95)), Some(true));
        assert_eq!(score(json!(0.94)), Some(false));
        assert_eq!(score(json!(null)), Some(false));
    }

    #[test]
    fn a_cold_export_png_is_held_to_300_ms_at_p95_with_no_errors() {
        let export = |cold: Value| {
            met(
                &results(json!({}), json!({}), json!([]), cold),
                "export PNG p95, cold",
            )
        };
        let png = |p95: f64, errors: u64| json!([{ "route": "/export.png", "p95_ms": p95, "errors": errors }]);
        assert_eq!(export(png(299.0, 0)), Some(true));
        assert_eq!(export(png(300.0, 0)), Some(false));
        assert_eq!(export(png(2300.0, 0)), Some(false));
        // A fast error is not a fast image.
        assert_eq!(export(png(5.0, 3)), Some(false));
        // Another route's figure does not count; no figure is not met.
        assert_eq!(
            export(json!([{ "route": "/export.svg", "p95_ms": 5.0, "errors": 0 }])),
            Some(false)
        );
        assert_eq!(export(json!([])), Some(false));
    }

    #[test]
    fn the_p99_budget_covers_every_route_at_64_connections_and_names_the_short_ones() {
        let rows = json!([
            { "path": "/api/geo/land/0", "connections": 64, "ratio_rps_vs_nginx": 0.9,
              "kuril": { "p99_ms": 4.0 }, "nginx_static": { "p99_ms": 1.5 } },
            { "path": "/api/geo/land/0", "connections": 256, "ratio_rps_vs_nginx": 0.9,
              "kuril": { "p99_ms": 40.0 }, "nginx_static": { "p99_ms": 9.0 } },
            { "path": "/feed.atom", "connections": 64, "ratio_rps_vs_nginx": 0.1,
              "kuril": { "p99_ms": 60.0 }, "nginx_static": { "p99_ms": 2.0 } },
            { "path": "/export.png?date=2016-11-22", "connections": 64, "ratio_rps_vs_nginx": 0.5,
              "kuril": { "p99_ms": 30.0 }, "nginx_static": { "p99_ms": 31.0 } }
        ]);
        let b = server_budgets(&json!({ "server": rows }));
        let p99 = b
            .iter()
            .find(|b| b["budget"] == "p99 at 64 connections (worst route)")
            .expect("row");
        assert_eq!(p99["met"], false);
        assert_eq!(p99["short"], json!(["/feed.atom"]));
        assert_eq!(p99["value"], 60.0);
        // requests/s is issue 7's API budget: the feed's 0.1 does not count.
        let rps = &b[0];
        assert_eq!(
            (rps["value"].as_f64(), rps["met"].as_bool()),
            (Some(0.9), Some(true))
        );
    }

    #[test]
    fn a_p99_is_held_to_nginx_or_to_the_floor_where_nginx_is_under_it() {
        let p99 = |ours: f64, nginx: f64| {
            p99_within_budget(
                &json!({ "kuril": { "p99_ms": ours }, "nginx_static": { "p99_ms": nginx } }),
            )
        };
        assert_eq!(p99(6.0, 7.0), Some(true));
        assert_eq!(p99(4.0, 1.0), Some(true));
        assert_eq!(p99(6.0, 5.5), Some(false));
        assert_eq!(p99(9.0, 1.0), Some(false));
    }

    #[test]
    fn frame_times_within_one_timer_tick_of_leaflet_are_no_worse() {
        let frame_budget = |p95: f64, leaflet: f64| {
            let r = json!({ "browser": { "targets": {
                "app": { "pan_zoom": { "p95_ms": p95 } },
                "leaflet": { "pan_zoom": { "p95_ms": leaflet } }
            } } });
            budgets(&r)
                .into_iter()
                .find(|b| b["budget"] == "pan/zoom frame p95")
                .and_then(|b| b["met"].as_bool())
        };
        // The medians of the run at 7a32c55: both steady 60 Hz.
        assert_eq!(frame_budget(16.799999999999272, 16.75), Some(true));
        // One tick over Leaflet's, with the noise of summed float ticks.
        assert_eq!(frame_budget(16.800000000000182, 16.7), Some(true));
        assert_eq!(frame_budget(16.800000000000182, 16.69), Some(false));
        assert_eq!(frame_budget(16.8, 16.6), Some(false));
        assert_eq!(frame_budget(16.9, 16.9), Some(false));
    }
}
