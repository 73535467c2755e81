//! `cargo xtask load [seconds] [connections]`: wrk against the release
//! server with a mix of endpoints (default 60 s, 256 connections). Passes
//! when there are no socket errors and no non-2xx answers, and the server's
//! resident memory at the end is within 20% of its size after warm-up.
//!
//! `cargo xtask load --flood [seconds]`: distinct valid queries only
//! ([`flood`]): the server's memory must stay within its cache budget.
//! `cargo xtask load --failover [seconds]`: two instances behind
//! `deploy/nginx.conf`, one killed and restarted mid-run ([`failover`]):
//! no request may fail.

mod failover;
mod flood;

use crate::util::{Error, root, run};
use std::path::Path;
use std::process::Command;

/// The mix: what a reader's browser and API users ask for most.
const PATHS: &[&str] = &[
    "/",
    "/?island=kunashiri&date=2017-01-01",
    "/api/geo/land/0",
    "/api/geo/land/1",
    "/api/islands",
    "/api/islands/etorofu",
    "/api/events",
    "/api/events?island=etorofu&kind=deployment",
    "/api/events?q=missile&limit=10",
    "/api/events/treaty-of-shimoda-1855",
    "/api/deployments?at=2017-01-01",
    "/api/deployments.geojson",
    "/api/articles/seed-2017-03-20",
    "/api/geo/places",
    "/api/geo/overlays",
    "/og.png?island=etorofu",
];

pub fn run_load(args: &[String]) -> Result<(), Error> {
    match args.first().map(String::as_str) {
        Some("--flood") => return flood::run(positive(args.get(1), 30)?),
        Some("--failover") => return failover::run(positive(args.get(1), 20)?),
        _ => {}
    }
    let seconds = positive(args.first(), 60)?;
    let connections = positive(args.get(1), 256)?;
    prepare()?;

    let work = root().join("target/load");
    std::fs::create_dir_all(&work)?;
    let script = work.join("mix.lua");
    std::fs::write(&script, lua(PATHS))?;

    let server = crate::server_process::over(&root().join("geodata"))?;
    let base = format!("http://{}", server.addr);
    let wrk = |secs: u64| wrk(&script, &base, secs, connections);

    eprintln!("warm-up: 10 s at {connections} connections");
    wrk(10)?;
    let warm = rss_kib(server.pid())?;
    eprintln!(
        "load: {seconds} s at {connections} connections over {} paths",
        PATHS.len()
    );
    let report = wrk(seconds)?;
    let end = rss_kib(server.pid())?;
    let stopped = server.stop();
    eprintln!("{report}");

    let mut problems = failures(&report);
    let growth = end as f64 / warm.max(1) as f64 - 1.0;
    eprintln!(
        "RSS after warm-up {:.1} MiB, at the end {:.1} MiB ({:+.1}%)",
        warm as f64 / 1024.0,
        end as f64 / 1024.0,
        growth * 100.0
    );
    if growth.abs() > 0.20 {
        problems.push(format!("RSS changed by {:+.1}% under load", growth * 100.0));
    }
    stopped?;
    if problems.is_empty() {
        eprintln!("load: PASS");
        Ok(())
    } else {
        Err(Error::msg(problems.join("; ")))
    }
}

/// wrk and the release server, built or installed if missing.
fn prepare() -> Result<(), Error> {
    // `wrk --version` exits non-zero; being able to start it is enough.
    if Command::new("wrk").arg("--version").output().is_err() {
        crate::setup::apt_install(&["wrk"])?;
    }
    run(Command::new("cargo").args(["build", "--release", "--package", "server"]))
}

/// A positive whole number from the command line, or `default`.
fn positive(arg: Option<&String>, default: u64) -> Result<u64, Error> {
    match arg {
        None => Ok(default),
        Some(s) => s
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| Error::msg(format!("`{s}` is not a positive number"))),
    }
}

/// wrk with a Lua script against `base`, its report as text.
fn wrk(script: &Path, base: &str, seconds: u64, connections: u64) -> Result<String, Error> {
    let out = Command::new("wrk")
        .args(["--threads", "2", "--latency", "--timeout", "10s"])
        .arg(format!("--connections={connections}"))
        .arg(format!("--duration={seconds}s"))
        .arg("--script")
        .arg(script)
        .arg(base)
        .output()
        .map_err(|e| Error::msg(format!("cannot run wrk: {e}")))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        return Err(Error::msg(format!(
            "wrk failed: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(text)
}

/// What in a wrk report counts as a lost request: socket errors (connect,
/// read, write, timeout) and answers other than 2xx or 3xx.
fn failures(report: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(line) = report
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("Socket errors:"))
    {
        problems.push(line.to_owned());
    }
    let non_2xx: u64 = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("Non-2xx or 3xx responses:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    if non_2xx > 0 {
        problems.push(format!("{non_2xx} non-2xx responses"));
    }
    problems
}

/// KiB as MiB with one decimal.
fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// How many requests a wrk report says it completed.
fn completed(report: &str) -> Option<u64> {
    report.lines().find_map(|l| {
        let mut words = l.split_whitespace();
        let n = words.next()?.parse().ok()?;
        (words.next() == Some("requests") && words.next() == Some("in")).then_some(n)
    })
}

/// A wrk script that cycles through the paths, one per request.
fn lua(paths: &[&str]) -> String {
    let list: Vec<String> = paths.iter().map(|p| format!("  {p:?},")).collect();
    format!(
        "-- Generated by `cargo xtask load`.\n\
         local paths = {{\n{}\n}}\n\
         local i = 0\n\
         request = function()\n  \
           i = i % #paths + 1\n  \
           return wrk.format(\"GET\", paths[i], {{ [\"Accept-Encoding\"] = \"gzip, br\" }})\n\
         end\n",
        list.join("\n")
    )
}

/// Resident set size of a process, from /proc.
fn rss_kib(pid: u32) -> Result<u64, Error> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| Error::msg(format!("no VmRSS in /proc/{pid}/status")))
}
