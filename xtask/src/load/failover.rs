//! `cargo xtask load --failover [seconds]`: two release instances behind
//! `deploy/nginx.conf` (as `cargo xtask bench` runs it, loopback addresses
//! only), wrk through nginx with every request a new query (so nginx's cache
//! cannot answer it and an instance must), and mid-run one instance is
//! killed with SIGKILL, then started again on the same address. Passes when
//! no request failed: nginx retries a request the dead instance could not
//! answer on the other one (`proxy_next_upstream error timeout`, idempotent
//! requests only).

use super::{completed, failures, prepare, wrk};
use crate::bench::nginx::{Nginx, proxy_only_config};
use crate::server_process::{ServerProcess, free_addr};
use crate::util::{Error, root};
use std::time::{Duration, Instant};

/// Connections wrk keeps open through nginx.
const CONNECTIONS: u64 = 32;

pub fn run(seconds: u64) -> Result<(), Error> {
    prepare()?;
    if !crate::bench::on_path("nginx") {
        crate::setup::apt_install(&["nginx-light"])?;
    }
    let work = root().join("target/load/failover");
    // A fresh folder: nginx's cache must not answer from an earlier run.
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let script = work.join("distinct.lua");
    std::fs::write(&script, super::flood::SCRIPT)?;

    let addrs = [free_addr()?, free_addr()?];
    let start = |addr| ServerProcess::start(addr, |_| {});
    let mut first = Some(start(addrs[0])?);
    let second = start(addrs[1])?;
    let proxy = free_addr()?;
    let nginx = Nginx::start(&work, &proxy_only_config(&work, proxy, addrs)?, &[proxy])?;

    let base = format!("http://{proxy}");
    eprintln!(
        "failover: {seconds} s through nginx at {CONNECTIONS} connections; instance {} is killed at {} s and started again at {} s",
        addrs[0],
        seconds / 4,
        seconds / 2
    );
    let began = Instant::now();
    let load = std::thread::spawn(move || wrk(&script, &base, seconds, CONNECTIONS));
    let at = |s: u64| {
        let wait = Duration::from_secs(s).saturating_sub(began.elapsed());
        std::thread::sleep(wait);
    };
    at(seconds / 4);
    if let Some(victim) = first.take() {
        victim.kill()?;
        eprintln!(
            "killed {} (SIGKILL) at {:.1} s",
            addrs[0],
            began.elapsed().as_secs_f64()
        );
    }
    at(seconds / 2);
    let restarted = start(addrs[0])?;
    eprintln!(
        "{} answers again at {:.1} s",
        addrs[0],
        began.elapsed().as_secs_f64()
    );
    let report = load
        .join()
        .map_err(|_| Error::msg("the wrk thread panicked"))??;
    drop(nginx);
    let stopped = restarted.stop().and(second.stop());
    eprintln!("{report}");

    let problems = failures(&report);
    let requests = completed(&report).unwrap_or(0);
    stopped?;
    if requests == 0 {
        return Err(Error::msg("wrk completed no request through nginx"));
    }
    if problems.is_empty() {
        eprintln!("load --failover: PASS, {requests} requests, none lost");
        Ok(())
    } else {
        Err(Error::msg(format!(
            "requests were lost when an instance died ({requests} completed): {}",
            problems.join("; ")
        )))
    }
}
