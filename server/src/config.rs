//! Command-line and environment configuration.

use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone, Parser)]
#[command(name = "server", about = "Serves the Kuril Atlas app and its JSON API")]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "KURIL_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Folder with the built app (Trunk's output).
    #[arg(long, env = "KURIL_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Folder with the data files (GeoJSON, events).
    #[arg(long, env = "KURIL_DATA", default_value = "geodata")]
    pub data: PathBuf,
    /// Folder with the message catalogues (`<lang>/*.ftl`).
    #[arg(long, env = "KURIL_I18N", default_value = "assets/i18n")]
    pub i18n: PathBuf,
    #[command(flatten)]
    pub caches: CacheBudgets,
}

/// How much memory the in-memory caches may hold, in MiB: each is bounded
/// in bytes (`http_cache::budget`), whatever the queries.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct CacheBudgets {
    /// MiB of whole answers kept (the API, the pages, the feed, the panels'
    /// fragments, the exports), compressed, with their headers and keys.
    #[arg(
        long = "response-cache-mib",
        env = "KURIL_RESPONSE_CACHE_MIB",
        default_value_t = 64
    )]
    pub response_mib: u64,
    /// MiB of rendered images kept (og.png previews and exported PNGs).
    #[arg(
        long = "image-cache-mib",
        env = "KURIL_IMAGE_CACHE_MIB",
        default_value_t = 64
    )]
    pub image_mib: u64,
}

impl CacheBudgets {
    pub fn response_bytes(&self) -> u64 {
        self.response_mib.saturating_mul(1024 * 1024)
    }

    pub fn image_bytes(&self) -> u64 {
        self.image_mib.saturating_mul(1024 * 1024)
    }
}

impl Default for CacheBudgets {
    fn default() -> Self {
        CacheBudgets {
            response_mib: 64,
            image_mib: 64,
        }
    }
}
