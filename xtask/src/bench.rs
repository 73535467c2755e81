//! `cargo xtask bench`: one run that measures Kuril Atlas against a Leaflet
//! 1.9.4 page (browser) and nginx (server), prints a table and writes
//! `bench/results.json`. Not a test: nothing here passes or fails on a
//! number; see bench/README.md for how to read it.
//!
//! Options: `--no-build` (use dist/ and target/release/server as they are),
//! `--runs N` (browser runs per figure, default 10), `--wrk-seconds S`
//! (default 8), `--wrk-rounds N` (default 1: each wrk figure is the median of
//! N runs, taken in turns with the other targets), `--no-lighthouse`,
//! `--only-server` (wrk and the cold answers only: no browser, no frontend
//! build, and `bench/results.json` is left alone), `--only-cold` (only the
//! cold answers, `cold.rs`), `--cold-samples N` (distinct requests per cold
//! route, default 40).

mod budgets;
pub(crate) use budgets::WASM_BUDGET_BR;
mod cold;
pub(crate) mod nginx;
mod routes;
mod table;
mod wrk;

use crate::http;
use crate::server_process::{self, ServerProcess, free_addr};
use crate::setup::{self, Needs};
use crate::tasks;
use crate::util::{self, Error, output, root};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Cold samples per route unless `--cold-samples` says otherwise.
const COLD_SAMPLES: usize = 40;

struct Options {
    build: bool,
    runs: u32,
    wrk_seconds: u32,
    wrk_rounds: u32,
    lighthouse: bool,
    /// Only the wrk part, for iterating on the server: prints its table and
    /// budgets but does not overwrite `bench/results.json` (a partial run).
    only_server: bool,
    /// Only the cold answers (one server, no nginx, no wrk), printed.
    only_cold: bool,
    /// Distinct requests per cold route.
    cold_samples: usize,
}

impl Options {
    fn parse(args: &[String]) -> Result<Self, Error> {
        let mut o = Options {
            build: true,
            runs: 10,
            wrk_seconds: 8,
            wrk_rounds: 1,
            lighthouse: true,
            only_server: false,
            only_cold: false,
            cold_samples: COLD_SAMPLES,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut number = |name: &str| -> Result<u32, Error> {
                it.next()
                    .and_then(|v| v.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or_else(|| Error::msg(format!("{name} needs a positive number")))
            };
            match a.as_str() {
                // `cargo xtask bench -- --runs 3`: the separator is cargo's habit, not an option.
                "--" => {}
                "--no-build" => o.build = false,
                "--no-lighthouse" => o.lighthouse = false,
                "--only-server" => o.only_server = true,
                "--only-cold" => o.only_cold = true,
                "--cold-samples" => o.cold_samples = number("--cold-samples")? as usize,
                "--runs" => o.runs = number("--runs")?,
                "--wrk-seconds" => o.wrk_seconds = number("--wrk-seconds")?,
                "--wrk-rounds" => o.wrk_rounds = number("--wrk-rounds")?,
                other => {
                    return Err(Error::msg(format!(
                        "unknown option `{other}` (--no-build, --runs N, --wrk-seconds S, --wrk-rounds N, --no-lighthouse, --only-server, --only-cold, --cold-samples N)"
                    )));
                }
            }
        }
        Ok(o)
    }
}

pub fn run(args: &[String]) -> Result<(), Error> {
    let opts = Options::parse(args)?;
    build(&opts)?;
    ensure_tools(!opts.only_server && !opts.only_cold)?;

    let dir = TempDir::new()?;
    let one = bench_server(free_addr()?, &dir.0)?;
    let ids = routes::Ids::read(one.addr)?;
    // Cold before anything else asks the server for these routes.
    let cold = run_cold(one.addr, &ids, opts.cold_samples);
    if opts.only_cold {
        let stopped = one.stop();
        let results = json!({ "cold": cold? });
        table::print_cold_table(&results);
        println!("\n--only-cold: bench/results.json left as it was");
        return stopped;
    }
    let two = bench_server(free_addr()?, &dir.0)?;
    let warm = routes::warm(&ids);
    copy_bodies(one.addr, &warm, &dir.0.join("static"))?;
    let ports = nginx::Ports {
        static_api: free_addr()?,
        leaflet: free_addr()?,
        proxy: free_addr()?,
    };
    let config = nginx::config(&dir.0, &ports, [one.addr, two.addr])?;
    let proxy = nginx::Nginx::start(
        &dir.0,
        &config,
        &[ports.static_api, ports.leaflet, ports.proxy],
    )?;

    let headers = check_headers(one.addr, ports.proxy, !opts.only_server)?;
    let browser = if opts.only_server {
        None
    } else {
        Some(run_browser(&opts, &dir.0, one.addr, ports.leaflet)?)
    };
    let server = run_wrk(&opts, &warm, one.addr, &ports);
    drop(proxy);
    let stopped = (one.stop(), two.stop());
    let mut results = json!({
        "generated_unix": std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
        "machine": machine(),
        "options": {
            "browser_runs": opts.runs,
            "wrk_seconds": opts.wrk_seconds,
            "wrk_rounds": opts.wrk_rounds,
            "wrk_threads": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2),
            "cold_samples": opts.cold_samples,
        },
        "headers": headers,
        "server": server?,
        "cold": cold?,
    });
    match browser {
        Some(browser) => write_results(&mut results, browser)?,
        None => print_server_only(&mut results),
    }
    stopped.0?;
    stopped.1
}

/// What the options ask to be built, or checks that it was.
fn build(opts: &Options) -> Result<(), Error> {
    if opts.only_server || opts.only_cold {
        if opts.build {
            tasks::build_server()
        } else {
            require_server_binary()
        }
    } else if opts.build {
        setup::ensure_all(Needs::Serve)?;
        tasks::build_frontend()?;
        tasks::build_server()
    } else {
        prepare_prebuilt()
    }
}

/// A whole run: the budgets, `bench/results.json` and the full table.
fn write_results(results: &mut Value, browser: Value) -> Result<(), Error> {
    let assets = dist_sizes()?;
    let wasm_br = assets
        .iter()
        .filter(|a| a["file"].as_str().is_some_and(|f| f.ends_with(".wasm")))
        .filter_map(|a| a["brotli"].as_u64())
        .sum::<u64>();
    results["versions"] = versions(&browser);
    results["dist"] = json!({ "files": assets, "wasm_brotli_bytes": wasm_br });
    results["browser"] = browser;
    results["budgets"] = Value::Array(budgets::budgets(results));
    let text = serde_json::to_string_pretty(results)
        .map_err(|e| Error::msg(format!("cannot write results: {e}")))?;
    let out = root().join("bench/results.json");
    std::fs::write(&out, text + "\n")?;
    table::print_table(results);
    println!("\nwritten: {}", out.display());
    Ok(())
}

/// `--only-server`: the server's tables and budgets, nothing written.
fn print_server_only(results: &mut Value) {
    results["budgets"] = Value::Array(budgets::server_budgets(results));
    table::print_server_table(results);
    table::print_cold_table(results);
    let statuses: Vec<&str> = results["headers"]["proxy_land_0"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["x_cache_status"].as_str())
        .collect();
    println!(
        "\nproxy X-Cache-Status, two requests: {}",
        statuses.join(", ")
    );
    table::print_budgets(results);
    println!("\n--only-server: bench/results.json left as it was");
}

/// Each cold route's figures (`cold.rs`), against instance 1 directly.
fn run_cold(addr: SocketAddr, ids: &routes::Ids, samples: usize) -> Result<Vec<Value>, Error> {
    eprintln!(
        "\n=== server: cold answers, {samples} distinct requests per route, one at a time ==="
    );
    let mut out = Vec::new();
    for route in routes::cold(ids, samples) {
        eprintln!(
            "cold {} ({} URLs, first {})",
            route.name,
            route.urls.len(),
            route.urls[0]
        );
        let r = cold::measure(addr, &route.urls)?;
        let mut row = json!({ "route": route.name, "example": route.urls[0] });
        if let (Some(row), Value::Object(figures)) = (row.as_object_mut(), json!(r)) {
            row.extend(figures);
        }
        out.push(row);
    }
    Ok(out)
}

/// nginx serves the very bodies our server sends (identity, as wrk asks),
/// as files under `root`.
fn copy_bodies(addr: SocketAddr, warm: &[routes::Warm], root: &Path) -> Result<(), Error> {
    for route in warm {
        let path = &route.path;
        let r = http::get(addr, path, &[])?;
        if r.status != 200 {
            return Err(Error::msg(format!("GET {path}: status {}", r.status)));
        }
        let file = root.join(static_name(path));
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&file, &r.body)?;
    }
    Ok(())
}

/// `node run.mjs`: both pages in headless Chromium (and Lighthouse).
fn run_browser(
    opts: &Options,
    dir: &Path,
    app: SocketAddr,
    leaflet: SocketAddr,
) -> Result<Value, Error> {
    eprintln!(
        "\n=== browser: Kuril Atlas and Leaflet, {} runs each ===",
        opts.runs
    );
    let browser_json = dir.join("browser.json");
    let mut node = Command::new("node");
    node.arg("run.mjs")
        .arg("--target")
        .arg(format!("app=http://{app}/"))
        .arg("--target")
        .arg(format!("leaflet=http://{leaflet}/"))
        .arg("--runs")
        .arg(opts.runs.to_string())
        .arg("--out")
        .arg(&browser_json)
        .current_dir(root().join("bench"));
    if opts.lighthouse {
        node.arg("--lighthouse");
    }
    util::run(&mut node)?;
    serde_json::from_str(&std::fs::read_to_string(&browser_json)?)
        .map_err(|e| Error::msg(format!("bench/run.mjs wrote bad JSON: {e}")))
}

/// wrk against instance 1, nginx's static copy and both instances behind
/// `deploy/nginx.conf`, per endpoint and connection count. With several
/// rounds the three take turns, so a busy spell on the machine falls on all
/// of them, and each figure is the median of its rounds.
fn run_wrk(
    opts: &Options,
    warm: &[routes::Warm],
    one: SocketAddr,
    ports: &nginx::Ports,
) -> Result<Vec<Value>, Error> {
    eprintln!(
        "\n=== server: wrk, {} s per run, {} round(s) ===",
        opts.wrk_seconds, opts.wrk_rounds
    );
    let mut server = Vec::new();
    for route in warm {
        let path = route.path.as_str();
        // Fill the proxy's cache first: concurrent misses wait on
        // proxy_cache_lock, which polls every 500 ms.
        http::get(ports.proxy, path, &[])?;
        for &conns in route.connections {
            let targets = [one, ports.static_api, ports.proxy];
            let mut runs: [Vec<wrk::WrkResult>; 3] = Default::default();
            for round in 1..=opts.wrk_rounds {
                eprintln!("wrk -c{conns} {path} (round {round})");
                for (addr, runs) in targets.iter().zip(&mut runs) {
                    runs.push(wrk::run(
                        &format!("http://{addr}{path}"),
                        conns,
                        opts.wrk_seconds,
                    )?);
                }
            }
            let [ours, nginx_static, behind_proxy] =
                runs.map(|r| wrk::median(&r).expect("at least one round"));
            server.push(json!({
                "path": path,
                "connections": conns,
                "kuril": ours,
                "nginx_static": nginx_static,
                "kuril_x2_behind_nginx": behind_proxy,
                "ratio_rps_vs_nginx": ours.requests_per_s / nginx_static.requests_per_s,
            }));
        }
    }
    Ok(server)
}

fn require_server_binary() -> Result<(), Error> {
    if server_process::binary().exists() {
        Ok(())
    } else {
        Err(Error::msg(format!(
            "no {}; run without --no-build",
            server_process::binary().display()
        )))
    }
}

/// With `--no-build`: the existing build must be there; precompress if needed.
fn prepare_prebuilt() -> Result<(), Error> {
    require_server_binary()?;
    let dist = root().join("dist");
    let wasm: Vec<PathBuf> = std::fs::read_dir(&dist)
        .map_err(|e| Error::msg(format!("no dist/ ({e}); run without --no-build")))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .collect();
    if wasm.is_empty() {
        return Err(Error::msg("dist/ has no wasm; run without --no-build"));
    }
    let compressed = wasm.iter().all(|w| {
        let mut br = w.clone().into_os_string();
        br.push(".br");
        Path::new(&br).exists()
    });
    if !compressed {
        crate::compress::precompress_dist()?;
    }
    Ok(())
}

/// wrk and nginx from Debian; for the browser part also Chromium and the
/// bench's npm packages.
fn ensure_tools(browser: bool) -> Result<(), Error> {
    let missing: Vec<&str> = [
        ("wrk", "wrk", true),
        ("nginx", "nginx-light", true),
        ("/usr/bin/chromium", "chromium", browser),
    ]
    .into_iter()
    .filter(|&(bin, _, needed)| needed && !on_path(bin))
    .map(|(_, package, _)| package)
    .collect();
    if !missing.is_empty() {
        crate::setup::apt_install(&missing)?;
    }
    let bench = root().join("bench");
    let npm_missing = !bench.join("node_modules/leaflet/dist/leaflet.js").exists()
        || !bench.join("node_modules/.bin/lighthouse").exists()
        || !bench.join("node_modules/@playwright/test").exists();
    if browser && npm_missing {
        util::run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
                .current_dir(&bench),
        )?;
    }
    Ok(())
}

pub(crate) fn on_path(bin: &str) -> bool {
    if bin.contains('/') {
        return Path::new(bin).exists();
    }
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths)
            .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/sbin")])
            .any(|d| d.join(bin).is_file())
    })
}

/// `/api/events?island=…` → `api/events`: nginx maps a URL to a file by its path.
fn static_name(path: &str) -> String {
    path.split('?')
        .next()
        .unwrap_or(path)
        .trim_start_matches('/')
        .to_owned()
}

/// A temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<Self, Error> {
        let dir = std::env::temp_dir().join(format!("kuril-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One release server instance, quiet (RUST_LOG=warn, as nginx's access_log off).
fn bench_server(addr: SocketAddr, dir: &Path) -> Result<ServerProcess, Error> {
    let log = std::fs::File::create(dir.join(format!("server-{}.log", addr.port())))?;
    ServerProcess::start(addr, |cmd| {
        cmd.env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log);
    })
}

/// The proxy's cache on a repeat request, and (unless `--only-server`, which
/// needs no dist/) the caching headers of a hashed asset.
fn check_headers(server: SocketAddr, proxy: SocketAddr, asset: bool) -> Result<Value, Error> {
    let through = |n: u32| -> Result<Value, Error> {
        let r = http::get(proxy, "/api/geo/land/0", &[("Accept-Encoding", "br")])?;
        Ok(json!({
            "request": n,
            "status": r.status,
            "x_cache_status": r.header("x-cache-status"),
            "cache_control": r.header("cache-control"),
            "etag": r.header("etag"),
        }))
    };
    let mut headers = json!({ "proxy_land_0": [through(1)?, through(2)?] });
    if !asset {
        return Ok(headers);
    }
    let dist = root().join("dist");
    let wasm = std::fs::read_dir(&dist)?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .find(|n| n.ends_with(".wasm"))
        .ok_or_else(|| Error::msg("dist/ has no .wasm"))?;
    let asset = http::get(server, &format!("/{wasm}"), &[("Accept-Encoding", "br")])?;
    headers["hashed_asset"] = json!(format!("/{wasm}"));
    headers["hashed_asset_status"] = json!(asset.status);
    headers["hashed_asset_cache_control"] = json!(asset.header("cache-control"));
    headers["hashed_asset_content_encoding"] = json!(asset.header("content-encoding"));
    headers["hashed_asset_served_bytes"] = json!(asset.body.len());
    Ok(headers)
}

/// Each dist/ file that has a `.br`: raw and brotli sizes.
fn dist_sizes() -> Result<Vec<Value>, Error> {
    let dist = root().join("dist");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dist)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.ends_with(".br") {
            continue;
        }
        let br = dist.join(format!("{name}.br"));
        let raw = std::fs::metadata(&path)?.len();
        let brotli = std::fs::metadata(&br).ok().map(|m| m.len());
        files.push(json!({ "file": name, "raw": raw, "brotli": brotli }));
    }
    files.sort_by(|a, b| a["file"].as_str().cmp(&b["file"].as_str()));
    Ok(files)
}

fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_owned());
    json!({
        "cpu_model": model,
        "cores": std::thread::available_parallelism().map(|n| n.get()).ok(),
        "os": std::env::consts::OS,
        "arch": std::env::consts::ARCH,
    })
}

/// First line of a tool's version output (some print to stderr or exit non-zero).
fn version_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_owned)
}

fn npm_version(package: &str) -> Option<String> {
    let path = root()
        .join("bench/node_modules")
        .join(package)
        .join("package.json");
    let text = std::fs::read_to_string(path).ok()?;
    let v: Value = serde_json::from_str(&text).ok()?;
    v["version"].as_str().map(str::to_owned)
}

fn versions(browser: &Value) -> Value {
    json!({
        "chromium": browser["chromium"].as_str(),
        "node": output(Command::new("node").arg("--version")),
        "playwright": npm_version("@playwright/test"),
        "leaflet": npm_version("leaflet"),
        "lighthouse": npm_version("lighthouse"),
        "nginx": version_of("nginx", &["-v"]),
        "wrk": version_of("wrk", &["-v"]),
        "rustc": output(Command::new("rustc").arg("--version")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options() {
        let args: Vec<String> = ["--no-build", "--runs", "3"].map(String::from).into();
        let o = Options::parse(&args).expect("parses");
        assert!(!o.build && o.lighthouse);
        assert_eq!((o.runs, o.wrk_seconds), (3, 8));
        assert!(Options::parse(&["--runs".into(), "0".into()]).is_err());
        assert!(Options::parse(&["--fast".into()]).is_err());
        let o = Options::parse(&["--only-server".into()]).expect("parses");
        assert!(o.only_server && o.build && o.wrk_rounds == 1);
        let args: Vec<String> = ["--wrk-rounds", "3"].map(String::from).into();
        assert_eq!(Options::parse(&args).expect("parses").wrk_rounds, 3);
        // As bench/README.md writes it: `cargo xtask bench -- --no-build`.
        let args: Vec<String> = ["--", "--no-build"].map(String::from).into();
        assert!(!Options::parse(&args).expect("parses").build);
    }

    #[test]
    fn static_names_drop_the_query() {
        assert_eq!(
            static_name("/api/events?island=kunashiri&limit=20"),
            "api/events"
        );
        assert_eq!(static_name("/api/geo/land/0"), "api/geo/land/0");
    }
}
