//! Faults, against the real server binary: broken or missing data stops
//! start-up naming the file; a taken port is a clear error; SIGTERM lets
//! in-flight requests finish; hostile raw requests (1 MB request line, NUL
//! bytes, backslashes) never take the server down.

mod support;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SERVER: &str = env!("CARGO_BIN_EXE_server");

fn free_addr() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
}

/// A copy of `geodata/` under the test's temporary directory.
fn data_copy(name: &str) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("read_dir") {
            let path = entry.expect("entry").path();
            let target = to.join(path.file_name().expect("name"));
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).expect("copy");
            }
        }
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy(&support::workspace().join("geodata"), &dir);
    dir
}

/// Runs the server on `data` until it exits by itself (it must, at start-up).
fn start_up_fails(data: &Path) -> Output {
    let mut child = Command::new(SERVER)
        .arg("--addr")
        .arg(free_addr().to_string())
        .arg("--data")
        .arg(data)
        .arg("--i18n")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/i18n"))
        .arg("--dist")
        .arg(support::fake_dist("kuril-faults"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the server");
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server started on broken data instead of stopping");
}

fn assert_stops_naming(data: &Path, file: &str, why: &str) {
    let out = start_up_fails(data);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "exit status {}", out.status);
    assert!(
        stderr.contains(file) && stderr.contains(why),
        "stderr does not name {file} ({why}):\n{stderr}"
    );
    assert!(
        !stderr.contains("panicked"),
        "a panic is not a clear message:\n{stderr}"
    );
}

#[test]
fn a_missing_data_file_stops_start_up_naming_it() {
    for file in [
        "lines.geojson",
        "land-2.geojson",
        "places.geojson",
        "overview.geojson",
    ] {
        let data = data_copy(&format!("kuril-missing-{file}"));
        std::fs::remove_file(data.join(file)).expect("remove");
        assert_stops_naming(&data, file, "cannot read");
    }
    let data = data_copy("kuril-missing-events");
    std::fs::remove_dir_all(data.join("events")).expect("remove");
    assert_stops_naming(&data, "events", "cannot read");
}

#[test]
fn a_corrupt_data_file_stops_start_up_naming_it() {
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "land-1.geojson",
            b"{\"type\": \"FeatureCollection\", \"feat",
            "land-1.geojson",
        ),
        ("lines.geojson", b"\xff\xfe not utf-8", "lines.geojson"),
        ("places.geojson", b"[]", "places.geojson"),
        ("land-0.geojson", b"", "land-0.geojson"),
        (
            "events/events.toml",
            b"[[events]]\nid = \"x\"\ndate = \"2017-02-30\"\n",
            "events.toml",
        ),
    ];
    for (file, bytes, named) in cases {
        let data = data_copy(&format!("kuril-corrupt-{}", file.replace('/', "-")));
        std::fs::write(data.join(file), bytes).expect("write");
        assert_stops_naming(&data, named, "");
    }
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr");
    let out = Command::new(SERVER)
        .arg("--addr")
        .arg(addr.to_string())
        .arg("--data")
        .arg(support::workspace().join("geodata"))
        .arg("--i18n")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/i18n"))
        .arg("--dist")
        .arg(support::fake_dist("kuril-faults"))
        .output()
        .expect("run the server");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains(&addr.to_string()) && stderr.contains("already in use"),
        "{stderr}"
    );
}

/// The server, running; killed if a test fails before stopping it.
struct Running {
    child: Child,
    addr: SocketAddr,
}

impl Running {
    fn start() -> Running {
        let addr = free_addr();
        let child = Command::new(SERVER)
            .arg("--addr")
            .arg(addr.to_string())
            .arg("--data")
            .arg(support::workspace().join("geodata"))
            .arg("--i18n")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/i18n"))
            .arg("--dist")
            .arg(support::fake_dist("kuril-faults"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("start the server");
        let mut running = Running { child, addr };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            assert!(
                running.child.try_wait().expect("wait").is_none(),
                "the server exited at start-up"
            );
            if raw(
                addr,
                b"GET /api/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
            )
            .is_ok_and(|r| r.starts_with(b"HTTP/1.1 200"))
            {
                return running;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the server did not answer within 30 s");
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    fn wait(&mut self, limit: Duration) -> std::process::ExitStatus {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the server did not exit within {limit:?}");
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends bytes, reads until the server closes; the raw response.
fn raw(addr: SocketAddr, request: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    // The server may answer and close before a huge request is fully sent.
    let _ = stream.write_all(request);
    let mut response = Vec::new();
    match stream.read_to_end(&mut response) {
        Ok(_) => Ok(response),
        // A reset after a complete early answer still counts as that answer.
        Err(_) if !response.is_empty() => Ok(response),
        Err(e) => Err(e),
    }
}

/// Whether a `Connection: close` response arrived whole (by length or chunks).
fn complete(response: &[u8]) -> bool {
    let Some(split) = response.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let body = &response[split + 4..];
    if let Some(length) = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        return body.len() == length;
    }
    if head.contains("transfer-encoding: chunked") {
        return body.ends_with(b"0\r\n\r\n");
    }
    head.starts_with("http/1.1 304") || head.starts_with("http/1.1 204")
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Complete,
    /// Connection refused or closed before any byte: the server was not
    /// serving this request (after the listener closed); a client retries.
    NotServed,
    Truncated,
}

#[test]
fn sigterm_lets_in_flight_requests_finish() {
    let mut server = Running::start();
    let addr = server.addr;
    let stop = Arc::new(AtomicBool::new(false));
    let log: Arc<Mutex<Vec<(Instant, Instant, Outcome)>>> = Arc::default();
    // Slow requests: the full-detail land, gzipped by a debug build.
    let request =
        b"GET /api/geo/land/2 HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n";
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (stop, log) = (stop.clone(), log.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let start = Instant::now();
                    let outcome = match raw(addr, request) {
                        Ok(r) if complete(&r) => Outcome::Complete,
                        Ok(r) if r.is_empty() => Outcome::NotServed,
                        Ok(_) => Outcome::Truncated,
                        Err(_) => Outcome::NotServed,
                    };
                    log.lock()
                        .expect("log")
                        .push((start, Instant::now(), outcome));
                    if outcome == Outcome::NotServed {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                }
            })
        })
        .collect();
    // Let the load settle, then stop the server in the middle of it.
    let deadline = Instant::now() + Duration::from_secs(60);
    while log.lock().expect("log").len() < 16 {
        assert!(Instant::now() < deadline, "no responses under load");
        std::thread::sleep(Duration::from_millis(10));
    }
    let signalled = Instant::now();
    server.terminate();
    let status = server.wait(Duration::from_secs(30));
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.join().expect("worker");
    }
    assert!(status.success(), "exit status after SIGTERM: {status}");
    let log = log.lock().expect("log");
    let truncated = log.iter().filter(|e| e.2 == Outcome::Truncated).count();
    assert_eq!(truncated, 0, "{truncated} responses were cut off");
    let in_flight = log
        .iter()
        .filter(|(start, end, outcome)| {
            *outcome == Outcome::Complete && *start < signalled && *end > signalled
        })
        .count();
    assert!(
        in_flight > 0,
        "no request was in flight at SIGTERM; the test proves nothing"
    );
    let complete = log.iter().filter(|e| e.2 == Outcome::Complete).count();
    eprintln!(
        "{} requests: {complete} complete ({in_flight} in flight at SIGTERM), 0 cut off",
        log.len()
    );
}

#[test]
fn hostile_raw_requests_never_take_the_server_down() {
    let mut server = Running::start();
    let addr = server.addr;
    let long = format!("/api/events?q={}", "x".repeat(1 << 20));
    let requests: Vec<Vec<u8>> = vec![
        format!("GET {long} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").into_bytes(),
        format!("GET /?q={} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", "y".repeat(100_000)).into_bytes(),
        format!("GET /api/health HTTP/1.1\r\nHost: t\r\nX-Big: {}\r\nConnection: close\r\n\r\n", "z".repeat(1 << 20)).into_bytes(),
        ((0..2000).fold(
            "GET /api/health HTTP/1.1\r\nHost: t\r\n".to_owned(),
            |acc, i| acc + &format!("X-H{i}: v\r\n"),
        ) + "Connection: close\r\n\r\n")
            .into_bytes(),
        b"GET /..\\..\\Cargo.toml HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /\\..\\secret.txt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /../secret.txt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /../../../../etc/passwd HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /secret.txt\0.js HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /api/events?q=\xff\xfe HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /api/events?q=a b HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET http://evil.example/../secret.txt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET * HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"BREW /api/events HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
        b"POST /api/events HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\nabc".to_vec(),
        b"POST /api/events HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n".to_vec(),
        b"GET /api/health HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".to_vec(),
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03".to_vec(),
        b"GET / HTTP/9.9\r\n\r\n".to_vec(),
    ];
    for request in &requests {
        let shown = String::from_utf8_lossy(&request[..request.len().min(60)]).into_owned();
        let response = raw(addr, request).unwrap_or_default();
        let text = String::from_utf8_lossy(&response);
        assert!(
            !text.contains(support::SECRET)
                && !text.contains("[workspace]")
                && !text.contains("root:x:0:0"),
            "{shown:?} leaked a file"
        );
        if let Some(status) = text.get(9..12) {
            assert!(!status.starts_with('5'), "{shown:?}: {status}");
        }
        assert!(
            server.child.try_wait().expect("wait").is_none(),
            "{shown:?} took the server down"
        );
    }
    // The 1 MB API query gets an error (hyper's 414/431 or ours), not a 200.
    let response = raw(
        addr,
        format!("GET {long} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .unwrap_or_default();
    let text = String::from_utf8_lossy(&response);
    assert!(
        !text.starts_with("HTTP/1.1 200"),
        "{}",
        &text[..text.len().min(200)]
    );
    // Still serving.
    let health = raw(
        addr,
        b"GET /api/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
    )
    .expect("health");
    assert!(health.starts_with(b"HTTP/1.1 200"));
    server.terminate();
    assert!(server.wait(Duration::from_secs(20)).success());
}

#[test]
fn a_half_sent_request_neither_holds_a_connection_nor_blocks_shutdown() {
    let mut server = Running::start();
    // Slow-loris: a request head that never ends.
    let mut stalled = TcpStream::connect(server.addr).expect("connect");
    stalled
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: t\r\nX-Slow: ")
        .expect("write");
    stalled
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let start = Instant::now();
    let mut answer = Vec::new();
    let _ = stalled.read_to_end(&mut answer);
    let closed_after = start.elapsed();
    assert!(
        closed_after < Duration::from_secs(15),
        "the server held a half-sent request for {closed_after:?}"
    );
    // And one stalled while SIGTERM arrives does not keep the server alive.
    let mut second = TcpStream::connect(server.addr).expect("connect");
    second.write_all(b"GET / HTTP/1.1\r\nHo").expect("write");
    server.terminate();
    let status = server.wait(Duration::from_secs(15));
    assert!(status.success(), "{status}");
}
