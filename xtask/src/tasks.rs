//! The README's commands: `serve`, `test`, `build`.

use crate::server_process::{ServerProcess, free_addr};
use crate::setup::{self, Needs};
use crate::util::{Error, free_disk_bytes, gib, root, run};
use std::process::Command;
use std::time::Instant;

pub fn build(_args: &[String]) -> Result<(), Error> {
    // Neither the server nor the app's wasm needs Trunk or wasm-bindgen: on a
    // fresh machine both compile while those install. `cargo install`
    // compiles in a folder of its own, so no build waits for another's
    // build-directory lock, and each uses the core the others leave idle
    // (single-threaded link and LTO steps). Trunk then finds the wasm built.
    let server = std::thread::spawn(build_server);
    let wasm = std::thread::spawn(|| setup::ensure_wasm_compiler().and_then(|()| build_wasm()));
    let tools = setup::ensure_tools(Needs::Serve);
    let joined = |t: std::thread::JoinHandle<Result<(), Error>>, what: &str| {
        t.join()
            .unwrap_or_else(|_| Err(Error::msg(format!("the {what}'s thread panicked"))))
    };
    let (server, wasm) = (joined(server, "server build"), joined(wasm, "wasm build"));
    tools?;
    server?;
    wasm?;
    build_frontend()
}

pub fn serve(args: &[String]) -> Result<(), Error> {
    build(&[])?;
    // `cargo xtask serve -- --addr …`: the separator is cargo's habit, not
    // the server's. The server's own default address is 127.0.0.1:8080.
    let server_args = args.strip_prefix(&["--".to_owned()]).unwrap_or(args);
    let mut cmd = Command::new(crate::server_process::binary());
    cmd.args(server_args);
    eprintln!("starting the server (default http://127.0.0.1:8080/; Ctrl-C stops it)");
    run(&mut cmd)
}

/// Trunk's build with the release wasm made first (or found fresh).
pub(crate) fn build_frontend() -> Result<(), Error> {
    build_wasm()?;
    let mut trunk = Command::new("trunk");
    trunk
        .args(["build", "--release"])
        .env("PATH", setup::tool_path());
    with_small_wasm_std(&mut trunk);
    run(&mut trunk)?;
    crate::compress::precompress_dist()
}

/// The app's release wasm, compiled exactly as Trunk's own `cargo build`
/// does (same arguments and environment, so Trunk then finds it fresh), but
/// online: Trunk runs cargo `--offline` (Trunk.toml), and `build-std`
/// resolves the standard library's own dependencies (`wasip1`, …), which a
/// fresh machine's registry cache does not hold; offline, that first build
/// failed ("no matching package named `wasip1`", measured 2026-12-03).
fn build_wasm() -> Result<(), Error> {
    let mut cargo = Command::new("cargo");
    cargo.args([
        "build",
        "--target=wasm32-unknown-unknown",
        "--manifest-path",
    ]);
    cargo
        .arg(root().join("app/Cargo.toml"))
        .args(["--release", "--bin", "app"]);
    with_small_wasm_std(&mut cargo);
    run(&mut cargo)
}

/// The flags that make the release wasm small, for the cargo that Trunk
/// runs: the pinned nightly ([`setup::WASM_TOOLCHAIN`]) compiles the
/// standard library with the app (`build-std`, size-optimised), panics
/// abort at once instead of formatting a message nobody sees
/// (`immediate-abort`), and `Debug` formatting and panic locations are left
/// out. Measured in bench/README.md ("Wasm size"). `--cfg erase_components`
/// repeats `.cargo/config.toml`'s, which a `RUSTFLAGS` would otherwise
/// replace.
fn with_small_wasm_std(cargo_via_trunk: &mut Command) {
    cargo_via_trunk
        .env("RUSTUP_TOOLCHAIN", setup::WASM_TOOLCHAIN)
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            SMALL_WASM_RUSTFLAGS,
        );
}

/// See [`with_small_wasm_std`].
const SMALL_WASM_RUSTFLAGS: &str = "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none";

/// The release wasm as served (the build's brotli `.br`) within the budget
/// the issues set: a size, not a time, so CI holds it (the bench prints it
/// beside the other budgets).
fn wasm_within_budget() -> Result<(), Error> {
    let budget = crate::bench::WASM_BUDGET_BR;
    let mut bytes = 0;
    for entry in std::fs::read_dir(root().join("dist"))? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().ends_with("_bg.wasm.br") {
            bytes += entry.metadata()?.len();
        }
    }
    if bytes == 0 {
        return Err(Error::msg("dist/ has no *_bg.wasm.br"));
    }
    if bytes > budget {
        return Err(Error::msg(format!(
            "the wasm is {bytes} B brotli, over its {budget} B budget (bench/README.md, \"Wasm size\")"
        )));
    }
    println!("wasm: {bytes} B brotli, within the {budget} B budget");
    Ok(())
}

pub(crate) fn build_server() -> Result<(), Error> {
    run(Command::new("cargo").args(["build", "--release", "--package", "server"]))
}

/// One line of the final summary.
struct Outcome {
    step: &'static str,
    passed: bool,
    seconds: f64,
    note: String,
}

/// What one `cargo xtask test` from a clean clone writes (target/, tools,
/// npm packages): 3.1 GiB measured on 2026-11-26, with line tables only
/// (5.7 GiB with full debug info); the rest is headroom.
const CLEAN_TEST_RUN_DISK: u64 = 6 << 30;

/// Below this, a failing step is most likely the full disk: say so, because
/// compilers and linkers report it as a crash or a bare exit status.
const NEARLY_FULL_DISK: u64 = 1 << 30;

pub fn test(_args: &[String]) -> Result<(), Error> {
    let workspace = root();
    if let Some(free) = free_disk_bytes(&workspace)
        && free < CLEAN_TEST_RUN_DISK
    {
        eprintln!(
            "warning: {} free on the disk of {}; a run from a clean clone needs about {}",
            gib(free),
            workspace.display(),
            gib(CLEAN_TEST_RUN_DISK)
        );
    }
    setup::ensure_all(Needs::Test)?;
    let mut outcomes = Vec::new();
    let mut step = |name: &'static str, f: &mut dyn FnMut() -> Result<(), Error>| {
        eprintln!("\n=== {name} ===");
        let start = Instant::now();
        let result = f();
        let mut note = result
            .as_ref()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        if result.is_err()
            && let Some(free) = free_disk_bytes(&workspace)
            && free < NEARLY_FULL_DISK
        {
            note.push_str(&format!(" (the disk has only {} free)", gib(free)));
        }
        let outcome = Outcome {
            step: name,
            passed: result.is_ok(),
            seconds: start.elapsed().as_secs_f64(),
            note,
        };
        let passed = outcome.passed;
        outcomes.push(outcome);
        passed
    };

    step("format", &mut || {
        run(Command::new("cargo").args(["fmt", "--all", "--check"]))
    });
    step("clippy (native)", &mut || {
        run(Command::new("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    step("clippy (wasm app)", &mut || {
        run(Command::new("cargo").args([
            "clippy",
            "--package",
            "app",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    });
    step("native tests", &mut || {
        run(Command::new("cargo").args(["test", "--workspace"]))
    });
    let built = step("release build (wasm app + server)", &mut || {
        build_frontend()?;
        wasm_within_budget()?;
        build_server()
    });
    if built {
        step("browser tests (Playwright, Chromium)", &mut browser_tests);
        step(
            "API conformance (schemathesis)",
            &mut crate::conformance::schemathesis,
        );
        step("failover (nginx, an instance killed)", &mut || {
            crate::load::run_load(&["--failover".to_owned(), "8".to_owned()])
        });
    } else {
        for skipped in [
            "browser tests (Playwright, Chromium)",
            "API conformance (schemathesis)",
            "failover (nginx, an instance killed)",
        ] {
            outcomes.push(Outcome {
                step: skipped,
                passed: false,
                seconds: 0.0,
                note: "not run: the release build failed".into(),
            });
        }
    }

    eprintln!("\n=== summary ===");
    for o in &outcomes {
        let mark = if o.passed { "PASS" } else { "FAIL" };
        eprintln!("{mark}  {:<40} {:>7.1}s  {}", o.step, o.seconds, o.note);
    }
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    if failed == 0 {
        eprintln!("all {} steps passed", outcomes.len());
        Ok(())
    } else {
        Err(Error::msg(format!(
            "{failed} of {} steps failed",
            outcomes.len()
        )))
    }
}

fn browser_tests() -> Result<(), Error> {
    let server = ServerProcess::start(free_addr()?, |_| {})?;
    let base = server.base_url();
    // A second server over hostile data, for e2e/tests/hostile.spec.ts.
    let hostile = crate::conformance::HostileServer::start()?;
    let result = run(Command::new("npx")
        .args(["--no-install", "playwright", "test"])
        .env("BASE_URL", &base)
        .env("HOSTILE_BASE_URL", hostile.base_url())
        .current_dir(root().join("e2e")));
    let stopped = server.stop().and(hostile.stop());
    result?;
    stopped
}
