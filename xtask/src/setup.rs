//! Idempotent set-up: check each tool's version and install only what is
//! missing or wrong. Every download goes through a package registry
//! (crates.io, npm, Debian); Trunk itself runs offline.

use crate::util::{Error, output, root, run};
use std::path::PathBuf;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132";
/// The toolchain the release wasm is built with (`tasks::build_frontend`):
/// a pinned nightly, for `-Zbuild-std` and `-Cpanic=immediate-abort`, which
/// take about a sixth off the compressed wasm (bench/README.md, "Wasm
/// size"). Only its `rust-src` is needed: the standard library is compiled
/// for the wasm from source. Everything else (server, tests, clippy, a plain
/// `trunk serve`) uses the stable toolchain.
pub const WASM_TOOLCHAIN: &str = "nightly-2026-05-20";

/// What the caller is about to do, and so which tools it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Build and serve the app.
    Serve,
    /// Also run browser tests.
    Test,
}

pub fn ensure_all(needs: Needs) -> Result<(), Error> {
    // A download, not a compile: it overlaps the installs below.
    let toolchain = std::thread::spawn(ensure_wasm_compiler);
    let tools = ensure_tools(needs);
    toolchain
        .join()
        .unwrap_or_else(|_| Err(Error::msg("the wasm toolchain install's thread panicked")))?;
    tools
}

/// What compiles the app's wasm: the wasm target and [`WASM_TOOLCHAIN`].
/// Downloads only; `tasks::build` compiles the wasm as soon as they are in.
pub fn ensure_wasm_compiler() -> Result<(), Error> {
    ensure_wasm_target()?;
    ensure_wasm_toolchain()
}

/// Everything but [`ensure_wasm_compiler`]: Trunk, wasm-bindgen-cli and
/// wasm-opt, and for tests the browser and the e2e packages.
pub fn ensure_tools(needs: Needs) -> Result<(), Error> {
    // Trunk and wasm-bindgen-cli compile in folders of their own: on a
    // first run each fills the core the other leaves idle in its
    // single-threaded steps (measured on a fresh clone: 8.4 and 15.5
    // minutes one after the other, under load; see README "Run it").
    let bindgen = std::thread::spawn(ensure_wasm_bindgen);
    let trunk = ensure_trunk();
    let bindgen = bindgen
        .join()
        .unwrap_or_else(|_| Err(Error::msg("the wasm-bindgen install's thread panicked")));
    trunk?;
    bindgen?;
    ensure_wasm_opt()?;
    if needs == Needs::Test {
        ensure_chromium()?;
        ensure_e2e_packages()?;
    }
    Ok(())
}

/// `.tools/node/node_modules/.bin`, where npm's binaryen puts `wasm-opt`.
pub fn node_tools_bin() -> PathBuf {
    root().join(".tools/node/node_modules/.bin")
}

/// PATH with the project-local tools first, so Trunk finds the right wasm-opt.
pub fn tool_path() -> std::ffi::OsString {
    let mut paths = vec![node_tools_bin()];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        paths.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        paths.push(PathBuf::from(home).join(".cargo/bin"));
    }
    if let Some(existing) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(paths).unwrap_or_default()
}

fn tool(name: &str) -> Command {
    let mut cmd = Command::new(name);
    cmd.env("PATH", tool_path());
    cmd
}

fn ensure_wasm_target() -> Result<(), Error> {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return ok("wasm32-unknown-unknown target");
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// [`WASM_TOOLCHAIN`] with `rust-src` (minimal profile: about 1 minute's
/// download, no compile).
fn ensure_wasm_toolchain() -> Result<(), Error> {
    let installed = output(Command::new("rustup").args([
        "component",
        "list",
        "--installed",
        "--toolchain",
        WASM_TOOLCHAIN,
    ]))
    .unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "rust-src") {
        return ok(&format!("{WASM_TOOLCHAIN} with rust-src"));
    }
    eprintln!("installing the {WASM_TOOLCHAIN} toolchain with rust-src (for the release wasm)");
    run(Command::new("rustup").args([
        "toolchain",
        "install",
        WASM_TOOLCHAIN,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
    ]))
}

fn ensure_trunk() -> Result<(), Error> {
    let found = output(tool("trunk").arg("--version")).unwrap_or_default();
    if found == format!("trunk {TRUNK_VERSION}") {
        return ok(&found);
    }
    eprintln!("installing trunk {TRUNK_VERSION} (found: {found:?}); this takes several minutes");
    // Without default features: no TLS stack (rustls, ring) and no update
    // check; Trunk here runs offline (Trunk.toml) and serves nothing.
    run(quick_install()
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
        .arg("--no-default-features"))
}

/// `cargo install` for a build tool: unoptimised (opt-level 0), no LTO,
/// many codegen units, no debug info. Neither tool does heavy work of its
/// own (Trunk runs cargo, wasm-bindgen and wasm-opt; wasm-bindgen rewrites
/// one module), so a first run does not repay optimising them. Measured on
/// 2 cores, 2026-12-04 (README.md, "Run it"): Trunk compiled in 436 CPU
/// seconds at level 0 against 775 at level 1, and its build of this app took
/// the same 22 s either way; wasm-bindgen-cli compiled in 119 against 228,
/// and then runs in 0.8 s instead of 0.2 s per build.
fn quick_install() -> Command {
    let mut cargo = Command::new("cargo");
    cargo
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "false");
    cargo
}

/// The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String, Error> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
        {
            return Ok(v.trim_matches('"').to_owned());
        }
    }
    Err(Error::msg("Cargo.lock has no wasm-bindgen package"))
}

fn ensure_wasm_bindgen() -> Result<(), Error> {
    let version = locked_wasm_bindgen()?;
    let trunk_toml = std::fs::read_to_string(root().join("Trunk.toml"))?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        return Err(Error::msg(format!(
            "Trunk.toml's [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen {version}"
        )));
    }
    let found = output(tool("wasm-bindgen").arg("--version")).unwrap_or_default();
    if found == format!("wasm-bindgen {version}") {
        return ok(&found);
    }
    // Not `--locked`: the CLI's own lock file names a crate version the index lacks.
    // Without default features: no TLS stack (rustls, ring) for the test
    // runner's downloads, which this project never uses; measured on 2
    // cores, 339 instead of 389 CPU seconds at opt-level 1 (README.md, "Run it").
    run(quick_install()
        .args(["install", "wasm-bindgen-cli", "--version", &version])
        .arg("--no-default-features"))
}

fn ensure_wasm_opt() -> Result<(), Error> {
    let wasm_opt = node_tools_bin().join("wasm-opt");
    let found = output(Command::new(&wasm_opt).arg("--version")).unwrap_or_default();
    if found.contains(&format!("version_{BINARYEN_VERSION}")) {
        return ok(&found);
    }
    let dir = root().join(".tools/node");
    std::fs::create_dir_all(&dir)?;
    let manifest = dir.join("package.json");
    if !manifest.exists() {
        std::fs::write(&manifest, "{ \"private\": true }\n")?;
    }
    run(Command::new("npm")
        .args(["install", "--no-save", "--no-audit", "--no-fund"])
        .arg(format!("binaryen@{BINARYEN_VERSION}"))
        .current_dir(&dir))
}

fn ensure_chromium() -> Result<(), Error> {
    let chromium = output(Command::new("/usr/bin/chromium").arg("--version"));
    let driver = output(Command::new("/usr/bin/chromedriver").arg("--version"));
    if let (Some(c), Some(_)) = (&chromium, &driver) {
        return ok(c);
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// Installs Debian packages (as root, or through sudo).
pub(crate) fn apt_install(packages: &[&str]) -> Result<(), Error> {
    let apt = |args: &[&str]| {
        let mut cmd = if is_root() {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update"])?;
    let mut install = vec!["install", "-y"];
    install.extend_from_slice(packages);
    apt(&install)
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).as_deref() == Some("0")
}

fn ensure_e2e_packages() -> Result<(), Error> {
    let dir = root().join("e2e");
    let complete = Command::new("npm")
        .args(["ls", "--depth=0"])
        .current_dir(&dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if complete && dir.join("node_modules").exists() {
        return ok("e2e npm packages");
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        // Playwright drives Debian's Chromium; it must not fetch its own.
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .current_dir(&dir))
}

fn ok(what: &str) -> Result<(), Error> {
    eprintln!("ok: {what}");
    Ok(())
}
