//! Requests to the server's JSON API.

use gloo_net::http::Request;
use model::geodata::LandCollection;
use std::sync::Arc;

/// Fetches and parses the land outlines at a level of detail.
pub async fn land(level: usize) -> Result<Arc<LandCollection>, String> {
    let url = format!("/api/geo/land/{level}");
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|e| format!("could not reach the server ({e})"))?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} for {url}",
            response.status()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("the map data did not arrive completely ({e})"))?;
    LandCollection::from_json(&text)
        .map(Arc::new)
        .map_err(|e| format!("the map data is malformed: {e}"))
}
