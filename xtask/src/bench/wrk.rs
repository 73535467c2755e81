//! `wrk --latency` runs and the parsing of their report.

use crate::util::Error;
use serde::Serialize;
use std::process::Command;

/// One wrk run's figures.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WrkResult {
    pub requests_per_s: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub requests: u64,
    /// Non-2xx/3xx responses plus socket errors; should be 0.
    pub errors: u64,
}

/// `wrk -t2 -c<conns> -d<secs>s --latency <url>`.
pub fn run(url: &str, connections: u32, seconds: u32) -> Result<WrkResult, Error> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(connections as usize);
    let out = Command::new("wrk")
        .arg(format!("-t{threads}"))
        .arg(format!("-c{connections}"))
        .arg(format!("-d{seconds}s"))
        .arg("--latency")
        .arg(url)
        .output()
        .map_err(|e| Error::msg(format!("cannot run wrk: {e}")))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(Error::msg(format!(
            "wrk {url} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    parse(&text).ok_or_else(|| Error::msg(format!("cannot read wrk's report for {url}:\n{text}")))
}

/// Several runs of one target as one figure: the median of each of
/// requests/s, p50 and p99 (so one run disturbed by other work on the machine
/// does not decide it); requests and errors summed.
pub fn median(runs: &[WrkResult]) -> Option<WrkResult> {
    let mid = |field: fn(&WrkResult) -> f64| {
        let mut v: Vec<f64> = runs.iter().map(field).collect();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        }
    };
    (!runs.is_empty()).then(|| WrkResult {
        requests_per_s: mid(|r| r.requests_per_s),
        p50_ms: mid(|r| r.p50_ms),
        p99_ms: mid(|r| r.p99_ms),
        requests: runs.iter().map(|r| r.requests).sum(),
        errors: runs.iter().map(|r| r.errors).sum(),
    })
}

/// Reads requests/s, the 50th and 99th latency percentiles and errors.
pub fn parse(report: &str) -> Option<WrkResult> {
    let mut rps = None;
    let (mut p50, mut p99) = (None, None);
    let mut requests = None;
    let mut errors = 0;
    for line in report.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Requests/sec:", v] => rps = v.parse::<f64>().ok(),
            ["50%", v] => p50 = duration_ms(v),
            ["99%", v] => p99 = duration_ms(v),
            [n, "requests", "in", ..] => requests = n.parse::<u64>().ok(),
            ["Non-2xx", "or", "3xx", "responses:", n] => errors += n.parse::<u64>().unwrap_or(0),
            ["Socket", "errors:", rest @ ..] => {
                // "connect 0, read 0, write 0, timeout 0"
                errors += rest
                    .iter()
                    .filter_map(|w| w.trim_end_matches(',').parse::<u64>().ok())
                    .sum::<u64>();
            }
            _ => {}
        }
    }
    Some(WrkResult {
        requests_per_s: rps?,
        p50_ms: p50?,
        p99_ms: p99?,
        requests: requests?,
        errors,
    })
}

/// "812.00us", "1.23ms", "2.01s", "1.00m" → milliseconds.
fn duration_ms(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let n: f64 = number.parse().ok()?;
    let factor = match unit {
        "us" => 0.001,
        "ms" => 1.0,
        "s" => 1000.0,
        "m" => 60_000.0,
        _ => return None,
    };
    Some(n * factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Running 8s test @ http://127.0.0.1:1/api/geo/land/0
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms    1.00ms  30.00ms   80.00%
    Req/Sec    15.00k     1.00k   17.00k    70.00%
  Latency Distribution
     50%  812.00us
     75%    2.00ms
     90%    3.00ms
     99%    1.02s
  240000 requests in 8.00s, 18.00GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  30000.50
Transfer/sec:      2.25GB
";

    #[test]
    fn reads_a_report() {
        let r = parse(REPORT).expect("parses");
        assert_eq!(r.requests_per_s, 30000.5);
        assert!((r.p50_ms - 0.812).abs() < 1e-9);
        assert_eq!(r.p99_ms, 1020.0);
        assert_eq!(r.requests, 240_000);
        assert_eq!(r.errors, 7);
    }

    #[test]
    fn the_median_of_runs() {
        let run = |rps: f64, p99: f64| WrkResult {
            requests_per_s: rps,
            p50_ms: 1.0,
            p99_ms: p99,
            requests: 10,
            errors: 1,
        };
        let m = median(&[run(300.0, 9.0), run(100.0, 2.0), run(200.0, 4.0)]).expect("runs");
        assert_eq!((m.requests_per_s, m.p99_ms), (200.0, 4.0));
        assert_eq!((m.requests, m.errors), (30, 3));
        let m = median(&[run(100.0, 2.0), run(200.0, 4.0)]).expect("runs");
        assert_eq!(m.requests_per_s, 150.0);
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn rejects_a_truncated_report() {
        assert_eq!(
            parse("unable to connect to 127.0.0.1:1 Connection refused"),
            None
        );
    }
}
