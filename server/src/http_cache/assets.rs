//! Caching of the built app's files: Trunk names them by content hash
//! (`app-<16 hex>.js`, `app-<16 hex>_bg.wasm`, `style-<16 hex>.css`), so a
//! name never changes meaning and browsers may keep them for a year.

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use super::IMMUTABLE;

/// Middleware: `Cache-Control: public, max-age=31536000, immutable` on
/// successful (or 304) responses for content-hashed file names, unless the
/// handler set its own.
pub async fn immutable_hashed_assets(request: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    let status = response.status();
    if hashed && (status.is_success() || status == StatusCode::NOT_MODIFIED) {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static(IMMUTABLE));
    }
    response
}

/// True for a path whose last segment carries Trunk's 16-hex-digit file hash:
/// `-<hash>.` or `-<hash>_` (as in `_bg.wasm`). Never for the API.
pub fn is_hashed_asset(path: &str) -> bool {
    if path.starts_with("/api/") {
        return false;
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    name.match_indices('-').any(|(i, _)| {
        let rest = &name[i + 1..];
        rest.len() > 16
            && rest.as_bytes()[..16].iter().all(u8::is_ascii_hexdigit)
            && matches!(rest.as_bytes()[16], b'.' | b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn recognises_trunk_hashes() {
        assert!(is_hashed_asset("/app-b40d63bfe2270f60.js"));
        assert!(is_hashed_asset("/app-b40d63bfe2270f60_bg.wasm"));
        assert!(is_hashed_asset("/style-8190a14db73c9927.css"));
        assert!(is_hashed_asset("/favicon-75d7793f4f6e20fd.svg"));
        assert!(!is_hashed_asset("/"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/app-b40d63bfe227.js"));
        assert!(!is_hashed_asset("/app-b40d63bfe2270f6z.js"));
        assert!(!is_hashed_asset("/api/islands/a-b40d63bfe2270f60.js"));
        assert!(!is_hashed_asset("/ü-€"));
    }
}
