//! The release server as a child process: started on a loopback address,
//! ready once `/api/health` answers, stopped with SIGTERM and expected to
//! exit cleanly. Used by the browser tests, conformance, load and bench.

use crate::http;
use crate::util::{Error, describe, root};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub struct ServerProcess {
    child: Child,
    pub addr: SocketAddr,
}

/// `target/release/server` (or under `CARGO_TARGET_DIR`).
pub fn binary() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
        .join("release/server")
}

/// A loopback address no one listens on right now.
pub fn free_addr() -> Result<SocketAddr, Error> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?)
}

/// The release server over a data folder, on a free loopback port.
pub fn over(data: &Path) -> Result<ServerProcess, Error> {
    ServerProcess::start(free_addr()?, |cmd| {
        cmd.arg("--data").arg(data);
    })
}

impl ServerProcess {
    /// Starts the server on `addr`; `configure` adds arguments, environment or
    /// output redirection. Waits up to 30 s for `/api/health` to answer 200.
    pub fn start(addr: SocketAddr, configure: impl FnOnce(&mut Command)) -> Result<Self, Error> {
        let mut cmd = Command::new(binary());
        cmd.arg("--addr").arg(addr.to_string()).current_dir(root());
        configure(&mut cmd);
        eprintln!("$ {}", describe(&cmd));
        let child = cmd
            .spawn()
            .map_err(|e| Error::msg(format!("cannot start the server: {e}")))?;
        let mut server = ServerProcess { child, addr };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(Error::msg(format!(
                    "the server exited at start-up ({status})"
                )));
            }
            if http::get(addr, "/api/health", &[]).is_ok_and(|r| r.status == 200) {
                return Ok(server);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(Error::msg(
            "the server did not answer /api/health within 30 s",
        ))
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL, as a crash or the OOM killer would: no clean shutdown.
    pub fn kill(mut self) -> Result<(), Error> {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }

    /// SIGTERM, then wait: the server must shut down cleanly on its own.
    pub fn stop(mut self) -> Result<(), Error> {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait()? {
                return if status.success() {
                    Ok(())
                } else {
                    Err(Error::msg(format!(
                        "the server on {} exited with {status} on SIGTERM",
                        self.addr
                    )))
                };
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(Error::msg(format!(
            "the server on {} did not stop within 10 s of SIGTERM",
            self.addr
        )))
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
