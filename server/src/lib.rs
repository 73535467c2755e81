//! The Kuril Atlas server as a library, so tests drive the real router.

pub mod about;
pub mod api;
pub mod cite;
pub mod config;
pub mod data;
pub mod deployments_page;
pub mod error;
pub mod event_page;
pub mod export;
pub mod geo;
pub mod http_cache;
pub mod i18n;
pub mod linked;
pub mod page;
pub(crate) mod page_frame;
pub mod panels;
pub mod routes;
pub mod security;
pub mod state;
pub mod timeline;
