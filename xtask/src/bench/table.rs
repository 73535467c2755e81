//! The printed table: the browser figures beside Leaflet's, the server's
//! beside nginx's, the cold answers, and the budgets.

use super::budgets::{EXPORT_PNG_COLD_P95_MS, WASM_BUDGET_BR, num, p99_within_budget};
use serde_json::Value;

/// Sum of one byte figure ("raw" or "served") over a target's first view.
fn first_view_bytes(results: &Value, target: &str, field: &str) -> Option<f64> {
    let bytes = results.pointer(&format!("/browser/targets/{target}/load/bytes"))?;
    Some(
        bytes
            .as_object()?
            .values()
            .filter_map(|k| k[field].as_f64())
            .sum(),
    )
}

fn fmt_opt(v: Option<f64>, digits: usize, unit: &str) -> String {
    match v {
        Some(x) if x.is_finite() => format!("{x:.digits$}{unit}"),
        _ => "-".into(),
    }
}

fn kb(v: Option<f64>) -> String {
    fmt_opt(v.map(|b| b / 1000.0), 1, " KB")
}

fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match a.zip(b) {
        Some((a, b)) if b > 0.0 => format!("{:.2}x", a / b),
        _ => "-".into(),
    }
}

pub fn print_table(r: &Value) {
    let m = &r["machine"];
    println!(
        "\nKuril Atlas bench: {} ({} cores); medians of {} browser runs",
        m["cpu_model"].as_str().unwrap_or("unknown CPU"),
        m["cores"].as_u64().unwrap_or(0),
        r["options"]["browser_runs"].as_u64().unwrap_or(0),
    );
    let v = &r["versions"];
    println!(
        "{} | node {} | leaflet {} | {} | {} | {}",
        v["chromium"]
            .as_str()
            .map(|c| format!("chromium {c}"))
            .unwrap_or_default(),
        v["node"].as_str().unwrap_or("?"),
        v["leaflet"].as_str().unwrap_or("?"),
        v["nginx"].as_str().unwrap_or("?"),
        v["wrk"].as_str().unwrap_or("?"),
        v["rustc"].as_str().unwrap_or("?"),
    );
    let a = |p: &str| num(r, &format!("/browser/targets/app/{p}"));
    let l = |p: &str| num(r, &format!("/browser/targets/leaflet/{p}"));
    println!(
        "\n{:<36} {:>14} {:>14} {:>8}  budget",
        "browser (1280x800)", "Kuril Atlas", "Leaflet", "ratio"
    );
    let row = |name: &str, x: Option<f64>, y: Option<f64>, f: &dyn Fn(Option<f64>) -> String| {
        println!(
            "{name:<36} {:>14} {:>14} {:>8}  {}",
            f(x),
            f(y),
            ratio(x, y),
            browser_budget(name)
        );
    };
    let ms = |v: Option<f64>| fmt_opt(v, 1, " ms");
    row(
        "first view, raw",
        first_view_bytes(r, "app", "raw"),
        first_view_bytes(r, "leaflet", "raw"),
        &kb,
    );
    row(
        "first view, as served",
        first_view_bytes(r, "app", "served"),
        first_view_bytes(r, "leaflet", "served"),
        &kb,
    );
    for kind in ["html", "js", "wasm", "css", "data", "other"] {
        row(
            &format!("  {kind}, as served"),
            a(&format!("load/bytes/{kind}/served")),
            l(&format!("load/bytes/{kind}/served")),
            &kb,
        );
    }
    row(
        "first map paint",
        a("load/first_map_paint_ms"),
        l("load/first_map_paint_ms"),
        &ms,
    );
    row(
        "map responds to a drag",
        a("load/map_responds_ms"),
        l("load/map_responds_ms"),
        &ms,
    );
    row(
        "  input -> moved frame",
        a("load/input_to_frame_ms"),
        l("load/input_to_frame_ms"),
        &ms,
    );
    row(
        "click island -> panel",
        a("load/click_to_panel_ms"),
        None,
        &ms,
    );
    row(
        "pan/zoom frame p50",
        a("pan_zoom/p50_ms"),
        l("pan_zoom/p50_ms"),
        &ms,
    );
    row(
        "pan/zoom frame p95",
        a("pan_zoom/p95_ms"),
        l("pan_zoom/p95_ms"),
        &ms,
    );
    row(
        "pan/zoom frame p99",
        a("pan_zoom/p99_ms"),
        l("pan_zoom/p99_ms"),
        &ms,
    );
    row(
        "pan/zoom frame max",
        a("pan_zoom/max_ms"),
        l("pan_zoom/max_ms"),
        &ms,
    );
    row(
        "pan/zoom dropped frames (10 s)",
        a("pan_zoom/dropped_frames"),
        l("pan_zoom/dropped_frames"),
        &|v| fmt_opt(v, 0, ""),
    );
    for (name, key) in [
        ("Lighthouse performance", "performance"),
        ("Lighthouse accessibility", "accessibility"),
        ("Lighthouse best practices", "best_practices"),
        ("Lighthouse SEO", "seo"),
    ] {
        let p = format!("lighthouse/{key}");
        row(name, a(&p), l(&p), &|v| fmt_opt(v, 2, ""));
    }
    println!(
        "wasm: {} raw, {} brotli-11 (dist/*.br); budget <= {WASM_BUDGET_BR} B brotli-11",
        kb(r["dist"]["files"]
            .as_array()
            .and_then(|f| f
                .iter()
                .find(|x| x["file"].as_str().is_some_and(|n| n.ends_with(".wasm"))))
            .and_then(|x| x["raw"].as_f64())),
        kb(num(r, "/dist/wasm_brotli_bytes")),
    );

    print_server_table(r);
    print_cold_table(r);
    let h = &r["headers"];
    println!(
        "\nhashed asset Cache-Control: {} ({})",
        h["hashed_asset_cache_control"].as_str().unwrap_or("none"),
        h["hashed_asset_content_encoding"]
            .as_str()
            .unwrap_or("identity"),
    );
    print_budgets(r);
}

/// The budget a browser row is held to (bench/README.md), printed beside it.
fn browser_budget(row: &str) -> &'static str {
    match row {
        "first map paint" => "<= 0.5x Leaflet",
        "map responds to a drag" => "<= 1.2x Leaflet",
        "click island -> panel" => "< 50 ms",
        "pan/zoom frame p95" => "<= 16.7 ms and <= Leaflet",
        "Lighthouse performance" => ">= 0.95",
        "Lighthouse accessibility" | "Lighthouse best practices" => ">= 1.00",
        _ => "",
    }
}

/// The wrk figures: ours, nginx's static copy, two instances behind nginx.
pub fn print_server_table(r: &Value) {
    println!(
        "\n{:<40} {:>5} | {:>9} {:>7} {:>7} | {:>9} {:>7} {:>7} | {:>6} | {:>9} {:>7} {:>7} | {:<21}",
        "server (wrk --latency, req/s, ms)",
        "conns",
        "Kuril",
        "p50",
        "p99",
        "nginx",
        "p50",
        "p99",
        "ratio",
        "2xK+nginx",
        "p50",
        "p99",
        "p99 budget (64 conns)",
    );
    for s in r["server"].as_array().into_iter().flatten() {
        let f = |k: &str, field: &str, d: usize| fmt_opt(s[k][field].as_f64(), d, "");
        println!(
            "{:<40} {:>5} | {:>9} {:>7} {:>7} | {:>9} {:>7} {:>7} | {:>6} | {:>9} {:>7} {:>7} | {}",
            shorten(s["path"].as_str().unwrap_or("?"), 40),
            s["connections"].as_u64().unwrap_or(0),
            f("kuril", "requests_per_s", 0),
            f("kuril", "p50_ms", 2),
            f("kuril", "p99_ms", 2),
            f("nginx_static", "requests_per_s", 0),
            f("nginx_static", "p50_ms", 2),
            f("nginx_static", "p99_ms", 2),
            fmt_opt(s["ratio_rps_vs_nginx"].as_f64(), 2, "x"),
            f("kuril_x2_behind_nginx", "requests_per_s", 0),
            f("kuril_x2_behind_nginx", "p50_ms", 2),
            f("kuril_x2_behind_nginx", "p99_ms", 2),
            match (s["connections"].as_u64(), p99_within_budget(s)) {
                (Some(64), Some(true)) => "met (<= nginx or <= 5 ms)",
                (Some(64), Some(false)) => "SHORT",
                _ => "",
            },
        );
    }
}

/// The cold answers (`cold.rs`): distinct requests, one at a time.
pub fn print_cold_table(r: &Value) {
    let Some(rows) = r["cold"].as_array() else {
        return;
    };
    println!(
        "\n{:<40} {:>7} | {:>8} {:>8} {:>8} {:>8} | {:>9} {:>6} | budget",
        "cold (distinct requests, one at a time)",
        "samples",
        "p50",
        "p95",
        "max",
        "first",
        "mean size",
        "errors",
    );
    for c in rows {
        let ms = |k: &str| fmt_opt(c[k].as_f64(), 1, " ms");
        let route = c["route"].as_str().unwrap_or("?");
        println!(
            "{:<40} {:>7} | {:>8} {:>8} {:>8} {:>8} | {:>9} {:>6} | {}",
            route,
            c["samples"].as_u64().unwrap_or(0),
            ms("p50_ms"),
            ms("p95_ms"),
            ms("max_ms"),
            ms("first_ms"),
            kb(c["mean_bytes"].as_f64()),
            c["errors"].as_u64().unwrap_or(0),
            if route == "/export.png" {
                format!("p95 < {EXPORT_PNG_COLD_P95_MS} ms")
            } else {
                String::new()
            },
        );
    }
}

/// At most `width` characters, the cut marked with an ellipsis.
fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let kept: String = text.chars().take(width - 1).collect();
    format!("{kept}…")
}

pub fn print_budgets(r: &Value) {
    println!("\nbudgets:");
    for b in r["budgets"].as_array().into_iter().flatten() {
        println!(
            "  {}  {:<52} {:>12}  (target {})",
            if b["met"].as_bool() == Some(true) {
                "met  "
            } else {
                "SHORT"
            },
            b["budget"].as_str().unwrap_or("?"),
            fmt_opt(b["value"].as_f64(), 3, ""),
            b["target"].as_str().unwrap_or("?"),
        );
        let short: Vec<&str> = b["short"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if !short.is_empty() {
            println!("         short on: {}", short.join(", "));
        }
    }
}
