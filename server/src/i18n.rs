//! The message catalogues: read and checked at start-up from
//! `assets/i18n/<lang>/*.ftl` (joined in file-name order, one download per
//! language), served at `/i18n/<lang>.ftl`, and used by the server's own
//! pages (titles, descriptions, link previews).

use crate::http_cache::{Served, cached};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use model::i18n::{Catalogue, CatalogueError, Lang};
use std::path::Path as FsPath;

const FLUENT: &str = "text/plain; charset=utf-8";

/// Why the catalogues could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueLoadError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Malformed(#[from] CatalogueError),
}

/// Every language's catalogue, parsed, and its text as served.
pub struct Catalogues {
    parsed: Vec<Catalogue>,
    served: Vec<Served>,
}

impl Catalogues {
    /// Reads `dir/<lang>/*.ftl` for every language.
    pub fn load(dir: &FsPath) -> Result<Catalogues, CatalogueLoadError> {
        let mut parsed = Vec::new();
        let mut served = Vec::new();
        for lang in Lang::ALL {
            let files = read_language(&dir.join(lang.code()))?;
            let refs: Vec<(&str, &str)> = files
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            parsed.push(Catalogue::parse(lang, &refs)?);
            let joined: String = files.iter().map(|(_, t)| format!("{t}\n")).collect();
            served.push(Served::new(joined));
        }
        Ok(Catalogues { parsed, served })
    }

    pub fn get(&self, lang: Lang) -> &Catalogue {
        &self.parsed[index(lang)]
    }

    fn served(&self, lang: Lang) -> &Served {
        &self.served[index(lang)]
    }
}

fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

fn read_language(dir: &FsPath) -> Result<Vec<(String, String)>, CatalogueLoadError> {
    let read_error = |path: &FsPath, source| CatalogueLoadError::Read {
        path: path.display().to_string(),
        source,
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| read_error(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|e| read_error(&p, e))?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

/// `GET /i18n/{lang}.ftl`: one language's messages (Fluent).
pub async fn catalogue(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = file
        .strip_suffix(".ftl")
        .and_then(|l| l.parse::<Lang>().ok());
    match lang {
        Some(lang) => {
            let mut response = cached(state.catalogues().served(lang), FLUENT, &headers);
            response.headers_mut().insert(
                axum::http::header::CONTENT_LANGUAGE,
                axum::http::HeaderValue::from_static(lang.code()),
            );
            response
        }
        None => (
            StatusCode::NOT_FOUND,
            "no such catalogue: expected en.ftl, ja.ftl or ru.ftl\n",
        )
            .into_response(),
    }
}
