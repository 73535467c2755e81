//! Browser-free logic shared by the Kuril Atlas app and server.
//!
//! Everything here is plain Rust with no I/O, so it compiles to both
//! `wasm32-unknown-unknown` (the app) and the host (the server, tests).

pub mod api;
pub mod chart;
pub mod citation;
pub mod decimal;
pub mod downloads;
pub mod events;
pub mod export;
#[cfg(feature = "loader")]
pub mod feed;
pub mod geodata;
pub mod geometry;
pub mod gesture;
pub mod i18n;
pub mod islands;
pub mod labels;
pub mod linked_data;
pub mod marks;
pub mod math;
pub mod measure;
pub mod names;
pub mod og;
pub mod overview;
pub mod permalink;
pub mod positions;
pub mod projection;
pub mod scene;
pub mod story;
pub mod svg;
pub mod timeline;
pub mod viewport;
#[cfg(feature = "mini")]
pub mod wire;
