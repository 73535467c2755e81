//! The Kuril Atlas server as a library, so tests drive the real router.

pub mod api;
pub mod cache;
pub mod config;
pub mod error;
pub mod geo;
pub mod page;
pub mod response_cache;
pub mod routes;
pub mod security;
pub mod state;
