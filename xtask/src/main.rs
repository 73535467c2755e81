//! `cargo xtask <command>`: the project's automation, in Rust rather than shell.
//!
//! - `serve`: set up tools, build the release frontend, run the server on :8080.
//! - `test`: set up, then fmt, clippy, native tests, wasm build, browser tests.
//! - `build`: set up and build the release frontend only.
//! - `bench`: browser and server benchmark against Leaflet and nginx.
//! - `geodata`: regenerate `geodata/` from the pinned upstream packages.
//! - `fonts`: regenerate the bundled Japanese font subset from Debian's Noto CJK.
//! - `fuzz [seconds]`: run every cargo-fuzz target in `fuzz/` (hardening).
//! - `load [seconds] [connections]`: wrk load test with an RSS check;
//!   `load --flood [seconds]` (memory within the cache budget) and
//!   `load --failover [seconds]` (an instance killed behind nginx, no request lost).

mod bench;
mod compress;
mod conformance;
mod fonts;
mod fuzz;
mod geodata;
mod http;
mod load;
mod server_process;
mod setup;
mod tasks;
mod util;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    let result = match command {
        "serve" => tasks::serve(rest),
        "test" => tasks::test(rest),
        "build" => tasks::build(rest),
        "bench" => bench::run(rest),
        "setup" => setup::ensure_all(setup::Needs::Test),
        "geodata" => geodata::run(rest),
        "fonts" => fonts::run_fonts(rest),
        "fuzz" => fuzz::run_all(rest),
        "load" => load::run_load(rest),
        "help" | "--help" | "-h" => {
            print_help();
            Ok(())
        }
        other => Err(util::Error::msg(format!(
            "unknown command `{other}`; run `cargo xtask help`"
        ))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {command}: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_help() {
    println!(
        "cargo xtask <command>\n\n\
         serve    set up, build the app, serve it at http://127.0.0.1:8080\n\
         test     set up, then fmt, clippy, native tests, wasm build, browser tests\n\
         build    set up and build the release frontend into dist/\n\
         setup    install every tool the tests need (idempotent)\n\
         geodata  regenerate geodata/ from the pinned upstream packages\n\
         fonts    regenerate the bundled Japanese font subset (assets/fonts/)\n\
         bench    measure the app against Leaflet and nginx (bench/README.md)\n\
         fuzz     run each fuzz target in fuzz/ for N seconds (default 60)\n\
         load     wrk against the release server: [seconds] [connections], default 60 256;\n\
                  --flood [seconds]: distinct queries, RSS within the cache budget;\n\
                  --failover [seconds]: two instances behind nginx, one killed, no request lost"
    );
}
