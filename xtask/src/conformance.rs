//! Hardening steps of `cargo xtask test`:
//!
//! - [`schemathesis`]: property-based conformance of the API to its own
//!   OpenAPI document (schemathesis, in a project-local venv `.tools/venv`),
//!   against a release server of its own;
//! - [`HostileServer`]: a second release server over `geodata/` with the
//!   payloads of `server/tests/fixtures/hostile.tsv` planted, whose address
//!   the browser tests get as `HOSTILE_BASE_URL` (e2e/tests/hostile.spec.ts).

// The planting code is the server tests' own (server/tests/hostile_data.rs).
#[path = "../../server/tests/fixtures/hostile_plant.rs"]
mod hostile_plant;

use crate::server_process::{self, ServerProcess};
use crate::util::{Error, root, run};
use std::path::PathBuf;
use std::process::Command;

/// Pinned so a new release cannot change what passes.
const SCHEMATHESIS: &str = "schemathesis==4.32.5";
/// Examples per operation and phase: a short pass, about a minute.
const MAX_EXAMPLES: &str = "25";

/// The schemathesis executable, installed into `.tools/venv` if missing.
fn ensure_schemathesis() -> Result<PathBuf, Error> {
    let venv = root().join(".tools/venv");
    let exe = venv.join("bin/schemathesis");
    if exe.exists() {
        return Ok(exe);
    }
    run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", SCHEMATHESIS]))?;
    Ok(exe)
}

/// `schemathesis run …/api/openapi.json --checks all` against a fresh server,
/// `positive_data_acceptance` included: every request the document calls
/// valid must get a 2xx (days are `format: date`, a `to` before `from` is an
/// empty answer, the `island` values are the ones the filter accepts).
pub fn schemathesis() -> Result<(), Error> {
    let exe = ensure_schemathesis()?;
    let server = server_process::over(&root().join("geodata"))?;
    // Its state directory (`.schemathesis/`) goes under target/, not the tree.
    let work = root().join("target/schemathesis");
    std::fs::create_dir_all(&work)?;
    let result = run(Command::new(exe)
        .arg("run")
        .arg(format!("http://{}/api/openapi.json", server.addr))
        .args(["--checks", "all"])
        .args([
            "--max-examples",
            MAX_EXAMPLES,
            "--workers",
            "1",
            "--seed",
            "1",
        ])
        .current_dir(&work));
    let stopped = server.stop();
    result?;
    stopped
}

/// The server over hostile data, for as long as this value lives.
pub struct HostileServer(ServerProcess);

impl HostileServer {
    pub fn start() -> Result<Self, Error> {
        let data = root().join("target/hostile-data");
        hostile_plant::plant(&root().join("geodata"), &data)?;
        Ok(HostileServer(server_process::over(&data)?))
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.0.addr)
    }

    pub fn stop(self) -> Result<(), Error> {
        self.0.stop()
    }
}
