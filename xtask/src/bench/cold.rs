//! Cold answers: N distinct requests the server has never answered, one at
//! a time, each timed from connect to the last byte. "Cold" means not in
//! any cache: not in the server's response or image caches (each request
//! names a `Host` no request named before, and both caches key on it, as
//! pages and exports write their links from it), not in nginx's
//! (the requests go to the instance directly), not in a browser's. The
//! process itself is warm (data loaded, fonts parsed): what a reader meets
//! who asks for a state nobody asked for before. The first sample is also
//! kept apart: the route's first request since the server started.

use crate::http;
use crate::util::Error;
use serde::Serialize;
use std::net::SocketAddr;
use std::time::Instant;

/// What a browser offers; the answer is timed as a reader would get it.
const ACCEPT_ENCODING: (&str, &str) = ("Accept-Encoding", "br, gzip");

/// One route's cold figures, in milliseconds.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ColdResult {
    pub samples: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// The route's first request since the server started.
    pub first_ms: f64,
    /// Mean answer size as sent (after compression), bytes.
    pub mean_bytes: u64,
    /// Answers that were not 200 (a sample that is an error is not a figure).
    pub errors: usize,
}

/// The `Host` of a route's `i`th cold request: one per sample, so a URL
/// asked again (a route with fewer states than samples) is still an
/// answer the server has not kept.
pub fn host(i: usize, addr: SocketAddr) -> String {
    format!("cold-{i}.bench.test:{}", addr.port())
}

/// Asks for each URL once, in order, each under a host of its own, and times it.
pub fn measure(addr: SocketAddr, urls: &[String]) -> Result<ColdResult, Error> {
    let mut times = Vec::with_capacity(urls.len());
    let mut bytes = 0u64;
    let mut errors = 0;
    for (i, url) in urls.iter().enumerate() {
        let host = host(i, addr);
        let start = Instant::now();
        let r = http::get(addr, url, &[ACCEPT_ENCODING, ("Host", &host)])?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        bytes += r.body.len() as u64;
        if r.status != 200 {
            errors += 1;
            eprintln!("cold GET {url}: status {}", r.status);
        }
    }
    summarize(&times, bytes, errors)
        .ok_or_else(|| Error::msg("a cold measure needs at least one URL"))
}

/// The figures of a series of times (in the order they were taken).
pub fn summarize(times: &[f64], bytes: u64, errors: usize) -> Option<ColdResult> {
    let first = *times.first()?;
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(ColdResult {
        samples: times.len(),
        p50_ms: nearest_rank(&sorted, 50.0),
        p95_ms: nearest_rank(&sorted, 95.0),
        max_ms: sorted[sorted.len() - 1],
        first_ms: first,
        mean_bytes: bytes / times.len() as u64,
        errors,
    })
}

/// The nearest-rank percentile of sorted values: the smallest value with at
/// least `p` per cent of the values at or below it (no interpolation, so
/// the figure is a time that was measured).
fn nearest_rank(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    let rank = ((p / 100.0) * n as f64).ceil() as usize;
    sorted[rank.clamp(1, n) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_measured_times() {
        // 20 samples: p95 is the 19th smallest, the second slowest.
        let times: Vec<f64> = (1..=20).rev().map(f64::from).collect();
        let r = summarize(&times, 2000, 1).expect("samples");
        assert_eq!((r.p50_ms, r.p95_ms, r.max_ms), (10.0, 19.0, 20.0));
        assert_eq!(r.first_ms, 20.0);
        assert_eq!((r.samples, r.mean_bytes, r.errors), (20, 100, 1));
        let one = summarize(&[7.5], 10, 0).expect("one sample");
        assert_eq!((one.p50_ms, one.p95_ms), (7.5, 7.5));
        assert_eq!(summarize(&[], 0, 0), None);
    }

    #[test]
    fn every_sample_has_a_host_of_its_own() {
        let addr: SocketAddr = "127.0.0.1:8181".parse().expect("an address");
        let hosts: std::collections::HashSet<String> = (0..200).map(|i| host(i, addr)).collect();
        assert_eq!(hosts.len(), 200);
        // What the server's `page::origin` accepts as a host.
        assert!(hosts.iter().all(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:".contains(&b))
        }));
    }
}
