//! `cargo xtask fuzz [seconds]`: runs every cargo-fuzz target in `fuzz/` for
//! the given time each (default 60 s), one after another, and prints the
//! executions per target. Seeds come from the real data; crashes land in
//! `fuzz/artifacts/<target>/` and fail the command.
//!
//! Needs the nightly toolchain and cargo-fuzz; both are installed if missing.

use crate::util::{Error, output, root, run};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Target, the most bytes one input may have.
const TARGETS: [(&str, usize); 3] = [
    ("permalink_parse", 4096),
    ("events_query", 4096),
    ("data_loader", 128 * 1024),
];

pub fn run_all(args: &[String]) -> Result<(), Error> {
    let seconds: u64 = match args.first() {
        None => 60,
        Some(s) => s
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| Error::msg(format!("`{s}` is not a number of seconds")))?,
    };
    ensure_tools()?;
    let fuzz = root().join("fuzz");
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    for (target, max_len) in TARGETS {
        let corpus = fuzz.join("corpus").join(target);
        seed(target, &corpus)?;
        eprintln!("\n=== fuzz {target} for {seconds} s ===");
        let start = Instant::now();
        let child = Command::new("cargo")
            .args([
                "+nightly",
                "fuzz",
                "run",
                "--sanitizer",
                "none",
                "--debug-assertions",
            ])
            .arg(target)
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-max_len={max_len}"))
            .arg("-print_final_stats=1")
            .current_dir(&fuzz)
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| Error::msg(format!("cannot start cargo fuzz: {e}")))?;
        let out = child.wait_with_output()?;
        let log = String::from_utf8_lossy(&out.stderr);
        eprint!("{}", tail(&log, 30));
        let execs = stat(&log, "stat::number_of_executed_units").unwrap_or(0);
        let rate = stat(&log, "stat::average_exec_per_sec").unwrap_or(0);
        let elapsed = start.elapsed().as_secs_f64();
        if !out.status.success() {
            failed.push(target);
        }
        rows.push((target, elapsed, execs, rate, out.status.success()));
    }
    eprintln!("\n=== fuzz summary ===");
    for (target, elapsed, execs, rate, ok) in &rows {
        let mark = if *ok { "PASS" } else { "FAIL" };
        eprintln!(
            "{mark}  {target:<16} {seconds:>5} s fuzzing ({elapsed:.0} s with the build)  \
             {execs:>10} execs  {rate:>6} exec/s"
        );
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Error::msg(format!(
            "crashes in {}; inputs are in fuzz/artifacts/",
            failed.join(", ")
        )))
    }
}

fn ensure_tools() -> Result<(), Error> {
    if output(Command::new("rustup").args(["run", "nightly", "rustc", "--version"])).is_none() {
        run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    if output(Command::new("cargo").args(["fuzz", "--version"])).is_none() {
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    Ok(())
}

/// Starting inputs: real permalinks, queries and data files.
fn seed(target: &str, corpus: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(corpus)?;
    let write =
        |name: &str, bytes: &[u8]| std::fs::write(corpus.join(format!("seed-{name}")), bytes);
    match target {
        "permalink_parse" => {
            for (i, q) in [
                "map=8.25/44.100/146.700&island=kunashiri",
                "?map=10.5/45.000/147.800&island=etorofu&date=2017-01-01&event=x&article=seed-2017-03-20&excerpt=3&layers=islands,lines&names=ru&embed=1",
                "layers=&names=ja&embed=0",
                "map=nan/inf/-inf&date=2017-02-30&excerpt=0",
                "%6Dap=1/2/3&island=%E5%9B%BD",
            ]
            .iter()
            .enumerate()
            {
                write(&i.to_string(), q.as_bytes())?;
            }
        }
        "events_query" => {
            for (i, q) in [
                "island=etorofu&kind=deployment&from=2010&to=2020-06&q=bastion&limit=10&offset=2",
                "island=habomai&from=1945-08-28&to=1945-09-05",
                "q=s-300&limit=1000&offset=9223372036854775807",
                "kind=tank&limit=99999999999999999999",
                "from=2017-02-30",
            ]
            .iter()
            .enumerate()
            {
                write(&i.to_string(), q.as_bytes())?;
            }
        }
        "data_loader" => {
            let data = root().join("geodata");
            for (which, file) in [
                (0u8, "events/deployments.toml"),
                (0, "events/annotations.toml"),
                (1, "events/articles/seed-2017-03-20.toml"),
                (2, "land-0.geojson"),
                (3, "lines.geojson"),
                (4, "places.geojson"),
                (5, "places.geojson"),
            ] {
                let mut bytes = vec![which];
                bytes.extend(std::fs::read(data.join(file))?);
                write(&file.replace('/', "-"), &bytes)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// A libFuzzer final statistic, e.g. `stat::number_of_executed_units: 123`.
fn stat(log: &str, name: &str) -> Option<u64> {
    log.lines()
        .rev()
        .filter_map(|l| l.strip_prefix(name))
        .find_map(|rest| rest.trim_start_matches(':').trim().parse().ok())
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    let mut out = all[all.len().saturating_sub(lines)..].join("\n");
    out.push('\n');
    out
}
