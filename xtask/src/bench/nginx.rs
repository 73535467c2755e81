//! The bench's nginx: one process (not a daemon) with a generated config in a
//! temporary folder, serving three sites on loopback ports:
//! the API bodies as static files, the Leaflet baseline page, and
//! `deploy/nginx.conf` in front of two server instances.

use crate::util::{Error, describe, root};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Ports {
    /// The API's bodies as static files.
    pub static_api: SocketAddr,
    /// bench/leaflet/ with Leaflet's files, `/api/` proxied to instance 1.
    pub leaflet: SocketAddr,
    /// deploy/nginx.conf: caching proxy and load balancer over both instances.
    pub proxy: SocketAddr,
}

/// The whole `nginx.conf`, with `deploy/nginx.conf` rewritten for loopback.
pub fn config(dir: &Path, ports: &Ports, instances: [SocketAddr; 2]) -> Result<String, Error> {
    let deploy = deploy_config(instances, ports.proxy, &dir.join("cache"))?;
    let deploy_path = dir.join("deploy.conf");
    std::fs::write(&deploy_path, deploy)?;
    let bench = root().join("bench");
    let d = dir.display();
    Ok(format!(
        r#"worker_processes auto;
daemon off;
master_process on;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_requests 1000000;
    keepalive_timeout 65;
    client_body_temp_path {d}/client_body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;

    # The same response bodies as our API, as files (the query string is ignored).
    server {{
        listen {static_api};
        root {d}/static;
        etag on;
        location /api/ {{ default_type application/json; }}
        location /api/geo/ {{ default_type application/geo+json; }}
    }}

    # The Leaflet baseline, with its data from our server (instance 1).
    server {{
        listen {leaflet};
        root {leaflet_root};
        gzip on;
        gzip_comp_level 6;
        gzip_types text/css application/javascript application/json application/geo+json image/svg+xml;
        location /leaflet/ {{ alias {leaflet_dist}/; }}
        location /api/ {{
            proxy_pass http://{instance};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }}
    }}

    include {deploy_path};
}}
"#,
        static_api = ports.static_api,
        leaflet = ports.leaflet,
        leaflet_root = bench.join("leaflet").display(),
        leaflet_dist = bench.join("node_modules/leaflet/dist").display(),
        instance = instances[0],
        deploy_path = deploy_path.display(),
    ))
}

/// nginx with only `deploy/nginx.conf` (for `cargo xtask load --failover`):
/// the proxy on `proxy`, in front of both instances.
pub fn proxy_only_config(
    dir: &Path,
    proxy: SocketAddr,
    instances: [SocketAddr; 2],
) -> Result<String, Error> {
    let deploy = deploy_config(instances, proxy, &dir.join("cache"))?;
    let deploy_path = dir.join("deploy.conf");
    std::fs::write(&deploy_path, deploy)?;
    let d = dir.display();
    Ok(format!(
        r#"worker_processes 1;
daemon off;
master_process on;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path {d}/client_body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
    include {deploy_path};
}}
"#,
        deploy_path = deploy_path.display(),
    ))
}

/// `deploy/nginx.conf` with its `# bench:` lines pointed at loopback.
pub fn deploy_config(
    instances: [SocketAddr; 2],
    listen: SocketAddr,
    cache: &Path,
) -> Result<String, Error> {
    let path = root().join("deploy/nginx.conf");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))?;
    let replacements = [
        (
            "server 127.0.0.1:8081;",
            format!("server {};", instances[0]),
        ),
        (
            "server 127.0.0.1:8082;",
            format!("server {};", instances[1]),
        ),
        ("/var/cache/nginx/kuril-atlas", cache.display().to_string()),
        ("listen 8080;", format!("listen {listen};")),
    ];
    let mut out = text;
    for (from, to) in replacements {
        if out.matches(from).count() != 1 {
            return Err(Error::msg(format!(
                "deploy/nginx.conf must contain `{from}` exactly once (xtask/src/bench/nginx.rs rewrites it)"
            )));
        }
        out = out.replace(from, &to);
    }
    Ok(out)
}

/// A running nginx, stopped (SIGQUIT, then kill) when dropped.
pub struct Nginx {
    child: Child,
}

impl Nginx {
    pub fn start(dir: &Path, config: &str, wait_for: &[SocketAddr]) -> Result<Self, Error> {
        for sub in ["cache", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"] {
            std::fs::create_dir_all(dir.join(sub))?;
        }
        let conf: PathBuf = dir.join("nginx.conf");
        std::fs::write(&conf, config)?;
        let mut cmd = Command::new("nginx");
        cmd.arg("-p").arg(dir).arg("-c").arg(&conf);
        cmd.stdout(Stdio::null());
        eprintln!("$ {}", describe(&cmd));
        let child = cmd
            .spawn()
            .map_err(|e| Error::msg(format!("cannot start nginx: {e}")))?;
        let mut nginx = Nginx { child };
        let deadline = Instant::now() + Duration::from_secs(10);
        'ports: for addr in wait_for {
            while Instant::now() < deadline {
                if let Ok(Some(status)) = nginx.child.try_wait() {
                    let log = std::fs::read_to_string(dir.join("error.log")).unwrap_or_default();
                    return Err(Error::msg(format!(
                        "nginx exited at start-up ({status}): {log}"
                    )));
                }
                if TcpStream::connect_timeout(addr, Duration::from_millis(200)).is_ok() {
                    continue 'ports;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            return Err(Error::msg(format!(
                "nginx did not listen on {addr} within 10 s"
            )));
        }
        Ok(nginx)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-QUIT", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deploy_config_is_rewritable() {
        let a: SocketAddr = "127.0.0.1:1001".parse().expect("addr");
        let b: SocketAddr = "127.0.0.1:1002".parse().expect("addr");
        let l: SocketAddr = "127.0.0.1:1003".parse().expect("addr");
        let text = deploy_config([a, b], l, Path::new("/tmp/c")).expect("rewrites");
        assert!(text.contains("server 127.0.0.1:1001;"));
        assert!(text.contains("server 127.0.0.1:1002;"));
        assert!(text.contains("listen 127.0.0.1:1003;"));
        assert!(text.contains("proxy_cache_path /tmp/c "));
    }
}
